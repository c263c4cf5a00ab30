using Microsoft.EntityFrameworkCore;
using Portaali.Core.Common;
using Portaali.Core.Activities;
using Portaali.Core.Calendar;
using Portaali.Core.CarePlans;
using Portaali.Core.Data;
using Portaali.Core.Offers;
using Portaali.Core.Security;
using Portaali.Core.Segments;
using Portaali.Core.Users;

namespace Portaali.Core.KeyAccountTracking;

/// <summary>Management's key-account tracker: one row per active A account, and the account managers' work per week.
/// Each figure is one set-based query over all the accounts, never one per customer.</summary>
public class KeyAccountTrackerService(IDbContextFactory<PortaaliDbContext> dbFactory, AccessGuard guard, TimeProvider clock)
{
    public const int WorkWeeks = 12;

    public async Task<TrackerView> GetAsync(CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.FollowKeyAccounts);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = HelsinkiTime.Today(clock);

        var accounts = await db.Customers.AsNoTracking().Where(c => c.Segment == Segment.A && !c.IsPassive)
            .OrderBy(c => c.NameSearch).ThenBy(c => c.Id).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        if (accounts.Count == 0) return new TrackerView(today, []);
        var ids = accounts.Select(a => a.Id).ToList();

        // Filtered by the accounts' ids first, so the latest/first per customer is picked among their activities only.
        var last = await db.Activities.AsNoTracking()
            .Where(a => a.CustomerId != null && ids.Contains(a.CustomerId.Value) && a.Status == ActivityStatus.Done && a.LocalDate <= today)
            .GroupBy(a => a.CustomerId!.Value)
            .Select(g => g.OrderByDescending(a => a.StartsAtUtc).ThenByDescending(a => a.Id)
                .Select(a => new { CustomerId = a.CustomerId!.Value, a.LocalDate, Type = (CoreText.ReaderIsEnglish ? a.Type!.NameEn ?? a.Type!.Name : a.Type!.Name), a.Title }).First())
            .ToDictionaryAsync(a => a.CustomerId, ct);
        var next = await db.Activities.AsNoTracking()
            .Where(a => a.CustomerId != null && ids.Contains(a.CustomerId.Value) && a.Status != ActivityStatus.Done && a.StartsAtUtc >= now)
            .GroupBy(a => a.CustomerId!.Value)
            .Select(g => g.OrderBy(a => a.StartsAtUtc).ThenBy(a => a.Id)
                .Select(a => new { CustomerId = a.CustomerId!.Value, a.LocalDate, Type = (CoreText.ReaderIsEnglish ? a.Type!.NameEn ?? a.Type!.Name : a.Type!.Name), a.Title }).First())
            .ToDictionaryAsync(a => a.CustomerId, ct);

        var responsibles = await db.CustomerResponsibles.AsNoTracking().Where(r => ids.Contains(r.CustomerId))
            .OrderBy(r => r.User!.DisplayName).Select(r => new { r.CustomerId, r.User!.DisplayName }).ToListAsync(ct);

        var since90 = today.AddDays(-89);
        var since30 = today.AddDays(-29);
        var recent = await db.Activities.AsNoTracking()
            .Where(a => a.CustomerId != null && ids.Contains(a.CustomerId.Value) && a.Status == ActivityStatus.Done
                        && a.LocalDate >= since90 && a.LocalDate <= today)
            .GroupBy(a => new { CustomerId = a.CustomerId!.Value, Name = (CoreText.ReaderIsEnglish ? a.Type!.NameEn ?? a.Type!.Name : a.Type!.Name), a.Type.SortOrder, Within30 = a.LocalDate >= since30 })
            .Select(g => new { g.Key.CustomerId, g.Key.Name, g.Key.SortOrder, g.Key.Within30, Count = g.Count() }).ToListAsync(ct);

        var offers = await db.Offers.AsNoTracking().Where(o => ids.Contains(o.CustomerId) && o.State == OfferState.Open)
            .GroupBy(o => o.CustomerId).Select(g => new { CustomerId = g.Key, Count = g.Count(), Cents = g.Sum(o => o.TotalExVatCents) })
            .ToDictionaryAsync(o => o.CustomerId, ct);

        var yearStart = new DateOnly(today.Year, 1, 1);
        var yearEnd = yearStart.AddYears(1);
        var orders = await db.Orders.AsNoTracking()
            .Where(o => ids.Contains(o.CustomerId) && ((o.OrderedOn >= yearStart && o.OrderedOn < yearEnd) || o.State != OrderState.Invoiced))
            .GroupBy(o => o.CustomerId)
            .Select(g => new
            {
                CustomerId = g.Key,
                Cents = g.Sum(o => o.OrderedOn >= yearStart && o.OrderedOn < yearEnd ? o.TotalExVatCents : 0),
                Awaiting = g.Count(o => o.State == OrderState.AwaitingDelivery),
                InDelivery = g.Count(o => o.State == OrderState.InDelivery),
            }).ToDictionaryAsync(o => o.CustomerId, ct);

        var negative = await db.Activities.AsNoTracking()
            .Where(a => a.CustomerId != null && ids.Contains(a.CustomerId.Value) && a.Status != ActivityStatus.Done
                        && a.Keyword!.SystemKey == ActivityReferenceData.NegativeFeedback)
            .GroupBy(a => a.CustomerId!.Value).Select(g => new { CustomerId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(a => a.CustomerId, a => a.Count, ct);

        var run = await db.CarePlanCheckRuns.AsNoTracking().Where(r => r.Status == CarePlanCheckStatus.Succeeded)
            .OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id).Select(r => new { r.Id, r.CheckedOn }).FirstOrDefaultAsync(ct);
        var breaches = run is null ? [] : await db.CarePlanBreaches.AsNoTracking().Where(b => b.RunId == run.Id && ids.Contains(b.CustomerId))
            .GroupBy(b => b.CustomerId).Select(g => new { CustomerId = g.Key, Count = g.Count(), Worst = g.Max(b => b.OverdueDays) })
            .ToDictionaryAsync(b => b.CustomerId, ct);

        var scorecards = await ScorecardService.SummariesAsync(db, ids, today.Year, today, ct);

        var rows = accounts.Select(a =>
        {
            var mine = recent.Where(r => r.CustomerId == a.Id).ToList();
            offers.TryGetValue(a.Id, out var offer);
            orders.TryGetValue(a.Id, out var order);
            var carePlan = run is null ? new CarePlanStatus(CarePlanState.NotChecked, 0, 0, null)
                : breaches.TryGetValue(a.Id, out var broken) ? new CarePlanStatus(CarePlanState.Broken, broken.Count, broken.Worst, run.CheckedOn)
                : new CarePlanStatus(CarePlanState.Ok, 0, 0, run.CheckedOn);
            return new TrackerRow(a.Id, a.Name,
                responsibles.Where(r => r.CustomerId == a.Id).Select(r => r.DisplayName).ToList(),
                last.TryGetValue(a.Id, out var l) ? new ActivityBrief(l.LocalDate, l.Type, l.Title) : null,
                next.TryGetValue(a.Id, out var n) ? new ActivityBrief(n.LocalDate, n.Type, n.Title) : null,
                ByType(mine.Where(r => r.Within30).Select(r => (r.Name, r.SortOrder, r.Count))),
                ByType(mine.Select(r => (r.Name, r.SortOrder, r.Count))),
                offer?.Count ?? 0, Common.Money.FromCents(offer?.Cents ?? 0), Common.Money.FromCents(order?.Cents ?? 0),
                order?.Awaiting ?? 0, order?.InDelivery ?? 0, negative.GetValueOrDefault(a.Id), carePlan, scorecards[a.Id]);
        }).ToList();
        return new TrackerView(today, rows);
    }

    /// <summary>Activities per ISO week (Helsinki) of each active account manager taking part, over the
    /// <see cref="WorkWeeks"/> weeks ending with the current one: everything in their calendar, planned or done.</summary>
    public async Task<ManagerWorkReport> ManagerWorkAsync(CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.FollowKeyAccounts);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var weeks = new List<IsoWeek> { IsoWeek.Of(HelsinkiTime.Today(clock)) };
        while (weeks.Count < WorkWeeks) weeks.Insert(0, weeks[0].Previous);
        var from = weeks[0].Monday;
        var to = weeks[^1].Sunday;

        var managers = await db.Users.AsNoTracking().Where(u => u.Group == UserGroup.AccountManager && u.IsActive)
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Id).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct);
        var counts = await db.ActivityParticipants.AsNoTracking()
            .Where(p => p.User!.Group == UserGroup.AccountManager && p.Activity!.LocalDate >= from && p.Activity.LocalDate <= to)
            .GroupBy(p => new { p.UserId, p.Activity!.IsoYear, p.Activity.IsoWeek })
            .Select(g => new { g.Key.UserId, Week = new { g.Key.IsoYear, g.Key.IsoWeek }, Count = g.Count() }).ToListAsync(ct);
        return new ManagerWorkReport(weeks, managers.Select(m => new ManagerWork(m.Id, m.DisplayName,
            weeks.Select(w => counts.Where(c => c.UserId == m.Id && c.Week.IsoYear == w.Year && c.Week.IsoWeek == w.Week).Sum(c => c.Count)).ToList()))
            .ToList());
    }

    private static List<TypeCount> ByType(IEnumerable<(string Name, int SortOrder, int Count)> counts) =>
        counts.GroupBy(c => (c.Name, c.SortOrder)).Select(g => (g.Key.Name, g.Key.SortOrder, Count: g.Sum(c => c.Count)))
            .OrderByDescending(c => c.Count).ThenBy(c => c.SortOrder).Select(c => new TypeCount(c.Name, c.Count)).ToList();
}
