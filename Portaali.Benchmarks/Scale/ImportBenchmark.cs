using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portaali.Core.Imports;
using Portaali.Core.Users;
using Microsoft.Extensions.Logging;

namespace Portaali.Benchmarks.Scale;

/// <summary>
/// The PRH bulk import of one record per customer of the base (Program.cs's all_companies ZIP builder), uploaded and run as
/// an administrator does, on a copy of the file so the cached base stays as generated; then the same file again, which must
/// change nothing. Baselines: the same rows as plain prepared UPDATEs/INSERTs in 50,000-row transactions, and for the
/// re-run the same rows read back by Business ID.
/// </summary>
internal static class ImportBenchmark
{
    public static async Task<IReadOnlyList<ScaleRow>> RunAsync(string path, string work, BaseFacts facts, TextWriter log, CancellationToken ct)
    {
        var copy = Path.Combine(work, "import.db");
        File.Copy(path, copy);
        await using var app = ScaleApp.Open(copy, Path.Combine(work, "imports"));
        app.Get<ILoggerFactory>().AddProvider(new EngineLog(log)); // the engine's phase times of each run
        List<string> ours;
        await using (var db = await app.DbAsync())
        {
            ours = await db.Customers.OrderBy(c => c.Id).Select(c => c.BusinessId!).ToListAsync(ct);
            app.SignIn(await db.Users.FirstAsync(u => u.Group == UserGroup.Administrator, ct));
        }
        var zip = Path.Combine(work, "all_companies.zip");
        BulkStreaming.Write(zip, ours, ours.Count, every: 1);
        var once = new ScaleRunOptions { MinRuns = 1, MaxRuns = 1 };

        log.WriteLine($"  PRH bulk import of {ours.Count:N0} records …");
        ImportRunRow? first = null, again = null;
        var auditBefore = await AuditRowsAsync(app);
        var (_, firstMs, _, firstAllocated, firstPeak) = await ScaleBenchmark.TimeAsync(async () => (first = await ImportAsync(app, zip, ct)).Updated, once);
        var auditAfterFirst = await AuditRowsAsync(app);
        log.WriteLine($"    {firstMs / 1000:0.0} s: {Counts(first!)}");
        var (_, againMs, _, againAllocated, againPeak) = await ScaleBenchmark.TimeAsync(async () => (again = await ImportAsync(app, zip, ct)).Updated, once);
        var auditAfterAgain = await AuditRowsAsync(app);
        log.WriteLine($"    re-run {againMs / 1000:0.0} s: {Counts(again!)}");

        var (_, updateMs, _, _, _) = await ScaleBenchmark.TimeAsync(() => PlainUpdatesAsync(app.ConnectionString, ours), once);
        var (_, readMs, _, _, _) = await ScaleBenchmark.TimeAsync(() => PlainReadsAsync(app.ConnectionString, ours), once);
        return
        [
            new ScaleRow($"PRH bulk import, {ours.Count:N0} records matching the customers", "≤ 60 s", 60_000, 1, firstMs, firstMs, firstAllocated,
                firstPeak, first!.Updated, "plain prepared UPDATE + INSERT of the same rows, 50,000 per transaction", updateMs,
                $"{Counts(first)}; {auditAfterFirst - auditBefore:N0} audit rows"),
            new ScaleRow("PRH bulk import again, unchanged file", "≤ 20 s, no writes", 20_000, 1, againMs, againMs, againAllocated, againPeak,
                again!.Created + again.Updated, "the same rows read back by Business ID", readMs,
                $"{Counts(again)}; rows changed: {again.Created + again.Updated:N0} customers, {auditAfterAgain - auditAfterFirst:N0} audit rows")
            {
                NoWrites = again.Created + again.Updated == 0 && auditAfterAgain == auditAfterFirst,
            },
        ];
    }

    private static string Counts(ImportRunRow run) =>
        $"{run.Status}, {run.Updated:N0} updated, {run.Unchanged:N0} unchanged, {run.Created:N0} created, {run.Failed:N0} failed";

    /// <summary>Upload and run, as the import page does (the app hands the queued run to Hangfire; here it runs at once).</summary>
    private static async Task<ImportRunRow> ImportAsync(ScaleApp app, string zip, CancellationToken ct)
    {
        var service = app.Get<ImportService>();
        await using (var file = File.OpenRead(zip))
            await service.StartUploadAsync(ImportSource.PrhBulk, "all_companies.zip", file, ImportMode.Apply, ct, file.Length);
        var runId = app.Queue.Last ?? throw new InvalidOperationException("The upload queued no run");
        await app.Get<ImportJobs>().ExecuteAsync(runId, ct);
        return await service.GetRunAsync(runId, ct);
    }

    private static async Task<long> AuditRowsAsync(ScaleApp app)
    {
        await using var db = await app.DbAsync();
        return await db.AuditEntries.LongCountAsync();
    }

    /// <summary>The import's writes without its reading and comparing: each customer's registry fields and its profile row.</summary>
    private static async Task<int> PlainUpdatesAsync(string connectionString, IReadOnlyList<string> ids)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var transaction = connection.BeginTransaction();
        await using var update = connection.CreateCommand();
        update.CommandText = """
            UPDATE Customers SET Name = @name, NameSearch = lower(@name), CompanyForm = 'Osakeyhtiö', Website = @web,
                VisitingStreet = @street, VisitingPostalCode = '00100', VisitingCity = 'Helsinki', IndustryCode = '62010', Version = @version
            WHERE BusinessId = @id AND NOT IsPassive RETURNING Id
            """;
        await using var profile = connection.CreateCommand();
        profile.CommandText = """
            INSERT INTO CompanyProfiles (CustomerId, RegistryLastModified, RegistrationDate, UpdatedAt) VALUES (@customer, @modified, '2010-01-01', @now)
            ON CONFLICT (CustomerId) DO UPDATE SET RegistryLastModified = excluded.RegistryLastModified, UpdatedAt = excluded.UpdatedAt
            """;
        SqliteParameter P(SqliteCommand c, string name) => c.Parameters.Add(new SqliteParameter(name, null));
        var (name, web, street, version, id) = (P(update, "@name"), P(update, "@web"), P(update, "@street"), P(update, "@version"), P(update, "@id"));
        var (customer, modified, now) = (P(profile, "@customer"), P(profile, "@modified"), P(profile, "@now"));
        modified.Value = new DateTime(2026, 11, 1, 10, 0, 0);
        now.Value = DateTime.UtcNow;
        var written = 0;
        for (var i = 0; i < ids.Count; i++)
        {
            (name.Value, web.Value, street.Value, version.Value, id.Value) =
                ($"Yritys {i} Oy", $"www.yritys{i}.fi", $"Mannerheimintie {i % 200}", Guid.NewGuid().ToString().ToUpperInvariant(), ids[i]);
            update.Transaction = profile.Transaction = transaction;
            if (await update.ExecuteScalarAsync() is long customerId)
            {
                customer.Value = customerId;
                await profile.ExecuteNonQueryAsync();
                written++;
            }
            if (i % BulkSession.RowsPerTransaction == BulkSession.RowsPerTransaction - 1)
            {
                transaction.Commit();
                transaction = connection.BeginTransaction();
            }
        }
        transaction.Commit();
        return written;
    }

    /// <summary>What an unchanged re-run must at least do: find each customer and its profile's registry version.</summary>
    private static async Task<int> PlainReadsAsync(string connectionString, IReadOnlyList<string> ids)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var read = connection.CreateCommand();
        read.CommandText = """
            SELECT p.RegistryLastModified FROM Customers c LEFT JOIN CompanyProfiles p ON p.CustomerId = c.Id
            WHERE c.BusinessId = @id AND NOT c.IsPassive
            """;
        var id = read.Parameters.Add(new SqliteParameter("@id", null));
        var found = 0;
        foreach (var businessId in ids)
        {
            id.Value = businessId;
            if (await read.ExecuteScalarAsync() is not null) found++;
        }
        return found;
    }
}

/// <summary>The import engine's information lines (a run's phase times) in the benchmark's log.</summary>
internal sealed class EngineLog(TextWriter log) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => categoryName == typeof(ImportEngine).FullName ? new Lines(log) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public void Dispose() { }

    private sealed class Lines(TextWriter log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) log.WriteLine($"    [{logLevel}] {formatter(state, exception)}");
        }
    }
}
