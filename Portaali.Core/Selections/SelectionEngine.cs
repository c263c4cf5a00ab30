using Microsoft.EntityFrameworkCore;
using Portaali.Core.Common;
using Portaali.Core.Data;
using Portaali.Core.Security;

namespace Portaali.Core.Selections;

/// <summary>
/// Evaluates selections in SQL: the criteria tree becomes one EF Core predicate over customers or contacts
/// (<see cref="CriteriaTranslator"/>), so a count, a page, a campaign's members and an export are one query each and the
/// base is never loaded into memory. Every feature that needs a selection's members asks here.
/// </summary>
public class SelectionEngine(IDbContextFactory<PortaaliDbContext> dbFactory, AccessGuard guard, TimeProvider clock)
{
    public const int DefaultPageSize = 25;

    /// <summary>The count and the first page, for the builder's live preview.</summary>
    public async Task<SelectionPreview> PreviewAsync(SelectionDefinition definition, int pageSize = DefaultPageSize, CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.SignedIn);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = await MemberIdsAsync(db, definition, ct);
        var count = await ids.CountAsync(ct);
        var page = await Rows(db, definition.Target, ids).Take(pageSize).ToListAsync(ct);
        var missingEmail = definition.Purpose == SelectionPurpose.Email ? await CountMissingEmailAsync(db, definition.Target, ids, ct) : 0;
        return new SelectionPreview(count, page, missingEmail);
    }

    /// <summary>A translator for the definition, its "member of" criteria resolved.</summary>
    internal Task<CriteriaTranslator> TranslatorAsync(PortaaliDbContext db, SelectionDefinition definition, CancellationToken ct) =>
        CriteriaTranslator.CreateAsync(db, this, clock, ct, definition: definition);

    /// <summary>The members' ids (customer or contact ids by the target) as a query to compose into others.</summary>
    public async Task<IQueryable<int>> MemberIdsAsync(PortaaliDbContext db, SelectionDefinition definition, CancellationToken ct)
    {
        var translator = await TranslatorAsync(db, definition, ct);
        return definition.Target == SelectionTarget.Customers
            ? db.Customers.Where(translator.ForCustomers(definition)).Select(c => c.Id)
            : db.Contacts.Where(translator.ForContacts(definition)).Select(p => p.Id);
    }

    /// <summary>The members of a saved selection (its criteria, evaluated now) or static list (its members, with the
    /// default exclusions applied: a customer passivated since, a contact who left since).</summary>
    public async Task<IQueryable<int>> SavedMemberIdsAsync(PortaaliDbContext db, int selectionId, CancellationToken ct) =>
        await SavedMemberIdsAsync(db, selectionId, new HashSet<int>(), ct);

    internal async Task<IQueryable<int>> SavedMemberIdsAsync(PortaaliDbContext db, int selectionId, IReadOnlySet<int> visiting, CancellationToken ct)
    {
        var selection = await db.Selections.AsNoTracking().FirstOrDefaultAsync(s => s.Id == selectionId, ct)
            ?? throw new NotFoundException(CoreText.Get("SelectionNotFound"));
        if (visiting.Contains(selectionId)) throw new DomainException(CoreText.Get("SelectionCycle", selection.Name));
        if (selection.Kind == SelectionKind.Dynamic)
        {
            var definition = SelectionDefinition.Of(selection);
            var translator = await CriteriaTranslator.CreateAsync(db, this, clock, ct, new HashSet<int>(visiting) { selectionId }, definition);
            return definition.Target == SelectionTarget.Customers
                ? db.Customers.Where(translator.ForCustomers(definition)).Select(c => c.Id)
                : db.Contacts.Where(translator.ForContacts(definition)).Select(p => p.Id);
        }
        var members = db.StaticListMembers.Where(m => m.SelectionId == selectionId).Select(m => m.MemberId);
        return selection.Target == SelectionTarget.Customers
            ? db.Customers.Where(c => members.Contains(c.Id) && (selection.IncludePassive || !c.IsPassive)).Select(c => c.Id)
            : db.Contacts.Where(p => members.Contains(p.Id) && (selection.IncludeLeft || !p.HasLeft)
                && (selection.IncludePassive || !p.Customer!.IsPassive)
                && (selection.Purpose != SelectionPurpose.Email || !p.NoMarketingEmail)).Select(p => p.Id);
    }

    /// <summary>The members as rows, ordered by customer name, then contact name (ids as the last tie-breaker).</summary>
    public IQueryable<SelectionMember> Rows(PortaaliDbContext db, SelectionTarget target, IQueryable<int> ids) =>
        target == SelectionTarget.Customers
            ? db.Customers.AsNoTracking().Where(c => ids.Contains(c.Id))
                .OrderBy(c => c.NameSearch).ThenBy(c => c.Id)
                .Select(c => new SelectionMember(c.Id, c.Id, c.Name, c.BusinessId, c.MunicipalityCode, c.Segment, c.IsPassive,
                    null, null, null, c.Email, c.Phone, false, false))
            : db.Contacts.AsNoTracking().Where(p => ids.Contains(p.Id))
                .OrderBy(p => p.Customer!.NameSearch).ThenBy(p => p.CustomerId).ThenBy(p => p.NameSearch).ThenBy(p => p.Id)
                .Select(p => new SelectionMember(p.Id, p.CustomerId, p.Customer!.Name, p.Customer.BusinessId, p.Customer.MunicipalityCode,
                    p.Customer.Segment, p.Customer.IsPassive, p.Id, p.FirstName + " " + p.LastName, p.Title, p.Email, p.Phone,
                    p.HasLeft, p.NoMarketingEmail));

    private static Task<int> CountMissingEmailAsync(PortaaliDbContext db, SelectionTarget target, IQueryable<int> ids, CancellationToken ct) =>
        target == SelectionTarget.Customers
            ? db.Customers.CountAsync(c => ids.Contains(c.Id) && (c.Email == null || c.Email == ""), ct)
            : db.Contacts.CountAsync(p => ids.Contains(p.Id) && (p.Email == null || p.Email == ""), ct);
}
