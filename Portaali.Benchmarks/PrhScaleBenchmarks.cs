using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portaali.Core.Customers;
using Portaali.Core.Data;
using Portaali.Core.Imports;
using Portaali.Core.Imports.Prh;
using Portaali.Core.Seeding;
using Portaali.Core.Security;

namespace Portaali.Benchmarks;

/// <summary>
/// The PRH bulk import on a merged base where every one of 100,000 customers is in the file (<c>-- --prh-scale</c>): a copy
/// of the shared large base when /work/scale/READY names it, else the <c>--selections</c> base (the demo base copied 25
/// times, cached in the temp folder). Three runs through the real engine: the first take-in (every customer gets its
/// profile), a file in which a fifth changed (addresses, names, industries, ceased companies), and the same file again,
/// which must write nothing. Beside them, the same changed rows as plain batched UPDATEs through a raw SqliteCommand.
/// </summary>
internal static class PrhScaleBenchmarks
{
    private const string ReadyFile = "/work/scale/READY";
    private const int BatchSize = 100;

    public static async Task<int> RunAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"portaali-prh-scale-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "base.db");
        var timer = Stopwatch.StartNew();
        var source = await BaseFileAsync();
        File.Copy(source, path);
        Console.WriteLine($"Base {source} copied to {path} in {timer.Elapsed.TotalSeconds:0} s");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
        var services = new ServiceCollection().AddLogging().AddAuthorizationCore(Policies.Register)
            .AddPortaaliCore(connectionString).AddSingleton<ICurrentUser>(new BenchmarkUser()).BuildServiceProvider();
        try
        {
            var factory = services.GetRequiredService<IDbContextFactory<PortaaliDbContext>>();
            await using (var db = await factory.CreateDbContextAsync()) await db.Database.MigrateAsync();
            var customers = await PrepareCustomersAsync(connectionString);
            Console.WriteLine($"{customers.Count:N0} active customers with a Business ID");

            var first = Path.Combine(folder, "all_companies-1.zip");
            var second = Path.Combine(folder, "all_companies-2.zip");
            var firstBytes = WriteZip(first, customers, changed: false);
            WriteZip(second, customers, changed: true);
            var changed = customers.Where(IsChanged).ToList();
            Console.WriteLine($"Files written: {customers.Count:N0} customers and {Strangers:N0} other companies each ({firstBytes / (1 << 20)} MiB of JSON); " +
                $"{changed.Count:N0} changed in the second");

            var engine = services.GetRequiredService<ImportEngine>();
            var handler = services.GetRequiredService<PrhBulkHandler>();
            var results = new List<(string Name, double Ms, ImportRun Run, long Allocated)>();
            async Task<ImportRun> Run(string name, string file)
            {
                int id;
                await using (var db = await factory.CreateDbContextAsync())
                {
                    var run = new ImportRun
                    {
                        Source = ImportSource.PrhBulk, Mode = ImportMode.Apply, Trigger = ImportTrigger.Manual, Status = ImportStatus.Queued,
                        StartedByName = "Benchmark", FileName = Path.GetFileName(file), FilePath = file, FileHash = Guid.NewGuid().ToString("N"),
                        QueuedAt = DateTime.UtcNow,
                    };
                    db.ImportRuns.Add(run);
                    await db.SaveChangesAsync();
                    id = run.Id;
                }
                var allocated = GC.GetTotalAllocatedBytes(true);
                var watch = Stopwatch.StartNew();
                await engine.RunAsync(id, handler, CancellationToken.None);
                var ms = watch.Elapsed.TotalMilliseconds;
                await using var check = await factory.CreateDbContextAsync();
                var done = await check.ImportRuns.AsNoTracking().FirstAsync(r => r.Id == id);
                results.Add((name, ms, done, GC.GetTotalAllocatedBytes(true) - allocated));
                Console.WriteLine($"{name}: {ms / 1000:0.0} s, {done.Status}: {done.Updated:N0} updated, {done.Unchanged:N0} unchanged, " +
                    $"{done.Skipped:N0} skipped, {done.Failed:N0} rejected {done.Message}");
                return done;
            }

            await Run("First take-in (every customer gets its profile)", first);
            await Run("A fifth changed", second);
            var before = await WritesAsync(factory);
            var rerun = await Run("Unchanged re-run of the same file", second);
            var after = await WritesAsync(factory);
            var noWrites = before == after && rerun.Updated == 0;
            Console.WriteLine($"Re-run wrote nothing: {noWrites} (audit entries {before.Audit:N0} → {after.Audit:N0}, " +
                $"customer versions {(before.Versions == after.Versions ? "unchanged" : "changed")}, profiles' update stamps " +
                $"{(before.Profiles == after.Profiles ? "unchanged" : "changed")})");

            var baselineMs = await BaselineAsync(connectionString, changed);
            var inv = CultureInfo.InvariantCulture;
            Console.WriteLine();
            Console.WriteLine("| run | s | updated | unchanged | skipped | rejected | allocated | target s |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var (name, ms, run, allocated) in results)
                Console.WriteLine($"| {name} | {(ms / 1000).ToString("0.0", inv)} | {run.Updated:N0} | {run.Unchanged:N0} | {run.Skipped:N0} | " +
                    $"{run.Failed:N0} | {allocated / (1 << 20)} MiB | {(name.StartsWith("Unchanged") ? "20" : "60")} |");
            Console.WriteLine($"| Baseline: the {changed.Count:N0} changed rows as plain batched UPDATEs (raw SqliteCommand, {BatchSize} a transaction) | " +
                $"{(baselineMs / 1000).ToString("0.0", inv)} | {changed.Count:N0} | | | | | |");
            Console.WriteLine($"Ratio, a fifth changed / baseline: {(results[1].Ms / baselineMs).ToString("0.0", inv)}");
            var met = results[1].Ms <= 60_000 && results[2].Ms <= 20_000 && noWrites;
            return met ? 0 : 1;
        }
        finally
        {
            await services.DisposeAsync();
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The shared large file when it is ready, else the selections base, built once and cached.</summary>
    private static async Task<string> BaseFileAsync()
    {
        if (File.Exists(ReadyFile))
        {
            var named = (await File.ReadAllLinesAsync(ReadyFile)).Select(l => l.Trim()).FirstOrDefault(l => l.EndsWith(".db") || File.Exists(l));
            if (named is not null && File.Exists(named)) return named;
        }
        return await GeneratedBaseAsync();
    }

    /// <summary>The demo base copied 25 times (<see cref="SelectionBenchmarks.ScaleUpAsync"/>), built once and cached in the temp
    /// folder; copy it, never open it.</summary>
    public static async Task<string> GeneratedBaseAsync()
    {
        var cached = Path.Combine(Path.GetTempPath(), "portaali-prh-scale-base.db");
        if (File.Exists(cached)) return cached;
        var building = cached + ".part";
        File.Delete(building);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = building, Pooling = false }.ToString();
        await using (var services = new ServiceCollection().AddLogging().AddAuthorizationCore(Policies.Register)
            .AddPortaaliCore(connectionString).AddSingleton<ICurrentUser>(new BenchmarkUser()).BuildServiceProvider())
        {
            var factory = services.GetRequiredService<IDbContextFactory<PortaaliDbContext>>();
            await using (var db = await factory.CreateDbContextAsync()) await db.Database.MigrateAsync();
            await using (var db = await factory.CreateDbContextAsync()) await new DemoSeeder(db).SeedAsync();
            await using (var db = await factory.CreateDbContextAsync()) await SelectionBenchmarks.ScaleUpAsync(db);
        }
        File.Move(building, cached);
        return cached;
    }

    internal sealed record Known(int Id, string BusinessId, string Name, string? Street, string? PostalCode, string? City, string? Municipality, int Ordinal);

    /// <summary>Gives every active customer without one a valid, unique Business ID (the copies of the selections base have
    /// none), and reads what the file's records are made from.</summary>
    private static async Task<List<Known>> PrepareCustomersAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var missing = new List<long>();
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT Id FROM Customers WHERE BusinessId IS NULL AND NOT IsPassive";
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync()) missing.Add(reader.GetInt64(0));
        }
        await using (var tx = connection.BeginTransaction())
        await using (var update = connection.CreateCommand())
        {
            update.CommandText = "UPDATE Customers SET BusinessId = $id WHERE Id = $customer";
            var idParameter = update.Parameters.Add("$id", SqliteType.Text);
            var customerParameter = update.Parameters.Add("$customer", SqliteType.Integer);
            foreach (var customer in missing)
            {
                idParameter.Value = ValidBusinessId(6_000_000 + (int)customer * 3);
                customerParameter.Value = customer;
                await update.ExecuteNonQueryAsync();
            }
            tx.Commit();
        }
        var known = new List<Known>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = """
                SELECT Id, BusinessId, Name, VisitingStreet, VisitingPostalCode, VisitingCity, MunicipalityCode FROM Customers
                WHERE BusinessId IS NOT NULL AND NOT IsPassive ORDER BY Id
                """;
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var businessId = reader.GetString(1);
                if (!BusinessId.IsValid(businessId) || !seen.Add(businessId)) continue;
                string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
                known.Add(new Known(reader.GetInt32(0), businessId, reader.GetString(2), Text(3), Text(4), Text(5), Text(6), known.Count));
            }
        }
        return known;
    }

    private static string ValidBusinessId(int from)
    {
        for (var n = from; ; n++)
            if (BusinessId.CheckDigit(n.ToString("0000000", CultureInfo.InvariantCulture)) is not null)
                return BusinessId.Create(n.ToString("0000000", CultureInfo.InvariantCulture));
    }

    private const int Strangers = 20_000;

    /// <summary>Every fifth customer changes in the second file: 4 in 10 of them move, 3 are renamed, 2 change industry, 1 ceased.</summary>
    private static bool IsChanged(Known c) => c.Ordinal % 5 == 0;
    private static int ChangeKind(Known c) => c.Ordinal / 5 % 10;

    private static long WriteZip(string path, IReadOnlyList<Known> customers, bool changed)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using var stream = zip.CreateEntry("all_companies.json", CompressionLevel.Fastest).Open();
        using var json = new Utf8JsonWriter(stream);
        json.WriteStartArray();
        var strangersEvery = Math.Max(1, customers.Count / Strangers);
        for (var i = 0; i < customers.Count; i++)
        {
            var c = customers[i];
            var change = changed && IsChanged(c) ? ChangeKind(c) : -1;
            var name = change is 4 or 5 or 6 ? c.Name + " (uusi nimi)" : c.Name;
            var street = change is >= 0 and <= 3 ? $"Uusikatu {i % 90 + 1}" : c.Street;
            var postCode = change is >= 0 and <= 3 ? "02100" : c.PostalCode;
            var industry = change is 7 or 8 ? "85420" : "85590";
            var ended = change == 9 ? "2026-11-15" : null;
            WriteCompany(json, c.BusinessId, name, street, postCode, c.City, c.Municipality, industry, ended,
                change >= 0 ? "2026-11-20T08:00:00" : "2026-10-01T08:00:00");
            if (i % strangersEvery == 0 && i / strangersEvery < Strangers)
                WriteCompany(json, ValidBusinessId(9_000_000 - i / strangersEvery * 3 % 2_000_000), $"Muu Yritys {i} Oy", "Muutie 1", "00100",
                    "Helsinki", "091", "62010", null, "2026-10-01T08:00:00");
        }
        json.WriteEndArray();
        json.Flush();
        return json.BytesCommitted;
    }

    private static void WriteCompany(Utf8JsonWriter json, string businessId, string name, string? street, string? postCode, string? city,
        string? municipality, string industry, string? endDate, string lastModified)
    {
        json.WriteStartObject();
        json.WriteStartObject("businessId");
        json.WriteString("value", businessId);
        json.WriteString("registrationDate", "2005-03-01");
        json.WriteEndObject();
        json.WriteStartArray("names");
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("type", "1");
        json.WriteString("registrationDate", "2005-03-01");
        json.WriteNumber("version", 1);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartObject("mainBusinessLine");
        json.WriteString("type", industry);
        json.WriteString("typeCodeSet", "TOIMI3");
        json.WriteStartArray("descriptions");
        json.WriteStartObject();
        json.WriteString("languageCode", "1");
        json.WriteString("description", industry == "85420" ? "Ammattikorkeakoulut" : "Muualla luokittelematon koulutus");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteStartArray("companyForms");
        json.WriteStartObject();
        json.WriteNumber("version", 1);
        json.WriteStartArray("descriptions");
        json.WriteStartObject();
        json.WriteString("languageCode", "1");
        json.WriteString("description", "Osakeyhtiö");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartArray("companySituations");
        json.WriteEndArray();
        json.WriteStartArray("addresses");
        json.WriteStartObject();
        json.WriteNumber("type", 1);
        if (street is not null) json.WriteString("street", street);
        if (postCode is not null) json.WriteString("postCode", postCode);
        json.WriteStartArray("postOffices");
        json.WriteStartObject();
        if (city is not null) json.WriteString("city", city.ToUpperInvariant());
        json.WriteString("languageCode", "1");
        if (municipality is not null) json.WriteString("municipalityCode", municipality);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteString("registrationDate", "2005-03-01");
        if (endDate is null) json.WriteNull("endDate");
        else json.WriteString("endDate", endDate);
        json.WriteString("lastModified", lastModified);
        json.WriteEndObject();
    }

    private sealed record Writes(int Audit, string Versions, string Profiles);

    /// <summary>What any write of the import would show: audit entries, customer versions, profiles' update stamps.</summary>
    private static async Task<Writes> WritesAsync(IDbContextFactory<PortaaliDbContext> factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        var audit = await db.AuditEntries.CountAsync();
        var versions = await db.Customers.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Version).ToListAsync();
        var stamps = await db.CompanyProfiles.AsNoTracking().OrderBy(p => p.CustomerId).Select(p => p.UpdatedAt).ToListAsync();
        return new Writes(audit, Hash(string.Join(",", versions)), Hash(string.Join(",", stamps.Select(s => s?.Ticks))));
    }

    private static string Hash(string text) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>The same changed rows written as plain UPDATEs in transactions of <see cref="BatchSize"/>: the customer's
    /// fields and version, and the profile's dates.</summary>
    private static async Task<double> BaselineAsync(string connectionString, IReadOnlyList<Known> changed)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var watch = Stopwatch.StartNew();
        foreach (var batch in changed.Chunk(BatchSize))
        {
            await using var tx = connection.BeginTransaction();
            await using var customer = connection.CreateCommand();
            customer.CommandText = """
                UPDATE Customers SET Name = $name, NameSearch = lower($name), VisitingStreet = $street, VisitingPostalCode = $post,
                                     IndustryCode = $industry, Version = $version WHERE Id = $id
                """;
            await using var profile = connection.CreateCommand();
            profile.CommandText = "UPDATE CompanyProfiles SET EndDate = $end, RegistryLastModified = $modified, UpdatedAt = $now WHERE CustomerId = $id";
            foreach (var c in batch)
            {
                var kind = ChangeKind(c);
                customer.Parameters.Clear();
                customer.Parameters.AddWithValue("$name", kind is 4 or 5 or 6 ? c.Name + " (uusi nimi)" : c.Name);
                customer.Parameters.AddWithValue("$street", kind <= 3 ? "Uusikatu" : (object?)c.Street ?? DBNull.Value);
                customer.Parameters.AddWithValue("$post", kind <= 3 ? "02100" : (object?)c.PostalCode ?? DBNull.Value);
                customer.Parameters.AddWithValue("$industry", kind is 7 or 8 ? "85420" : "85590");
                customer.Parameters.AddWithValue("$version", Guid.NewGuid().ToString().ToUpperInvariant());
                customer.Parameters.AddWithValue("$id", c.Id);
                await customer.ExecuteNonQueryAsync();
                profile.Parameters.Clear();
                profile.Parameters.AddWithValue("$end", kind == 9 ? "2026-11-15" : DBNull.Value);
                profile.Parameters.AddWithValue("$modified", "2026-11-20 08:00:00");
                profile.Parameters.AddWithValue("$now", DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
                profile.Parameters.AddWithValue("$id", c.Id);
                await profile.ExecuteNonQueryAsync();
            }
            tx.Commit();
        }
        return watch.Elapsed.TotalMilliseconds;
    }
}
