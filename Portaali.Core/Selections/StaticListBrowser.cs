using Microsoft.EntityFrameworkCore;
using Portaali.Core.Common;
using Portaali.Core.Customers;
using Portaali.Core.Data;
using Portaali.Core.Security;

namespace Portaali.Core.Selections;

/// <summary>A static list as its page shows it. <see cref="MemberCount"/> counts everyone on the list;
/// <see cref="ReachedCount"/> those an export or a campaign takes (not passivated or left since, and for an e-mail list
/// not opted out).</summary>
public sealed record StaticListView(int Id, string Name, string? Description, SelectionTarget Target, SelectionPurpose Purpose,
    string OwnerName, bool IsShared, bool CanEdit, Guid Version, DateTime UpdatedAtUtc, string UpdatedByName,
    int MemberCount, int ReachedCount, int MissingEmailCount, int NotMailedCount);

/// <summary>A customer or contact one can add to a list, for the add-member search.</summary>
public sealed record ListCandidate(int Id, string Label);

/// <summary>Reading static lists: the list and its counts, its members a page at a time, and the customers or contacts one
/// could add to it.</summary>
public class StaticListBrowser(IDbContextFactory<PortaaliDbContext> dbFactory, AccessGuard guard, SelectionEngine engine)
{
    public const int MaxCandidates = 20;

    public async Task<StaticListView> GetAsync(int id, CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        var isAdministrator = await guard.IsAllowedAsync(Policies.Administer);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var list = await VisibleListAsync(db, id, actor, isAdministrator, ct);
        var stored = StoredMembers(db, list);
        var reached = await engine.SavedMemberIdsAsync(db, id, ct);
        var memberCount = await stored.CountAsync(ct);
        var reachedCount = await reached.CountAsync(ct);
        int missingEmail = 0, notMailed = 0;
        if (list.Purpose == SelectionPurpose.Email)
        {
            missingEmail = list.Target == SelectionTarget.Customers
                ? await db.Customers.CountAsync(c => reached.Contains(c.Id) && (c.Email == null || c.Email == ""), ct)
                : await db.Contacts.CountAsync(p => reached.Contains(p.Id) && (p.Email == null || p.Email == ""), ct);
            notMailed = list.Target == SelectionTarget.Contacts
                ? await db.Contacts.CountAsync(p => stored.Contains(p.Id) && p.NoMarketingEmail, ct)
                : 0;
        }
        return new StaticListView(list.Id, list.Name, list.Description, list.Target, list.Purpose, list.Owner?.DisplayName ?? "",
            list.IsShared, list.OwnerUserId == actor.Id || isAdministrator, list.Version, list.UpdatedAtUtc, list.UpdatedByName,
            memberCount, reachedCount, missingEmail, notMailed);
    }

    /// <summary>A page of everyone on the list, flags and all (an opted-out or departed contact is shown, marked), in the
    /// engine's order.</summary>
    public async Task<PagedResult<SelectionMember>> MembersAsync(int id, int skip, int take, CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        var isAdministrator = await guard.IsAllowedAsync(Policies.Administer);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var list = await VisibleListAsync(db, id, actor, isAdministrator, ct);
        var stored = StoredMembers(db, list);
        var total = await stored.CountAsync(ct);
        var page = await engine.Rows(db, list.Target, stored).Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 500)).ToListAsync(ct);
        return new PagedResult<SelectionMember>(page, total);
    }

    /// <summary>Active customers (or contacts who have not left, of active customers) matching the text and not yet on the
    /// list; a contact matches by their own name or their customer's.</summary>
    public async Task<IReadOnlyList<ListCandidate>> CandidatesAsync(int id, string? text, CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        var isAdministrator = await guard.IsAllowedAsync(Policies.Administer);
        if (string.IsNullOrWhiteSpace(text)) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var list = await VisibleListAsync(db, id, actor, isAdministrator, ct);
        var pattern = "%" + CustomerRules.SearchForm(text).Replace("%", "").Replace("_", "") + "%";
        var present = db.StaticListMembers.Where(m => m.SelectionId == id).Select(m => m.MemberId);
        return list.Target == SelectionTarget.Customers
            ? await db.Customers.AsNoTracking()
                .Where(c => !c.IsPassive && !present.Contains(c.Id) && EF.Functions.Like(c.NameSearch, pattern))
                .OrderBy(c => c.NameSearch).ThenBy(c => c.Id).Take(MaxCandidates)
                .Select(c => new ListCandidate(c.Id, c.BusinessId == null ? c.Name : c.Name + " (" + c.BusinessId + ")")).ToListAsync(ct)
            : await db.Contacts.AsNoTracking()
                .Where(p => !p.HasLeft && !p.Customer!.IsPassive && !present.Contains(p.Id)
                    && (EF.Functions.Like(p.NameSearch, pattern) || EF.Functions.Like(p.Customer.NameSearch, pattern)))
                .OrderBy(p => p.NameSearch).ThenBy(p => p.Id).Take(MaxCandidates)
                .Select(p => new ListCandidate(p.Id, p.FirstName + " " + p.LastName + ", " + p.Customer!.Name)).ToListAsync(ct);
    }

    /// <summary>Everyone stored on the list who still exists (a merged-away customer drops out).</summary>
    private static IQueryable<int> StoredMembers(PortaaliDbContext db, Selection list)
    {
        var members = db.StaticListMembers.Where(m => m.SelectionId == list.Id).Select(m => m.MemberId);
        return list.Target == SelectionTarget.Customers
            ? db.Customers.Where(c => members.Contains(c.Id)).Select(c => c.Id)
            : db.Contacts.Where(p => members.Contains(p.Id)).Select(p => p.Id);
    }

    private static async Task<Selection> VisibleListAsync(PortaaliDbContext db, int id, Actor actor, bool isAdministrator, CancellationToken ct)
    {
        var list = await db.Selections.AsNoTracking().Include(s => s.Owner).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (list is null || (list.OwnerUserId != actor.Id && !list.IsShared && !isAdministrator))
            throw new NotFoundException(CoreText.Get("SelectionNotFound"));
        if (list.Kind != SelectionKind.Static) throw new DomainException(CoreText.Get("StaticListIsDynamic", list.Name));
        return list;
    }
}
