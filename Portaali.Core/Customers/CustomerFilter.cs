using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Portaali.Core.Classifications;
using Portaali.Core.Data;

namespace Portaali.Core.Customers;

/// <summary>The one translation of a <see cref="CustomerQuery"/> into SQL, shared by the customer search, its export and
/// the customer-base analysis, so a count and the list behind it are always the same customers.</summary>
internal static class CustomerFilter
{
    public static async Task<IQueryable<Customer>> ApplyAsync(PortaaliDbContext db, CustomerQuery query, int actorId, CancellationToken ct)
    {
        var customers = db.Customers.AsNoTracking();
        if (!query.IncludePassive) customers = customers.Where(c => !c.IsPassive);
        if (query.OnlyMine) customers = customers.Where(c => c.Responsibles.Any(r => r.UserId == actorId));
        if (!string.IsNullOrEmpty(query.MunicipalityCode)) customers = customers.Where(c => c.MunicipalityCode == query.MunicipalityCode);
        if (query.Segment is { } segment) customers = customers.Where(c => c.Segment == segment);
        if (!string.IsNullOrWhiteSpace(query.Text)) customers = customers.Where(TextFilter(query.Text));
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
    /// name or an external number.</summary>
    private static Expression<Func<Customer, bool>> TextFilter(string text)
    {
        var term = CustomerRules.SearchForm(text);
        var businessId = BusinessId.Normalize(text) ?? term;
        var municipalityCodes = Municipalities.All
            .Where(m => m.Name.StartsWith(term, StringComparison.OrdinalIgnoreCase)).Select(m => m.Code).ToList();
        // Every word somewhere in the name, in any order: "Laine Riikka" finds the contact Riikka Laine, "oy metalli" finds
        // Metalli Oy. Up to four words; the unused ones are '%', which matches any name.
        var words = term.Replace("%", "").Replace("_", "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Take(4).Select(w => "%" + w + "%").Concat(Enumerable.Repeat("%", 4)).Take(4).ToArray();
        var (w1, w2, w3, w4) = (words[0], words[1], words[2], words[3]);
        return c => (EF.Functions.Like(c.NameSearch, w1) && EF.Functions.Like(c.NameSearch, w2)
                && EF.Functions.Like(c.NameSearch, w3) && EF.Functions.Like(c.NameSearch, w4))
            || (c.BusinessId != null && c.BusinessId.StartsWith(businessId))
            || municipalityCodes.Contains(c.MunicipalityCode!)
            || c.Contacts.Any(p => EF.Functions.Like(p.NameSearch, w1) && EF.Functions.Like(p.NameSearch, w2)
                && EF.Functions.Like(p.NameSearch, w3) && EF.Functions.Like(p.NameSearch, w4))
            || c.ExternalNumbers.Any(n => n.Number == text.Trim());
    }

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
