using Microsoft.EntityFrameworkCore;
using Portaali.Core.Auditing;
using Portaali.Core.Common;
using Portaali.Core.Customers;
using Portaali.Core.Data;
using Portaali.Core.Security;
using Portaali.Core.Suggestions;

namespace Portaali.Core.Segments;

/// <summary>A pending proposal as management sees it, with the customer's segment and responsible people now.</summary>
public record PendingProposalRow(int Id, int CustomerId, string CustomerName, Segment CurrentSegment, string Responsibles,
    string ProposedByName, string Justification, DateTime ProposedAt, Guid Version);

/// <summary>The pending proposals, how many of the five A places are free, and whether the user may decide.</summary>
public record PendingProposalList(IReadOnlyList<PendingProposalRow> Items, int FreeSlots, bool CanDecide);

/// <summary>One of the signed-in user's own proposals; <see cref="IsNew"/> while its outcome is unseen.</summary>
public record MyProposalRow(int Id, int CustomerId, string CustomerName, KeyAccountProposalState State, string Justification,
    DateTime ProposedAt, DateTime? DecidedAt, string? DecidedByName, string? DecisionNote, bool IsNew);

public record PendingProposal(int Id, string ProposedByName, string Justification, DateTime ProposedAt, Guid Version,
    bool CanDecide, bool CanWithdraw);

/// <summary>What the customer's segment tab shows and offers about A proposals; <see cref="CanSetA"/>: the user is
/// management, who set A directly (and decide the proposals).</summary>
public record CustomerProposals(PendingProposal? Pending, bool CanPropose, bool CanSetA);

/// <summary>A proposals: the customer's people propose a key account with a justification, management approves (within
/// the cap of five) or rejects with a note, and the proposer sees the outcome.</summary>
public class KeyAccountProposalService(IDbContextFactory<PortaaliDbContext> dbFactory, AccessGuard guard, TimeProvider clock)
{
    private const string Entity = "KeyAccountProposal";

    public async Task<int> ProposeAsync(int customerId, string? justification, CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        var text = (justification ?? "").Trim();
        if (text.Length == 0)
            throw new ValidationFailedException([new("Justification", CoreText.Get("ProposalJustificationRequired"))]);
        if (text.Length > KeyAccountProposal.MaxJustification)
            throw new ValidationFailedException([new("Justification", CoreText.Get("ProposalJustificationTooLong", KeyAccountProposal.MaxJustification))]);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == customerId)
            .Select(c => new { c.Name, c.Segment }).FirstOrDefaultAsync(ct) ?? throw new NotFoundException(CoreText.Get("CustomerNotFound"));
        if (!await MayProposeAsync(db, customerId, actor, ct)) throw new ForbiddenException(CoreText.Get("ProposalNotAllowed"));
        await CustomerService.EnsureActiveAsync(db, customerId, ct);
        if (customer.Segment == Segment.A) throw new DomainException(CoreText.Get("ProposalAlreadyA", customer.Name));
        if (await db.KeyAccountProposals.AnyAsync(p => p.CustomerId == customerId && p.State == KeyAccountProposalState.Pending, ct))
            throw new DomainException(CoreText.Get("ProposalPendingExists", customer.Name));

        var now = clock.GetUtcNow().UtcDateTime;
        var proposal = new KeyAccountProposal
        {
            CustomerId = customerId, ProposedByUserId = actor.Id, ProposedByName = actor.Name, Justification = text,
            ProposedAt = now, State = KeyAccountProposalState.Pending,
        };
        db.KeyAccountProposals.Add(proposal);
        await db.SaveChangesAsync(ct); // the history entry names the proposal's id
        AuditLog.Record(db, actor, now, customerId, Entity, proposal.Id, "Proposed", [new("Justification", null, text)]);
        // The RFM rule's "propose A" is done once someone has proposed.
        var suggestions = await db.Suggestions
            .Where(s => s.CustomerId == customerId && s.Kind == SuggestionKind.ProposeA && s.ResolvedAt == null).ToListAsync(ct);
        foreach (var s in suggestions)
        {
            s.ResolvedAt = now;
            s.ResolvedByUserId = actor.Id;
            s.ResolvedByName = actor.Name;
            s.Resolution = SuggestionResolution.Accepted;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return proposal.Id;
    }

    /// <summary>Makes the customer a key account within the cap of five; refused with the five's names when A is full,
    /// and nothing is saved then.</summary>
    public async Task ApproveAsync(int id, string? note, Guid expectedVersion, CancellationToken ct = default)
    {
        var actor = await guard.DemandAsync(Policies.ApproveKeyAccounts);
        var cleanNote = CleanNote(note);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Begun before the proposal and the count are read, so two approvals at once cannot both take the fifth place.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var proposal = await LoadPendingAsync(db, id, expectedVersion, ct);
        var customer = await db.Customers.FirstAsync(c => c.Id == proposal.CustomerId, ct);
        await CustomerService.EnsureActiveAsync(db, customer.Id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (customer.Segment != Segment.A)
        {
            await KeyAccounts.EnsureRoomAsync(db, customer.Id, ct: ct);
            var reason = cleanNote is null
                ? CoreText.Get("ProposalApprovedReason", proposal.Justification)
                : CoreText.Get("ProposalApprovedReasonWithNote", proposal.Justification, cleanNote);
            KeyAccounts.Move(db, customer, Segment.A, reason, actor, now);
        }
        Decide(db, proposal, KeyAccountProposalState.Approved, cleanNote, actor, now, expectedVersion);
        await SaveOrConflictAsync(db, ct);
        await tx.CommitAsync(ct);
    }

    public async Task RejectAsync(int id, string? note, Guid expectedVersion, CancellationToken ct = default)
    {
        var actor = await guard.DemandAsync(Policies.ApproveKeyAccounts);
        var cleanNote = CleanNote(note)
            ?? throw new ValidationFailedException([new("DecisionNote", CoreText.Get("ProposalRejectNoteRequired"))]);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var proposal = await LoadPendingAsync(db, id, expectedVersion, ct);
        Decide(db, proposal, KeyAccountProposalState.Rejected, cleanNote, actor, clock.GetUtcNow().UtcDateTime, expectedVersion);
        await SaveOrConflictAsync(db, ct);
    }

    /// <summary>The proposer takes a pending proposal back.</summary>
    public async Task WithdrawAsync(int id, CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var proposal = await db.KeyAccountProposals.FirstOrDefaultAsync(p => p.Id == id, ct)
            ?? throw new NotFoundException(CoreText.Get("ProposalNotFound"));
        if (proposal.ProposedByUserId != actor.Id) throw new ForbiddenException(CoreText.Get("ProposalWithdrawNotYours"));
        if (proposal.State != KeyAccountProposalState.Pending)
            throw new DomainException(CoreText.Get("ProposalAlreadyDecided", StateText(proposal.State)));
        var version = proposal.Version;
        Decide(db, proposal, KeyAccountProposalState.Withdrawn, null, actor, clock.GetUtcNow().UtcDateTime, version);
        proposal.SeenByProposerAt = proposal.DecidedAt; // their own act is no news to them
        await SaveOrConflictAsync(db, ct);
    }

    /// <summary>Pending proposals, oldest first, for the people who follow the key accounts; management decides them.</summary>
    public async Task<PendingProposalList> ListPendingAsync(CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.FollowKeyAccounts);
        var canDecide = await guard.IsAllowedAsync(Policies.ApproveKeyAccounts);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.KeyAccountProposals.AsNoTracking().Where(p => p.State == KeyAccountProposalState.Pending)
            .OrderBy(p => p.ProposedAt).ThenBy(p => p.Id).Take(200)
            .Select(p => new { p.Id, p.CustomerId, p.Customer!.Name, p.Customer.Segment, p.ProposedByName, p.Justification, p.ProposedAt, p.Version })
            .ToListAsync(ct);
        var customerIds = rows.Select(r => r.CustomerId).ToList();
        var responsibles = (await db.CustomerResponsibles.AsNoTracking().Where(r => customerIds.Contains(r.CustomerId))
                .Select(r => new { r.CustomerId, r.User!.DisplayName }).ToListAsync(ct))
            .ToLookup(r => r.CustomerId, r => r.DisplayName);
        var keyAccounts = await db.Customers.CountAsync(c => c.Segment == Segment.A && !c.IsPassive, ct);
        return new PendingProposalList(rows.Select(r => new PendingProposalRow(r.Id, r.CustomerId, r.Name, r.Segment,
                string.Join(", ", responsibles[r.CustomerId].Order()), r.ProposedByName, r.Justification, r.ProposedAt, r.Version)).ToList(),
            Math.Max(0, KeyAccounts.Max - keyAccounts), canDecide);
    }

    /// <summary>The signed-in user's proposals, newest first; decided ones they have not seen yet are flagged.</summary>
    public async Task<IReadOnlyList<MyProposalRow>> ListMineAsync(CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.KeyAccountProposals.AsNoTracking().Where(p => p.ProposedByUserId == actor.Id)
            .OrderByDescending(p => p.ProposedAt).ThenByDescending(p => p.Id).Take(100)
            .Select(p => new MyProposalRow(p.Id, p.CustomerId, p.Customer!.Name, p.State, p.Justification, p.ProposedAt,
                p.DecidedAt, p.DecidedByName, p.DecisionNote, p.SeenByProposerAt == null && p.DecidedAt != null))
            .ToListAsync(ct);
    }

    /// <summary>How many of the signed-in user's decided proposals they have not seen yet (the menu's badge).</summary>
    public async Task<int> CountUnseenAsync(CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Unseen(db, actor.Id).CountAsync(ct);
    }

    /// <summary>Marks the outcomes of the signed-in user's proposals seen.</summary>
    public async Task<int> MarkSeenAsync(CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Unseen(db, actor.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.SeenByProposerAt, now), ct);
    }

    /// <summary>The customer's pending proposal (with what the user may do about it) and whether the user may propose.</summary>
    public async Task<CustomerProposals> ForCustomerAsync(int customerId, CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        var isManagement = await guard.IsAllowedAsync(Policies.ApproveKeyAccounts);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == customerId)
            .Select(c => new { c.Segment, c.IsPassive }).FirstOrDefaultAsync(ct) ?? throw new NotFoundException(CoreText.Get("CustomerNotFound"));
        var pending = await db.KeyAccountProposals.AsNoTracking()
            .Where(p => p.CustomerId == customerId && p.State == KeyAccountProposalState.Pending)
            .Select(p => new PendingProposal(p.Id, p.ProposedByName, p.Justification, p.ProposedAt, p.Version,
                isManagement && !customer.IsPassive, p.ProposedByUserId == actor.Id))
            .FirstOrDefaultAsync(ct);
        var canPropose = pending is null && !customer.IsPassive && customer.Segment != Segment.A
            && (isManagement || await IsResponsibleAsync(db, customerId, actor, ct));
        return new CustomerProposals(pending, canPropose, isManagement);
    }

    /// <summary>A merge keeps the duplicate's proposals on the survivor; a pending one is withdrawn when the survivor is (or
    /// becomes) A or already has one waiting, since a customer has at most one.</summary>
    internal static async Task MoveOnMergeAsync(PortaaliDbContext db, int duplicateId, int survivorId, bool survivorIsA, Actor actor,
        DateTime now, CancellationToken ct)
    {
        if (survivorIsA || await db.KeyAccountProposals.AnyAsync(p => p.CustomerId == survivorId && p.State == KeyAccountProposalState.Pending, ct))
            await db.KeyAccountProposals.Where(p => p.CustomerId == duplicateId && p.State == KeyAccountProposalState.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.State, KeyAccountProposalState.Withdrawn).SetProperty(p => p.DecidedAt, now)
                    .SetProperty(p => p.DecidedByUserId, actor.Id).SetProperty(p => p.DecidedByName, actor.Name), ct);
        await db.KeyAccountProposals.Where(p => p.CustomerId == duplicateId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.CustomerId, survivorId), ct);
    }

    private async Task<bool> MayProposeAsync(PortaaliDbContext db, int customerId, Actor actor, CancellationToken ct) =>
        await IsResponsibleAsync(db, customerId, actor, ct) || await guard.IsAllowedAsync(Policies.ApproveKeyAccounts);

    private static Task<bool> IsResponsibleAsync(PortaaliDbContext db, int customerId, Actor actor, CancellationToken ct) =>
        db.CustomerResponsibles.AnyAsync(r => r.CustomerId == customerId && r.UserId == actor.Id, ct);

    private static IQueryable<KeyAccountProposal> Unseen(PortaaliDbContext db, int userId) =>
        db.KeyAccountProposals.Where(p => p.ProposedByUserId == userId && p.SeenByProposerAt == null
            && (p.State == KeyAccountProposalState.Approved || p.State == KeyAccountProposalState.Rejected));

    private static async Task<KeyAccountProposal> LoadPendingAsync(PortaaliDbContext db, int id, Guid expectedVersion, CancellationToken ct)
    {
        var proposal = await db.KeyAccountProposals.FirstOrDefaultAsync(p => p.Id == id, ct)
            ?? throw new NotFoundException(CoreText.Get("ProposalNotFound"));
        if (proposal.State != KeyAccountProposalState.Pending)
            throw new DomainException(CoreText.Get("ProposalAlreadyDecided", StateText(proposal.State)));
        if (proposal.Version != expectedVersion) throw new ConcurrencyConflictException(CoreText.Get("ProposalConflict"));
        return proposal;
    }

    private static void Decide(PortaaliDbContext db, KeyAccountProposal proposal, KeyAccountProposalState state, string? note,
        Actor actor, DateTime now, Guid expectedVersion)
    {
        proposal.State = state;
        proposal.DecidedAt = now;
        proposal.DecidedByUserId = actor.Id;
        proposal.DecidedByName = actor.Name;
        proposal.DecisionNote = note;
        db.Entry(proposal).Property(p => p.Version).OriginalValue = expectedVersion;
        proposal.Version = Guid.NewGuid();
        AuditLog.Record(db, actor, now, proposal.CustomerId, Entity, proposal.Id, state.ToString(),
            note is null ? [] : [new("DecisionNote", null, note)]);
    }

    private static string? CleanNote(string? note)
    {
        var clean = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (clean?.Length > KeyAccountProposal.MaxNote)
            throw new ValidationFailedException([new("DecisionNote", CoreText.Get("ProposalNoteTooLong", KeyAccountProposal.MaxNote))]);
        return clean;
    }

    private static Task SaveOrConflictAsync(PortaaliDbContext db, CancellationToken ct) =>
        CustomerService.SaveOrConflictAsync(db, "ProposalConflict", ct);

    public static string StateText(KeyAccountProposalState state) => state switch
    {
        KeyAccountProposalState.Pending => CoreText.Get("ProposalState_Pending"),
        KeyAccountProposalState.Approved => CoreText.Get("ProposalState_Approved"),
        KeyAccountProposalState.Rejected => CoreText.Get("ProposalState_Rejected"),
        _ => CoreText.Get("ProposalState_Withdrawn"),
    };
}
