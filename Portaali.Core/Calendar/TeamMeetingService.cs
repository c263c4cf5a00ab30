using Microsoft.EntityFrameworkCore;
using Portaali.Core.Activities;
using Portaali.Core.Common;
using Portaali.Core.Customers;
using Portaali.Core.Data;
using Portaali.Core.Security;
using Portaali.Core.Segments;

namespace Portaali.Core.Calendar;

/// <summary>The weekly customer-team meeting: every account manager's week at a glance, each person's rows when the meeting
/// reaches them, open negative feedback and the A accounts' last contact.</summary>
public class TeamMeetingService(IDbContextFactory<PortaaliDbContext> dbFactory, AccessGuard guard, TimeProvider clock,
    ActivityService activities, WeeklyHoursService hours)
{
    /// <summary>Rows fetched at a time for one person's week and for open negative feedback; "show more" fetches the next as many.</summary>
    public const int PageSize = 25;

    private static readonly ActivityStatus[] NotDone = [ActivityStatus.Open, ActivityStatus.InProgress];

    public IsoWeek CurrentWeek() => hours.CurrentWeek();

    /// <summary>What the meeting sees at once for the week: each member's hours and how many activities they have this week and
    /// next, the first page of open negative feedback with its count, and the A accounts' last contact.</summary>
    public async Task<TeamMeeting> GetTeamMeetingAsync(IsoWeek week, CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var team = await db.Users.AsNoTracking().Where(u => u.IsActive && WeeklyHoursService.TeamGroups.Contains(u.Group))
            .OrderBy(u => u.Group == Users.UserGroup.CustomerRelationshipManager ? 0 : 1).ThenBy(u => u.DisplayName)
            .Select(u => new PersonRef(u.Id, u.DisplayName)).ToListAsync(ct);
        var ids = team.Select(u => u.Id).ToList();
        var weekHours = await WeeklyHoursService.WeekHoursAsync(db, ids, week, ct);
        var thisWeek = await CountsAsync(db, ids, week, ct);
        var nextWeek = await CountsAsync(db, ids, week.Next, ct);
        var members = team.Select(u => new TeamMemberSummary(u, weekHours[u.Id], thisWeek.GetValueOrDefault(u.Id), nextWeek.GetValueOrDefault(u.Id)))
            .ToList();
        var negative = await OpenNegativeFeedbackAsync(db, 0, ct);
        return new TeamMeeting(week, members, negative, await KeyAccountsAsync(db, ct));
    }

    /// <summary>What opening a person in the meeting shows: the first <see cref="PageSize"/> of their activities this week and next
    /// by start, each with how many there are.</summary>
    public async Task<TeamMemberWeeks> GetMemberWeeksAsync(int userId, IsoWeek week, CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var thisWeek = await MemberWeekIdsAsync(db, userId, week, ct);
        var nextWeek = await MemberWeekIdsAsync(db, userId, week.Next, ct);
        // Both pages' rows in one go.
        var rows = (await RowsAsync(db, [.. thisWeek.Take(PageSize), .. nextWeek.Take(PageSize)], ct)).ToDictionary(r => r.Id);
        PagedResult<ActivityRow> FirstPage(List<int> ids) =>
            new(ids.Take(PageSize).Where(rows.ContainsKey).Select(id => rows[id]).ToList(), ids.Count);
        return new TeamMemberWeeks(FirstPage(thisWeek), FirstPage(nextWeek));
    }

    /// <summary>One person's activities in the week, by start: <see cref="PageSize"/> rows from <paramref name="skip"/>, and how many there are.</summary>
    public async Task<PagedResult<ActivityRow>> GetMemberWeekAsync(int userId, IsoWeek week, int skip = 0, CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = await MemberWeekIdsAsync(db, userId, week, ct);
        return new PagedResult<ActivityRow>(await RowsAsync(db, ids.Skip(Math.Max(0, skip)).Take(PageSize).ToList(), ct), ids.Count);
    }

    /// <summary>Open negative feedback of every customer, the oldest first: <see cref="PageSize"/> rows from <paramref name="skip"/>, and how many there are.</summary>
    public async Task<PagedResult<ActivityRow>> GetOpenNegativeFeedbackAsync(int skip, CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await OpenNegativeFeedbackAsync(db, skip, ct);
    }

    /// <summary>The person's activities in the week as ids in start order, from their participant rows' copies of the week and
    /// start (ActivityParticipantCopies): one seek of the week-hours index, a hundred or so rows, no activity read. They give
    /// the count and any page.</summary>
    private static Task<List<int>> MemberWeekIdsAsync(PortaaliDbContext db, int userId, IsoWeek week, CancellationToken ct) =>
        db.ActivityParticipants.AsNoTracking()
            .Where(p => p.UserId == userId && p.IsoYear == week.Year && p.IsoWeek == week.Week)
            .OrderBy(p => p.StartsAtUtc).ThenBy(p => p.ActivityId).Select(p => p.ActivityId).ToListAsync(ct);

    private async Task<List<ActivityRow>> RowsAsync(PortaaliDbContext db, List<int> ids, CancellationToken ct) =>
        ids.Count == 0 ? [] : await activities.ToRowsAsync(db.Activities.AsNoTracking().Where(a => ids.Contains(a.Id))
            .OrderBy(a => a.StartsAtUtc).ThenBy(a => a.Id), ct);

    /// <summary>How many activities each of the people has in the week, from their participant rows' copies of the week: one
    /// covering seek of the week-hours index per person, counted in its order, instead of the week's ~12,000 activities each
    /// probed for its participants.</summary>
    private static Task<Dictionary<int, int>> CountsAsync(PortaaliDbContext db, List<int> ids, IsoWeek week, CancellationToken ct) =>
        (from p in db.ActivityParticipants.AsNoTracking()
         where ids.Contains(p.UserId) && p.IsoYear == week.Year && p.IsoWeek == week.Week
         group p by p.UserId into g
         select new { UserId = g.Key, Count = g.Count() }).ToDictionaryAsync(c => c.UserId, c => c.Count, ct);

    private async Task<PagedResult<ActivityRow>> OpenNegativeFeedbackAsync(PortaaliDbContext db, int skip, CancellationToken ct)
    {
        // By the keywords' index with the open statuses as equalities: the resolved ones are never read, and the count is exact
        // (the list used to stop at 100 and call that the count). The keywords needing resolution are a list subquery of the
        // same statement, not a round trip of their own.
        var needingResolution = db.ActivityKeywords.Where(k => k.NeedsResolution).Select(k => (int?)k.Id);
        var open = db.Activities.AsNoTracking().Where(a => needingResolution.Contains(a.KeywordId) && NotDone.Contains(a.Status));
        var total = await open.CountAsync(ct);
        var rows = total <= skip ? [] : await activities.ToRowsAsync(open.OrderBy(a => a.StartsAtUtc).ThenBy(a => a.Id)
            .Skip(Math.Max(0, skip)).Take(PageSize), ct);
        return new PagedResult<ActivityRow>(rows, total);
    }

    private async Task<List<KeyAccountContact>> KeyAccountsAsync(PortaaliDbContext db, CancellationToken ct)
    {
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var today = HelsinkiTime.Today(clock);
        var keyAccounts = await db.Customers.AsNoTracking().Where(c => c.Segment == Segment.A && !c.IsPassive).OrderBy(c => c.NameSearch)
            .Select(c => new
            {
                c.Id, c.Name,
                // The latest start walking the (CustomerId, StartsAtUtc) index backwards, not MAX over every past activity.
                Last = db.Activities.Where(a => a.CustomerId == c.Id && a.StartsAtUtc <= nowUtc && a.Type!.RequiresCustomer)
                    .OrderByDescending(a => a.StartsAtUtc).Select(a => (DateOnly?)a.LocalDate).FirstOrDefault(),
            }).ToListAsync(ct);
        return keyAccounts.Select(k => new KeyAccountContact(k.Id, k.Name, k.Last, k.Last is { } d ? today.DayNumber - d.DayNumber : null)).ToList();
    }
}
