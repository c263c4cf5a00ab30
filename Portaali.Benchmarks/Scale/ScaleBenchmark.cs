using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portaali.Core.Activities;
using Portaali.Core.Calendar;
using Portaali.Core.Customers;
using Portaali.Core.Data;
using Portaali.Core.Imports;
using Portaali.Core.Security;
using Portaali.Core.Selections;
using Portaali.Core.Users;
using Portaali.Sql;

namespace Portaali.Benchmarks.Scale;

/// <summary>How long each measurement may take: an adaptive number of runs, so the whole pass stays near ten minutes.</summary>
public sealed record ScaleRunOptions
{
    public int MinRuns { get; init; } = 3;
    public int MaxRuns { get; init; } = 20;
    public TimeSpan MaxTimePerOperation { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>An operation that answers in about a millisecond keeps being run past <see cref="MaxRuns"/>, up to
    /// <see cref="MaxQuickRuns"/> runs in this time: twenty runs of 0.3 ms give a median a busy neighbour moves by a tenth
    /// of a millisecond, a third of the figure.</summary>
    public TimeSpan QuickTime { get; init; } = TimeSpan.FromSeconds(1);

    public int MaxQuickRuns { get; init; } = 200;

    /// <summary>When set, only the operations whose name contains one of these (case-insensitive) are measured; "import"
    /// selects the PRH imports.</summary>
    public IReadOnlyList<string> Only { get; init; } = [];

    public bool Selects(string name) => Only.Count == 0 || Only.Any(o => name.Contains(o, StringComparison.OrdinalIgnoreCase));
}

/// <summary>One line of the report: a Core service called as the UI calls it, beside the same question asked the fastest way
/// we know (hand-written SQL, a bare SpreadCheetah writer, plain batched UPDATEs) on the same file in the same run.</summary>
public sealed record ScaleRow(string Name, string Target, double? TargetMs, int Runs, double MedianMs, double P95Ms, long AllocatedBytes,
    long PeakHeapBytes, int Rows, string Baseline, double? BaselineMedianMs, string? Note = null, long? TargetBytes = null)
{
    /// <summary>False when a run that must not write did (the unchanged import re-run).</summary>
    public bool NoWrites { get; init; } = true;
    public double? Ratio => BaselineMedianMs is > 0 ? MedianMs / BaselineMedianMs : null;
    public bool Met => NoWrites && (TargetMs is not { } ms || MedianMs <= ms)
        && (TargetBytes is not { } bytes || Math.Max(AllocatedBytes, PeakHeapBytes) <= bytes);
}

/// <summary>The SQL EF Core generated for one operation and SQLite's plan for each statement.</summary>
public sealed record ScalePlan(string Operation, IReadOnlyList<(string Sql, IReadOnlyList<string> Plan)> Statements)
{
    /// <summary>What a reader looks at first: every full scan and temporary B-tree in the plans.</summary>
    public string Headline
    {
        get
        {
            var notable = Statements.SelectMany(s => s.Plan).Select(l => l.Trim())
                .Where(l => l.StartsWith("SCAN", StringComparison.Ordinal) || l.Contains("TEMP B-TREE", StringComparison.Ordinal))
                .Distinct().ToList();
            return notable.Count == 0 ? "indexes only (SEARCH)" : string.Join("; ", notable);
        }
    }
}

public sealed record ScaleReport(IReadOnlyList<ScaleRow> Rows, IReadOnlyList<ScalePlan> Plans, string BaseDescription, TimeSpan Elapsed);

/// <summary>
/// The timings of issue 12's table on a generated base: every operation through the Core services as the UI calls them
/// (signed in as an account manager; the import as an administrator), each beside its baseline measured in the same run.
/// </summary>
public static class ScaleBenchmark
{
    public static async Task<ScaleReport> RunAsync(string path, ScaleRunOptions options, TextWriter log, CancellationToken ct = default)
    {
        var total = Stopwatch.StartNew();
        var work = Path.Combine(Path.GetTempPath(), $"portaali-scale-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        try
        {
            await using var app = ScaleApp.Open(path, Path.Combine(work, "imports"));
            var facts = await BaseFacts.LoadAsync(app, ct);
            log.WriteLine($"Base: {facts.Description}");
            var rows = new List<ScaleRow>();
            var plans = new List<ScalePlan>();
            foreach (var operation in Operations(app, facts).Where(o => options.Selects(o.Name)))
            {
                log.WriteLine($"  {operation.Name} …");
                var (row, plan) = await MeasureAsync(app, operation, options, ct);
                rows.Add(row);
                if (plan is not null) plans.Add(plan);
                log.WriteLine($"    {row.MedianMs:0.0} ms (p95 {row.P95Ms:0.0}), baseline {row.BaselineMedianMs:0.0} ms, {row.Rows:N0} rows");
            }
            if (options.Selects("PRH bulk import")) rows.AddRange(await ImportBenchmark.RunAsync(path, work, facts, log, ct));
            return new ScaleReport(rows, plans, facts.Description, total.Elapsed);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }

    internal sealed record Operation(string Name, string Target, double TargetMs, Func<Task<int>> Run, string Baseline, Func<Task<int>> RunBaseline,
        bool Plan = true, long? TargetBytes = null, Func<Task<string>>? Note = null);

    private static IEnumerable<Operation> Operations(ScaleApp app, BaseFacts f)
    {
        var customers = app.Get<CustomerService>();
        var activities = app.Get<ActivityService>();
        var hours = app.Get<WeeklyHoursService>();
        var meeting = app.Get<TeamMeetingService>();
        var calendar = app.Get<CalendarService>();
        var engine = app.Get<SelectionEngine>();
        var sql = new Baselines(app.ConnectionString, f);

        yield return new("Customer search by name fragment \"kulj\", first page with count", "≤ 20 ms", 20,
            async () => (await customers.SearchAsync(new CustomerQuery { Text = "kulj" })).Items.Count,
            "the four matches (name, contact, Business ID prefix, external number) as a UNION, count + page", () => sql.CustomerSearchAsync("kulj"));
        yield return new($"Customer search by Business ID {f.BusinessId}", "≤ 5 ms", 5,
            async () => (await customers.SearchAsync(new CustomerQuery { Text = f.BusinessId })).Items.Count,
            "Business ID or external number (a union of the two indexes), count + page", () => sql.BusinessIdAsync(f.BusinessId));
        yield return new($"Open a customer with its activities tab ({f.BusyCustomerActivities:N0} activities)", "≤ 30 ms", 30, async () =>
            {
                await customers.GetAsync(f.BusyCustomerId);
                return (await activities.ListForCustomerAsync(f.BusyCustomerId)).Items.Count;
            }, "customer with its numbers, responsibles, contacts and their roles, classifications, history + count and newest 50 activities with participants' names",
            () => sql.CustomerWithActivitiesAsync(f.BusyCustomerId));
        yield return new("My open activities", "≤ 20 ms, nothing dropped", 20, async () => (await activities.MyOpenAsync()).Items.Count,
            "count capped at 1,001 + first 50 oldest first from the open participations' index, with names", () => sql.MyOpenAsync(f.UserId),
            Note: async () =>
            {
                var open = await activities.MyOpenAsync();
                return $"shows {open.Items.Count:N0} of {(open.TotalIsLowerBound ? "over " : "")}{open.TotalCount:N0}, with \"show more\"";
            });
        yield return new($"Weekly hours of a {f.Team.Count}-person team, ISO week {f.Week.Year}-W{f.Week.Week:00}", "≤ 20 ms", 20,
            async () => (await hours.GetWeekHoursAsync(f.Team, f.Week)).Count,
            "GROUP BY over the team's participant rows' copies, in index order", () => sql.TeamWeekHoursAsync(f.Team, f.Week));
        yield return new("Team-meeting view", "≤ 50 ms", 50, () => OpenTeamMeetingAsync(meeting, f.Week),
            "team, hours, counts of this and next week's activities from the participant copies, open negative feedback (count + first 25), "
            + "key accounts' last contact, the first member's two weeks from the copies (count + first 25 each)", () => sql.TeamMeetingAsync(f.Team, f.Week));
        yield return new($"Staff calendar, {f.MonthFirst:yyyy-MM}, all {f.Staff.Count} people", "≤ 100 ms, nothing dropped", 100,
            async () => (await calendar.GetEntriesAsync(f.Staff, f.MonthFirst, f.MonthLast)).Entries.Count,
            $"the month's first {CalendarService.MaxEntries + 1:N0} by start with participants' names, count capped at {CalendarService.CountCap + 1:N0}",
            () => sql.CalendarAsync(f.MonthFirst, f.MonthLast),
            Note: async () =>
            {
                var view = await calendar.GetEntriesAsync(f.Staff, f.MonthFirst, f.MonthLast);
                return $"returned {view.Entries.Count:N0} of {await sql.CalendarCountAsync(f.MonthFirst, f.MonthLast):N0}"
                    + (view.IsLimited ? $", and says so ({(view.TotalIsLowerBound ? "over " : "total ")}{view.TotalCount:N0})" : "");
            });
        yield return new("Activity full-text browse \"koulutus\", first page", "≤ 50 ms", 50,
            async () => (await activities.BrowseAsync(new ActivityQuery { Text = "koulutus" })).Items.Count,
            "the app's strategy by hand: FTS5 matches counted to 10,001, then the newest 4,096 on the start index as a window whose id range the index answers, count capped at 1,001 and newest 25 with names from it", () => sql.FullTextAsync("koulutus"),
            Note: async () =>
            {
                var shown = await activities.BrowseAsync(new ActivityQuery { Text = "koulutus" });
                return $"count shown: {(shown.TotalIsLowerBound ? "over " : "")}{shown.TotalCount:N0}";
            });
        yield return new($"Excel export of {Math.Min(ActivityService.MaxExportRows, f.Activities):N0} activities", "≤ 1 s, ≤ 100 MB", 1000, async () =>
            {
                var bytes = await activities.ExportAsync(new ActivityQuery());
                return bytes.Length > 0 ? (int)Math.Min(ActivityService.MaxExportRows, f.Activities) : 0;
            }, "the same 20,000 rows through a bare SpreadCheetah writer", () => sql.ExportAsync(ActivityService.MaxExportRows),
            TargetBytes: 100L << 20);
        yield return new($"Duplicate check on a new customer (\"{f.DuplicateName}\")", "≤ 20 ms, no table in memory", 20,
            async () => (await customers.FindDuplicatesAsync(f.DuplicateName, null, f.DuplicateMunicipality)).Count,
            "names sharing the longest word by LIKE in the municipality, the same similarity rule", () => sql.DuplicatesAsync(f.DuplicateName, f.DuplicateMunicipality));
        var definition = f.Selection;
        yield return new("Selection count and first page, four criteria (contacts)", "≤ 100 ms", 100,
            async () => (await engine.PreviewAsync(definition)).FirstPage.Count,
            "covering indexes, classifications by key, count + first page walking the name index", () => sql.SelectionAsync(),
            Note: async () => $"{(await engine.PreviewAsync(definition)).Count:N0} members; hand-written {await sql.SelectionCountAsync():N0}");
    }

    /// <summary>What the team-meeting view loads when it opens: the overview, and the first member's rows of this and next week
    /// (the meeting starts with them); the rows shipped.</summary>
    internal static async Task<int> OpenTeamMeetingAsync(TeamMeetingService meeting, IsoWeek week)
    {
        var overview = await meeting.GetTeamMeetingAsync(week);
        var rows = overview.Members.Count + overview.OpenNegativeFeedback.Items.Count + overview.KeyAccounts.Count;
        if (overview.Members.Count == 0) return rows;
        var first = await meeting.GetMemberWeeksAsync(overview.Members[0].User.Id, week);
        return rows + first.ThisWeek.Items.Count + first.NextWeek.Items.Count;
    }

    private static async Task<(ScaleRow, ScalePlan?)> MeasureAsync(ScaleApp app, Operation op, ScaleRunOptions options, CancellationToken ct)
    {
        // The first call compiles the queries and is also the one whose SQL the appendix shows.
        app.Capture.Clear();
        app.Capture.Active = true;
        var rows = await op.Run();
        app.Capture.Active = false;
        ScalePlan? plan = null;
        if (op.Plan && app.Capture.Commands.Count > 0)
        {
            await using var connection = new SqliteConnection(app.ConnectionString);
            await connection.OpenAsync(ct);
            plan = new ScalePlan(op.Name, app.Capture.Explain(connection).DistinctBy(p => p.Sql).Select(p => (p.Sql, p.DrawnPlan)).ToList());
        }
        await op.RunBaseline();
        var (runs, median, p95, allocated, peak) = await TimeAsync(op.Run, options);
        var (_, baseline, _, _, _) = await TimeAsync(op.RunBaseline, options);
        var note = op.Note is null ? null : await op.Note();
        return (new ScaleRow(op.Name, op.Target, op.TargetMs, runs, median, p95, allocated, peak, rows, op.Baseline, baseline, note, op.TargetBytes), plan);
    }

    /// <summary>Median and p95 over an adaptive number of runs, allocated bytes per run and the managed heap's peak growth
    /// (sampled every few milliseconds) during a run.</summary>
    internal static async Task<(int Runs, double Median, double P95, long Allocated, long Peak)> TimeAsync(Func<Task<int>> action, ScaleRunOptions options)
    {
        var times = new List<double>();
        var budget = Stopwatch.StartNew();
        long allocated = 0, peak = 0;
        while (times.Count < options.MinRuns || (times.Count < options.MaxRuns && budget.Elapsed < options.MaxTimePerOperation)
               || (times.Count < options.MaxQuickRuns && budget.Elapsed < options.QuickTime))
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var before = GC.GetTotalMemory(false);
            var allocatedBefore = GC.GetTotalAllocatedBytes(true);
            using var sampler = new HeapSampler(before);
            var timer = Stopwatch.StartNew();
            await action();
            times.Add(timer.Elapsed.TotalMilliseconds);
            allocated += GC.GetTotalAllocatedBytes(true) - allocatedBefore;
            peak = Math.Max(peak, sampler.Stop());
        }
        times.Sort();
        return (times.Count, times[times.Count / 2], times[Math.Min(times.Count - 1, (int)Math.Ceiling(times.Count * 0.95) - 1)], allocated / times.Count, peak);
    }

    /// <summary>Samples the managed heap on a thread of its own; the peak growth over the starting size.</summary>
    private sealed class HeapSampler : IDisposable
    {
        private readonly long baseline;
        private readonly Thread thread;
        private volatile bool running = true;
        private long peak;

        public HeapSampler(long baseline)
        {
            this.baseline = baseline;
            thread = new Thread(() =>
            {
                while (running)
                {
                    peak = Math.Max(peak, GC.GetTotalMemory(false) - this.baseline);
                    Thread.Sleep(2);
                }
            }) { IsBackground = true };
            thread.Start();
        }

        public long Stop()
        {
            running = false;
            thread.Join();
            return Math.Max(peak, GC.GetTotalMemory(false) - baseline);
        }

        public void Dispose() => running = false;
    }
}

/// <summary>The Core services over one SQLite file, wired as the app wires them, with the SQL capture added.</summary>
internal sealed class ScaleApp : IAsyncDisposable
{
    private readonly ServiceProvider provider;
    private readonly AsyncServiceScope scope;

    public string ConnectionString { get; }
    public SqlPlanRecorder Capture { get; } = new() { Active = false };
    public BenchmarkUser User { get; } = new();
    public CapturedQueue Queue { get; } = new();

    private ScaleApp(string path, string importFolder)
    {
        ConnectionString = ScaleFile.ConnectionString(path);
        provider = new ServiceCollection().AddLogging().AddAuthorizationCore(Policies.Register)
            .AddPortaaliCore(ConnectionString)
            .ConfigureDbContext<PortaaliDbContext>(o => o.AddInterceptors(Capture))
            .AddSingleton<ICurrentUser>(User)
            .AddSingleton<IImportQueue>(Queue)
            .Configure<ImportOptions>(o => o.DataFolder = importFolder)
            .BuildServiceProvider();
        scope = provider.CreateAsyncScope();
    }

    public static ScaleApp Open(string path, string importFolder) => new(path, importFolder);

    public T Get<T>() where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    public async Task<PortaaliDbContext> DbAsync() => await Get<IDbContextFactory<PortaaliDbContext>>().CreateDbContextAsync();

    public void SignIn(AppUser user) => User.Principal = new ClaimsPrincipal(PortaaliClaims.For(user, "Benchmark"));

    public async ValueTask DisposeAsync()
    {
        await scope.DisposeAsync();
        await provider.DisposeAsync();
    }

    /// <summary>Runs are carried out by the benchmark itself (the app hands them to Hangfire).</summary>
    internal sealed class CapturedQueue : IImportQueue
    {
        public int? Last { get; private set; }
        public void Enqueue(int runId) => Last = runId;
    }
}

/// <summary>What the operations are asked about, read from the base once: the signed-in account manager, the team, the
/// week and month around the base's "today", a customer with many activities, a Business ID.</summary>
internal sealed record BaseFacts(string Description, DateOnly Today, IsoWeek Week, DateOnly MonthFirst, DateOnly MonthLast, int UserId,
    IReadOnlyList<int> Team, IReadOnlyList<int> Staff, string BusinessId, int BusyCustomerId, int BusyCustomerActivities,
    SelectionDefinition Selection, int WorkPlacementGroup, int DecisionMakerRole, long Activities, string DuplicateName, string DuplicateMunicipality)
{
    public static async Task<BaseFacts> LoadAsync(ScaleApp app, CancellationToken ct)
    {
        await using var db = await app.DbAsync();
        var today = (await db.Activities.MaxAsync(a => a.LocalDate, ct)).AddDays(-28); // the generator runs four weeks past its today
        var week = IsoWeek.Of(today.AddDays(-7)); // last week: done and planned work both
        var first = new DateOnly(today.Year, today.Month, 1);
        var team = await db.Users.Where(u => WeeklyHoursService.TeamGroups.Contains(u.Group)).OrderBy(u => u.Id).Select(u => u.Id).ToListAsync(ct);
        var staff = await db.Users.Where(u => u.IsActive).OrderBy(u => u.Id).Select(u => u.Id).ToListAsync(ct);
        // The account manager with the most open work (the one "my open activities" is slowest for).
        var manager = await db.Users.Where(u => u.Group == UserGroup.AccountManager)
            .OrderByDescending(u => db.ActivityParticipants.Count(p => p.UserId == u.Id)).ThenBy(u => u.Id).FirstAsync(ct);
        app.SignIn(manager);
        var count = await db.Customers.CountAsync(ct);
        var sample = await db.Customers.Where(c => c.Id == 1 + count / 2).Select(c => new { c.BusinessId, c.Name, c.MunicipalityCode }).FirstAsync(ct);
        // A new customer typed with the sample's name in another case and without its form: the check must find the sample.
        var duplicateName = sample.Name.ToUpperInvariant().Replace(" OY", "", StringComparison.Ordinal);
        var busy = await db.Activities.Where(a => a.CustomerId != null && a.CustomerId <= 50).GroupBy(a => a.CustomerId!.Value)
            .Select(g => new { Id = g.Key, Count = g.Count() }).OrderByDescending(g => g.Count).ThenBy(g => g.Id).FirstAsync(ct);
        var workPlacement = await db.ClassificationNodes.Where(n => n.SystemKey == "group.work-placement").Select(n => n.Id).SingleAsync(ct);
        var decisionMaker = await db.ClassificationNodes.Where(n => n.SystemKey == "contact-role.decision-maker").Select(n => n.Id).SingleAsync(ct);
        var selection = new SelectionDefinition(SelectionTarget.Contacts, new CriteriaGroup
        {
            Children =
            [
                new CustomerGroupCriterion { GroupIds = [workPlacement] }, new MunicipalityCriterion { Codes = ["049", "091", "092"] },
                new SizeClassCriterion { Min = 3 }, new ContactRoleCriterion { RoleNodeIds = [decisionMaker] },
            ],
        });
        var activities = await db.Activities.LongCountAsync(ct);
        var description = $"{count:N0} customers, {await db.Contacts.CountAsync(ct):N0} contacts, {await db.Users.CountAsync(ct)} users, " +
            $"{activities:N0} activities, {await db.ActivityParticipants.CountAsync(ct):N0} participants, " +
            $"{await db.Offers.CountAsync(ct):N0} offers, {await db.Orders.CountAsync(ct):N0} orders; its today {today:yyyy-MM-dd}";
        return new BaseFacts(description, today, week, first, first.AddMonths(1).AddDays(-1), manager.Id, team, staff, sample.BusinessId!,
            busy.Id, busy.Count, selection, workPlacement, decisionMaker, activities, duplicateName, sample.MunicipalityCode!);
    }
}
