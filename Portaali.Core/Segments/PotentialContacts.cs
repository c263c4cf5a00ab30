using Microsoft.EntityFrameworkCore;
using Portaali.Core.Activities;
using Portaali.Core.CarePlans;
using Portaali.Core.Calendar;
using Portaali.Core.Common;
using Portaali.Core.Data;
using Portaali.Core.Security;
using Portaali.Core.Users;

namespace Portaali.Core.Segments;

/// <summary>A Potential customer must not stay there: whenever a customer comes into Potential, a call is planned for
/// the sales and marketing manager on the next working day at 9:00 (Helsinki), unless a counted contact is already
/// planned. Every path into Potential calls <see cref="PlanAsync"/> inside the transaction that moves the customer.</summary>
public static class PotentialContacts
{
    public static readonly TimeSpan StartsAt = new(9, 0, 0);
    public const int DurationMinutes = 30;

    /// <summary>Counted as a contact when the Potential plan has no rules yet.</summary>
    private static readonly string[] DefaultContactTypes =
        [ActivityReferenceData.Visit, ActivityReferenceData.Call, ActivityReferenceData.Email, ActivityReferenceData.Meeting];

    /// <summary>Plans the contact and returns its id; null when one is already planned or nobody is in sales and marketing.</summary>
    public static async Task<int?> PlanAsync(PortaaliDbContext db, int customerId, Actor actor, DateTime nowUtc, CancellationToken ct)
    {
        var plan = await db.CarePlanVersions.AsNoTracking()
            .Where(v => v.CarePlan!.Scope == CarePlanScope.Segment && v.CarePlan.Segment == Segment.Potential && v.State == CarePlanVersionState.Active)
            .Select(v => new { v.ResponsibleUserId, Types = v.ContactTypes.Select(t => t.ActivityTypeId).ToList() }).FirstOrDefaultAsync(ct);
        var counted = plan is { Types.Count: > 0 } ? plan.Types
            : await db.ActivityTypes.Where(t => DefaultContactTypes.Contains(t.SystemKey)).Select(t => t.Id).ToListAsync(ct);
        if (await db.Activities.AnyAsync(a => a.CustomerId == customerId && a.StartsAtUtc >= nowUtc && counted.Contains(a.ActivityTypeId), ct))
            return null;
        var managers = await db.Users.AsNoTracking().Where(u => u.Group == UserGroup.SalesAndMarketing && u.IsActive)
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Id).Select(u => u.Id).ToListAsync(ct);
        if (managers.Count == 0) return null;
        var manager = plan?.ResponsibleUserId is { } responsible && managers.Contains(responsible) ? responsible : managers[0];
        var call = await db.ActivityTypes.AsNoTracking().Where(t => t.SystemKey == ActivityReferenceData.Call)
            .Select(t => new { t.Id, t.Name }).FirstAsync(ct);

        var startsLocal = NextWorkingDay(DateOnly.FromDateTime(HelsinkiTime.ToLocal(nowUtc))).ToDateTime(TimeOnly.FromTimeSpan(StartsAt));
        var edit = new ActivityEdit
        {
            CustomerId = customerId, TypeId = call.Id, Title = CoreText.Get("PotentialContactTitle"), DurationMinutes = DurationMinutes,
            ParticipantIds = [manager],
        };
        var activity = new Activity { Title = "", ActivityTypeId = call.Id, CreatedByUserId = actor.Id, CreatedByName = actor.Name, CreatedAtUtc = nowUtc };
        await ActivityService.ApplyAsync(db, edit, activity, null, startsLocal, actor, nowUtc, ct);
        ActivityService.SetStatus(activity, ActivityStatus.Open, null, actor, nowUtc);
        db.Activities.Add(activity);
        await db.SaveChangesAsync(ct); // the history entry needs the new id
        await ActivityAudit.RecordAsync(db, actor, nowUtc, activity.Id, call.Name, null, ActivityState.Of(activity), ct);
        await db.SaveChangesAsync(ct);
        return activity.Id;
    }

    /// <summary>The next Monday–Friday after <paramref name="today"/>.</summary>
    public static DateOnly NextWorkingDay(DateOnly today)
    {
        var day = today.AddDays(1);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) day = day.AddDays(1);
        return day;
    }
}
