using Microsoft.EntityFrameworkCore;
using Portaali.Core.Activities;
using Portaali.Core.Common;
using Portaali.Core.Customers;
using Portaali.Core.Data;
using Portaali.Core.Security;
using Portaali.Core.Segments;
using Portaali.Core.Users;

namespace Portaali.Core.Calendar;

/// <summary>Hours per user per ISO week, summed in SQL from the durations of the activities the user takes part in.</summary>
public class WeeklyHoursService(IDbContextFactory<PortaaliDbContext> dbFactory, AccessGuard guard, TimeProvider clock, ActivityService activities)
{
    /// <summary>The groups whose weeks the customer-team meeting goes through.</summary>
    public static readonly UserGroup[] TeamGroups = [UserGroup.CustomerRelationshipManager, UserGroup.AccountManager];

    public IsoWeek CurrentWeek() => IsoWeek.Of(HelsinkiTime.Today(clock));

    /// <summary>One user's week with its activities and the whole ISO year's weekly totals for the chart; the signed-in user when none is given.</summary>
    public async Task<WeeklyReport> GetWeeklyReportAsync(IsoWeek week, int? userId = null, CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var id = userId ?? actor.Id;
        var user = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new PersonRef(u.Id, u.DisplayName)).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException(CoreText.Get("UserNotFound"));
        var hours = (await WeekHoursAsync(db, [id], week, ct))[id];
        var rows = await activities.ToRowsAsync(Participating(db, id)
            .Where(a => a.IsoYear == week.Year && a.IsoWeek == week.Week).OrderBy(a => a.StartsAtUtc).ThenBy(a => a.Id), ct);

        // The ISO year's weeks from the user's participant rows alone (their copies of week, status, customer and minutes),
        // grouped in the order of the week-hours index.
        var sums = await (from p in db.ActivityParticipants.AsNoTracking()
                          where p.UserId == id && p.IsoYear == week.Year
                          group p.DurationMinutes by new { p.IsoWeek, p.IsOpen, p.IsCustomerWork } into g
                          select new { g.Key.IsoWeek, g.Key.IsOpen, g.Key.IsCustomerWork, Minutes = g.Sum() }).ToListAsync(ct);
        var year = Enumerable.Range(1, IsoWeek.WeeksIn(week.Year)).Select(w => new WeekTotal(new IsoWeek(week.Year, w),
            Hours(sums.Where(s => s.IsoWeek == w && !s.IsOpen && s.IsCustomerWork).Sum(s => s.Minutes)),
            Hours(sums.Where(s => s.IsoWeek == w && !s.IsOpen && !s.IsCustomerWork).Sum(s => s.Minutes)))).ToList();
        return new WeeklyReport(user, hours, rows, year);
    }

    /// <summary>Done and planned hours of each user in the week, split by customer work and type; users with nothing get zeros.</summary>
    public async Task<IReadOnlyDictionary<int, WeekHours>> GetWeekHoursAsync(IReadOnlyCollection<int> userIds, IsoWeek week, CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await WeekHoursAsync(db, userIds, week, ct);
    }

    /// <summary>The signed-in user's done and planned hours in this ISO week and the <paramref name="weeks"/> − 1 before it,
    /// oldest first, summed in SQL; weeks with nothing are zeros.</summary>
    public async Task<IReadOnlyList<RecentWeekHours>> MyRecentWeeksAsync(int weeks, CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        var current = CurrentWeek();
        var all = Enumerable.Range(0, Math.Clamp(weeks, 1, 53)).Select(i => IsoWeek.Of(current.Monday.AddDays(-7 * i))).Reverse().ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // From the user's participant rows' copies of week, status and minutes: one covering seek of the week-hours index per
        // ISO year the weeks span (two at most), never the activities' rows.
        var sums = new List<(int IsoYear, int IsoWeek, bool Done, int Minutes)>();
        foreach (var year in all.GroupBy(w => w.Year))
        {
            var (first, last) = (year.Min(w => w.Week), year.Max(w => w.Week));
            sums.AddRange((await (from p in db.ActivityParticipants.AsNoTracking()
                                  where p.IsoYear == year.Key && p.UserId == actor.Id && p.IsoWeek >= first && p.IsoWeek <= last
                                  group p.DurationMinutes by new { p.IsoWeek, p.IsOpen } into g
                                  select new { g.Key.IsoWeek, g.Key.IsOpen, Minutes = g.Sum() }).ToListAsync(ct))
                .Select(s => (year.Key, s.IsoWeek, !s.IsOpen, s.Minutes)));
        }
        return all.Select(w => new RecentWeekHours(w,
            Hours(sums.Where(s => s.IsoYear == w.Year && s.IsoWeek == w.Week && s.Done).Sum(s => s.Minutes)),
            Hours(sums.Where(s => s.IsoYear == w.Year && s.IsoWeek == w.Week && !s.Done).Sum(s => s.Minutes)))).ToList();
    }

    private static IQueryable<Activity> Participating(PortaaliDbContext db, int userId) =>
        db.Activities.AsNoTracking().Where(a => a.Participants.Any(p => p.UserId == userId));

    /// <summary>The week's hours of the users in an open context (the team meeting reads them beside its counts in its own).</summary>
    internal static async Task<Dictionary<int, WeekHours>> WeekHoursAsync(PortaaliDbContext db, IReadOnlyCollection<int> userIds, IsoWeek week, CancellationToken ct)
    {
        var ids = userIds.Distinct().ToList();
        // From the people's participant rows alone: each carries its activity's week, status, customer, type and minutes
        // (ActivityParticipantCopies), so the sums read the week-hours index over each person's week and group in its
        // order, without looking up one of the week's thousands of activities.
        var sums = await (from p in db.ActivityParticipants.AsNoTracking()
                          where ids.Contains(p.UserId) && p.IsoYear == week.Year && p.IsoWeek == week.Week
                          group p.DurationMinutes by new { p.UserId, p.IsOpen, p.IsCustomerWork, p.ActivityTypeId } into g
                          select new { g.Key.UserId, g.Key.ActivityTypeId, Customer = g.Key.IsCustomerWork, Done = !g.Key.IsOpen, Minutes = g.Sum() })
            .ToListAsync(ct);
        var types = sums.Count == 0 ? [] : await db.ActivityTypes.AsNoTracking()
            .Select(t => new { t.Id, Name = CoreText.ReaderIsEnglish ? t.NameEn ?? t.Name : t.Name, t.Color, t.SortOrder })
            .ToDictionaryAsync(t => t.Id, ct);
        return ids.ToDictionary(id => id, id =>
        {
            var mine = sums.Where(s => s.UserId == id).ToList();
            var done = mine.Where(s => s.Done).ToList();
            return new WeekHours(week,
                Hours(done.Where(s => s.Customer).Sum(s => s.Minutes)), Hours(done.Where(s => !s.Customer).Sum(s => s.Minutes)),
                Hours(mine.Where(s => !s.Done).Sum(s => s.Minutes)),
                done.Select(s => (Type: types[s.ActivityTypeId], s.Minutes)).GroupBy(s => new { s.Type.Name, s.Type.Color, s.Type.SortOrder })
                    .OrderBy(g => g.Key.SortOrder).Select(g => new TypeHours(g.Key.Name, g.Key.Color, Hours(g.Sum(s => s.Minutes)))).ToList());
        });
    }

    private static double Hours(int minutes) => Math.Round(minutes / 60.0, 2);
}
