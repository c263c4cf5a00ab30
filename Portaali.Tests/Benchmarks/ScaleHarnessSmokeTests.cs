extern alias bench;
using bench::Portaali.Benchmarks.Scale;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portaali.Core.Customers;
using Portaali.Core.Data;

namespace Portaali.Tests.Benchmarks;

/// <summary>
/// The scale benchmark (docs/benchmarks-scale.md) on a tiny generated base, so it cannot rot: the generator writes rows the
/// app reads as its own, and every operation of the report runs once and returns rows. No timings are asserted.
/// </summary>
public sealed class ScaleHarnessSmokeTests : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"portaali-scale-smoke-{Guid.NewGuid():N}");
    private string path = "";
    private ScaleSummary? generated;

    public async Task InitializeAsync() => (path, generated) = await ScaleFile.EnsureAsync(0.0005, regenerate: false, TextWriter.Null, folder);

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Generated_base_is_cached_and_reads_as_the_apps_own_data()
    {
        Assert.NotNull(generated);
        Assert.True(File.Exists(path));
        Assert.Empty(Directory.GetFiles(folder, "*.tmp*")); // generated under a temporary name, then renamed
        Assert.Equal(ScaleFile.PathFor(0.0005, folder), path);
        var (again, regenerated) = await ScaleFile.EnsureAsync(0.0005, regenerate: false, TextWriter.Null, folder);
        Assert.Equal(path, again);
        Assert.Null(regenerated); // the cached file is reused

        var options = new DbContextOptionsBuilder<PortaaliDbContext>().UseSqlite(ScaleFile.ConnectionString(path, pooling: false)).Options;
        await using var db = new PortaaliDbContext(options);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        var customers = await db.Customers.AsNoTracking().ToListAsync();
        Assert.Equal(generated.Customers, customers.Count);
        Assert.All(customers, c => Assert.True(BusinessId.IsValid(c.BusinessId), c.BusinessId));
        Assert.All(customers, c => Assert.Equal(CustomerRules.SearchForm(c.Name), c.NameSearch));
        Assert.Contains(customers, c => c.Name.IndexOfAny(['ä', 'ö', 'Ä', 'Ö']) >= 0);
        Assert.Equal(generated.Activities, await db.Activities.LongCountAsync());
        Assert.Equal(generated.Participants, await db.ActivityParticipants.LongCountAsync());
        Assert.True(await db.Contacts.AnyAsync(c => c.Email != null && c.Email != c.Email.ToLower()), "some e-mails are typed in mixed case");
        Assert.True(await db.Contacts.AnyAsync(c => c.Email == null), "some optional fields are empty");

        // The full-text triggers indexed every activity: a word of a title finds it through the app's FTS table.
        var activity = await db.Activities.AsNoTracking().OrderBy(a => a.Id).FirstAsync(a => a.Title.StartsWith("Käynti"));
        var hits = await db.Database.SqlQuery<int>($"SELECT rowid AS \"Value\" FROM \"ActivitySearch\" WHERE \"ActivitySearch\" MATCH '\"käynti\"'").ToListAsync();
        Assert.Contains(activity.Id, hits);
        Assert.True(hits.Count >= await db.Activities.CountAsync(a => a.Title.StartsWith("Käynti")));
    }

    [Fact]
    public async Task Every_operation_of_the_report_runs_and_returns_rows()
    {
        var report = await ScaleBenchmark.RunAsync(path, new ScaleRunOptions { MinRuns = 1, MaxRuns = 1, QuickTime = TimeSpan.Zero }, TextWriter.Null);

        string[] expected =
        [
            "Customer search by name fragment", "Customer search by Business ID", "Open a customer with its activities tab", "My open activities",
            "Weekly hours of a 30-person team", "Team-meeting view", "Staff calendar", "Activity full-text browse", "Excel export of",
            "Duplicate check on a new customer", "Selection count and first page", "PRH bulk import,", "PRH bulk import again",
        ];
        Assert.Equal(expected.Length, report.Rows.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            var row = report.Rows[i];
            Assert.StartsWith(expected[i], row.Name);
            Assert.True(row.Rows > 0 || row.Name.StartsWith("PRH bulk import again", StringComparison.Ordinal), $"{row.Name} returned no rows");
            Assert.NotNull(row.BaselineMedianMs);
        }
        // The unchanged re-run of the import writes nothing.
        Assert.Equal(0, report.Rows[^1].Rows);
        Assert.True(report.Rows[^1].NoWrites);
        Assert.Equal(expected.Length - 2, report.Plans.Count);
        Assert.All(report.Plans, p => Assert.All(p.Statements, s => Assert.NotEmpty(s.Plan)));

        var markdown = ScaleMarkdown.Write(report, 0.0005, path, null);
        foreach (var row in report.Rows) Assert.Contains($"| {row.Name} | {row.Target} |", markdown);
        foreach (var plan in report.Plans) Assert.Contains($"### {plan.Operation}", markdown);
        Assert.Contains("```sql", markdown);
    }
}
