using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portaali.Core.Common;
using Portaali.Core.Data;
using Portaali.Core.Security;

namespace Portaali.Core.CarePlans;

/// <summary>The monitor's read side: the latest succeeded run's breaches (each person's own list, or management's
/// view of everyone), a customer's plans and broken rules, statuses for the tracker, and the latest run.</summary>
public class CarePlanMonitorQueries(IDbContextFactory<PortaaliDbContext> dbFactory, AccessGuard guard)
{
    /// <summary>The breaches sorted by how overdue they are, paged in SQL. Passive customers never show.</summary>
    public async Task<CarePlanMonitorList> ListAsync(CarePlanMonitorFilter filter, CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        if (filter.Everyone || filter.PersonId is { } p && p != actor.Id) await guard.DemandAsync(Policies.FollowKeyAccounts);
        int? person = filter.Everyone ? null : filter.PersonId ?? actor.Id;

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = await LatestSucceededAsync(db, ct);
        if (run is null) return new([], 0, null);

        var q = Breaches(db, run.Id);
        if (person is { } id)
            q = q.Where(x => x.ResponsibleUserId == id || db.CustomerResponsibles.Any(r => r.CustomerId == x.CustomerId && r.UserId == id));
        if (filter.Segment is { } segment) q = q.Where(x => x.Segment == segment);
        if (filter.CarePlanId is { } planId) q = q.Where(x => x.CarePlanId == planId);
        if (filter.Kind is { } kind) q = q.Where(x => x.Kind == kind);

        var total = await q.CountAsync(ct);
        var size = Math.Clamp(filter.PageSize, 1, 200);
        var page = await q.OrderByDescending(x => x.OverdueDays).ThenBy(x => x.CustomerNameSearch).ThenBy(x => x.Id)
            .Skip(Math.Max(0, filter.Page) * size).Take(size).ToListAsync(ct);
        return new(await RowsAsync(db, page, ct), total, await InfoAsync(run));
    }

    /// <summary>The plans that apply to the customer now and its broken rules in the latest succeeded run.</summary>
    public async Task<CustomerCarePlans> ForCustomerAsync(int customerId, CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var applicable = await CarePlanRules.ApplicablePlanVersionsAsync(db, ct);
        var planIds = await applicable.Where(a => a.CustomerId == customerId).Select(a => a.CarePlanId).ToListAsync(ct);
        var plans = await PlanNames(db.CarePlans.Where(p => planIds.Contains(p.Id))).ToListAsync(ct);
        var run = await LatestSucceededAsync(db, ct);
        if (run is null) return new(plans, [], null);
        var breaches = await Breaches(db, run.Id).Where(x => x.CustomerId == customerId).OrderByDescending(x => x.OverdueDays).ToListAsync(ct);
        return new(plans, await RowsAsync(db, breaches, ct), await InfoAsync(run));
    }

    /// <summary>OK, or how many rules are broken and the worst overdue, per customer in the latest succeeded run; a customer
    /// without breaches is OK. Empty before the first run.</summary>
    public async Task<IReadOnlyDictionary<int, CarePlanCustomerStatus>> StatusForCustomersAsync(IReadOnlyCollection<int> customerIds, CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = await LatestSucceededAsync(db, ct);
        if (run is null) return new Dictionary<int, CarePlanCustomerStatus>();
        var ids = customerIds.Distinct().ToList();
        var broken = await db.CarePlanBreaches.AsNoTracking().Where(b => b.RunId == run.Id && ids.Contains(b.CustomerId))
            .GroupBy(b => b.CustomerId).Select(g => new { g.Key, Count = g.Count(), Worst = g.Max(b => b.OverdueDays) })
            .ToDictionaryAsync(x => x.Key, ct);
        return ids.ToDictionary(id => id, id => broken.TryGetValue(id, out var b)
            ? new CarePlanCustomerStatus(id, b.Count, b.Worst) : new CarePlanCustomerStatus(id, 0, 0));
    }

    /// <summary>The most recent run, whatever its state: the page follows a running one and shows a failed one.</summary>
    public async Task<CarePlanRunInfo?> LatestRunAsync(CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = await db.CarePlanCheckRuns.AsNoTracking().OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        return run is null ? null : await InfoAsync(run);
    }

    public async Task<CarePlanRunInfo?> GetRunAsync(int runId, CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = await db.CarePlanCheckRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, ct);
        return run is null ? null : await InfoAsync(run);
    }

    /// <summary>The filter choices for management: the plans that have an active version, and the people responsible
    /// for some customer or named by a plan.</summary>
    public async Task<(IReadOnlyList<CarePlanName> Plans, IReadOnlyList<CarePlanPerson> People)> FilterChoicesAsync(CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plans = await PlanNames(db.CarePlans.Where(p => p.Versions.Any(v => v.State == CarePlanVersionState.Active))).ToListAsync(ct);
        var people = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && (db.CustomerResponsibles.Any(r => r.UserId == u.Id)
                || db.CarePlanVersions.Any(v => v.ResponsibleUserId == u.Id && v.State == CarePlanVersionState.Active)))
            .OrderBy(u => u.DisplayName).Select(u => new CarePlanPerson(u.Id, u.DisplayName)).ToListAsync(ct);
        return ([.. plans.OrderBy(p => p.Scope).ThenBy(p => p.Segment).ThenBy(p => p.GroupName)], people);
    }

    private static IQueryable<CarePlanName> PlanNames(IQueryable<CarePlan> plans) =>
        plans.AsNoTracking().Select(p => new CarePlanName(p.Id, p.Scope, p.Segment, p.CustomerGroup!.Name));

    private sealed class BreachData
    {
        public int Id { get; init; }
        public int CustomerId { get; init; }
        public string CustomerName { get; init; } = "";
        public string CustomerNameSearch { get; init; } = "";
        public Segments.Segment Segment { get; init; }
        public int CarePlanId { get; init; }
        public CarePlanScope Scope { get; init; }
        public Segments.Segment? PlanSegment { get; init; }
        public string? GroupName { get; init; }
        public int? ResponsibleUserId { get; init; }
        public CarePlanBreachKind Kind { get; init; }
        public DateOnly? LastContactOn { get; init; }
        public int? AllowedGapDays { get; init; }
        public string? LabelFi { get; init; }
        public string? LabelEn { get; init; }
        public int? Required { get; init; }
        public int? Done { get; init; }
        public int OverdueDays { get; init; }
    }

    private static IQueryable<BreachData> Breaches(PortaaliDbContext db, int runId) =>
        from b in db.CarePlanBreaches.AsNoTracking()
        where b.RunId == runId
        join c in db.Customers on b.CustomerId equals c.Id
        where !c.IsPassive
        join v in db.CarePlanVersions on b.CarePlanVersionId equals v.Id
        join r in db.CarePlanRequirements on b.RequirementId equals (int?)r.Id into requirement
        from r in requirement.DefaultIfEmpty()
        select new BreachData
        {
            Id = b.Id, CustomerId = c.Id, CustomerName = c.Name, CustomerNameSearch = c.NameSearch, Segment = c.Segment,
            CarePlanId = v.CarePlanId, Scope = v.CarePlan!.Scope, PlanSegment = v.CarePlan.Segment, GroupName = v.CarePlan.CustomerGroup!.Name,
            ResponsibleUserId = v.ResponsibleUserId, Kind = b.Kind, LastContactOn = b.LastContactOn, AllowedGapDays = b.AllowedGapDays,
            LabelFi = r == null ? null : r.LabelFi, LabelEn = r == null ? null : r.LabelEn,
            Required = b.Required, Done = b.Done, OverdueDays = b.OverdueDays,
        };

    /// <summary>The page's rows with the responsible people, read in a second query over the page's customers.</summary>
    private static async Task<IReadOnlyList<CarePlanBreachRow>> RowsAsync(PortaaliDbContext db, IReadOnlyList<BreachData> page, CancellationToken ct)
    {
        var customerIds = page.Select(x => x.CustomerId).Distinct().ToList();
        var userIds = page.Select(x => x.ResponsibleUserId).OfType<int>().Distinct().ToList();
        var responsibles = (await db.CustomerResponsibles.AsNoTracking().Where(r => customerIds.Contains(r.CustomerId))
                .Select(r => new { r.CustomerId, r.User!.DisplayName }).ToListAsync(ct))
            .ToLookup(r => r.CustomerId, r => r.DisplayName);
        var planPeople = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return [.. page.Select(x =>
        {
            var people = responsibles[x.CustomerId].Order(StringComparer.CurrentCulture).ToList();
            if (x.ResponsibleUserId is { } planPerson && planPeople.TryGetValue(planPerson, out var name) && !people.Contains(name)) people.Add(name);
            var daysSince = x.Kind == CarePlanBreachKind.ContactGap ? x.AllowedGapDays + x.OverdueDays : null;
            return new CarePlanBreachRow(x.CustomerId, x.CustomerName, x.Segment, new CarePlanName(x.CarePlanId, x.Scope, x.PlanSegment, x.GroupName),
                x.Kind, RuleText(x, daysSince), x.LastContactOn, daysSince, x.OverdueDays, people);
        })];
    }

    private static string RuleText(BreachData x, int? daysSince) => x.Kind switch
    {
        CarePlanBreachKind.ContactGap when x.LastContactOn is null => CoreText.Get("CarePlanRuleNoContact", daysSince, x.AllowedGapDays),
        CarePlanBreachKind.ContactGap => CoreText.Get("CarePlanRuleContactGap", daysSince, x.AllowedGapDays),
        _ => CoreText.Get("CarePlanRuleYearly",
            CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" && !string.IsNullOrWhiteSpace(x.LabelEn) ? x.LabelEn : x.LabelFi,
            x.Done, x.Required),
    };

    private static async Task<CarePlanCheckRun?> LatestSucceededAsync(PortaaliDbContext db, CancellationToken ct) =>
        await db.CarePlanCheckRuns.AsNoTracking().Where(r => r.Status == CarePlanCheckStatus.Succeeded)
            .OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);

    /// <summary>A failed run's error is for administrators; others see that it failed.</summary>
    private async Task<CarePlanRunInfo> InfoAsync(CarePlanCheckRun r) =>
        new(r.Id, r.Trigger, r.Status, r.StartedByName, r.StartedAt, r.FinishedAt, r.CheckedOn, r.CustomersChecked, r.CustomersBroken,
            r.Error is not null && await guard.IsAllowedAsync(Policies.Administer) ? r.Error : null);
}
