using Portaali.Core.Activities;
using Portaali.Core.Calendar;
using Portaali.Core.Users;
using Portaali.Tests.Support;
using static Portaali.Tests.Integration.Activities.ActivityTestData;

namespace Portaali.Tests.Integration.Calendar;

/// <summary>The week sums as rooted at the week's activities: every participant's hours, by type, done apart from planned and
/// customer work apart from internal, on the Helsinki days of the ISO week across new year and the summer-time changes.</summary>
public class WeeklyHoursSumTests : HarnessTest
{
    [Theory]
    [InlineData("fi", "Käynti", "Soitto", "Suunnittelu", "Sisäinen palaveri")]
    [InlineData("en", "Visit", "Call", "Planning", "Internal meeting")]
    public async Task A_teams_week_sums_each_participants_hours_by_type_done_and_planned(string language, string visit, string call, string planning, string meeting)
    {
        var minna = await H.CreateUserAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var janne = await H.CreateUserAsync(UserGroup.AccountManager, "Janne Koskela");
        var outsider = await H.CreateUserAsync(UserGroup.Management, "Riitta Halonen");
        H.SignInAs(minna);
        var customer = await H.AddCustomerAsync("Päijät-Hämeen Puu Oy");
        var done = ActivityStatus.Done;
        await H.Activities.CreateAsync(Edit(Visit, customer.Id, "Yhteinen käynti", new DateTime(2026, 3, 9, 10, 0, 0), 120, participants: [minna.Id, janne.Id], status: done));
        await H.Activities.CreateAsync(Edit(Call, customer.Id, "Soitto", new DateTime(2026, 3, 9, 14, 0, 0), 30, participants: [minna.Id], status: done));
        await H.Activities.CreateAsync(Edit(Planning, null, "Suunnittelu", new DateTime(2026, 3, 10, 8, 0, 0), 60, participants: [minna.Id], status: done));
        await H.Activities.CreateAsync(Edit(InternalMeeting, null, "Tiimipalaveri", new DateTime(2026, 3, 11, 9, 0, 0), 45, participants: [janne.Id, outsider.Id], status: done));
        await H.Activities.CreateAsync(Edit(Visit, customer.Id, "Tuleva käynti", new DateTime(2026, 3, 13, 10, 0, 0), 90, participants: [minna.Id], status: ActivityStatus.Open));
        await H.Activities.CreateAsync(Edit(Call, customer.Id, "Kesken", new DateTime(2026, 3, 12, 10, 0, 0), 20, participants: [janne.Id], status: ActivityStatus.InProgress));
        await H.Activities.CreateAsync(Edit(Call, customer.Id, "Toisen soitto", new DateTime(2026, 3, 12, 11, 0, 0), 30, participants: [outsider.Id], status: done));
        await H.Activities.CreateAsync(Edit(Planning, null, "Sunnuntai-illan suunnittelu", new DateTime(2026, 3, 8, 23, 30, 0), 60, participants: [minna.Id], status: done));
        await H.Activities.CreateAsync(Edit(Planning, null, "Seuraava maanantai", new DateTime(2026, 3, 16, 0, 15, 0), 60, participants: [minna.Id], status: done));
        using var _ = language == "fi" ? UiCulture.Finnish() : UiCulture.English();

        var hours = await H.WeeklyHours.GetWeekHoursAsync([minna.Id, janne.Id], new IsoWeek(2026, 11));

        Assert.Equal(new[] { minna.Id, janne.Id }.Order(), hours.Keys.Order());
        var minnas = hours[minna.Id];
        Assert.Equal((2.5, 1.0, 1.5), (minnas.CustomerHours, minnas.OtherHours, minnas.PlannedHours));
        Assert.Equal([(visit, 2.0), (call, 0.5), (planning, 1.0)], minnas.ByType.Select(t => (t.TypeName, t.Hours)));
        var jannes = hours[janne.Id];
        Assert.Equal((2.0, 0.75, 0.33), (jannes.CustomerHours, jannes.OtherHours, jannes.PlannedHours));
        Assert.Equal([(visit, 2.0), (meeting, 0.75)], jannes.ByType.Select(t => (t.TypeName, t.Hours)));
    }

    [Fact]
    public async Task Someone_with_nothing_in_the_week_gets_zeros()
    {
        var me = await H.SignInAsAsync(UserGroup.AccountManager);

        var hours = (await H.WeeklyHours.GetWeekHoursAsync([me.Id], new IsoWeek(2026, 11)))[me.Id];

        Assert.Equal((0.0, 0.0, 0.0), (hours.CustomerHours, hours.OtherHours, hours.PlannedHours));
        Assert.Empty(hours.ByType);
    }

    [Fact]
    public async Task Summer_time_weeks_end_at_midnight_in_helsinki()
    {
        var me = await H.SignInAsAsync(UserGroup.AccountManager);
        var done = ActivityStatus.Done;
        // Summer time starts on Sunday 29 March 2026 and ends on Sunday 25 October 2026.
        await H.Activities.CreateAsync(Edit(Planning, null, "Kevään sunnuntai-ilta", new DateTime(2026, 3, 29, 23, 0, 0), 60, status: done));
        await H.Activities.CreateAsync(Edit(Planning, null, "Kevään maanantaiyö", new DateTime(2026, 3, 30, 0, 30, 0), 30, status: done));
        await H.Activities.CreateAsync(Edit(Planning, null, "Syksyn sunnuntai-ilta", new DateTime(2026, 10, 25, 23, 30, 0), 90, status: done));
        await H.Activities.CreateAsync(Edit(Planning, null, "Syksyn maanantaiyö", new DateTime(2026, 10, 26, 0, 15, 0), 15, status: done));

        Assert.Equal(1, (await H.WeeklyHours.GetWeekHoursAsync([me.Id], new IsoWeek(2026, 13)))[me.Id].OtherHours);
        Assert.Equal(0.5, (await H.WeeklyHours.GetWeekHoursAsync([me.Id], new IsoWeek(2026, 14)))[me.Id].OtherHours);
        Assert.Equal(1.5, (await H.WeeklyHours.GetWeekHoursAsync([me.Id], new IsoWeek(2026, 43)))[me.Id].OtherHours);
        Assert.Equal(0.25, (await H.WeeklyHours.GetWeekHoursAsync([me.Id], new IsoWeek(2026, 44)))[me.Id].OtherHours);

        H.Clock.UtcNow = new DateTimeOffset(2026, 10, 28, 9, 0, 0, TimeSpan.Zero);
        var recent = await H.WeeklyHours.MyRecentWeeksAsync(2);
        Assert.Equal([(new IsoWeek(2026, 43), 1.5), (new IsoWeek(2026, 44), 0.25)], recent.Select(w => (w.Week, w.DoneHours)));
    }

    [Fact]
    public async Task Week_53_of_2026_runs_to_sunday_night_and_the_year_chart_follows_the_iso_year()
    {
        var me = await H.SignInAsAsync(UserGroup.AccountManager);
        var done = ActivityStatus.Done;
        await H.Activities.CreateAsync(Edit(Planning, null, "Vuoden 2025 viimeinen viikko", new DateTime(2025, 12, 28, 12, 0, 0), 60, status: done));
        await H.Activities.CreateAsync(Edit(Planning, null, "ISO-vuoden 2026 alku", new DateTime(2025, 12, 29, 0, 15, 0), 45, status: done));
        await H.Activities.CreateAsync(Edit(Planning, null, "Sunnuntai-ilta", new DateTime(2027, 1, 3, 23, 30, 0), 30, status: done));
        await H.Activities.CreateAsync(Edit(Planning, null, "Suunniteltu välipäivä", new DateTime(2026, 12, 30, 9, 0, 0), 120, status: ActivityStatus.Open));
        await H.Activities.CreateAsync(Edit(Planning, null, "Uuden vuoden maanantaiyö", new DateTime(2027, 1, 4, 0, 15, 0), 15, status: done));

        var week53 = (await H.WeeklyHours.GetWeekHoursAsync([me.Id], new IsoWeek(2026, 53)))[me.Id];
        Assert.Equal((0.5, 2.0), (week53.OtherHours, week53.PlannedHours));
        Assert.Equal(0.25, (await H.WeeklyHours.GetWeekHoursAsync([me.Id], new IsoWeek(2027, 1)))[me.Id].OtherHours);

        var year = (await H.WeeklyHours.GetWeeklyReportAsync(new IsoWeek(2026, 53))).Year;
        Assert.Equal(53, year.Count);
        Assert.Equal(0.75, year[0].OtherHours);
        Assert.Equal(0.5, year[52].OtherHours);
        Assert.Equal(1.25, year.Sum(w => w.OtherHours));

        H.Clock.UtcNow = new DateTimeOffset(2027, 1, 6, 9, 0, 0, TimeSpan.Zero);
        var recent = await H.WeeklyHours.MyRecentWeeksAsync(3);
        Assert.Equal([(new IsoWeek(2026, 52), 0.0, 0.0), (new IsoWeek(2026, 53), 0.5, 2.0), (new IsoWeek(2027, 1), 0.25, 0.0)],
            recent.Select(w => (w.Week, w.DoneHours, w.PlannedHours)));
    }
}
