using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portaali.Benchmarks;
using Portaali.Core.Customers;
using Portaali.Core.Data;
using Portaali.Core.Security;
using Portaali.Core.Seeding;
using Portaali.Core.Users;

// Measures what people wait for on the seeded 4,000-customer base, on a real SQLite file.
// Usage: dotnet run -c Release --project Portaali.Benchmarks [-- --write docs/benchmarks.md]
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
    results.Add(new Result("Seed the demo base (4,000 customers, ~12,000 contacts)", 1, seedTimer.Elapsed.TotalMilliseconds,
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

    var report = Report.Markdown(results, connectionString);
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

    internal record Result(string Name, int Iterations, double MedianMs, double P95Ms, long AllocatedBytes, double TargetMs);

    internal static class Report
    {
        public static string Markdown(IEnumerable<Result> results, string connectionString)
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
