using Portaali.Sql;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Portaali.Core.Activities;
using Portaali.Core.Calendar;
using Portaali.Core.Common;
using Portaali.Core.Data;
using Portaali.Core.Desktops;
using Portaali.Core.Users;
using Portaali.Tests.Support;
using static Portaali.Tests.Integration.Activities.ActivityTestData;

namespace Portaali.Tests.Integration.Activities;

/// <summary>
/// Three years of a big customer's history (1,200 activities, one to three people on each, ä and ö in the names) shared by
/// the tests of this class: the lists bring every participant's name in order, say how many more there are or "over
/// 1,000", the export writes every row, and the hot queries search their indexes instead of scanning the activity and
/// participant tables (the plans SQLite makes for the SQL EF sent, which are the same on 2,000,000 rows).
/// </summary>
public class ActivityListsAtScaleTests(ActivityListsAtScaleTests.History history) : IClassFixture<ActivityListsAtScaleTests.History>, IAsyncLifetime
{
    private CoreHarness H => history.H;

    protected virtual DatabaseProvider DatabaseProvider => DatabaseProvider.Sqlite;

    public Task InitializeAsync() => history.SeedOnceAsync(DatabaseProvider);

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The history, seeded by the first test of the class on its provider (the plans are recorded on SQLite only).</summary>
    public sealed class History : IAsyncLifetime
    {
        public const int Count = 1200;
        public SqlPlanRecorder Recorder { get; } = new();
        public CoreHarness H { get; private set; } = null!;
        public AppUser Aino { get; private set; } = null!;
        public AppUser Minna { get; private set; } = null!;
        public AppUser Pekka { get; private set; } = null!;
        public int BigCustomer { get; private set; }
        public int OtherCustomer { get; private set; }

        private Task? seeded;

        public Task SeedOnceAsync(DatabaseProvider provider) => seeded ??= SeedAsync(provider);

        public Task InitializeAsync() => Task.CompletedTask;

        private async Task SeedAsync(DatabaseProvider provider)
        {
            H = await CoreHarness.CreateAsync(provider: provider,
                configure: provider == DatabaseProvider.Sqlite ? services => SqlPlanRecorder.AddTo(services, Recorder) : null);
            Aino = await H.CreateUserAsync(UserGroup.AccountManager, "Aino Äijälä");
            Minna = await H.CreateUserAsync(UserGroup.AccountManager, "Minna Lehtonen");
            Pekka = await H.CreateUserAsync(UserGroup.AccountManager, "Pekka Öhman");
            BigCustomer = (await H.AddCustomerAsync("Kärkkäinen Oy")).Id;
            OtherCustomer = (await H.AddCustomerAsync("Öljy-Åström Ab")).Id;
            await using var db = H.Db();
            // Activity i starts i days after 2023-03-20 10:00 local time, so the last ones lie ahead of the clock (2026-03-10).
            for (var i = 0; i < Count; i++) db.Activities.Add(Make(i));
            await db.SaveChangesAsync();
        }

        public static DateTime LocalStart(int i) => new DateTime(2023, 3, 20, 10, 0, 0).AddDays(i);

        public static string Title(int i) => $"Käynti {i:0000}";

        /// <summary>Minna is on every activity, Aino on every second, Pekka on every third.</summary>
        public IEnumerable<string> People(int i) =>
            new[] { i % 2 == 0 ? Aino.DisplayName : null, Minna.DisplayName, i % 3 == 0 ? Pekka.DisplayName : null }.OfType<string>();

        private Activity Make(int i)
        {
            var local = LocalStart(i);
            var date = DateOnly.FromDateTime(local);
            var week = IsoWeek.Of(date);
            var memo = $"Tavoite\nKoulutustarpeen kartoitus {i}\n\nSovitut asiat\n- Tarjous työpaikkaohjaajakoulutuksesta";
            var participants = new[] { Minna.Id, i % 2 == 0 ? Aino.Id : 0, i % 3 == 0 ? Pekka.Id : 0 }.Where(id => id != 0)
                .Select(id => new ActivityParticipant { UserId = id }).ToList();
            return new Activity
            {
                Title = Title(i), Memo = memo, SearchText = ActivityRules.SearchForm(Title(i), memo), ActivityTypeId = i % 4 == 0 ? Call : Visit,
                CustomerId = i % 10 == 9 ? OtherCustomer : BigCustomer, StartsAtUtc = HelsinkiTime.ToUtc(local), LocalDate = date,
                IsoYear = week.Year, IsoWeek = week.Week, DurationMinutes = 45 + i % 4 * 15,
                Status = i % 7 == 0 ? ActivityStatus.Open : ActivityStatus.Done, CreatedByUserId = Minna.Id, CreatedByName = Minna.DisplayName,
                CreatedAtUtc = HelsinkiTime.ToUtc(local), UpdatedAtUtc = HelsinkiTime.ToUtc(local), UpdatedByName = Minna.DisplayName,
                Participants = participants,
            };
        }

        public async Task DisposeAsync()
        {
            if (H is not null) await H.DisposeAsync();
        }
    }

    private static int IndexOf(string title) => int.Parse(title["Käynti ".Length..], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>No statement recorded since the recorder was cleared read Activities or ActivityParticipants from end to end.
    /// The plans are SQLite's (EXPLAIN QUERY PLAN); on PostgreSQL the same calls assert what they show, not how.</summary>
    private void AssertNoScans()
    {
        if (DatabaseProvider == DatabaseProvider.Sqlite) Assert.Empty(ActivityListsAtScalePlanTests.Scans(history));
    }

    [Fact]
    public async Task Customer_tab_shows_the_newest_first_with_every_participant_and_how_many_there_are_in_all()
    {
        H.SignInAs(history.Minna);
        history.Recorder.Clear();

        var first = await H.Activities.ListForCustomerAsync(history.BigCustomer);

        var ofBig = Enumerable.Range(0, History.Count).Where(i => i % 10 != 9).ToList();
        Assert.Equal(ofBig.Count, first.TotalCount);
        Assert.Equal(ofBig.OrderDescending().Take(ActivityService.CustomerPageSize).Select(History.Title), first.Items.Select(r => r.Title));
        Assert.All(first.Items, r => Assert.Equal(string.Join(", ", history.People(IndexOf(r.Title))), r.Participants));
        Assert.Contains(first.Items, r => r.Participants == "Aino Äijälä, Minna Lehtonen, Pekka Öhman");
        AssertNoScans();

        var more = await H.Activities.ListForCustomerAsync(history.BigCustomer, take: 2 * ActivityService.CustomerPageSize);
        Assert.Equal(ofBig.OrderDescending().Take(2 * ActivityService.CustomerPageSize).Select(History.Title), more.Items.Select(r => r.Title));

        var open = await H.Activities.ListForCustomerAsync(history.BigCustomer, onlyOpen: true);
        var ofBigOpen = ofBig.Where(i => i % 7 == 0).ToList();
        Assert.Equal(ofBigOpen.Count, open.TotalCount);
        Assert.Equal(ofBigOpen.OrderDescending().Take(ActivityService.CustomerPageSize).Select(History.Title), open.Items.Select(r => r.Title));
    }

    [Fact]
    public async Task My_open_activities_show_the_oldest_first_say_how_many_there_are_and_show_more_on_request()
    {
        H.SignInAs(history.Pekka);
        history.Recorder.Clear();

        var mine = await H.Activities.MyOpenAsync();

        var expected = Enumerable.Range(0, History.Count).Where(i => i % 3 == 0 && i % 7 == 0).ToList();
        Assert.True(expected.Count > ActivityService.MyOpenPageSize);
        Assert.Equal((expected.Count, false), (mine.TotalCount, mine.TotalIsLowerBound));
        Assert.Equal(expected.Take(ActivityService.MyOpenPageSize).Select(History.Title), mine.Items.Select(r => r.Title));
        Assert.All(mine.Items, r => Assert.Equal(string.Join(", ", history.People(IndexOf(r.Title))), r.Participants));
        var overdue = expected.Count(i => HelsinkiTime.ToUtc(History.LocalStart(i)) < CoreHarness.Now.UtcDateTime);
        Assert.Equal(overdue, mine.OverdueCount);
        Assert.Equal(Math.Min(overdue, ActivityService.MyOpenPageSize), mine.Items.Count(r => r.IsOverdue));
        AssertNoScans();

        var more = await H.Activities.MyOpenAsync(take: 2 * ActivityService.MyOpenPageSize);
        Assert.Equal(expected.Select(History.Title), more.Items.Select(r => r.Title));

        history.Recorder.Clear();
        var widget = await H.Service<WorkWidgetQueries>().MyOpenActivitiesAsync(5);
        Assert.Equal((expected.Count, overdue), (widget.TotalCount, widget.OverdueCount));
        Assert.Equal(expected.Take(5).Select(History.Title), widget.Items.Select(r => r.Title));
        AssertNoScans();
    }

    [Theory]
    [InlineData(ActivityPeriod.Past)]
    [InlineData(ActivityPeriod.Upcoming)]
    public async Task Browse_counts_up_to_a_thousand_and_says_over_beyond_without_scanning(ActivityPeriod period)
    {
        H.SignInAs(history.Aino);
        history.Recorder.Clear();

        var all = await H.Activities.BrowseAsync(new ActivityQuery { Period = period, PageSize = 25 });
        var withText = await H.Activities.BrowseAsync(new ActivityQuery { Text = "koulutustarpeen", Period = period, PageSize = 25 });

        var now = CoreHarness.Now.UtcDateTime;
        var inPeriod = Enumerable.Range(0, History.Count).Where(i => (HelsinkiTime.ToUtc(History.LocalStart(i)) <= now) == (period == ActivityPeriod.Past)).ToList();
        var expected = (period == ActivityPeriod.Past ? inPeriod.OrderDescending() : inPeriod.Order()).Take(25).Select(History.Title).ToList();
        foreach (var result in new[] { all, withText })
        {
            Assert.Equal(expected, result.Items.Select(r => r.Title));
            Assert.Equal(inPeriod.Count > PagedCount.Cap ? (PagedCount.Cap, true) : (inPeriod.Count, false), (result.TotalCount, result.TotalIsLowerBound));
            Assert.All(result.Items, r => Assert.Equal(string.Join(", ", history.People(IndexOf(r.Title))), r.Participants));
        }
        AssertNoScans();
    }

    [Fact]
    public async Task Browse_with_a_rare_word_counts_exactly()
    {
        H.SignInAs(history.Aino);
        var hits = await H.Activities.BrowseAsync(new ActivityQuery { Text = "kartoitus 1111" });
        Assert.Equal((1, false), (hits.TotalCount, hits.TotalIsLowerBound));
        Assert.Equal(History.Title(1111), Assert.Single(hits.Items).Title);
    }

    [Fact]
    public async Task Export_writes_every_row_in_order_with_its_participants_across_batches()
    {
        H.SignInAs(history.Minna);
        using var stream = new MemoryStream();

        var written = await H.Activities.ExportAsync(new ActivityQuery { Sort = ActivitySort.StartsAscending }, stream);

        Assert.Equal(new ActivityExportResult(History.Count, false), written);
        using var workbook = new XLWorkbook(stream);
        var sheet = Assert.Single(workbook.Worksheets);
        var rows = sheet.RowsUsed().Skip(1).ToList();
        Assert.Equal(Enumerable.Range(0, History.Count).Select(History.Title), rows.Select(r => r.Cell(6).GetString()));
        Assert.All(rows, r => Assert.Equal(string.Join(", ", history.People(IndexOf(r.Cell(6).GetString()))), r.Cell(9).GetString()));
        Assert.Equal(new DateTime(2023, 3, 20), rows[0].Cell(1).GetDateTime());
        Assert.Equal("Kärkkäinen Oy", rows[0].Cell(7).GetString());
    }
}

/// <summary>The plans of the lists over the same history: SQLite's (EXPLAIN QUERY PLAN), so not twinned.</summary>
public class ActivityListsAtScalePlanTests(ActivityListsAtScaleTests.History history) : IClassFixture<ActivityListsAtScaleTests.History>, IAsyncLifetime
{
    private CoreHarness H => history.H;

    public Task InitializeAsync() => history.SeedOnceAsync(DatabaseProvider.Sqlite);

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The statements recorded since the recorder was cleared that read Activities or ActivityParticipants from end to end.</summary>
    internal static List<PlannedQuery> Scans(ActivityListsAtScaleTests.History history) =>
        history.Recorder.Explain(history.H.DatabasePath).Where(p => p.ScansOf("Activities", "ActivityParticipants").Count > 0).ToList();

    [Fact]
    public async Task My_open_activities_count_and_page_from_the_open_participations_index_alone()
    {
        H.SignInAs(history.Pekka);
        history.Recorder.Clear();

        await H.Activities.MyOpenAsync();

        var plans = history.Recorder.Explain(H.DatabasePath).DistinctBy(p => p.Sql).ToList();
        var fromIndex = plans.Where(p => p.Plan.Any(l => l.Contains("USING COVERING INDEX IX_ActivityParticipants_MyOpen (UserId=?"))).ToList();
        Assert.Equal(2, fromIndex.Count); // the counts (capped total and overdue, in one statement) and the page
        var page = fromIndex.Single(p => p.Sql.Contains("\"Title\"")).Plan;
        Assert.DoesNotContain(page, l => l.Contains("TEMP B-TREE"));
        Assert.Contains(page, l => l == "SEARCH a USING INTEGER PRIMARY KEY (rowid=?)"); // only the page's activities are read
    }

    [Fact]
    public async Task Feedback_summary_and_work_widgets_do_not_scan_the_activity_tables()
    {
        H.SignInAs(history.Minna);
        history.Recorder.Clear();
        await H.Customers.GetSummaryAsync(history.BigCustomer);
        var widgets = H.Service<WorkWidgetQueries>();
        await widgets.MyWeekAsync();
        await widgets.OpenNegativeFeedbackAsync(5);
        Assert.Empty(Scans(history));
    }
}
