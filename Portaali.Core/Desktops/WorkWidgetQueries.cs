using Microsoft.EntityFrameworkCore;
using Portaali.Core.Activities;
using Portaali.Core.Calendar;
using Portaali.Core.Common;
using Portaali.Core.Data;
using Portaali.Core.Security;
using Portaali.Core.Segments;

namespace Portaali.Core.Desktops;

/// <summary>The user's open activities for the desktop: the first few, how many in all and how many are overdue.</summary>
public record OpenActivities(IReadOnlyList<ActivityRow> Items, int TotalCount, int OverdueCount);

/// <summary>One line of the week's agenda; <see cref="StartsLocal"/> is Helsinki time.</summary>
public record AgendaEntry(int Id, DateTime StartsLocal, int DurationMinutes, string Title, string TypeName, string TypeColor,
    ActivityStatus Status, int? CustomerId, string? CustomerName);

/// <summary>The signed-in user's ISO week (Monday–Sunday in Helsinki) with today's date, for the agenda.</summary>
public record WeekAgenda(IsoWeek Week, DateOnly Today, IReadOnlyList<AgendaEntry> Entries, int TotalCount);

/// <summary>A customer the user is responsible for, with the last contact and the next planned activity (Helsinki time).</summary>
public record MyCustomerRow(int Id, string Name, Segment Segment, bool IsPassive, DateOnly? LastContact, DateTime? NextPlannedLocal,
    string? NextPlannedTitle);

/// <summary>
/// The small read-only queries behind the everyday-work widgets of the desktop (my open activities, my week, my
/// customers, open negative feedback): each a count and the first rows in SQL, for the signed-in user.
/// </summary>
public class WorkWidgetQueries(IDbContextFactory<PortaaliDbContext> dbFactory, AccessGuard guard, TimeProvider clock, ActivityService activities)
{
    public const int MaxRows = 50;

    /// <summary>The user's open (Hoitamatta/Kesken) activities, overdue first, then the coming ones.</summary>
    public async Task<OpenActivities> MyOpenActivitiesAsync(int take, CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        // Both counts from the participant rows' copies of the start, in the open-participations index alone.
        var counts = await ActivityService.MyOpenParticipations(db, actor.Id).GroupBy(_ => 1)
            .Select(g => new { Total = g.Count(), Overdue = g.Count(p => p.StartsAtUtc < now) }).FirstOrDefaultAsync(ct);
        var rows = await activities.ToRowsAsync(ActivityService.MyOpen(db, actor.Id).Take(Math.Clamp(take, 1, MaxRows)), ct);
        return new OpenActivities(rows, counts?.Total ?? 0, counts?.Overdue ?? 0);
    }

    /// <summary>The activities the user takes part in during this ISO week (Helsinki), by start.</summary>
    public async Task<WeekAgenda> MyWeekAsync(CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        var today = HelsinkiTime.Today(clock);
        var week = IsoWeek.Of(today);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var mine = db.Activities.AsNoTracking()
            .Where(a => a.IsoYear == week.Year && a.IsoWeek == week.Week && a.Participants.Any(p => p.UserId == actor.Id));
        var total = await mine.CountAsync(ct);
        var data = await mine.OrderBy(a => a.StartsAtUtc).ThenBy(a => a.Id).Take(200)
            .Select(a => new
            {
                a.Id, a.StartsAtUtc, a.DurationMinutes, a.Title, TypeName = (CoreText.ReaderIsEnglish ? a.Type!.NameEn ?? a.Type!.Name : a.Type!.Name), a.Type.Color, a.Status, a.CustomerId,
                CustomerName = a.Customer!.Name,
            }).ToListAsync(ct);
        return new WeekAgenda(week, today, data.Select(a => new AgendaEntry(a.Id, HelsinkiTime.ToLocal(a.StartsAtUtc), a.DurationMinutes,
            a.Title, a.TypeName, a.Color, a.Status, a.CustomerId, a.CustomerName)).ToList(), total);
    }

    /// <summary>The customers the user is responsible for, active first and then by name, with the last contact (a
    /// customer activity that has started) and the next planned one not yet OK.</summary>
    public async Task<PagedResult<MyCustomerRow>> MyCustomersAsync(int take, CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var mine = db.Customers.AsNoTracking().Where(c => c.Responsibles.Any(r => r.UserId == actor.Id));
        var total = await mine.CountAsync(ct);
        var data = await mine.OrderBy(c => c.IsPassive).ThenBy(c => c.NameSearch).ThenBy(c => c.Id).Take(Math.Clamp(take, 1, MaxRows))
            .Select(c => new
            {
                c.Id, c.Name, c.Segment, c.IsPassive,
                Last = db.Activities.Where(a => a.CustomerId == c.Id && a.StartsAtUtc <= now && a.Type!.RequiresCustomer)
                    .Max(a => (DateOnly?)a.LocalDate),
                NextAt = db.Activities.Where(a => a.CustomerId == c.Id && a.StartsAtUtc > now && a.Status != ActivityStatus.Done)
                    .Min(a => (DateTime?)a.StartsAtUtc),
                NextTitle = db.Activities.Where(a => a.CustomerId == c.Id && a.StartsAtUtc > now && a.Status != ActivityStatus.Done)
                    .OrderBy(a => a.StartsAtUtc).ThenBy(a => a.Id).Select(a => a.Title).FirstOrDefault(),
            }).ToListAsync(ct);
        return new PagedResult<MyCustomerRow>(data.Select(c => new MyCustomerRow(c.Id, c.Name, c.Segment, c.IsPassive, c.Last,
            c.NextAt is { } next ? HelsinkiTime.ToLocal(next) : null, c.NextTitle)).ToList(), total);
    }

    /// <summary>Customer feedback marked negative and not yet resolved (the feedback list's open negative), oldest first.</summary>
    public async Task<PagedResult<ActivityRow>> OpenNegativeFeedbackAsync(int take, CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var open = db.Activities.AsNoTracking().Where(a => a.Type!.SystemKey == ActivityReferenceData.Feedback
            && a.Keyword != null && a.Keyword.NeedsResolution && a.Status != ActivityStatus.Done);
        var total = await open.CountAsync(ct);
        var rows = await activities.ToRowsAsync(open.OrderBy(a => a.StartsAtUtc).ThenBy(a => a.Id).Take(Math.Clamp(take, 1, MaxRows)), ct);
        return new PagedResult<ActivityRow>(rows, total);
    }
}
