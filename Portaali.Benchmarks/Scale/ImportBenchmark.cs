using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portaali.Core.Customers;
using Portaali.Core.Imports;
using Portaali.Core.Users;
using Microsoft.Extensions.Logging;

namespace Portaali.Benchmarks.Scale;

/// <summary>
/// The PRH bulk import of one record per customer of the base (Program.cs's all_companies ZIP builder), uploaded and run as
/// an administrator does, on a copy of the file so the cached base stays as generated; then the same file again, which must
/// change nothing. Baselines, by hand on the same file: read it, read each customer by Business ID, and write the same
/// columns and rows (customer, profile, change record, audit row) with plain prepared statements; for the re-run, read it
/// and compare each customer read back by Business ID.
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
        var once = new ScaleRunOptions { MinRuns = 1, MaxRuns = 1, QuickTime = TimeSpan.Zero };

        log.WriteLine($"  PRH bulk import of {ours.Count:N0} records …");
        ImportRunRow? first = null, again = null;
        var auditBefore = await AuditRowsAsync(app);
        var (_, firstMs, _, firstAllocated, firstPeak) = await ScaleBenchmark.TimeAsync(async () => (first = await ImportAsync(app, zip, ct)).Updated, once);
        var auditAfterFirst = await AuditRowsAsync(app);
        log.WriteLine($"    {firstMs / 1000:0.0} s: {Counts(first!)}");
        var (_, againMs, _, againAllocated, againPeak) = await ScaleBenchmark.TimeAsync(async () => (again = await ImportAsync(app, zip, ct)).Updated, once);
        var auditAfterAgain = await AuditRowsAsync(app);
        log.WriteLine($"    re-run {againMs / 1000:0.0} s: {Counts(again!)}");

        int plainWritten = 0, plainSame = 0, plainDiffering = 0;
        // The first import's baseline starts from the base as the import found it, on a copy of its own: the same values change
        // (index entries move, the name search is rewritten), where writing the import's result again would change nothing.
        var plainCopy = Path.Combine(work, "baseline.db");
        File.Copy(path, plainCopy);
        var plainConnection = ScaleFile.ConnectionString(plainCopy);
        await PrepareBaselineRunAsync(plainConnection);
        var (_, updateMs, _, _, _) = await ScaleBenchmark.TimeAsync(async () => plainWritten = await PlainUpdatesAsync(plainConnection, zip), once);
        SqliteConnection.ClearAllPools();
        File.Delete(plainCopy);
        var (_, readMs, _, _, _) = await ScaleBenchmark.TimeAsync(async () =>
        {
            (plainSame, plainDiffering) = await PlainReadsAsync(app.ConnectionString, zip);
            return plainSame;
        }, once);
        // The baseline maps the file more simply than the import (the street without its building number's rules, the
        // form's text): its count of differences is its own, shown so the comparisons are plainly work done.
        log.WriteLine($"    by hand: {plainWritten:N0} written on a fresh copy, then {plainSame:N0} read back and compared ({plainDiffering:N0} differ from its simple mapping)");
        return
        [
            new ScaleRow($"PRH bulk import, {ours.Count:N0} records matching the customers", "≤ 60 s", 60_000, 1, firstMs, firstMs, firstAllocated,
                firstPeak, first!.Updated, "the same file streamed with System.Text.Json, each customer read by Business ID, the same columns, profile, industry classification, change and audit rows written by plain prepared statements, 5,000 per transaction", updateMs,
                $"{Counts(first)}; {auditAfterFirst - auditBefore:N0} audit rows"),
            new ScaleRow("PRH bulk import again, unchanged file", "≤ 20 s, no writes", 20_000, 1, againMs, againMs, againAllocated, againPeak,
                again!.Created + again.Updated, "the same file streamed, each customer with its profile and imported industry read back by Business ID and compared", readMs,
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

    /// <summary>Records per transaction, as the import's default batch (<c>Imports:Prh:BulkBatchSize</c>).</summary>
    private const int RowsPerTransaction = 5_000;

    // The file's fields the import maps, read with System.Text.Json's streaming deserializer: the bare parse of the same file.
    private sealed record BareCompany(BareValue BusinessId, List<BareName> Names, BareLine? MainBusinessLine, BareUrl? Website,
        List<BareLine> CompanyForms, List<BareAddress> Addresses, DateTime? LastModified);
    private sealed record BareValue(string Value);
    private sealed record BareName(string Name);
    private sealed record BareLine(string Type, List<BareDescription> Descriptions, string? TypeCodeSet = null);
    private sealed record BareDescription(string LanguageCode, string Description);
    private sealed record BareUrl(string Url);
    private sealed record BareAddress(int Type, string? Street, string? BuildingNumber, string? PostCode, List<BarePostOffice> PostOffices);
    private sealed record BarePostOffice(string City, string LanguageCode, string? MunicipalityCode);

    private static readonly System.Text.Json.JsonSerializerOptions Web = new(System.Text.Json.JsonSerializerDefaults.Web);

    /// <summary>The file's records as the import reads them: streamed from the ZIP, one at a time.</summary>
    private static async IAsyncEnumerable<BareCompany> ReadFileAsync(string zip)
    {
        using var archive = System.IO.Compression.ZipFile.OpenRead(zip);
        await using var stream = archive.Entries[0].Open();
        await foreach (var company in System.Text.Json.JsonSerializer.DeserializeAsyncEnumerable<BareCompany>(stream, Web))
            if (company is not null) yield return company;
    }

    private sealed record Registry(string Name, string? Form, string? Website, string? Street, string? PostalCode, string? City,
        string? Municipality, string? Industry)
    {
        public static Registry Of(BareCompany c)
        {
            var visiting = c.Addresses.FirstOrDefault(a => a.Type == 1);
            var office = visiting?.PostOffices.FirstOrDefault(o => o.LanguageCode == "1");
            return new Registry(c.Names[0].Name, c.CompanyForms.FirstOrDefault()?.Descriptions.FirstOrDefault(d => d.LanguageCode == "1")?.Description,
                c.Website?.Url, visiting is null ? null : $"{visiting.Street} {visiting.BuildingNumber}".Trim(), visiting?.PostCode,
                office?.City, office?.MunicipalityCode, c.MainBusinessLine?.Type);
        }
    }

    /// <summary>The first import's work by hand: the same file read, each customer's stored fields read by Business ID, the
    /// same columns written (name, its search and comparable forms, form, website, visiting address, municipality,
    /// industry, version), the profile row, the customer's imported-industry classification, and the import's change row
    /// and the audit row with the changes as JSON; in
    /// transactions of <see cref="RowsPerTransaction"/>. It writes every record, changed or not.</summary>
    private static async Task<int> PlainUpdatesAsync(string connectionString, string zip)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using (var cache = connection.CreateCommand())
        {
            cache.CommandText = "PRAGMA cache_size = -65536"; // as the import's connection (64 MiB)
            await cache.ExecuteNonQueryAsync();
        }
        long runId;
        await using (var last = connection.CreateCommand())
        {
            last.CommandText = "SELECT max(Id) FROM ImportRuns";
            runId = (long)(await last.ExecuteScalarAsync())!;
        }
        var transaction = connection.BeginTransaction();
        SqliteCommand Command(string sql)
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            return command;
        }
        await using var read = Command("""
            SELECT Id, Name, CompanyForm, Website, VisitingStreet, VisitingPostalCode, VisitingCity, MunicipalityCode, IndustryCode
            FROM Customers WHERE BusinessId = @id AND NOT IsPassive ORDER BY Id LIMIT 1
            """);
        await using var update = Command("""
            UPDATE Customers SET Name = @name, NameSearch = @search, ComparableName = @comparable, CompanyForm = @form, Website = @web,
                VisitingStreet = @street, VisitingPostalCode = @postal, VisitingCity = @city, MunicipalityCode = @municipality,
                IndustryCode = @industry, Version = @version
            WHERE Id = @customer
            """);
        await using var profile = Command("""
            INSERT INTO CompanyProfiles (CustomerId, RegistryLastModified, RegistrationDate, UpdatedAt) VALUES (@customer, @modified, '2010-01-01', @now)
            ON CONFLICT (CustomerId) DO UPDATE SET RegistryLastModified = excluded.RegistryLastModified, UpdatedAt = excluded.UpdatedAt
            """);
        await using var change = Command("""
            INSERT INTO ImportChanges (RunId, Line, CustomerId, CustomerName, Kind, Changes) VALUES (@run, @line, @customer, @name, 'Update', @changes)
            """);
        await using var classify = Command("""
            INSERT INTO CustomerClassifications (CustomerId, NodeId, AssignedAt, AssignedByUserId) VALUES (@customer, @node, @now, NULL)
            """);
        // A code met for the first time gets its node, as the import makes it (under the root the setup made).
        await using var node = Command("""
            INSERT INTO ClassificationNodes (ParentId, Name, Target, IsRetired, SortOrder, SystemKey)
            VALUES ((SELECT Id FROM ClassificationNodes WHERE SystemKey = 'imported-industry'), @name, 'Customer', 0, 0, @key)
            ON CONFLICT (SystemKey) DO UPDATE SET Name = excluded.Name RETURNING Id
            """);
        var nodes = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var audit = Command("""
            INSERT INTO AuditEntries (At, UserId, UserName, CustomerId, EntityType, EntityId, Action, Changes)
            VALUES (@now, NULL, 'PRH', @customer, 'Customer', @customer, 'Imported', @changes)
            """);
        SqliteParameter P(SqliteCommand c, string name) => c.Parameters.Add(new SqliteParameter(name, null));
        var id = P(read, "@id");
        var (name, search, comparable, form, web, street, postal, city, municipality, industry, version, customer) = (P(update, "@name"),
            P(update, "@search"), P(update, "@comparable"), P(update, "@form"), P(update, "@web"), P(update, "@street"), P(update, "@postal"),
            P(update, "@city"), P(update, "@municipality"), P(update, "@industry"), P(update, "@version"), P(update, "@customer"));
        var (profileCustomer, modified, now) = (P(profile, "@customer"), P(profile, "@modified"), P(profile, "@now"));
        var (run, line, changeCustomer, changeName, changes) = (P(change, "@run"), P(change, "@line"), P(change, "@customer"), P(change, "@name"), P(change, "@changes"));
        var (auditNow, auditCustomer, auditChanges) = (P(audit, "@now"), P(audit, "@customer"), P(audit, "@changes"));
        var (industryCustomer, industryNode, industryNow, key) = (P(classify, "@customer"), P(classify, "@node"), P(classify, "@now"), P(node, "@key"));
        var nodeName = P(node, "@name");
        industryNow.Value = DateTime.UtcNow;
        run.Value = runId;
        now.Value = auditNow.Value = DateTime.UtcNow;
        var written = 0;
        var lines = 0;
        await foreach (var company in ReadFileAsync(zip))
        {
            lines++;
            id.Value = company.BusinessId.Value;
            read.Transaction = update.Transaction = profile.Transaction = change.Transaction = audit.Transaction = classify.Transaction =
                node.Transaction = transaction;
            var old = new object?[9];
            await using (var reader = await read.ExecuteReaderAsync())
            {
                if (!await reader.ReadAsync()) continue;
                reader.GetValues(old!);
            }
            var r = Registry.Of(company);
            (name.Value, search.Value, comparable.Value, form.Value, web.Value, street.Value, postal.Value, city.Value, municipality.Value,
                    industry.Value, version.Value, customer.Value) =
                (r.Name, CustomerRules.SearchForm(r.Name), CustomerRules.ComparableName(r.Name), r.Form, r.Website, r.Street, r.PostalCode,
                    r.City, r.Municipality, r.Industry, Guid.NewGuid().ToString().ToUpperInvariant(), old[0]);
            await update.ExecuteNonQueryAsync();
            (profileCustomer.Value, modified.Value) = (old[0], company.LastModified);
            await profile.ExecuteNonQueryAsync();
            if (company.MainBusinessLine is { } line0)
            {
                var industryKey = $"imported-industry.{line0.TypeCodeSet ?? "TOIMI"}.{line0.Type}";
                if (!nodes.TryGetValue(industryKey, out var nodeId))
                {
                    (key.Value, nodeName.Value) = (industryKey, line0.Type);
                    nodes[industryKey] = nodeId = (long)(await node.ExecuteScalarAsync())!;
                }
                (industryCustomer.Value, industryNode.Value) = (old[0], nodeId);
                await classify.ExecuteNonQueryAsync();
            }
            var json = System.Text.Json.JsonSerializer.Serialize(new[]
            {
                new { Field = "Name", Old = old[1], New = (object?)r.Name }, new { Field = "CompanyForm", Old = old[2], New = (object?)r.Form },
                new { Field = "Website", Old = old[3], New = (object?)r.Website }, new { Field = "VisitingAddress", Old = old[4], New = (object?)r.Street },
                new { Field = "Municipality", Old = old[7], New = (object?)r.Municipality }, new { Field = "IndustryCode", Old = old[8], New = (object?)r.Industry },
            });
            (line.Value, changeCustomer.Value, changeName.Value, changes.Value) = (lines, old[0], r.Name, json);
            await change.ExecuteNonQueryAsync();
            (auditCustomer.Value, auditChanges.Value) = (old[0], json);
            await audit.ExecuteNonQueryAsync();
            written++;
            if (written % RowsPerTransaction == 0)
            {
                transaction.Commit();
                transaction = connection.BeginTransaction();
            }
        }
        transaction.Commit();
        return written;
    }

    /// <summary>What the baseline's writes need on a fresh copy of the base, as the import has them before its first record: a
    /// run for its change rows and the imported-industry root.</summary>
    private static async Task PrepareBaselineRunAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO ImportRuns (Source, Mode, "Trigger", Status, StartedByName, QueuedAt, Done, Created, Updated, Unchanged, Failed, "Checkpoint")
            VALUES ('PrhBulk', 'Apply', 'Manual', 'Running', 'Baseline', '2026-12-01 00:00:00', 0, 0, 0, 0, 0, 0);
            INSERT INTO ClassificationNodes (ParentId, Name, Target, IsRetired, SortOrder, SystemKey)
            VALUES (NULL, 'Toimiala (PRH)', 'Customer', 0, 0, 'imported-industry') ON CONFLICT (SystemKey) DO NOTHING;
            """;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>What an unchanged re-run must at least do by hand: read the same file, find each customer by Business ID with
    /// the fields the import maps, its profile's registry version and its imported industry, and compare them; no writes.
    /// Returns how many were found and compared.</summary>
    private static async Task<(int Compared, int Differing)> PlainReadsAsync(string connectionString, string zip)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var read = connection.CreateCommand();
        read.CommandText = """
            SELECT c.Name, c.CompanyForm, c.Website, c.VisitingStreet, c.VisitingPostalCode, c.VisitingCity, c.MunicipalityCode, c.IndustryCode,
                   p.RegistryLastModified,
                   (SELECT n.SystemKey FROM CustomerClassifications k JOIN ClassificationNodes n ON n.Id = k.NodeId
                    WHERE k.CustomerId = c.Id AND n.SystemKey LIKE 'imported-industry.%' LIMIT 1)
            FROM Customers c LEFT JOIN CompanyProfiles p ON p.CustomerId = c.Id
            WHERE c.BusinessId = @id AND NOT c.IsPassive ORDER BY c.Id LIMIT 1
            """;
        var id = read.Parameters.Add(new SqliteParameter("@id", null));
        var compared = 0;
        var differing = 0;
        await foreach (var company in ReadFileAsync(zip))
        {
            id.Value = company.BusinessId.Value;
            await using var reader = await read.ExecuteReaderAsync();
            if (!await reader.ReadAsync()) continue;
            var r = Registry.Of(company);
            compared++;
            if (reader.GetString(0) != r.Name || reader.GetValue(1) as string != r.Form || reader.GetValue(2) as string != r.Website
                || reader.GetValue(6) as string != r.Municipality || reader.GetValue(7) as string != r.Industry
                || reader.GetValue(9) as string != $"imported-industry.{company.MainBusinessLine?.TypeCodeSet ?? "TOIMI"}.{r.Industry}")
                differing++;
        }
        return (compared, differing);
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
