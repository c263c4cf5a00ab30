using Portaali.Sql;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portaali.Core.Calendar;
using Portaali.Core.Data;
using Portaali.Core.Segments;
using Portaali.Core.Users;
using Portaali.Tests.Support;
using Xunit.Abstractions;
using static Portaali.Tests.Integration.Activities.ActivityTestData;

namespace Portaali.Tests.Integration.Calendar;

/// <summary>A migrated file whose services record their SQL, with a small team and a few activities, shared by the plan tests.</summary>
public sealed class CalendarPlanFixture : IAsyncLifetime
{
    public SqlPlanRecorder Recorder { get; } = new();
    public CoreHarness H { get; private set; } = null!;
    public List<int> Staff { get; } = [];

    public async Task InitializeAsync()
    {
        H = await CoreHarness.CreateAsync(configure: s => SqlPlanRecorder.AddTo(s, Recorder));
        var crm = await H.CreateUserAsync(UserGroup.CustomerRelationshipManager, "Arto Miettinen");
        var minna = await H.CreateUserAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var janne = await H.CreateUserAsync(UserGroup.AccountManager, "Janne Koskela");
        Staff.AddRange([crm.Id, minna.Id, janne.Id]);
        H.SignInAs(minna);
        var key = await H.AddCustomerAsync("Avainasiakas Oyj", segment: Segment.A);
        await H.Activities.CreateAsync(Edit(Visit, key.Id, "Käynti", new DateTime(2026, 3, 9, 10, 0, 0), 90, participants: [minna.Id, janne.Id]));
        await H.Activities.CreateAsync(Edit(Planning, null, "Suunnittelu", new DateTime(2026, 3, 10, 8, 0, 0)));
        await H.Activities.CreateAsync(Edit(Feedback, key.Id, "Moite", new DateTime(2026, 3, 11, 10, 0, 0), 15, keyword: Negative));
    }

    public Task DisposeAsync() => H.DisposeAsync().AsTask();
}

/// <summary>The calendar's and the weekly hours' hot queries keep their indexes: the plans SQLite makes without statistics
/// (the app never runs ANALYZE) start from an index and never read Activities or ActivityParticipants from end to end,
/// which at 2,000,000 activities is the difference between milliseconds and seconds.</summary>
public class CalendarQueryPlanTests(CalendarPlanFixture fixture, ITestOutputHelper output)
    : PlanTest(fixture.Recorder, fixture.H, output, "Activities", "ActivityParticipants"), IClassFixture<CalendarPlanFixture>
{
    private const string WeekIndex = "IX_Activities_IsoYear_IsoWeek_Status_ActivityTypeId_CustomerId_DurationMinutes";
    private const string DayIndex = "IX_Activities_LocalDate_StartsAtUtc";
    private const string ParticipantWeekIndex = "IX_ActivityParticipants_WeekHours";
    private static readonly IsoWeek Week = new(2026, 11);
    private CoreHarness H => fixture.H;

    [Fact]
    public async Task Weekly_hours_of_a_team_sum_the_participant_rows_copies_in_index_order_without_reading_activities()
    {
        var plans = await PlansOf(() => H.WeeklyHours.GetWeekHoursAsync(fixture.Staff, Week));

        var sums = plans.Single(p => p.Sql.Contains("SUM("));
        Assert.Equal([$"SEARCH a USING COVERING INDEX {ParticipantWeekIndex} (IsoYear=? AND UserId=? AND IsoWeek=?)"], sums.Plan);
        Assert.DoesNotContain("\"Activities\"", sums.Sql);
        AssertNoScans(plans);
    }

    [Fact]
    public async Task Calendar_reads_the_local_date_index_in_order_and_stops_after_the_rows_it_shows()
    {
        var plans = await PlansOf(() => H.Calendar.GetEntriesAsync(fixture.Staff, new DateOnly(2026, 2, 23), new DateOnly(2026, 4, 5)));

        var entries = plans.First();
        Assert.Contains("LIMIT", entries.Sql);
        Assert.Contains(entries.Plan, line => line.Contains($"USING INDEX {DayIndex}"));
        Assert.DoesNotContain(entries.Plan, line => line.Contains("TEMP B-TREE"));
        // Each activity's participants are found by the activity alone and tested against the people asked for: seeking
        // (ActivityId, UserId) once per person would be 200 seeks per activity for the whole staff's month.
        var participants = entries.AliasesOf("ActivityParticipants").Single();
        Assert.Contains(entries.Plan, line => line.StartsWith($"SEARCH {participants} ") && line.EndsWith("(ActivityId=?)"));
        Assert.DoesNotContain(entries.Plan, line => line.Contains("UserId=?"));
        AssertNoScans(plans);
    }

    [Fact]
    public async Task One_persons_year_chart_and_recent_weeks_start_from_their_participations()
    {
        var plans = await PlansOf(async () =>
        {
            await H.WeeklyHours.GetWeeklyReportAsync(Week);
            return await H.WeeklyHours.MyRecentWeeksAsync(8);
        });

        var spans = plans.Where(p => p.Sql.Contains("GROUP BY") && p.Sql.Contains("FROM \"ActivityParticipants\" AS \"a\"")).ToList();
        Assert.Equal(3, spans.Count); // the week's hours, the year chart and the recent weeks
        Assert.All(spans, p => Assert.StartsWith("SEARCH a USING ", p.Plan[0]));
        // The year chart: one person's ISO year from the copies alone, grouped in index order.
        Assert.Contains(spans, p => p.Plan.SequenceEqual([$"SEARCH a USING COVERING INDEX {ParticipantWeekIndex} (IsoYear=? AND UserId=?)"]));
        // The recent weeks: one person's range of weeks in the ISO year from the copies alone, grouped in index order.
        var recent = spans.Single(p => p.Sql.Contains("\"IsoWeek\" >="));
        Assert.Equal([$"SEARCH a USING COVERING INDEX {ParticipantWeekIndex} (IsoYear=? AND UserId=? AND IsoWeek>? AND IsoWeek<?)"], recent.Plan);
        Assert.DoesNotContain("\"Activities\"", recent.Sql);
        AssertNoScans(plans);
    }

    [Fact]
    public async Task Calendar_feed_starts_from_the_owners_participations()
    {
        var token = await H.Calendar.CreateFeedTokenAsync();
        var plans = await PlansOf(() => H.Calendar.GetFeedAsync(token));

        var events = plans.Single(p => p.Sql.Contains("\"Memo\""));
        Assert.StartsWith($"SEARCH {events.AliasesOf("ActivityParticipants").Single()} ", events.Plan[0]);
        AssertNoScans(plans);
    }

    // ActivityService.ToRowsAsync's participant names (a LEFT JOIN over every participant) are the activities part's,
    // which makes them a second query over the page's ids; the rows it is given are checked here through their own terms.
    protected override bool MayScan(PlannedQuery plan) => plan.Sql.Contains("LEFT JOIN (") && plan.Sql.Contains("\"DisplayName\"");
}
