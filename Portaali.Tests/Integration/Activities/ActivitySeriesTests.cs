using Microsoft.EntityFrameworkCore;
using Portaali.Core.Activities;
using Portaali.Core.Common;
using Portaali.Core.Users;
using Portaali.Tests.Support;
using static Portaali.Tests.Integration.Activities.ActivityTestData;

namespace Portaali.Tests.Integration.Activities;

/// <summary>A weekly series (the customer team's weekly meeting): created at once, each occurrence its own activity.</summary>
public class ActivitySeriesTests : HarnessTest
{
    // The harness clock is Tuesday 2026-03-10 09:30 UTC; summer time begins on Sunday 2026-03-29.
    private static readonly DateTime NextTuesday9 = new(2026, 3, 17, 9, 0, 0);

    private async Task<List<Activity>> StoredAsync()
    {
        await using var db = H.Db();
        return await db.Activities.Include(a => a.Participants).OrderBy(a => a.StartsAtUtc).ToListAsync();
    }

    [Fact]
    public async Task A_weekly_meeting_repeats_on_the_same_weekday_and_wall_clock_time_across_the_summer_time_change()
    {
        var minna = await H.SignInAsAsync(UserGroup.AccountManager);
        var janne = await H.CreateUserAsync(UserGroup.AccountManager, "Janne Koskela");
        var edit = Edit(InternalMeeting, null, "Asiakkuustiimin viikkopalaveri", NextTuesday9, 90, participants: [minna.Id, janne.Id]);
        edit.RepeatWeeks = 3;

        var first = await H.Activities.CreateAsync(edit);

        var stored = await StoredAsync();
        Assert.Equal(4, stored.Count);
        Assert.Equal(first, stored[0].Id);
        Assert.Equal([new DateOnly(2026, 3, 17), new(2026, 3, 24), new(2026, 3, 31), new(2026, 4, 7)], stored.Select(a => a.LocalDate));
        Assert.Equal([7, 7, 6, 6], stored.Select(a => a.StartsAtUtc.Hour)); // 9.00 in Helsinki, UTC+2 then UTC+3
        Assert.Equal([12, 13, 14, 15], stored.Select(a => a.IsoWeek));
        Assert.All(stored, a => Assert.Equal((ActivityStatus.Open, 90, 2), (a.Status, a.DurationMinutes, a.Participants.Count)));
        Assert.Single(stored.Select(a => a.SeriesId).Distinct());
        Assert.NotNull(stored[0].SeriesId);
        Assert.Equal(3, (await H.Activities.GetAsync(first)).LaterInSeries);
    }

    [Fact]
    public async Task A_single_activity_has_no_series_and_a_year_is_the_longest_series()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        using var _ = UiCulture.Finnish();
        var id = await H.Activities.CreateAsync(Edit(Planning, null, "Viikon suunnittelu", NextTuesday9));
        Assert.Null((await StoredAsync()).Single().SeriesId);
        Assert.Equal(0, (await H.Activities.GetAsync(id)).LaterInSeries);

        var tooLong = Edit(Planning, null, "Viikon suunnittelu", NextTuesday9);
        tooLong.RepeatWeeks = 53;
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => H.Activities.CreateAsync(tooLong));
        Assert.Contains("0–52", error.Message);
        Assert.Single(await StoredAsync());
    }

    [Fact]
    public async Task Deleting_with_the_rest_of_the_series_keeps_earlier_and_done_occurrences()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        var edit = Edit(InternalMeeting, null, "Viikkopalaveri", NextTuesday9);
        edit.RepeatWeeks = 4;
        await H.Activities.CreateAsync(edit);
        var ids = (await StoredAsync()).Select(a => a.Id).ToList();
        var fourth = (await H.Activities.GetAsync(ids[3])).Edit;
        await H.Activities.SetStatusAsync(ids[3], ActivityStatus.Done, null, fourth.Version);
        var second = await H.Activities.GetAsync(ids[1]);
        Assert.Equal(2, second.LaterInSeries); // the third and the fifth; the fourth is OK

        var deleted = await H.Activities.DeleteAsync(ids[1], second.Edit.Version, alsoLaterInSeries: true);

        Assert.Equal(3, deleted);
        Assert.Equal([ids[0], ids[3]], (await StoredAsync()).Select(a => a.Id));
    }

    [Fact]
    public async Task Deleting_one_occurrence_leaves_the_others()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        var edit = Edit(InternalMeeting, null, "Viikkopalaveri", NextTuesday9);
        edit.RepeatWeeks = 2;
        var first = await H.Activities.CreateAsync(edit);

        Assert.Equal(1, await H.Activities.DeleteAsync(first, (await H.Activities.GetAsync(first)).Edit.Version));

        Assert.Equal(2, (await StoredAsync()).Count);
    }
}
