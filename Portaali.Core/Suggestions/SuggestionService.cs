using Microsoft.EntityFrameworkCore;
using Portaali.Core.Common;
using Portaali.Core.Customers;
using Portaali.Core.Data;
using Portaali.Core.Security;
using Portaali.Core.Segments;

namespace Portaali.Core.Suggestions;

public record SuggestionRow(int Id, int CustomerId, string CustomerName, string? BusinessId, SuggestionKind Kind, string Reason,
    DateTime CreatedAt, Segment Segment);

/// <summary>An open suggestion on one customer, and whether the signed-in user may decide it.</summary>
public record CustomerSuggestion(int Id, SuggestionKind Kind, string Reason, DateTime CreatedAt, bool CanDecide);

/// <summary>What the imports and the segment rules suggest to the people responsible for a customer: passivate a ceased
/// company or a dormant C customer, move a framework-agreement site or an ordering Potential customer to B, propose a
/// steady B customer for A. Nothing happens until a person accepts.</summary>
public class SuggestionService(IDbContextFactory<PortaaliDbContext> dbFactory, AccessGuard guard, CustomerService customers,
    SegmentService segments, TimeProvider clock)
{
    /// <summary>Open suggestions on the customers the user is responsible for; administrators may ask for all.</summary>
    public async Task<IReadOnlyList<SuggestionRow>> ListOpenAsync(bool all = false, CancellationToken ct = default)
    {
        var actor = all ? await guard.DemandAsync(Policies.Administer) : await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var open = Open(db);
        if (!all) open = open.Where(s => s.Customer!.Responsibles.Any(r => r.UserId == actor.Id));
        return (await open.OrderBy(s => s.Kind).ThenByDescending(s => s.CreatedAt).ThenBy(s => s.Id).Take(500)
            .Select(s => new { Row = new SuggestionRow(s.Id, s.CustomerId, s.Customer!.Name, s.Customer.BusinessId, s.Kind, s.Reason, s.CreatedAt, s.Customer.Segment), s.ReasonMessage })
            .ToListAsync(ct)).Select(r => r.Row with { Reason = CoreMessage.Render(r.ReasonMessage, r.Row.Reason) }).ToList();
    }

    /// <summary>The first <paramref name="take"/> open suggestions on the user's own customers and how many there are, for
    /// the desktop (the same order as <see cref="ListOpenAsync"/>).</summary>
    public async Task<PagedResult<SuggestionRow>> ListMineAsync(int take, CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var mine = Open(db).Where(s => s.Customer!.Responsibles.Any(r => r.UserId == actor.Id));
        var total = await mine.CountAsync(ct);
        var rows = (await mine.OrderBy(s => s.Kind).ThenByDescending(s => s.CreatedAt).ThenBy(s => s.Id).Take(Math.Clamp(take, 1, 50))
            .Select(s => new { Row = new SuggestionRow(s.Id, s.CustomerId, s.Customer!.Name, s.Customer.BusinessId, s.Kind, s.Reason, s.CreatedAt, s.Customer.Segment), s.ReasonMessage })
            .ToListAsync(ct)).Select(r => r.Row with { Reason = CoreMessage.Render(r.ReasonMessage, r.Row.Reason) }).ToList();
        return new PagedResult<SuggestionRow>(rows, total);
    }

    /// <summary>The open suggestions on one customer, for its page: everyone sees them, its responsible people and
    /// administrators may decide them.</summary>
    public async Task<IReadOnlyList<CustomerSuggestion>> ListOpenForCustomerAsync(int customerId, CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var open = await Open(db).Where(s => s.CustomerId == customerId)
            .OrderBy(s => s.Kind).ThenByDescending(s => s.CreatedAt).ThenBy(s => s.Id)
            .Select(s => new { s.Id, s.Kind, s.Reason, s.ReasonMessage, s.CreatedAt }).ToListAsync(ct);
        if (open.Count == 0) return [];
        var canDecide = await db.CustomerResponsibles.AnyAsync(r => r.CustomerId == customerId && r.UserId == actor.Id, ct)
            || await guard.IsAllowedAsync(Policies.Administer);
        return open.Select(s => new CustomerSuggestion(s.Id, s.Kind, CoreMessage.Render(s.ReasonMessage, s.Reason), s.CreatedAt, canDecide)).ToList();
    }

    /// <summary>The reason as the person deciding reads it: what they accepted is what the customer's history keeps.</summary>
    private static string Shown(Suggestion suggestion) => CoreMessage.Render(suggestion.ReasonMessage, suggestion.Reason);

    /// <summary>Undecided suggestions that still mean something: the customer is active; a B suggestion is moot once
    /// someone has put the customer in B or A, an A proposal once the customer is no longer B, a passivation to
    /// consider once the customer is no longer C.</summary>
    private static IQueryable<Suggestion> Open(PortaaliDbContext db) =>
        db.Suggestions.AsNoTracking().Where(s => s.ResolvedAt == null && !s.Customer!.IsPassive
            && (s.Kind != SuggestionKind.SegmentB || s.Customer.Segment == Segment.C || s.Customer.Segment == Segment.Potential)
            // A proposal waiting for management answers "propose A" already (one made before the rule noticed).
            && (s.Kind != SuggestionKind.ProposeA || (s.Customer.Segment == Segment.B
                && !db.KeyAccountProposals.Any(p => p.CustomerId == s.CustomerId && p.State == KeyAccountProposalState.Pending)))
            && (s.Kind != SuggestionKind.ConsiderPassivation || s.Customer.Segment == Segment.C));

    /// <summary>Carries the suggestion out (passivates, or moves to segment B with the reason) and closes it. An A
    /// proposal is refused: A is proposed with a justification on the segment tab, which resolves the suggestion.</summary>
    public async Task AcceptAsync(int id, CancellationToken ct = default)
    {
        var (actor, suggestion) = await LoadForDecisionAsync(id, ct);
        switch (suggestion.Kind)
        {
            case SuggestionKind.Passivate or SuggestionKind.ConsiderPassivation:
                await using (var db = await dbFactory.CreateDbContextAsync(ct))
                {
                    var isPassive = await db.Customers.Where(c => c.Id == suggestion.CustomerId).Select(c => c.IsPassive).FirstAsync(ct);
                    if (!isPassive) await customers.PassivateAsync(suggestion.CustomerId, Shown(suggestion), ct);
                }
                break;
            case SuggestionKind.SegmentB:
                // Raising to B means from C or Potential: an old suggestion must never move a customer since put in A down to B.
                await using (var db = await dbFactory.CreateDbContextAsync(ct))
                {
                    var segment = await db.Customers.Where(c => c.Id == suggestion.CustomerId).Select(c => c.Segment).FirstAsync(ct);
                    if (segment is Segment.A or Segment.B)
                        throw new DomainException(CoreText.Get("SuggestionSegmentBNoLongerApplies", segment));
                }
                await segments.ChangeAsync(suggestion.CustomerId, Segment.B, Shown(suggestion), ct);
                break;
            default:
                throw new DomainException(CoreText.Get("SuggestionProposeAOnSegmentTab"));
        }
        await ResolveAsync(id, actor, SuggestionResolution.Accepted, ct);
    }

    public async Task DismissAsync(int id, CancellationToken ct = default)
    {
        var (actor, _) = await LoadForDecisionAsync(id, ct);
        await ResolveAsync(id, actor, SuggestionResolution.Dismissed, ct);
    }

    private async Task<(Actor, Suggestion)> LoadForDecisionAsync(int id, CancellationToken ct)
    {
        var actor = await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var suggestion = await db.Suggestions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct)
            ?? throw new NotFoundException(CoreText.Get("SuggestionNotFound"));
        if (suggestion.ResolvedAt is not null) throw new DomainException(CoreText.Get("SuggestionAlreadyResolved"));
        var responsible = await db.CustomerResponsibles.AnyAsync(r => r.CustomerId == suggestion.CustomerId && r.UserId == actor.Id, ct);
        if (!responsible && !await guard.IsAllowedAsync(Policies.Administer)) throw new ForbiddenException(CoreText.Get("SuggestionNotYours"));
        return (actor, suggestion);
    }

    private async Task ResolveAsync(int id, Actor actor, SuggestionResolution resolution, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var suggestion = await db.Suggestions.FirstAsync(s => s.Id == id, ct);
        suggestion.ResolvedAt = clock.GetUtcNow().UtcDateTime;
        suggestion.ResolvedByUserId = actor.Id;
        suggestion.ResolvedByName = actor.Name;
        suggestion.Resolution = resolution;
        await db.SaveChangesAsync(ct);
    }
}
