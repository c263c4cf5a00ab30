using Portaali.Core.Activities;
using Portaali.Core.Calendar;
using Portaali.Core.Users;
using Portaali.Tests.Support;
using static Portaali.Tests.Integration.Activities.ActivityTestData;

namespace Portaali.Tests.Integration.Calendar;

/// <summary>A calendar with more entries than one view shows gives the first ones by start and the total (or "over" the
/// counted cap), never a silent cut.</summary>
public class CalendarLimitTests : HarnessTest
{
    private static readonly DateOnly Monday = new(2026, 3, 9);

    [Fact]
    public async Task Beyond_the_limit_the_view_shows_the_first_entries_by_start_and_says_how_many_there_are()
    {
        var minna = await H.CreateUserAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var janne = await H.CreateUserAsync(UserGroup.AccountManager, "Janne Koskela");
        var other = await H.CreateUserAsync(UserGroup.Management, "Riitta Halonen");
        H.SignInAs(minna);
        // In the week 1,200 of Minna's, 796 of Janne's and 4 shared: exactly 2,000, each counted once; the next week 10 more of
        // Minna's; the other person's are not asked for.
        await AddAsync(1200, [minna.Id]);
        await AddAsync(796, [janne.Id], firstMinute: 3);
        await AddAsync(4, [minna.Id, janne.Id], firstMinute: 1);
        await AddAsync(50, [other.Id], firstMinute: 2);
        await AddAsync(10, [minna.Id], day: Monday.AddDays(7));

        var week = await H.Calendar.GetEntriesAsync([minna.Id, janne.Id], Monday, Monday.AddDays(6));
        Assert.False(week.IsLimited);
        Assert.Equal((CalendarService.MaxEntries, CalendarService.MaxEntries), (week.TotalCount, week.Entries.Count));

        var twoWeeks = await H.Calendar.GetEntriesAsync([minna.Id, janne.Id], Monday, Monday.AddDays(13));
        Assert.True(twoWeeks.IsLimited);
        Assert.Equal(2010, twoWeeks.TotalCount);
        Assert.Equal(CalendarService.MaxEntries, twoWeeks.Entries.Count);
        Assert.Equal(twoWeeks.Entries.OrderBy(e => e.StartsLocal).ThenBy(e => e.Id).Select(e => e.Id), twoWeeks.Entries.Select(e => e.Id));
        Assert.Equal(Monday.ToDateTime(new TimeOnly(6, 0)), twoWeeks.Entries[0].StartsLocal);
        Assert.True(twoWeeks.Entries[^1].StartsLocal < Monday.AddDays(7).ToDateTime(TimeOnly.MinValue)); // the later week is what was left out
        Assert.Equal(4, twoWeeks.Entries.Count(e => e.Participants.SequenceEqual(["Janne Koskela", "Minna Lehtonen"])));

        var minnas = await H.Calendar.GetEntriesAsync([minna.Id], Monday, Monday.AddDays(13));
        Assert.False(minnas.IsLimited);
        Assert.Equal((1214, 1214), (minnas.TotalCount, minnas.Entries.Count));
    }

    [Fact]
    public async Task Past_the_count_cap_the_view_says_over_it_and_below_it_counts_exactly()
    {
        var minna = await H.CreateUserAsync(UserGroup.AccountManager, "Minna Lehtonen");
        H.SignInAs(minna);
        // 715 a day for two weeks: 5,005 in the first week, 10,010 in both.
        await AddAsync(2 * 5005, [minna.Id], days: 14, minutesApart: 1);

        var twoWeeks = await H.Calendar.GetEntriesAsync([minna.Id], Monday, Monday.AddDays(13));
        Assert.True(twoWeeks.IsLimited);
        Assert.True(twoWeeks.TotalIsLowerBound);
        Assert.Equal((CalendarService.CountCap, CalendarService.MaxEntries), (twoWeeks.TotalCount, twoWeeks.Entries.Count));
        Assert.Equal(Monday.ToDateTime(new TimeOnly(6, 0)), twoWeeks.Entries[0].StartsLocal);

        var week = await H.Calendar.GetEntriesAsync([minna.Id], Monday, Monday.AddDays(6));
        Assert.True(week.IsLimited);
        Assert.False(week.TotalIsLowerBound);
        Assert.Equal((5005, CalendarService.MaxEntries), (week.TotalCount, week.Entries.Count));
    }

    /// <summary>Many short calls spread over the week's days, written in one save (thousands through the service would take minutes).</summary>
    private async Task AddAsync(int count, int[] participants, int firstMinute = 0, DateOnly? day = null, int days = 7, int minutesApart = 5)
    {
        await using var db = H.Db();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var i = 0; i < count; i++)
        {
            var date = (day ?? Monday).AddDays(i % days);
            var local = date.ToDateTime(new TimeOnly(6, 0)).AddMinutes(firstMinute + i / days * minutesApart);
            var utc = HelsinkiTime.ToUtc(local);
            var week = IsoWeek.Of(date);
            db.Activities.Add(new Activity
            {
                ActivityTypeId = Planning, Title = $"Suunnittelu {i}", StartsAtUtc = utc, DurationMinutes = 5, LocalDate = date,
                IsoYear = week.Year, IsoWeek = week.Week, Status = ActivityStatus.Open, CreatedAtUtc = utc, UpdatedAtUtc = utc,
                Participants = participants.Select(u => new ActivityParticipant { UserId = u }).ToList(),
            });
        }
        await db.SaveChangesAsync();
    }
}
