using Microsoft.EntityFrameworkCore;
using Portaali.Core.Auditing;
using Portaali.Core.Common;
using Portaali.Core.Customers;
using Portaali.Core.Data;
using Portaali.Core.Security;

namespace Portaali.Core.Segments;

/// <summary>Moves customers between segments and keeps the history; A is management's call and holds at most five.</summary>
public class SegmentService(IDbContextFactory<PortaaliDbContext> dbFactory, AccessGuard guard, TimeProvider clock)
{
    public const int MaxKeyAccounts = 5;

    public async Task ChangeAsync(int customerId, Segment to, string reason, CancellationToken ct = default)
    {
        // Say why an account manager may not pick A rather than a bare "no permission".
        if (to == Segment.A && await guard.IsAllowedAsync(Policies.SetSegments) && !await guard.IsAllowedAsync(Policies.ApproveKeyAccounts))
            throw new ForbiddenException(CoreText.Get("SegmentANeedsManagement"));
        var actor = await guard.DemandAsync(to == Segment.A ? Policies.ApproveKeyAccounts : Policies.SetSegments);
        if (string.IsNullOrWhiteSpace(reason))
            throw new ValidationFailedException([new("Reason", CoreText.Get("SegmentReasonRequired"))]);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == customerId, ct)
            ?? throw new NotFoundException(CoreText.Get("CustomerNotFound"));
        if (customer.Segment == to) return;
        if (customer.Segment == Segment.A && !await guard.IsAllowedAsync(Policies.ApproveKeyAccounts))
            throw new ForbiddenException(CoreText.Get("SegmentLeaveANeedsManagement"));
        await CustomerService.EnsureActiveAsync(db, customerId, ct);
        if (to == Segment.A && await db.Customers.CountAsync(c => c.Segment == Segment.A && !c.IsPassive, ct) >= MaxKeyAccounts)
            throw new DomainException(CoreText.Get("SegmentATooMany", MaxKeyAccounts));
        var now = clock.GetUtcNow().UtcDateTime;
        db.SegmentChanges.Add(new SegmentChange
        {
            CustomerId = customerId, From = customer.Segment, To = to, Reason = reason.Trim(),
            ChangedAt = now, ChangedByUserId = actor.Id, ChangedByName = actor.Name,
        });
        AuditLog.Record(db, actor, now, customerId, "Customer", customerId, "SegmentChanged",
            [new("Segment", customer.Segment.ToString(), to.ToString())]);
        customer.Segment = to;
        customer.Version = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
    }
}
