using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Portaali.Core.Data;

namespace Portaali.Tests.Support;

/// <summary>
/// Seeded SQLite databases made once per test class and copied into each test's own harness
/// (<see cref="CoreHarness.UseDatabaseFrom"/>): a class whose tests all start from the same few hundred or thousand rows
/// seeded them again for every test, which was most of its time. Each test still gets a file of its own to change.
/// Use as a class fixture; the seed runs on the first test that asks for it by name. On PostgreSQL the template is a
/// database of the test cluster, copied with <c>CREATE DATABASE … TEMPLATE</c>.
/// </summary>
public sealed class SeededTemplates : IDisposable
{
    private readonly ConcurrentDictionary<(string Name, DatabaseProvider Provider), Lazy<Task<string>>> templates = new();

    /// <summary>The database file (on PostgreSQL the database) seeded by <paramref name="seed"/> on a fresh harness, made
    /// the first time <paramref name="name"/> is asked for; copy it (<see cref="CoreHarness.UseDatabaseFromAsync"/>), never open it.</summary>
    public Task<string> GetAsync(string name, Func<CoreHarness, Task> seed, DatabaseProvider provider = DatabaseProvider.Sqlite) =>
        templates.GetOrAdd((name, provider), _ => new Lazy<Task<string>>(() => MakeAsync(seed, provider))).Value;

    private static async Task<string> MakeAsync(Func<CoreHarness, Task> seed, DatabaseProvider provider)
    {
        await using var h = await CoreHarness.CreateAsync(provider: provider);
        await seed(h);
        // The harness's connections are not pooled, so none is left open on the database being copied.
        if (provider == DatabaseProvider.PostgreSql) return await PostgreSqlTestDatabases.CopyAsync(h.DatabasePath);
        var path = Path.Combine(Path.GetTempPath(), $"portaali-seeded-{Guid.NewGuid():N}.db");
        // Fold the write-ahead log into the file, so a copy of the file alone is whole.
        await using (var db = new SqliteConnection($"Data Source={h.DatabasePath};Pooling=False"))
        {
            await db.OpenAsync();
            await using var checkpoint = db.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            await checkpoint.ExecuteNonQueryAsync();
        }
        File.Copy(h.DatabasePath, path);
        return path;
    }

    public void Dispose()
    {
        foreach (var ((_, provider), template) in templates.Where(t => t.Value.IsValueCreated && t.Value.Value.IsCompletedSuccessfully))
        {
            if (provider == DatabaseProvider.PostgreSql) PostgreSqlTestDatabases.DropAsync(template.Value.Result).GetAwaiter().GetResult();
            else try { File.Delete(template.Value.Result); } catch (IOException) { }
        }
    }
}
