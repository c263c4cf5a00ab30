using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Portaali.Core.Classifications;
using Portaali.Core.Common;
using Portaali.Core.Data;
using Portaali.Core.Segments;

namespace Portaali.Core.Customers;

/// <summary>The one translation of a <see cref="CustomerQuery"/> into SQL, shared by the customer search, its export and
/// the customer-base analysis, so a count and the list behind it are always the same customers.</summary>
internal static class CustomerFilter
{
    /// <summary>The customers the query selects. With <paramref name="inNameOrder"/> the text is matched row by row on
    /// customers read in name order (see <see cref="TextFilter"/>): for a list sorted by name whose name matches are many.</summary>
    public static async Task<IQueryable<Customer>> ApplyAsync(PortaaliDbContext db, CustomerQuery query, int actorId, CancellationToken ct,
        bool inNameOrder = false)
    {
        var customers = db.Customers.AsNoTracking();
        if (!query.IncludePassive) customers = customers.Where(c => !c.IsPassive);
        if (query.OnlyMine) customers = customers.Where(c => c.Responsibles.Any(r => r.UserId == actorId));
        if (!string.IsNullOrEmpty(query.MunicipalityCode)) customers = customers.Where(c => c.MunicipalityCode == query.MunicipalityCode);
        if (query.Segment is { } segment) customers = customers.Where(c => c.Segment == segment);
        if (!string.IsNullOrWhiteSpace(query.Text)) customers = customers.Where(TextFilter(db, query.Text, inNameOrder));
        if (query.SizeClass is { } size) customers = customers.Where(c => c.SizeClass == size);
        if (query.CustomerGroupId is { } groupId) customers = await InGroupAsync(db, customers, groupId, ct);
        if (query.Region is { } region) customers = InRegion(db, customers, region);
        if (query.IndustrySection is { } section) customers = InIndustry(customers, section);
        if (query.Moved is { } move) customers = Moved(db, customers, move);
        return customers;
    }

    private static async Task<IQueryable<Customer>> InGroupAsync(PortaaliDbContext db, IQueryable<Customer> customers, int groupId, CancellationToken ct)
    {
        if (groupId == CustomerQuery.NoCustomerGroup)
        {
            var grouped = (await CustomerGroups.LoadAsync(db, ct)).SelectMany(g => g.NodeIds).ToList();
            return customers.Where(c => !c.Classifications.Any(k => grouped.Contains(k.NodeId)));
        }
        var subtree = (await ClassificationPaths.LoadAsync(db, ct)).SubtreeOf(groupId).ToList();
        return customers.Where(c => c.Classifications.Any(k => subtree.Contains(k.NodeId)));
    }

    private static IQueryable<Customer> InRegion(PortaaliDbContext db, IQueryable<Customer> customers, string region) =>
        region == CustomerQuery.Unknown
            ? customers.Where(c => !db.Municipalities.Any(m => m.Code == c.MunicipalityCode))
            : customers.Where(c => db.Municipalities.Any(m => m.Code == c.MunicipalityCode && m.Region == region));

    private static IQueryable<Customer> InIndustry(IQueryable<Customer> customers, string section)
    {
        if (section == CustomerQuery.Unknown)
        {
            var known = IndustrySections.KnownDivisions.ToList();
            return customers.Where(c => c.IndustryCode == null || !known.Contains(c.IndustryCode.Substring(0, 2)));
        }
        var divisions = IndustrySections.Find(section)?.Divisions.ToList() ?? [];
        return customers.Where(c => c.IndustryCode != null && divisions.Contains(c.IndustryCode.Substring(0, 2)));
    }

    private static IQueryable<Customer> Moved(PortaaliDbContext db, IQueryable<Customer> customers, SegmentMove move)
    {
        var (start, end) = SegmentMove.UtcRange(move.Since, move.Until);
        var changes = db.SegmentChanges.Where(s => s.To == move.To && s.ChangedAt >= start && s.ChangedAt < end);
        changes = move.From is { } from ? changes.Where(s => s.From == from) : changes.Where(s => s.From == null);
        return customers.Where(c => changes.Any(s => s.CustomerId == c.Id));
    }

    /// <summary>Every word somewhere in the name, in any order, or the start of a Business ID, a municipality, a contact's
    /// name or an external number. Each branch has an index of its own (names: the trigram tables of migration
    /// CustomerNameSearch), so SQLite unions the branches' matches instead of reading every customer and contact.
    /// <para>Unioned, every match is then sorted for the page: 2,800 customers for "kulj". When the name matches are that
    /// many and the list is in name order, <paramref name="inNameOrder"/> reads the customers on the name index in list
    /// order instead and tests each one (its own name by LIKE, the other branches against their matches collected once),
    /// stopping at the page: one in 35 matches, so the first page reads about 900 customers.</para></summary>
    private static Expression<Func<Customer, bool>> TextFilter(PortaaliDbContext db, string text, bool inNameOrder)
    {
        var term = CustomerRules.SearchForm(text);
        var number = text.Trim();
        // "+ 0" in name order: an id that SQLite cannot look up keeps it from unioning the branches and sorting the union.
        Expression<Func<Customer, bool>> byNumber = inNameOrder
            ? c => db.ExternalNumbers.Where(n => n.Number == number).Select(n => n.CustomerId).Contains(c.Id + 0)
            : c => db.ExternalNumbers.Where(n => n.Number == number).Select(n => n.CustomerId).Contains(c.Id);
        // A whole Business ID names one customer: the exact index lookup, nothing else to union.
        if (BusinessId.Normalize(text) is { } normalized && BusinessId.HasValidShape(normalized))
            return Or(c => c.BusinessId == normalized, byNumber);

        var (w1, w2, w3, w4, match) = NameWords(term);
        // The trigram index folds ä to a, so its matches are a superset; LIKE keeps the meaning of the words exactly.
        var customerNames = db.Customers.Where(c => EF.Functions.Like(c.NameSearch, w1) && EF.Functions.Like(c.NameSearch, w2)
            && EF.Functions.Like(c.NameSearch, w3) && EF.Functions.Like(c.NameSearch, w4));
        var contactNames = db.Contacts.Where(p => EF.Functions.Like(p.NameSearch, w1) && EF.Functions.Like(p.NameSearch, w2)
            && EF.Functions.Like(p.NameSearch, w3) && EF.Functions.Like(p.NameSearch, w4));
        if (match is not null && NameIndex.CustomerIds(db, match) is { } customerIds && NameIndex.ContactIds(db, match) is { } contactIds)
        {
            customerNames = customerNames.Where(c => customerIds.Contains(c.Id));
            contactNames = contactNames.Where(p => contactIds.Contains(p.Id));
        }
        var byName = inNameOrder
            ? Or(c => EF.Functions.Like(c.NameSearch, w1) && EF.Functions.Like(c.NameSearch, w2) && EF.Functions.Like(c.NameSearch, w3)
                && EF.Functions.Like(c.NameSearch, w4), c => contactNames.Select(p => p.CustomerId).Contains(c.Id + 0))
            : Or(c => customerNames.Select(n => n.Id).Contains(c.Id), c => contactNames.Select(p => p.CustomerId).Contains(c.Id));

        // The start of a Business ID, as a range of the index ("0737" up to, not including, "0737\uffff").
        var businessId = BusinessId.Normalize(text) ?? term;
        var businessIdEnd = businessId + '\uffff';
        var filter = Or(Or(byName, c => string.Compare(c.BusinessId, businessId) >= 0 && string.Compare(c.BusinessId, businessIdEnd) < 0), byNumber);
        var municipalityCodes = Municipalities.All
            .Where(m => m.Name.StartsWith(term, StringComparison.OrdinalIgnoreCase)).Select(m => m.Code).ToList();
        return municipalityCodes.Count == 0 ? filter : Or(filter, c => municipalityCodes.Contains(c.MunicipalityCode!));
    }

    /// <summary>Every word somewhere in the name, in any order: "Laine Riikka" finds the contact Riikka Laine, "oy metalli"
    /// finds Metalli Oy. Up to four LIKE patterns (the unused ones '%', which matches any name) and the trigram index's
    /// MATCH for the words long enough for it.</summary>
    private static (string W1, string W2, string W3, string W4, string? Match) NameWords(string term)
    {
        var words = term.Replace("%", "").Replace("_", "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(4).ToList();
        var patterns = words.Select(w => "%" + w + "%").Concat(Enumerable.Repeat("%", 4)).Take(4).ToArray();
        return (patterns[0], patterns[1], patterns[2], patterns[3], NameMatch(words));
    }

    /// <summary>
    /// Whether the customers whose own name matches the text (with the query's other filters) are already more than
    /// <see cref="PagedCount.Cap"/>: then so is the whole search, and its count need not union every branch. Read as a join
    /// that streams from the trigram index and stops at the cap, where the union first collects every match (14,000
    /// for "metalli" in 100,000 customers).
    /// </summary>
    public static async Task<bool> NameMatchesExceedCapAsync(PortaaliDbContext db, CustomerQuery query, int actorId, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(query.Text)) return false;
        if (BusinessId.Normalize(query.Text) is { } normalized && BusinessId.HasValidShape(normalized)) return false;
        var (w1, w2, w3, w4, match) = NameWords(CustomerRules.SearchForm(query.Text));
        if (match is null) return false;
        var others = await ApplyAsync(db, query with { Text = null }, actorId, ct);
        var byName = others.Where(c => EF.Functions.Like(c.NameSearch, w1) && EF.Functions.Like(c.NameSearch, w2)
            && EF.Functions.Like(c.NameSearch, w3) && EF.Functions.Like(c.NameSearch, w4));
        var named = NameIndex.CustomerIds(db, match) is { } ids
            ? ids.Join(byName, id => id, c => c.Id, (id, c) => c.Id)
            : byName.Select(c => c.Id);
        return (await PagedCount.CountAsync(named, ct)).IsLowerBound;
    }

    /// <summary>The FTS5 MATCH expression for the words the trigram index can find (three letters or more), all required;
    /// null when none is that long, and the names are then read with LIKE alone.</summary>
    internal static string? NameMatch(IEnumerable<string> words)
    {
        var indexed = words.Where(w => w.Length >= MinIndexedWordLength).Select(w => "\"" + w.Replace("\"", "\"\"") + "\"").ToList();
        return indexed.Count == 0 ? null : string.Join(" AND ", indexed);
    }

    /// <summary>The trigram index finds substrings of three characters or more.</summary>
    internal const int MinIndexedWordLength = 3;

    private static Expression<Func<Customer, bool>> Or(Expression<Func<Customer, bool>> a, Expression<Func<Customer, bool>> b)
    {
        var body = new Rebind(b.Parameters[0], a.Parameters[0]).Visit(b.Body);
        return Expression.Lambda<Func<Customer, bool>>(Expression.OrElse(a.Body, body), a.Parameters);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }

    /// <summary>The normalized Business ID when the query is nothing but a whole Business ID typed in the search box, the
    /// commonest lookup (one customer), which <see cref="CustomerService.SearchAsync"/> then answers by hand with the
    /// meaning <see cref="ApplyAsync"/> and <see cref="Sort"/> give it: active customers with the Business ID or the
    /// external number, in name order.</summary>
    public static string? WholeBusinessId(CustomerQuery query) =>
        query with { Text = null, Page = 0, PageSize = new CustomerQuery().PageSize } == new CustomerQuery()
        && BusinessId.Normalize(query.Text) is { } normalized && BusinessId.HasValidShape(normalized) ? normalized : null;

    /// <summary>The list's order, with name and id as tie-breakers so pages never overlap.</summary>
    public static IQueryable<Customer> Sort(PortaaliDbContext db, IQueryable<Customer> customers, CustomerQuery query)
    {
        var sorted = (query.SortBy, query.Descending) switch
        {
            (CustomerSort.BusinessId, false) => customers.OrderBy(c => c.BusinessId),
            (CustomerSort.BusinessId, true) => customers.OrderByDescending(c => c.BusinessId),
            // By the name users see, not the Statistics Finland code (Vantaa 092 would come before Hyvinkää 106).
            (CustomerSort.Municipality, false) => customers.OrderBy(c => db.Municipalities.Where(m => m.Code == c.MunicipalityCode).Select(m => m.Name).FirstOrDefault()),
            (CustomerSort.Municipality, true) => customers.OrderByDescending(c => db.Municipalities.Where(m => m.Code == c.MunicipalityCode).Select(m => m.Name).FirstOrDefault()),
            (CustomerSort.Segment, false) => customers.OrderBy(c => c.Segment),
            (CustomerSort.Segment, true) => customers.OrderByDescending(c => c.Segment),
            (CustomerSort.SizeClass, false) => customers.OrderBy(c => c.SizeClass),
            (CustomerSort.SizeClass, true) => customers.OrderByDescending(c => c.SizeClass),
            // As REAL: ordering a decimal makes EF Core's SQLite provider compare through a collation that parses the text
            // with the current culture, which fails under fi-FI inside SQLite's callback and takes the process down.
            (CustomerSort.Revenue, false) => customers.OrderBy(c => (double?)c.Revenue),
            (CustomerSort.Revenue, true) => customers.OrderByDescending(c => (double?)c.Revenue),
            (_, true) => customers.OrderByDescending(c => c.NameSearch),
            _ => customers.OrderBy(c => c.NameSearch),
        };
        return sorted.ThenBy(c => c.NameSearch).ThenBy(c => c.Id);
    }
}
