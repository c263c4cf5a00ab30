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

        var sums = await Participating(db, id).Where(a => a.IsoYear == week.Year && a.Status == ActivityStatus.Done)
            .GroupBy(a => new { a.IsoWeek, Customer = a.CustomerId != null })
            .Select(g => new { g.Key.IsoWeek, g.Key.Customer, Minutes = g.Sum(a => a.DurationMinutes) }).ToListAsync(ct);
        var year = Enumerable.Range(1, IsoWeek.WeeksIn(week.Year)).Select(w => new WeekTotal(new IsoWeek(week.Year, w),
            Hours(sums.Where(s => s.IsoWeek == w && s.Customer).Sum(s => s.Minutes)),
            Hours(sums.Where(s => s.IsoWeek == w && !s.Customer).Sum(s => s.Minutes)))).ToList();
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
        var from = all[0].Monday;
        var to = current.Sunday;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var sums = await db.ActivityParticipants.AsNoTracking()
            .Where(p => p.UserId == actor.Id && p.Activity!.LocalDate >= from && p.Activity.LocalDate <= to)
            .GroupBy(p => new { p.Activity!.IsoYear, p.Activity.IsoWeek, Done = p.Activity.Status == ActivityStatus.Done })
            .Select(g => new { g.Key.IsoYear, g.Key.IsoWeek, g.Key.Done, Minutes = g.Sum(p => p.Activity!.DurationMinutes) })
            .ToListAsync(ct);
        return all.Select(w => new RecentWeekHours(w,
            Hours(sums.Where(s => s.IsoYear == w.Year && s.IsoWeek == w.Week && s.Done).Sum(s => s.Minutes)),
            Hours(sums.Where(s => s.IsoYear == w.Year && s.IsoWeek == w.Week && !s.Done).Sum(s => s.Minutes)))).ToList();
    }

    /// <summary>Everything the weekly customer-team meeting goes through for the chosen week.</summary>
    public async Task<TeamMeeting> GetTeamMeetingAsync(IsoWeek week, CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var team = await db.Users.AsNoTracking().Where(u => u.IsActive && TeamGroups.Contains(u.Group))
            .OrderBy(u => u.Group == UserGroup.CustomerRelationshipManager ? 0 : 1).ThenBy(u => u.DisplayName)
            .Select(u => new PersonRef(u.Id, u.DisplayName)).ToListAsync(ct);
        var ids = team.Select(u => u.Id).ToList();
        var hours = await WeekHoursAsync(db, ids, week, ct);
        var next = week.Next;

        var weekRows = await activities.ToRowsAsync(db.Activities.AsNoTracking()
            .Where(a => a.Participants.Any(p => ids.Contains(p.UserId))
                && ((a.IsoYear == week.Year && a.IsoWeek == week.Week) || (a.IsoYear == next.Year && a.IsoWeek == next.Week)))
            .OrderBy(a => a.StartsAtUtc).ThenBy(a => a.Id), ct);
        var participants = await db.ActivityParticipants.AsNoTracking()
            .Where(p => ids.Contains(p.UserId) && ((p.Activity!.IsoYear == week.Year && p.Activity.IsoWeek == week.Week)
                || (p.Activity.IsoYear == next.Year && p.Activity.IsoWeek == next.Week)))
            .Select(p => new { p.ActivityId, p.UserId }).ToListAsync(ct);
        var nextMonday = next.Monday;
        var members = team.Select(u =>
        {
            var mine = participants.Where(p => p.UserId == u.Id).Select(p => p.ActivityId).ToHashSet();
            var rows = weekRows.Where(r => mine.Contains(r.Id)).ToList();
            return new TeamMemberWeek(u, hours[u.Id],
                rows.Where(r => DateOnly.FromDateTime(r.StartsLocal) < nextMonday).ToList(),
                rows.Where(r => DateOnly.FromDateTime(r.StartsLocal) >= nextMonday).ToList());
        }).ToList();

        var negative = await activities.ToRowsAsync(db.Activities.AsNoTracking()
            .Where(a => a.Keyword != null && a.Keyword.NeedsResolution && a.Status != ActivityStatus.Done)
            .OrderBy(a => a.StartsAtUtc).Take(100), ct);

        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var today = HelsinkiTime.Today(clock);
        var keyAccounts = await db.Customers.AsNoTracking().Where(c => c.Segment == Segment.A && !c.IsPassive).OrderBy(c => c.NameSearch)
            .Select(c => new
            {
                c.Id, c.Name,
                Last = db.Activities.Where(a => a.CustomerId == c.Id && a.StartsAtUtc <= nowUtc && a.Type!.RequiresCustomer)
                    .Max(a => (DateOnly?)a.LocalDate),
            }).ToListAsync(ct);
        return new TeamMeeting(week, members, negative, keyAccounts
            .Select(k => new KeyAccountContact(k.Id, k.Name, k.Last, k.Last is { } d ? today.DayNumber - d.DayNumber : null)).ToList());
    }

    private static IQueryable<Activity> Participating(PortaaliDbContext db, int userId) =>
        db.Activities.AsNoTracking().Where(a => a.Participants.Any(p => p.UserId == userId));

    private static async Task<Dictionary<int, WeekHours>> WeekHoursAsync(PortaaliDbContext db, IReadOnlyCollection<int> userIds, IsoWeek week, CancellationToken ct)
    {
        var ids = userIds.ToList();
        var sums = await db.ActivityParticipants.AsNoTracking()
            .Where(p => ids.Contains(p.UserId) && p.Activity!.IsoYear == week.Year && p.Activity.IsoWeek == week.Week)
            .GroupBy(p => new
            {
                p.UserId, p.Activity!.ActivityTypeId, TypeName = (CoreText.ReaderIsEnglish ? p.Activity.Type!.NameEn ?? p.Activity.Type!.Name : p.Activity.Type!.Name), p.Activity.Type.Color, p.Activity.Type.SortOrder,
                Customer = p.Activity.CustomerId != null, Done = p.Activity.Status == ActivityStatus.Done,
            })
            .Select(g => new { g.Key.UserId, g.Key.TypeName, g.Key.Color, g.Key.SortOrder, g.Key.Customer, g.Key.Done, Minutes = g.Sum(p => p.Activity!.DurationMinutes) })
            .ToListAsync(ct);
        return ids.Distinct().ToDictionary(id => id, id =>
        {
            var mine = sums.Where(s => s.UserId == id).ToList();
            var done = mine.Where(s => s.Done).ToList();
            return new WeekHours(week,
                Hours(done.Where(s => s.Customer).Sum(s => s.Minutes)), Hours(done.Where(s => !s.Customer).Sum(s => s.Minutes)),
                Hours(mine.Where(s => !s.Done).Sum(s => s.Minutes)),
                done.GroupBy(s => new { s.TypeName, s.Color, s.SortOrder }).OrderBy(g => g.Key.SortOrder)
                    .Select(g => new TypeHours(g.Key.TypeName, g.Key.Color, Hours(g.Sum(s => s.Minutes)))).ToList());
        });
    }

    private static double Hours(int minutes) => Math.Round(minutes / 60.0, 2);
}
