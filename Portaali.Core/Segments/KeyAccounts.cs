using Microsoft.EntityFrameworkCore;
using Portaali.Core.Auditing;
using Portaali.Core.Common;
using Portaali.Core.Customers;
using Portaali.Core.Data;
using Portaali.Core.Security;

namespace Portaali.Core.Segments;

/// <summary>What every path that moves a customer between segments shares: who may move it in or out of A, the cap of
/// <see cref="Max"/> active key accounts, and the history the move leaves. A segment change, a reactivation and a merge
/// all come through here.</summary>
public static class KeyAccounts
{
    public const int Max = 5;

    /// <summary>Refuses to make <paramref name="joiningId"/> an active A account when five others already are;
    /// <paramref name="leavingId"/> is a customer that stops being one in the same operation (a merged duplicate).
    /// Call it inside the transaction that saves the change: it serialises the writers (<see cref="WriteLocks"/>), so two
    /// approvals at once, on one app instance or two, cannot both see room for the fifth.</summary>
    public static async Task EnsureRoomAsync(PortaaliDbContext db, int joiningId, int? leavingId = null, CancellationToken ct = default)
    {
        await db.SerialiseAsync(WriteLock.KeyAccounts, ct);
        var others = await db.Customers.AsNoTracking()
            .Where(c => c.Segment == Segment.A && !c.IsPassive && c.Id != joiningId && c.Id != leavingId)
            .OrderBy(c => c.NameSearch).ThenBy(c => c.Id).Select(c => c.Name).ToListAsync(ct);
        if (others.Count >= Max) throw new KeyAccountLimitException(others);
    }

    /// <summary>Demands the right to put a customer in <paramref name="to"/>: A is management's, the rest the customer team's.
    /// Says why an account manager may not pick A rather than a bare "no permission".</summary>
    public static async Task<Actor> DemandMoveIntoAsync(AccessGuard guard, Segment to)
    {
        if (to == Segment.A && await guard.IsAllowedAsync(Policies.SetSegments) && !await guard.IsAllowedAsync(Policies.ApproveKeyAccounts))
            throw new ForbiddenException(CoreText.Get("SegmentANeedsManagement"));
        return await guard.DemandAsync(to == Segment.A ? Policies.ApproveKeyAccounts : Policies.SetSegments);
    }

    /// <summary>Only management moves a customer out of A, also a passive one on its way back.</summary>
    public static async Task DemandMoveOutOfAsync(AccessGuard guard, Segment from)
    {
        if (from == Segment.A && !await guard.IsAllowedAsync(Policies.ApproveKeyAccounts))
            throw new ForbiddenException(CoreText.Get("SegmentLeaveANeedsManagement"));
    }

    /// <summary>Moves the tracked customer and leaves the segment history (who, when, why) and the change-history entry.</summary>
    public static void Move(PortaaliDbContext db, Customer customer, Segment to, string reason, Actor actor, DateTime now)
    {
        db.SegmentChanges.Add(new SegmentChange
        {
            CustomerId = customer.Id, From = customer.Segment, To = to, Reason = reason.Trim(),
            ChangedAt = now, ChangedByUserId = actor.Id, ChangedByName = actor.Name,
        });
        AuditLog.Record(db, actor, now, customer.Id, "Customer", customer.Id, "SegmentChanged",
            [new("Segment", customer.Segment.ToString(), to.ToString())]);
        customer.Segment = to;
        customer.Version = Guid.NewGuid();
    }
}

/// <summary>Segment A already holds five active customers; the message names them, so management can pick one to move out.</summary>
public class KeyAccountLimitException(IReadOnlyList<string> current)
    : DomainException(CoreText.Get("SegmentATooMany", KeyAccounts.Max, string.Join(", ", current)))
{
    public IReadOnlyList<string> Current { get; } = current;
}
