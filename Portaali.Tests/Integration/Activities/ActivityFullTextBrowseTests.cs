using Portaali.Sql;
using Portaali.Core.Activities;
using Portaali.Core.Calendar;
using Portaali.Core.Common;
using Portaali.Core.Data;
using Portaali.Core.Security;
using Portaali.Core.Segments;
using Portaali.Core.Users;
using Portaali.Tests.Support;
using static Portaali.Tests.Integration.Activities.ActivityTestData;

namespace Portaali.Tests.Integration.Activities;

/// <summary>
/// The browse's two ways of searching titles and memos (<see cref="ActivityTextSearch"/>) against a plain LINQ oracle over
/// the same 2,400 activities: collecting a word's matches and sorting them, and reading the list a window at a time in its
/// order. Ids are given in a shuffled order of start times (as after an import of old history), pairs of activities start
/// at the same minute (so windows end between equal times), and a third of them lie ahead of the clock.
/// </summary>
public class ActivityFullTextBrowseTests(ActivityFullTextBrowseTests.History history) : IClassFixture<ActivityFullTextBrowseTests.History>, IAsyncLifetime
{
    protected virtual DatabaseProvider DatabaseProvider => DatabaseProvider.Sqlite;

    public Task InitializeAsync() => history.SeedOnceAsync(DatabaseProvider);

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The activities, seeded by the first test of the class on its provider (the plans are recorded on SQLite only).</summary>
    public sealed class History : IAsyncLifetime
    {
        public const int Count = 2400;
        public SqlPlanRecorder Recorder { get; } = new();
        public CoreHarness H { get; private set; } = null!;
        public AppUser Aino { get; private set; } = null!;
        public AppUser Pekka { get; private set; } = null!;
        public int BigCustomer { get; private set; }
        public int KeyCustomer { get; private set; }
        public List<Entry> Entries { get; } = [];

        /// <summary>What the oracle knows of an activity.</summary>
        public sealed record Entry(int Id, string Title, string Memo, DateTime StartsAtUtc, DateOnly LocalDate, int TypeId,
            ActivityStatus Status, int CustomerId, Segment Segment, IReadOnlyList<int> People);

        private Task? seeded;

        public Task SeedOnceAsync(DatabaseProvider provider) => seeded ??= SeedAsync(provider);

        private async Task SeedAsync(DatabaseProvider provider)
        {
            H = await CoreHarness.CreateAsync(provider: provider,
                configure: provider == DatabaseProvider.Sqlite ? services => SqlPlanRecorder.AddTo(services, Recorder) : null);
            Aino = await H.CreateUserAsync(UserGroup.AccountManager, "Aino Äijälä");
            Pekka = await H.CreateUserAsync(UserGroup.AccountManager, "Pekka Öhman");
            BigCustomer = (await H.AddCustomerAsync("Kärkkäinen Oy")).Id;
            KeyCustomer = (await H.AddCustomerAsync("Öljy-Åström Ab", segment: Segment.A)).Id;
            var activities = new List<(int Index, Activity Activity)>();
            await using (var db = H.Db())
            {
                // 1,103 is prime to 2,400: every index once, in an order unrelated to the start times.
                for (var k = 0; k < Count; k++)
                {
                    var i = k * 1103 % Count;
                    var activity = Make(i);
                    activities.Add((i, activity));
                    db.Activities.Add(activity);
                }
                await db.SaveChangesAsync();
            }
            foreach (var (i, a) in activities.OrderBy(x => x.Index))
                Entries.Add(new Entry(a.Id, a.Title, a.Memo!, a.StartsAtUtc, a.LocalDate, a.ActivityTypeId, a.Status, a.CustomerId!.Value,
                    a.CustomerId == KeyCustomer ? Segment.A : Segment.C, a.Participants.Select(p => p.UserId).ToList()));
        }

        /// <summary>Two activities every five hours from 2025-09-01: the last third after the clock (2026-03-10).</summary>
        public static DateTime LocalStart(int i) => new DateTime(2025, 9, 1, 8, 0, 0).AddHours(i / 2 * 5);

        private Activity Make(int i)
        {
            var local = LocalStart(i);
            var date = DateOnly.FromDateTime(local);
            var week = IsoWeek.Of(date);
            // "koulutus" in every second (over a thousand), "oppisopimus" in every third, "hitsaus" in every 97th.
            var memo = string.Join("\n", new[]
            {
                "Tavoite", i % 2 == 0 ? "Henkilöstökoulutus keväällä" : "Kuulumiset", i % 3 == 0 ? "Oppisopimus alkaa" : null,
                i % 97 == 0 ? "Hitsauskurssi syksyllä" : null,
            }.OfType<string>());
            var title = $"Asia {i:0000}";
            var people = new[] { Aino.Id, i % 3 == 0 ? Pekka.Id : 0 }.Where(id => id != 0 && (id != Aino.Id || i % 5 != 1))
                .Select(id => new ActivityParticipant { UserId = id }).ToList();
            return new Activity
            {
                Title = title, Memo = memo, SearchText = ActivityRules.SearchForm(title, memo), ActivityTypeId = i % 4 == 0 ? Call : Visit,
                CustomerId = i % 5 == 0 ? KeyCustomer : BigCustomer, StartsAtUtc = HelsinkiTime.ToUtc(local), LocalDate = date,
                IsoYear = week.Year, IsoWeek = week.Week, DurationMinutes = 60,
                Status = (i % 7) switch { 0 => ActivityStatus.Open, 1 => ActivityStatus.InProgress, _ => ActivityStatus.Done },
                CreatedByUserId = Aino.Id, CreatedByName = Aino.DisplayName, CreatedAtUtc = HelsinkiTime.ToUtc(local),
                UpdatedAtUtc = HelsinkiTime.ToUtc(local), UpdatedByName = Aino.DisplayName, Participants = people,
            };
        }

        public Task InitializeAsync() => Task.CompletedTask;

        public async Task DisposeAsync()
        {
            if (H is not null) await H.DisposeAsync();
        }
    }

    private CoreHarness H => history.H;

    /// <summary>The browse that collects every match and sorts them.</summary>
    private ActivityService Collecting => new(H.DbFactory, H.Service<AccessGuard>(), H.Clock) { FewTextMatches = 1_000_000 };

    /// <summary>The browse that reads the list in its order, from windows small enough to end inside this base.</summary>
    private ActivityService Windowed => new(H.DbFactory, H.Service<AccessGuard>(), H.Clock) { FewTextMatches = 0, TextWindowRows = 300 };

    /// <summary>The browse's ways of searching on this provider: PostgreSQL has only the collecting one (its planner chooses
    /// the index), so there both services run the same SQL and one is enough.</summary>
    private ActivityService[] Ways => DatabaseProvider == DatabaseProvider.Sqlite ? [Collecting, Windowed] : [H.Activities];

    /// <summary>What the browse should show: the filters applied one by one to everything, in plain LINQ.</summary>
    private (List<string> Titles, int Total, bool Over) Oracle(ActivityQuery q)
    {
        var now = CoreHarness.Now.UtcDateTime;
        var words = q.Text!.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.ToLowerInvariant()).ToList();
        var matches = history.Entries.Where(e => words.All(w => (e.Title + "\n" + e.Memo).ToLowerInvariant().Contains(w)))
            .Where(e => q.TypeId is not { } t || e.TypeId == t)
            .Where(e => q.Status is not { } s || e.Status == s)
            .Where(e => !q.OnlyNotDone || e.Status != ActivityStatus.Done)
            .Where(e => q.UserId is not { } u || e.People.Contains(u))
            .Where(e => q.CustomerId is not { } c || e.CustomerId == c)
            .Where(e => q.Segment is not { } g || e.Segment == g)
            .Where(e => q.From is not { } f || e.LocalDate >= f)
            .Where(e => q.To is not { } t || e.LocalDate <= t)
            .Where(e => q.Period switch { ActivityPeriod.Past => e.StartsAtUtc <= now, ActivityPeriod.Upcoming => e.StartsAtUtc > now, _ => true })
            .ToList();
        var ascending = q.Period == ActivityPeriod.Upcoming || q.Period == ActivityPeriod.All && q.Sort == ActivitySort.StartsAscending;
        var sorted = ascending ? matches.OrderBy(e => e.StartsAtUtc).ThenBy(e => e.Id) : matches.OrderByDescending(e => e.StartsAtUtc).ThenByDescending(e => e.Id);
        return (sorted.Skip(q.Page * q.PageSize).Take(q.PageSize).Select(e => e.Title).ToList(),
            Math.Min(matches.Count, PagedCount.Cap), matches.Count > PagedCount.Cap);
    }

    public static TheoryData<string, string> Combinations()
    {
        var data = new TheoryData<string, string>();
        foreach (var text in new[] { "koulutus", "oppisopimus koulutus", "hitsaus", "koulutus ei-missään" })
        foreach (var filter in new[] { "", "type", "user", "pekka", "customer", "key customer", "status", "not done", "segment", "from-to", "type user not done" })
            data.Add(text, filter);
        return data;
    }

    private ActivityQuery Query(string text, string filter) => new()
    {
        Text = text,
        TypeId = filter.Contains("type") ? Call : null,
        UserId = filter.Contains("user") ? history.Aino.Id : filter.Contains("pekka") ? history.Pekka.Id : null,
        CustomerId = filter == "customer" ? history.BigCustomer : filter == "key customer" ? history.KeyCustomer : null,
        Status = filter == "status" ? ActivityStatus.InProgress : null,
        OnlyNotDone = filter.Contains("not done"),
        Segment = filter == "segment" ? Segment.A : null,
        From = filter == "from-to" ? new DateOnly(2025, 12, 1) : null,
        To = filter == "from-to" ? new DateOnly(2026, 4, 30) : null,
        PageSize = 10,
    };

    [Theory]
    [MemberData(nameof(Combinations))]
    public async Task Both_ways_show_what_the_filters_select_in_every_period_order_and_page(string text, string filter)
    {
        H.SignInAs(history.Aino);
        foreach (var service in Ways)
        foreach (var (period, sort) in new[] { (ActivityPeriod.All, ActivitySort.StartsDescending), (ActivityPeriod.All, ActivitySort.StartsAscending),
                     (ActivityPeriod.Past, ActivitySort.StartsDescending), (ActivityPeriod.Upcoming, ActivitySort.StartsDescending) })
        foreach (var page in new[] { 0, 1, 2 })
        {
            var query = Query(text, filter) with { Period = period, Sort = sort, Page = page };
            var shown = await service.BrowseAsync(query);

            var (titles, total, over) = Oracle(query);
            var way = service.FewTextMatches == 0 ? "windowed" : "collecting";
            Assert.True(titles.SequenceEqual(shown.Items.Select(r => r.Title)),
                $"{way} {period} {sort} page {page}: expected [{string.Join(", ", titles)}], shown [{string.Join(", ", shown.Items.Select(r => r.Title))}]");
            Assert.Equal((total, over), (shown.TotalCount, shown.TotalIsLowerBound));
        }
    }

    [Fact]
    public async Task A_frequent_word_pages_deep_into_the_list_from_windows_and_says_over_a_thousand()
    {
        H.SignInAs(history.Aino);
        var query = new ActivityQuery { Text = "koulutus", PageSize = 25 };
        Assert.True(Oracle(query).Over); // 1,200 of 2,400

        foreach (var page in new[] { 0, 1, 2, 30, 47 })
        {
            var shown = await Windowed.BrowseAsync(query with { Page = page });
            Assert.Equal(Oracle(query with { Page = page }).Titles, shown.Items.Select(r => r.Title));
            Assert.Equal((PagedCount.Cap, true), (shown.TotalCount, shown.TotalIsLowerBound));
        }
        Assert.Empty((await Windowed.BrowseAsync(query with { Page = 48 })).Items); // 1,200 matches end on page 47
    }

    [Fact]
    public async Task A_rare_word_counts_exactly_either_way()
    {
        H.SignInAs(history.Aino);
        var expected = Enumerable.Range(0, History.Count).Where(i => i % 97 == 0).Reverse().Select(i => $"Asia {i:0000}").ToList();
        foreach (var service in new[] { Collecting, Windowed, H.Activities })
        {
            var shown = await service.BrowseAsync(new ActivityQuery { Text = "HITSAUS", PageSize = 50 });
            Assert.Equal(expected, shown.Items.Select(r => r.Title));
            Assert.Equal((expected.Count, false), (shown.TotalCount, shown.TotalIsLowerBound));
        }
    }
}

/// <summary>The plan of the windowed browse over the same activities: SQLite's (EXPLAIN QUERY PLAN), so not twinned.</summary>
public class ActivityFullTextBrowsePlanTests(ActivityFullTextBrowseTests.History history) : IClassFixture<ActivityFullTextBrowseTests.History>, IAsyncLifetime
{
    private CoreHarness H => history.H;

    private ActivityService Windowed => new(H.DbFactory, H.Service<AccessGuard>(), H.Clock) { FewTextMatches = 0, TextWindowRows = 300 };

    public Task InitializeAsync() => history.SeedOnceAsync(DatabaseProvider.Sqlite);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_frequent_word_reads_the_start_time_index_in_list_order_and_sorts_nothing()
    {
        H.SignInAs(history.Aino);
        history.Recorder.Clear();

        var shown = await Windowed.BrowseAsync(new ActivityQuery { Text = "koulutus" });

        Assert.Equal(25, shown.Items.Count);
        var plans = history.Recorder.Explain(H.DatabasePath);
        var page = plans.Where(p => p.Sql.Contains("ActivitySearch") && p.Sql.Contains("ORDER BY")).SelectMany(p => p.Plan).ToList();
        Assert.NotEmpty(page);
        Assert.Contains(page, step => step.Contains("INDEX IX_Activities_StartsAtUtc"));
        Assert.DoesNotContain(page, step => step.Contains("TEMP B-TREE"));
        // The activities are never looked up by the index's matches (which would gather and sort every one).
        Assert.DoesNotContain(page, step => step.StartsWith("SEARCH a USING INTEGER PRIMARY KEY"));
    }
}
