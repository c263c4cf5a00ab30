using Microsoft.EntityFrameworkCore;
using Portaali.Core.Common;
using Portaali.Core.Customers;
using Portaali.Core.Data;
using Portaali.Core.Security;

namespace Portaali.Core.Segments;

/// <summary>Moves customers between segments and keeps the history; A is management's call and holds at most five, and a
/// move into Potential plans the sales and marketing manager's call.</summary>
public class SegmentService(IDbContextFactory<PortaaliDbContext> dbFactory, AccessGuard guard, TimeProvider clock)
{
    public const int MaxKeyAccounts = KeyAccounts.Max;

    public async Task ChangeAsync(int customerId, Segment to, string reason, CancellationToken ct = default)
    {
        var actor = await KeyAccounts.DemandMoveIntoAsync(guard, to);
        if (string.IsNullOrWhiteSpace(reason))
            throw new ValidationFailedException([new("Reason", CoreText.Get("SegmentReasonRequired"))]);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Begun before the customer and the count are read, so the cap holds for two approvals at once.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == customerId, ct)
            ?? throw new NotFoundException(CoreText.Get("CustomerNotFound"));
        if (customer.Segment == to) return;
        await KeyAccounts.DemandMoveOutOfAsync(guard, customer.Segment);
        await CustomerService.EnsureActiveAsync(db, customerId, ct);
        if (to == Segment.A) await KeyAccounts.EnsureRoomAsync(db, customerId, ct: ct);
        var now = clock.GetUtcNow().UtcDateTime;
        KeyAccounts.Move(db, customer, to, reason, actor, now);
        await db.SaveChangesAsync(ct);
        if (to == Segment.Potential) await PotentialContacts.PlanAsync(db, customerId, actor, now, ct);
        await tx.CommitAsync(ct);
    }
}
