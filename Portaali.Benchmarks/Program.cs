using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portaali.Benchmarks;
using Portaali.Core.Activities;
using Portaali.Core.Calendar;
using Portaali.Core.Customers;
using Portaali.Core.Imports;
using Portaali.Core.Imports.Prh;
using Portaali.Core.Data;
using Portaali.Core.Security;
using Portaali.Core.Seeding;
using Portaali.Core.Users;

// Measures what people wait for on the seeded 4,000-customer base, on a real SQLite file.
// Usage: dotnet run -c Release --project Portaali.Benchmarks [-- --write docs/benchmarks.md]
if (args.FirstOrDefault() == ExcelWriters.ChildFlag) return await ExcelWriters.ChildAsync(args); // one writer's run, in a process of its own
// The selection engine at 100,000 customers builds its own large base and takes minutes: only when asked.
if (args.Contains("--selections")) return await SelectionBenchmarks.RunAsync();
// Server memory per Blazor circuit: starts the built web app and 50 Chromium tabs per page, or --tabs N (docs/benchmarks-circuits.md).
if (args.Contains("--circuits"))
    return await Portaali.Benchmarks.Circuits.CircuitBenchmark.RunAsync(args.SkipWhile(a => a != "--write").Skip(1).FirstOrDefault(),
        args.SkipWhile(a => a != "--tabs").Skip(1).FirstOrDefault() is { } tabs ? int.Parse(tabs, CultureInfo.InvariantCulture) : Portaali.Benchmarks.Circuits.CircuitBenchmark.DefaultTabs,
        args.SkipWhile(a => a != "--hold").Skip(1).FirstOrDefault() is { } hold ? int.Parse(hold, CultureInfo.InvariantCulture) : 0);
// The PRH bulk import with every one of 100,000 customers in the file, and its unchanged re-run (PrhScaleBenchmarks.cs).
if (args.Contains("--prh-scale")) return await PrhScaleBenchmarks.RunAsync();
// The issue-12 base (100,000 customers, 2,000,000 activities) from a cached generated file: docs/benchmarks-scale.md.
if (args.Contains("--scale-run") || args.Contains("--scale-generate")) return await Portaali.Benchmarks.Scale.ScaleRun.MainAsync(args);
var write = args.SkipWhile(a => a != "--write").Skip(1).FirstOrDefault();
var path = Path.Combine(Path.GetTempPath(), $"portaali-bench-{Guid.NewGuid():N}.db");
var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
var user = new BenchmarkUser();
var services = new ServiceCollection()
    .AddLogging()
    .AddAuthorizationCore(Policies.Register)
    .AddPortaaliCore(connectionString)
    .AddSingleton<ICurrentUser>(user)
    .BuildServiceProvider();
var results = new List<Result>();

try
{
    var factory = services.GetRequiredService<IDbContextFactory<PortaaliDbContext>>();
    await using (var db = await factory.CreateDbContextAsync()) await db.Database.MigrateAsync();

    var seedTimer = Stopwatch.StartNew();
    var seedAllocated = GC.GetTotalAllocatedBytes(true);
    await using (var db = await factory.CreateDbContextAsync()) await new DemoSeeder(db).SeedAsync();
    results.Add(new Result("Seed the demo base (4,000 customers, ~12,000 contacts, activities)", 1, seedTimer.Elapsed.TotalMilliseconds,
        seedTimer.Elapsed.TotalMilliseconds, GC.GetTotalAllocatedBytes(true) - seedAllocated, 30_000));

    await using (var db = await factory.CreateDbContextAsync())
    {
        var manager = await db.Users.FirstAsync(u => u.Group == UserGroup.AccountManager);
        user.Principal = new ClaimsPrincipal(PortaaliClaims.For(manager, "Benchmark"));
    }
    await using var scope = services.CreateAsyncScope();
    var customers = scope.ServiceProvider.GetRequiredService<CustomerService>();
    (string BusinessId, int Id, string Contact) sample;
    await using (var db = await factory.CreateDbContextAsync())
        sample = await db.Customers.OrderBy(c => c.Id).Skip(1234)
            .Select(c => new ValueTuple<string, int, string>(c.BusinessId!, c.Id, c.Contacts.First().LastName)).FirstAsync();

    async Task Measure(string name, double targetMs, Func<Task> action, int iterations = 50)
    {
        for (var i = 0; i < 5; i++) await action(); // warm-up: query compilation, connection pool
        var times = new List<double>();
        var allocated = GC.GetTotalAllocatedBytes(true);
        for (var i = 0; i < iterations; i++)
        {
            var timer = Stopwatch.StartNew();
            await action();
            times.Add(timer.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        results.Add(new Result(name, iterations, times[times.Count / 2], times[(int)(times.Count * 0.95)],
            (GC.GetTotalAllocatedBytes(true) - allocated) / iterations, targetMs));
    }

    await Measure("Customer view: first page, no filter", 50, () => customers.SearchAsync(new CustomerQuery()));
    await Measure("Search by name fragment \"kulj\"", 50, () => customers.SearchAsync(new CustomerQuery { Text = "kulj" }));
    await Measure("Search by Business ID", 50, () => customers.SearchAsync(new CustomerQuery { Text = sample.BusinessId }));
    await Measure("Search by contact surname", 50, () => customers.SearchAsync(new CustomerQuery { Text = sample.Contact }));
    await Measure("Search by municipality \"Espoo\"", 50, () => customers.SearchAsync(new CustomerQuery { Text = "Espoo" }));
    await Measure("My customers, sorted by revenue desc", 50, () => customers.SearchAsync(new CustomerQuery { OnlyMine = true, SortBy = CustomerSort.Revenue, Descending = true }));
    await Measure("Deep page (page 150 of 25 rows)", 50, () => customers.SearchAsync(new CustomerQuery { Page = 150 }));
    await Measure("Open one customer (all tabs' data)", 50, () => customers.GetAsync(sample.Id));
    await Measure("Duplicate check in Helsinki", 100, () => customers.FindDuplicatesAsync("Helsingin Kuljetus Oy", null, "091"));
    await Measure("Audit trail of one customer", 50, () => customers.GetAuditTrailAsync(sample.Id));

    var activities = scope.ServiceProvider.GetRequiredService<ActivityService>();
    var hours = scope.ServiceProvider.GetRequiredService<WeeklyHoursService>();
    var calendar = scope.ServiceProvider.GetRequiredService<CalendarService>();
    var meeting = scope.ServiceProvider.GetRequiredService<TeamMeetingService>();
    var today = HelsinkiTime.Today(TimeProvider.System);
    var thisWeek = IsoWeek.Of(today);
    var team = (await calendar.GetPeopleAsync()).Select(p => p.Id).ToList();
    await Measure("My open activities", 50, () => activities.MyOpenAsync());
    await Measure("Browse activities, full-text \"koulutus\" in title and memo", 50, () => activities.BrowseAsync(new ActivityQuery { Text = "koulutus" }));
    await Measure("Browse activities, all filters off, page 10", 50, () => activities.BrowseAsync(new ActivityQuery { Page = 10 }));
    await Measure("Calendar month of the whole staff", 100, () => calendar.GetEntriesAsync(team, today.AddDays(-today.Day + 1), today.AddDays(-today.Day + 1).AddMonths(1)));
    await Measure("My weekly hours with the year's chart", 100, () => hours.GetWeeklyReportAsync(thisWeek));
    await Measure("Team-meeting view for this week", 100, () => Portaali.Benchmarks.Scale.ScaleBenchmark.OpenTeamMeetingAsync(meeting, thisWeek));
    await Measure("Excel export of activities (up to the export cap)", 3000, () => activities.ExportAsync(new ActivityQuery()), iterations: 5);

    // Offers and sales follow-up over the seeded three years of offers and orders, as management opens them.
    await using (var db = await factory.CreateDbContextAsync())
    {
        var management = await db.Users.FirstAsync(u => u.Group == UserGroup.Management);
        user.Principal = new ClaimsPrincipal(PortaaliClaims.For(management, "Benchmark"));
    }
    int keyAccount, someOffer;
    await using (var db = await factory.CreateDbContextAsync())
    {
        keyAccount = await db.Offers.GroupBy(o => o.CustomerId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        someOffer = await db.Offers.Where(o => o.CustomerId == keyAccount).OrderByDescending(o => o.Id).Select(o => o.Id).FirstAsync();
    }
    var offers = scope.ServiceProvider.GetRequiredService<Portaali.Core.Offers.OfferService>();
    var billing = scope.ServiceProvider.GetRequiredService<Portaali.Core.Sales.BillingService>();
    var reports = scope.ServiceProvider.GetRequiredService<Portaali.Core.Sales.SalesReportService>();
    var targets = scope.ServiceProvider.GetRequiredService<Portaali.Core.Sales.SalesTargetService>();
    var documents = scope.ServiceProvider.GetRequiredService<Portaali.Core.Offers.OfferDocumentService>();
    await Measure("Offers tab of the customer with the most offers", 50, () => offers.ForCustomerAsync(keyAccount));
    await Measure("Open one offer (lines, people, attachments, order)", 50, () => offers.GetAsync(someOffer));
    await Measure("Billing list, first page with totals", 50, () => billing.ListAsync(new Portaali.Core.Sales.BillingQuery()));
    await Measure("Open offers report with totals by type", 50, () => reports.OpenOffersAsync(new Portaali.Core.Sales.OpenOfferQuery()));
    await Measure("Won and lost over the last year with reasons", 50, () => reports.WinLossAsync(today.AddYears(-1), today));
    await Measure("Orders and invoicing by month, this year", 50, () => reports.OrdersByMonthAsync(today.Year));
    await Measure("Euro targets against orders, this year", 50, () => targets.GetYearAsync(today.Year));
    await Measure("Offer document (.docx from the template)", 200, () => documents.CreateAsync(someOffer), iterations: 20);

    // Key accounts, care plans and segment suggestions as management opens them (still signed in as management), and the
    // two nightly passes over the whole base. The plans come from the start-up seed, which the demo seeder alone skips.
    await using (var db = await factory.CreateDbContextAsync()) await Portaali.Core.CarePlans.CarePlanSeed.EnsureAsync(db, TimeProvider.System);
    int aAccount;
    await using (var db = await factory.CreateDbContextAsync())
        aAccount = await db.Customers.Where(c => c.Segment == Portaali.Core.Segments.Segment.A && !c.IsPassive).Select(c => c.Id).FirstAsync();
    var monitor = scope.ServiceProvider.GetRequiredService<Portaali.Core.CarePlans.CarePlanMonitor>();
    var monitorList = scope.ServiceProvider.GetRequiredService<Portaali.Core.CarePlans.CarePlanMonitorQueries>();
    var tracker = scope.ServiceProvider.GetRequiredService<Portaali.Core.KeyAccountTracking.KeyAccountTrackerService>();
    var scorecards = scope.ServiceProvider.GetRequiredService<Portaali.Core.KeyAccountTracking.ScorecardService>();
    var rfm = scope.ServiceProvider.GetRequiredService<Portaali.Core.Segments.Rfm.RfmService>();
    var analysis = scope.ServiceProvider.GetRequiredService<Portaali.Core.CustomerBase.CustomerBaseAnalysisService>();
    await Measure("Care-plan monitor: the nightly pass over every active customer", 5000,
        () => monitor.RunAsync(Portaali.Core.CarePlans.CarePlanCheckTrigger.Nightly), iterations: 3);
    await Measure("Care-plan monitor list, everyone, first page", 50,
        () => monitorList.ListAsync(new Portaali.Core.CarePlans.CarePlanMonitorFilter { Everyone = true }));
    await Measure("Key-account tracker: one row per A account", 100, () => tracker.GetAsync());
    await Measure("Account managers' activities per ISO week, 12 weeks", 100, () => tracker.ManagerWorkAsync());
    await Measure("Scorecard of one key account, this year", 50, () => scorecards.GetAsync(aAccount, today.Year));
    await Measure("RFM: the nightly scores of every active customer and the segment rules", 5000, () => rfm.RecomputeAsync(), iterations: 3);
    await Measure("Customer-base analysis: the five charts", 200, () => analysis.CountAsync());
    await Measure("Segment movements over the last year", 100, () => analysis.MovementsAsync(today.AddYears(-1), today));

    // A desktop opens: the page reads the layout, then every widget loads its own data side by side (as the widgets'
    // OnInitializedAsync do, each with its own connection). The role defaults of an account manager and of management.
    var desktops = scope.ServiceProvider.GetRequiredService<Portaali.Core.Desktops.DesktopService>();
    var work = scope.ServiceProvider.GetRequiredService<Portaali.Core.Desktops.WorkWidgetQueries>();
    var suggestions = scope.ServiceProvider.GetRequiredService<Portaali.Core.Suggestions.SuggestionService>();
    await Measure("Desktop of management: layout, then tracker, targets, customer-base chart, everyone's breaches at once", 1000, async () =>
    {
        await desktops.GetMineAsync();
        await Task.WhenAll(tracker.GetAsync(), targets.GetYearAsync(today.Year),
            analysis.CountByAsync(Portaali.Core.CustomerBase.CustomerBaseDimension.CustomerGroup),
            monitorList.ListAsync(new Portaali.Core.CarePlans.CarePlanMonitorFilter { Everyone = true, PageSize = 8 }));
    }, iterations: 20);
    await using (var db = await factory.CreateDbContextAsync())
    {
        var accountManager = await db.Users.FirstAsync(u => u.Group == UserGroup.AccountManager);
        user.Principal = new ClaimsPrincipal(PortaaliClaims.For(accountManager, "Benchmark"));
    }
    await Measure("Desktop of an account manager: layout, then week, hours, open activities, customers, breaches, suggestions at once", 1000, async () =>
    {
        await desktops.GetMineAsync();
        await Task.WhenAll(work.MyWeekAsync(), hours.MyRecentWeeksAsync(6), work.MyOpenActivitiesAsync(8), work.MyCustomersAsync(8),
            monitorList.ListAsync(new Portaali.Core.CarePlans.CarePlanMonitorFilter { PageSize = 8 }), suggestions.ListMineAsync(8));
    }, iterations: 20);

    // An .eml whose HTML body is 2 MB of unclosed tags took a regular expression minutes; the whole pass, without the memo's cap.
    var hostileHtml = "<p>Hei Minna,</p>" + string.Concat(Enumerable.Repeat("<div><b>x", 200_000));
    await Measure("E-mail HTML to text: the whole 2 MB of unclosed `<div><b>` tags", 2000,
        () => Task.FromResult(EmailText.FromHtml(hostileHtml, int.MaxValue)), iterations: 5);

    results.Add(await BulkStreaming.MeasureAsync(factory, Path.GetDirectoryName(path)!));
    var writers = await ExcelWriters.MeasureAllAsync(Path.GetDirectoryName(path)!);

    var report = Report.Markdown(results, connectionString, writers);
    Console.WriteLine(report);
    if (write is not null)
    {
        await File.WriteAllTextAsync(write, report);
        Console.WriteLine($"Written to {write}");
    }
    return results.Any(r => r.MedianMs > r.TargetMs) ? 1 : 0;
}
finally
{
    await services.DisposeAsync();
    SqliteConnection.ClearAllPools();
    foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(path + suffix);
}

namespace Portaali.Benchmarks
{
    internal sealed class BenchmarkUser : ICurrentUser
    {
        public ClaimsPrincipal Principal { get; set; } = new();
        public Task<ClaimsPrincipal> GetPrincipalAsync() => Task.FromResult(Principal);
    }

    /// <summary>
    /// The PRH all_companies file is large; the import must stream it. Writes a ZIP of 200,000 companies
    /// (every 20th one a seeded customer) and reads it through the real bulk handler while sampling the managed heap.
    /// </summary>
    internal static class BulkStreaming
    {
        private const int Companies = 200_000;

        public static async Task<Result> MeasureAsync(IDbContextFactory<PortaaliDbContext> factory, string folder)
        {
            List<string> ours;
            await using (var db = await factory.CreateDbContextAsync())
                ours = await db.Customers.Where(c => c.BusinessId != null && !c.IsPassive).Select(c => c.BusinessId!).ToListAsync();
            var zipPath = Path.Combine(folder, $"portaali-bench-{Guid.NewGuid():N}.zip");
            long jsonBytes;
            try
            {
                jsonBytes = Write(zipPath, ours);
                GC.Collect();
                var baseline = GC.GetTotalMemory(true);
                long peak = 0, rows = 0;
                var handler = new PrhBulkHandler(factory);
                var context = new ImportContext
                {
                    RunId = 0, Apply = false, Trigger = ImportTrigger.Manual, FilePath = zipPath, Now = DateTime.UtcNow,
                    AuditName = "benchmark", Options = new ImportOptions(),
                };
                var timer = Stopwatch.StartNew();
                long read = 0;
                await foreach (var row in handler.ReadAsync(context, CancellationToken.None))
                {
                    if (!row.IsSkipped && row.Error is null) rows++;
                    if (++read % 100 == 0) peak = Math.Max(peak, GC.GetTotalMemory(false) - baseline);
                }
                var elapsed = timer.Elapsed.TotalMilliseconds;
                return new Result($"PRH bulk ZIP streamed: {Companies:N0} companies ({jsonBytes / (1 << 20)} MiB of JSON), {rows:N0} ours; peak managed heap growth {peak / (1 << 20)} MiB",
                    1, elapsed, elapsed, peak, 60_000);
            }
            finally { File.Delete(zipPath); }
        }

        /// <summary>Every <paramref name="every"/>th of <paramref name="companies"/> records is one of ours (the scale benchmark: all).</summary>
        internal static long Write(string zipPath, IReadOnlyList<string> ours, int companies = Companies, int every = 20)
        {
            using var zip = System.IO.Compression.ZipFile.Open(zipPath, System.IO.Compression.ZipArchiveMode.Create);
            using var stream = zip.CreateEntry("all_companies.json").Open();
            using var counter = new CountingStream(stream);
            using var writer = new StreamWriter(counter, new System.Text.UTF8Encoding(false));
            writer.Write('[');
            for (var i = 0; i < companies; i++)
            {
                var id = i % every == 0 && i / every < ours.Count ? ours[i / every] : OtherBusinessId(i);
                if (i > 0) writer.Write(',');
                writer.Write($$"""
                {"businessId":{"value":"{{id}}","registrationDate":"2010-01-01","source":"3"},"names":[{"name":"Yritys {{i}} Oy","type":"1","registrationDate":"2010-01-01","endDate":null,"version":1,"source":"1"}],"mainBusinessLine":{"type":"62010","descriptions":[{"languageCode":"1","description":"Ohjelmistojen suunnittelu ja valmistus"}],"typeCodeSet":"TOIMI4","registrationDate":"2010-01-01","source":"2"},"website":{"url":"www.yritys{{i}}.fi","registrationDate":"2010-01-01","source":"1"},"companyForms":[{"type":"16","descriptions":[{"languageCode":"1","description":"Osakeyhtiö"}],"registrationDate":"2010-01-01","version":1,"source":"1"}],"companySituations":[],"addresses":[{"type":1,"street":"Mannerheimintie","postCode":"00100","postOffices":[{"city":"HELSINKI","languageCode":"1","municipalityCode":"091"}],"buildingNumber":"{{i % 200}}","registrationDate":"2010-01-01","source":"0"}],"tradeRegisterStatus":"1","status":"2","registrationDate":"2010-01-01","endDate":null,"lastModified":"2026-11-01T10:00:00"}
                """);
            }
            writer.Write(']');
            writer.Flush();
            return counter.Written;
        }

        /// <summary>A valid Business ID outside the seeded range (seeded bodies are below 3,400,000).</summary>
        private static string OtherBusinessId(int i)
        {
            for (var n = 5_000_000 + i * 3; ; n++)
                if (BusinessId.CheckDigit(n.ToString("0000000")) is not null) return BusinessId.Create(n.ToString("0000000"));
        }

        private sealed class CountingStream(Stream inner) : Stream
        {
            public long Written { get; private set; }
            public override void Write(byte[] buffer, int offset, int count) { inner.Write(buffer, offset, count); Written += count; }
            public override void Flush() => inner.Flush();
            public override bool CanRead => false;
            public override bool CanSeek => false;
            public override bool CanWrite => true;
            public override long Length => Written;
            public override long Position { get => Written; set => throw new NotSupportedException(); }
            public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
        }
    }

    internal record Result(string Name, int Iterations, double MedianMs, double P95Ms, long AllocatedBytes, double TargetMs);

    internal static class Report
    {
        public static string Markdown(IEnumerable<Result> results, string connectionString, IReadOnlyList<ExcelWriters.Measurement> writers)
        {
            var inv = CultureInfo.InvariantCulture;
            var lines = new List<string>
            {
                "# Benchmarks",
                "",
                "Produced by `dotnet run -c Release --project Portaali.Benchmarks -- --write docs/benchmarks.md`:",
                "the seeded demo base (4,000 customers) in a SQLite file on disk, Core services called as the app calls them.",
                "The program exits non-zero when a median misses its target.",
                "",
                $"Measured {DateTime.UtcNow:yyyy-MM-dd} on {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}.",
                "",
                "| operation | runs | median ms | p95 ms | allocated per run | target (median) |",
                "|---|---:|---:|---:|---:|---:|",
            };
            lines.AddRange(results.Select(r =>
                $"| {r.Name} | {r.Iterations} | {r.MedianMs.ToString("0.0", inv)} | {r.P95Ms.ToString("0.0", inv)} | {Bytes(r.AllocatedBytes)} | {(r.MedianMs <= r.TargetMs ? "✓" : "✗")} < {r.TargetMs.ToString("0", inv)} ms |"));
            lines.AddRange([
                "",
                "What the numbers say: every screen an account manager waits for answers within its 50 ms target on the",
                "4,000-customer base (SQLite on disk, two cores); the full-text activity search uses the FTS5 index",
                "(see docs/activities.md); the Excel export of the capped activity list takes a fraction of a second.",
                "The PRH bulk row shows the import streams the daily file: ~190 MiB of JSON passes through with the",
                "managed heap growing by about as much as the set of our own Business IDs and one JSON buffer, not by",
                "the size of the file. \"allocated per run\" is, for that row, the peak heap growth.",
                "",
                "## Server memory per open tab",
                "",
                "The managed heap each Blazor circuit (one open tab) keeps on the server, measured with 50 Chromium tabs per page against",
                "the built app: `dotnet run -c Release --project Portaali.Benchmarks -- --circuits --write docs/benchmarks-circuits.md`.",
                "The latest numbers, before and after, are in [benchmarks-circuits.md](benchmarks-circuits.md).",
                "",
                "## Excel writers for large exports",
                "",
                "A 12-column customer/contact row (texts, an integer, euros, a date) written to a file on disk, each run in a",
                "process of its own: \"peak working set\" is that process's VmHWM (the runtime included), \"allocated\" the",
                "managed bytes allocated during the write. ClosedXML 0.95.4 is measured at 50,000 rows only: it holds every",
                "cell in memory, and a million rows would need many gigabytes (see docs/exports.md).",
                "",
                "| writer | rows | ms | allocated | peak working set | file |",
                "|---|---:|---:|---:|---:|---:|",
            ]);
            lines.AddRange(writers.Select(w =>
                $"| {w.Writer} | {w.Rows.ToString("N0", inv)} | {w.Ms.ToString("0", inv)} | {Bytes(w.AllocatedBytes)} | {Bytes(w.PeakWorkingSetBytes)} | {Bytes(w.FileBytes)} |"));
            return string.Join(Environment.NewLine, lines) + Environment.NewLine;
        }

        private static string Bytes(long bytes) => bytes switch
        {
            > 1 << 20 => $"{bytes / (double)(1 << 20):0.0} MiB",
            > 1 << 10 => $"{bytes / 1024.0:0} KiB",
            _ => $"{bytes} B",
        };
    }
}
