using Microsoft.EntityFrameworkCore;
using Portaali.Core.Activities;
using Portaali.Core.Calendar;
using Portaali.Core.Users;
using Portaali.Tests.Support;
using static Portaali.Tests.Integration.Activities.ActivityTestData;

namespace Portaali.Tests.Integration.Activities;

/// <summary>
/// Participant rows carry copies of their activity's start, week, open state, customer work, type and duration ("my open
/// activities" and weekly hours read only them). Whatever path writes an activity or its participants, the copies follow:
/// each test changes an activity one way and then compares every participant row with its activity on the real file.
/// </summary>
public class ParticipantCopyTests : HarnessTest
{
    private static readonly DateTime Tomorrow10 = new(2026, 3, 11, 10, 0, 0);

    private sealed record Copy(int ActivityId, int UserId, DateTime StartsAtUtc, int IsoYear, int IsoWeek, bool IsOpen, bool IsCustomerWork,
        int ActivityTypeId, int DurationMinutes);

    /// <summary>Every participant row as stored, and as its activity says it should be; the two lists must be equal.</summary>
    private async Task<(List<Copy> Stored, List<Copy> Expected)> CopiesAsync()
    {
        await using var db = H.Db();
        var stored = await db.ActivityParticipants.AsNoTracking().OrderBy(p => p.ActivityId).ThenBy(p => p.UserId)
            .Select(p => new Copy(p.ActivityId, p.UserId, p.StartsAtUtc, p.IsoYear, p.IsoWeek, p.IsOpen, p.IsCustomerWork, p.ActivityTypeId,
                p.DurationMinutes)).ToListAsync();
        var activities = await db.Activities.AsNoTracking().Include(a => a.Participants).ToListAsync();
        var expected = activities.SelectMany(a => a.Participants.Select(p => ActivityParticipant.Of(a, p.UserId)))
            .Select(p => new Copy(p.ActivityId, p.UserId, p.StartsAtUtc, p.IsoYear, p.IsoWeek, p.IsOpen, p.IsCustomerWork, p.ActivityTypeId,
                p.DurationMinutes))
            .OrderBy(p => p.ActivityId).ThenBy(p => p.UserId).ToList();
        return (stored, expected);
    }

    private async Task<List<Copy>> AssertCopiesFollowAsync()
    {
        var (stored, expected) = await CopiesAsync();
        Assert.NotEmpty(stored);
        Assert.Equal(expected, stored);
        return stored;
    }

    private async Task<Guid> VersionAsync(int id) => (await H.Activities.GetAsync(id)).Edit.Version;

    [Fact]
    public async Task A_new_activity_gives_each_participant_its_start_week_type_minutes_and_open_state()
    {
        var minna = await H.SignInAsAsync(UserGroup.AccountManager);
        var janne = await H.CreateUserAsync(UserGroup.AccountManager, "Janne Koskela");
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy");

        var id = await H.Activities.CreateAsync(Edit(Visit, customer.Id, "Käynti", Tomorrow10, 90, participants: [minna.Id, janne.Id]));

        var copies = await AssertCopiesFollowAsync();
        Assert.Equal(2, copies.Count);
        Assert.All(copies, c => Assert.Equal((id, HelsinkiTime.ToUtc(Tomorrow10), 2026, 11, true, true, Visit, 90),
            (c.ActivityId, c.StartsAtUtc, c.IsoYear, c.IsoWeek, c.IsOpen, c.IsCustomerWork, c.ActivityTypeId, c.DurationMinutes)));
    }

    [Fact]
    public async Task Every_occurrence_of_a_weekly_series_carries_its_own_week()
    {
        var minna = await H.SignInAsAsync(UserGroup.AccountManager);
        var janne = await H.CreateUserAsync(UserGroup.AccountManager, "Janne Koskela");
        var edit = Edit(InternalMeeting, null, "Viikkopalaveri", Tomorrow10, 60, participants: [minna.Id, janne.Id]);
        edit.RepeatWeeks = 2;

        await H.Activities.CreateAsync(edit);

        var copies = await AssertCopiesFollowAsync();
        Assert.Equal([11, 11, 12, 12, 13, 13], copies.Select(c => c.IsoWeek));
        Assert.All(copies, c => Assert.False(c.IsCustomerWork));
    }

    [Fact]
    public async Task An_edit_of_time_duration_customer_and_people_reaches_every_participant_old_and_new()
    {
        var minna = await H.SignInAsAsync(UserGroup.AccountManager);
        var janne = await H.CreateUserAsync(UserGroup.AccountManager, "Janne Koskela");
        var pekka = await H.CreateUserAsync(UserGroup.AccountManager, "Pekka Öhman");
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy");
        var call = await H.Activities.CreateAsync(Edit(Call, customer.Id, "Soitto", Tomorrow10, 30, participants: [minna.Id, janne.Id]));
        var meeting = await H.Activities.CreateAsync(Edit(InternalMeeting, customer.Id, "Palaveri", Tomorrow10, 60, participants: [minna.Id]));
        var callEdit = (await H.Activities.GetAsync(call)).Edit;
        callEdit.Date = new DateTime(2026, 3, 23);
        callEdit.DurationMinutes = 45;
        callEdit.ParticipantIds = [janne.Id, pekka.Id];
        var meetingEdit = (await H.Activities.GetAsync(meeting)).Edit;
        meetingEdit.CustomerId = null; // an internal meeting need not be about a customer
        meetingEdit.DurationMinutes = 120;
        meetingEdit.ParticipantIds = [minna.Id, pekka.Id];

        await H.Activities.UpdateAsync(call, callEdit);
        await H.Activities.UpdateAsync(meeting, meetingEdit);

        var copies = await AssertCopiesFollowAsync();
        Assert.Equal([(call, janne.Id, 13, 45, true), (call, pekka.Id, 13, 45, true), (meeting, minna.Id, 11, 120, false), (meeting, pekka.Id, 11, 120, false)],
            copies.Select(c => (c.ActivityId, c.UserId, c.IsoWeek, c.DurationMinutes, c.IsCustomerWork)));
    }

    [Fact]
    public async Task A_calendar_drag_moves_the_copies_to_the_new_start_and_week()
    {
        var minna = await H.SignInAsAsync(UserGroup.AccountManager);
        var id = await H.Activities.CreateAsync(Edit(Planning, null, "Suunnittelu", Tomorrow10, participants: [minna.Id]));

        await H.Activities.MoveAsync(id, new DateTime(2026, 4, 2, 13, 15, 0), await VersionAsync(id));

        var copy = Assert.Single(await AssertCopiesFollowAsync());
        Assert.Equal((HelsinkiTime.ToUtc(new DateTime(2026, 4, 2, 13, 15, 0)), 14), (copy.StartsAtUtc, copy.IsoWeek));
    }

    [Fact]
    public async Task Marking_ok_closes_the_copies_and_reopening_opens_them_and_my_open_list_follows()
    {
        var minna = await H.SignInAsAsync(UserGroup.AccountManager);
        var janne = await H.CreateUserAsync(UserGroup.AccountManager, "Janne Koskela");
        var id = await H.Activities.CreateAsync(Edit(Planning, null, "Suunnittelu", Tomorrow10, participants: [minna.Id, janne.Id]));

        await H.Activities.SetStatusAsync(id, ActivityStatus.Done, null, await VersionAsync(id));
        Assert.All(await AssertCopiesFollowAsync(), c => Assert.False(c.IsOpen));
        Assert.Equal((0, 0), ((await H.Activities.MyOpenAsync()).TotalCount, (await H.Activities.MyOpenAsync()).Items.Count));

        await H.Activities.SetStatusAsync(id, ActivityStatus.InProgress, null, await VersionAsync(id));
        Assert.All(await AssertCopiesFollowAsync(), c => Assert.True(c.IsOpen));
        H.SignInAs(janne);
        Assert.Equal([id], (await H.Activities.MyOpenAsync()).Items.Select(r => r.Id));
    }

    [Fact]
    public async Task Deleting_the_rest_of_a_series_takes_their_participant_rows_and_leaves_the_others_equal()
    {
        var minna = await H.SignInAsAsync(UserGroup.AccountManager);
        var edit = Edit(InternalMeeting, null, "Viikkopalaveri", Tomorrow10, 60, participants: [minna.Id]);
        edit.RepeatWeeks = 3;
        var first = await H.Activities.CreateAsync(edit);
        var all = await CopiesAsync();

        await H.Activities.DeleteAsync(all.Stored[1].ActivityId, await VersionAsync(all.Stored[1].ActivityId), alsoLaterInSeries: true);

        Assert.Equal([first], (await AssertCopiesFollowAsync()).Select(c => c.ActivityId));
    }

    [Fact]
    public async Task Bulk_updates_and_raw_sql_that_bypass_the_entities_still_move_the_copies()
    {
        var minna = await H.SignInAsAsync(UserGroup.AccountManager);
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy");
        var id = await H.Activities.CreateAsync(Edit(Visit, customer.Id, "Käynti", Tomorrow10, 60, participants: [minna.Id]));

        await using (var db = H.Db())
        {
            // As a customer merge or an import would: set-based, no entity loaded.
            await db.Activities.Where(a => a.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(a => a.DurationMinutes, 75).SetProperty(a => a.Status, ActivityStatus.Done).SetProperty(a => a.CustomerId, (int?)null));
            // An anonymous type, not a tuple: Npgsql cannot read a tuple projection (a PostgreSQL record).
            Assert.Equal(new { DurationMinutes = 75, IsOpen = false, IsCustomerWork = false }, await db.ActivityParticipants
                .Where(p => p.ActivityId == id).Select(p => new { p.DurationMinutes, p.IsOpen, p.IsCustomerWork }).SingleAsync());
            await db.Database.ExecuteSqlAsync($"""
                UPDATE "Activities" SET "StartsAtUtc" = {HelsinkiTime.ToUtc(new DateTime(2026, 5, 4, 8, 0, 0))}, "IsoWeek" = 19, "Status" = 'Open'
                WHERE "Id" = {id}
                """);
        }

        var copy = Assert.Single(await AssertCopiesFollowAsync());
        Assert.Equal((19, true), (copy.IsoWeek, copy.IsOpen));
    }

    [Fact]
    public async Task Activities_added_directly_with_bare_participants_get_their_copies_from_the_triggers()
    {
        // As the demo seed, the call logged from potential contacts and the e-mail import do: the app sets only the keys.
        var minna = await H.SignInAsAsync(UserGroup.AccountManager);
        var janne = await H.CreateUserAsync(UserGroup.AccountManager, "Janne Koskela");
        await using (var db = H.Db())
        {
            var date = new DateOnly(2026, 3, 2);
            db.Activities.Add(new Activity
            {
                Title = "Soitto", ActivityTypeId = Call, StartsAtUtc = HelsinkiTime.ToUtc(date.ToDateTime(new TimeOnly(9, 0))), LocalDate = date,
                IsoYear = 2026, IsoWeek = 10, DurationMinutes = 15, Status = ActivityStatus.Done, CreatedByUserId = minna.Id,
                Participants = [new ActivityParticipant { UserId = minna.Id }, new ActivityParticipant { UserId = janne.Id }],
            });
            await db.SaveChangesAsync();
        }

        Assert.All(await AssertCopiesFollowAsync(), c => Assert.Equal((10, 15, false, Call), (c.IsoWeek, c.DurationMinutes, c.IsOpen, c.ActivityTypeId)));
    }
}
