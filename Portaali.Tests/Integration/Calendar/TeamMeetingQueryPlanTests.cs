using Portaali.Sql;
using Portaali.Core.Calendar;
using Portaali.Tests.Support;
using Xunit.Abstractions;

namespace Portaali.Tests.Integration.Calendar;

/// <summary>The team meeting's queries keep their indexes: at 2,000,000 activities a week is ~13,000 of them, and each part of
/// the meeting must start from the week's, the keyword's or the customer's index, never read a big table from end to end.</summary>
public class TeamMeetingQueryPlanTests(CalendarPlanFixture fixture, ITestOutputHelper output)
    : PlanTest(fixture.Recorder, fixture.H, output, "Activities", "ActivityParticipants"), IClassFixture<CalendarPlanFixture>
{
    private const string WeekIndex = "IX_Activities_IsoYear_IsoWeek_Status_ActivityTypeId_CustomerId_DurationMinutes";
    private const string ParticipantKey = "sqlite_autoindex_ActivityParticipants_1";
    private static readonly IsoWeek Week = new(2026, 11);
    private CoreHarness H => fixture.H;

    [Fact]
    public async Task Overview_counts_from_the_week_index_and_reads_feedback_and_key_accounts_by_their_indexes()
    {
        var plans = await PlansOf(() => H.TeamMeeting.GetTeamMeetingAsync(Week));

        var counts = plans.Where(p => p.Sql.Contains("COUNT(*)") && p.Sql.Contains("GROUP BY")).ToList();
        Assert.Equal(2, counts.Count); // this week's and next week's
        Assert.All(counts, p => Assert.StartsWith($"SEARCH a USING COVERING INDEX {WeekIndex} (IsoYear=? AND IsoWeek=?)", p.Plan[0]));
        Assert.All(counts, p => Assert.Contains(p.Plan, line => line.Contains($"USING COVERING INDEX {ParticipantKey} (ActivityId=?")));
        var negative = plans.Where(p => p.Sql.Contains("@needingResolution")).ToList();
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
    public async Task A_persons_week_starts_from_the_week_index_and_probes_the_participants_key()
    {
        var plans = await PlansOf(() => H.TeamMeeting.GetMemberWeeksAsync(fixture.Staff[1], Week));

        // The week index is not covering here (the start time orders the ids), but SQLite reads an activity's row only
        // after the participants' key said it is the person's.
        var weeks = plans.Where(p => p.Sql.Contains("EXISTS")).ToList();
        Assert.Equal(2, weeks.Count); // this week's and next week's
        Assert.All(weeks, p => Assert.StartsWith($"SEARCH a USING INDEX {WeekIndex} (IsoYear=? AND IsoWeek=?)", p.Plan[0]));
        Assert.All(weeks, p => Assert.Contains(p.Plan, line => line.Contains($"USING COVERING INDEX {ParticipantKey} (ActivityId=? AND UserId=?)")));
        var rows = plans.Single(p => p.Sql.Contains("\"Title\""));
        Assert.StartsWith("SEARCH a USING INTEGER PRIMARY KEY (rowid=?)", rows.Plan[0]);
        AssertNoScans(plans);
    }
}
