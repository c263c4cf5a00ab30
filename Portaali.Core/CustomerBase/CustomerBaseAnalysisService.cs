using Microsoft.EntityFrameworkCore;
using Portaali.Core.Classifications;
using Portaali.Core.Common;
using Portaali.Core.Customers;
using Portaali.Core.Data;
using Portaali.Core.Security;
using Portaali.Core.Segments;

namespace Portaali.Core.CustomerBase;

/// <summary>Management's picture of the customer base: counts by segment, customer group, size class, region and industry,
/// and the segment movements of a period. Counted in SQL (GROUP BY); every bar carries the customer-list filter that
/// lists exactly the customers it counts.</summary>
public class CustomerBaseAnalysisService(IDbContextFactory<PortaaliDbContext> dbFactory, AccessGuard guard)
{
    public async Task<CustomerBaseCounts> CountAsync(bool includePassive = false, CancellationToken ct = default)
    {
        var actor = await guard.DemandAsync(Policies.AnalyseCustomerBase);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = new CustomerQuery { IncludePassive = includePassive };
        var customers = await CustomerFilter.ApplyAsync(db, scope, actor.Id, ct);

        var total = await customers.CountAsync(ct);
        return new CustomerBaseCounts(total, includePassive,
            await BySegmentAsync(customers, scope, ct), await ByCustomerGroupAsync(db, customers, total, scope, ct),
            await BySizeClassAsync(customers, scope, ct), await ByRegionAsync(db, customers, scope, ct),
            await ByIndustryAsync(customers, scope, ct));
    }

    /// <summary>Active customers counted by one dimension only, for a desktop chart (the page counts all five).</summary>
    public async Task<IReadOnlyList<CustomerBaseBar>> CountByAsync(CustomerBaseDimension dimension, CancellationToken ct = default)
    {
        var actor = await guard.DemandAsync(Policies.AnalyseCustomerBase);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = new CustomerQuery();
        var customers = await CustomerFilter.ApplyAsync(db, scope, actor.Id, ct);
        return dimension switch
        {
            CustomerBaseDimension.Segment => await BySegmentAsync(customers, scope, ct),
            CustomerBaseDimension.CustomerGroup => await ByCustomerGroupAsync(db, customers, await customers.CountAsync(ct), scope, ct),
            CustomerBaseDimension.SizeClass => await BySizeClassAsync(customers, scope, ct),
            CustomerBaseDimension.Region => await ByRegionAsync(db, customers, scope, ct),
            _ => await ByIndustryAsync(customers, scope, ct),
        };
    }

    private static async Task<IReadOnlyList<CustomerBaseBar>> BySegmentAsync(IQueryable<Customer> customers, CustomerQuery scope, CancellationToken ct)
    {
        var counts = await customers.GroupBy(c => c.Segment).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return Enum.GetValues<Segment>().Select(s => new CustomerBaseBar(s.ToString(), s.ToString(), counts.GetValueOrDefault(s),
            scope with { Segment = s })).ToList();
    }

    /// <summary>One COUNT(DISTINCT customer) per group (a handful), read from the classification rows through their node
    /// index: a customer in a group's subgroups counts once for the group, which one GROUP BY over the rows could not say
    /// without the tree in SQL. "No group" is the total less the customers in any group.</summary>
    private static async Task<IReadOnlyList<CustomerBaseBar>> ByCustomerGroupAsync(PortaaliDbContext db, IQueryable<Customer> customers,
        int total, CustomerQuery scope, CancellationToken ct)
    {
        Task<int> CountIn(List<int> nodes) => db.CustomerClassifications
            .Where(k => nodes.Contains(k.NodeId) && customers.Any(c => c.Id == k.CustomerId))
            .Select(k => k.CustomerId).Distinct().CountAsync(ct);

        var bars = new List<CustomerBaseBar>();
        var groups = await CustomerGroups.LoadAsync(db, ct);
        foreach (var group in groups)
        {
            var count = await CountIn(group.NodeIds.ToList());
            if (count > 0 || !group.IsRetired)
                bars.Add(new CustomerBaseBar(group.Id.ToString(), group.Name, count, scope with { CustomerGroupId = group.Id }));
        }
        var inAny = await CountIn(groups.SelectMany(g => g.NodeIds).ToList());
        bars.Add(new CustomerBaseBar(CustomerQuery.Unknown, CoreText.Get("CustomerBaseNoGroup"), total - inAny,
            scope with { CustomerGroupId = CustomerQuery.NoCustomerGroup }));
        return bars;
    }

    private static async Task<IReadOnlyList<CustomerBaseBar>> BySizeClassAsync(IQueryable<Customer> customers, CustomerQuery scope, CancellationToken ct)
    {
        var counts = await customers.GroupBy(c => c.SizeClass).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        // 1–9 from small to large, unknown (0) last; a value outside 0–9 (never saved by the form) would still be shown.
        var classes = Enumerable.Range(1, 9).Concat(counts.Keys.Where(k => k is < 0 or > 9).Order()).Append(0);
        return classes.Select(k => new CustomerBaseBar(k.ToString(), k.ToString(), counts.GetValueOrDefault(k), scope with { SizeClass = k })).ToList();
    }

    private static async Task<IReadOnlyList<CustomerBaseBar>> ByRegionAsync(PortaaliDbContext db, IQueryable<Customer> customers,
        CustomerQuery scope, CancellationToken ct)
    {
        var counts = await (
                from c in customers
                join m in db.Municipalities on c.MunicipalityCode equals m.Code into found
                from m in found.DefaultIfEmpty()
                group c by m.Region into g
                select new { Region = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var bars = counts.Where(x => x.Region is not null).OrderByDescending(x => x.Count).ThenBy(x => x.Region, StringComparer.CurrentCulture)
            .Select(x => new CustomerBaseBar(x.Region!, x.Region!, x.Count, scope with { Region = x.Region })).ToList();
        bars.Add(new CustomerBaseBar(CustomerQuery.Unknown, CoreText.Get("CustomerBaseUnknownRegion"),
            counts.Where(x => x.Region is null).Sum(x => x.Count), scope with { Region = CustomerQuery.Unknown }));
        return bars;
    }

    private static async Task<IReadOnlyList<CustomerBaseBar>> ByIndustryAsync(IQueryable<Customer> customers, CustomerQuery scope, CancellationToken ct)
    {
        // Grouped by the two-digit division in SQL (~90 rows at most); the divisions add up into sections here.
        var byDivision = await customers.GroupBy(c => c.IndustryCode!.Substring(0, 2)).Select(g => new { Division = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var bySection = byDivision.GroupBy(x => IndustrySections.OfDivision(x.Division)?.Letter ?? CustomerQuery.Unknown)
            .ToDictionary(g => g.Key, g => g.Sum(x => x.Count));
        var bars = IndustrySections.All.Where(s => bySection.ContainsKey(s.Letter))
            .Select(s => new CustomerBaseBar(s.Letter, s.Label, bySection[s.Letter], scope with { IndustrySection = s.Letter })).ToList();
        bars.Add(new CustomerBaseBar(CustomerQuery.Unknown, CoreText.Get("CustomerBaseUnknownIndustry"),
            bySection.GetValueOrDefault(CustomerQuery.Unknown), scope with { IndustrySection = CustomerQuery.Unknown }));
        return bars;
    }

    /// <summary>The segment movements between two Helsinki dates (both included), from the segment history.</summary>
    public async Task<SegmentMovements> MovementsAsync(DateOnly since, DateOnly until, bool includePassive = false, CancellationToken ct = default)
    {
        var actor = await guard.DemandAsync(Policies.AnalyseCustomerBase);
        if (since > until) throw new ValidationFailedException([new("Period", CoreText.Get("CustomerBasePeriodOrder"))]);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = new CustomerQuery { IncludePassive = includePassive };
        var customers = await CustomerFilter.ApplyAsync(db, scope, actor.Id, ct);
        var (start, end) = SegmentMove.UtcRange(since, until);
        var moves = db.SegmentChanges.Where(s => s.ChangedAt >= start && s.ChangedAt < end && (s.From == null || s.From != s.To)
            && customers.Any(c => c.Id == s.CustomerId));

        var counts = await moves.GroupBy(s => new { s.From, s.To })
            .Select(g => new { g.Key.From, g.Key.To, Count = g.Select(s => s.CustomerId).Distinct().Count() }).ToListAsync(ct);
        var movers = await moves.Select(s => s.CustomerId).Distinct().CountAsync(ct);
        var cells = (from source in SegmentMovements.Sources
                     from target in SegmentMovements.Targets
                     where source != target
                     let count = counts.Where(x => x.From == source && x.To == target).Sum(x => x.Count)
                     select new SegmentMovementCell(source, target, count, scope with { Moved = new SegmentMove(source, target, since, until) })).ToList();
        return new SegmentMovements(since, until, includePassive, cells, movers);
    }

    /// <summary>The customer groups by id and name, for naming a group filter on the customer list.</summary>
    public async Task<IReadOnlyList<CustomerGroup>> CustomerGroupsAsync(CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await CustomerGroups.LoadAsync(db, ct);
    }
}
