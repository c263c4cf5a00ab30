using Portaali.Sql;
using Portaali.Core.Calendar;
using Portaali.Tests.Support;
using Xunit.Abstractions;

namespace Portaali.Tests.Integration.Calendar;

/// <summary>The team meeting's queries keep their indexes: at 2,000,000 activities a week is ~13,000 of them, and each part of
/// the meeting must start from the people's participant rows (their copies of the week), the keyword's or the customer's index,
/// never read a big table from end to end nor go through the week's activities.</summary>
public class TeamMeetingQueryPlanTests(CalendarPlanFixture fixture, ITestOutputHelper output)
    : PlanTest(fixture.Recorder, fixture.H, output, "Activities", "ActivityParticipants"), IClassFixture<CalendarPlanFixture>
{
    private const string ParticipantWeekIndex = "IX_ActivityParticipants_WeekHours";
    private static readonly IsoWeek Week = new(2026, 11);
    private CoreHarness H => fixture.H;

    [Fact]
    public async Task Overview_counts_from_the_week_index_and_reads_feedback_and_key_accounts_by_their_indexes()
    {
        var plans = await PlansOf(() => H.TeamMeeting.GetTeamMeetingAsync(Week));

        var counts = plans.Where(p => p.Sql.Contains("COUNT(*)") && p.Sql.Contains("GROUP BY")).ToList();
        Assert.Equal(2, counts.Count); // this week's and next week's
        // Each member's week from their participant rows' copies alone, counted in index order: no activity is read.
        Assert.All(counts, p => Assert.Equal([$"SEARCH a USING COVERING INDEX {ParticipantWeekIndex} (IsoYear=? AND UserId=? AND IsoWeek=?)"], p.Plan));
        Assert.All(counts, p => Assert.DoesNotContain("\"Activities\"", p.Sql));
        var negative = plans.Where(p => p.Sql.Contains("'Open', 'InProgress'")).ToList();
        Assert.Equal(2, negative.Count); // the count and the first page
        Assert.All(negative, p => Assert.Contains(p.Plan,
            line => line.Contains("USING COVERING INDEX IX_Activities_KeywordId_Status_StartsAtUtc (KeywordId=? AND Status=?)")
                 || line.Contains("USING INDEX IX_Activities_KeywordId_Status_StartsAtUtc (KeywordId=? AND Status=?)")));
        var keyAccounts = plans.Single(p => p.Sql.Contains("FROM \"Customers\""));
        Assert.Contains(keyAccounts.Plan, line => line.Contains("USING INDEX IX_Customers_Segment_IsPassive_NameSearch (Segment=?)"));
        Assert.Contains(keyAccounts.Plan, line => line.Contains("USING INDEX IX_Activities_CustomerId_StartsAtUtc (CustomerId=? AND StartsAtUtc<?)"));
        AssertNoScans(plans);
    }

    [Fact]
    public async Task A_persons_week_is_one_seek_of_their_participant_rows_and_the_page_reads_activities_by_key()
    {
        var plans = await PlansOf(() => H.TeamMeeting.GetMemberWeeksAsync(fixture.Staff[1], Week));

        // The person's week in start order from their participant rows' copies (a hundred or so rows, sorted), never the
        // week's activities; only the shown page's activities are read, by their key.
        var weeks = plans.Where(p => p.Sql.Contains("\"IsoWeek\"")).ToList();
        Assert.Equal(2, weeks.Count); // this week's and next week's
        Assert.All(weeks, p => Assert.StartsWith($"SEARCH a USING INDEX {ParticipantWeekIndex} (IsoYear=? AND UserId=? AND IsoWeek=?)", p.Plan[0]));
        Assert.All(weeks, p => Assert.DoesNotContain("\"Activities\"", p.Sql));
        var rows = plans.Single(p => p.Sql.Contains("\"Title\""));
        // The page's ids come as one parameter (json_each), each activity then by its key.
        Assert.StartsWith("SCAN json_each VIRTUAL TABLE", rows.Plan[0]);
        Assert.Equal("SEARCH a USING INTEGER PRIMARY KEY (rowid=?)", rows.Plan[1]);
        AssertNoScans(plans);
    }
}
