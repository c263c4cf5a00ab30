using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Portaali.Tests.Support;

/// <summary>
/// Seeded SQLite databases made once per test class and copied into each test's own harness
/// (<see cref="CoreHarness.UseDatabaseFrom"/>): a class whose tests all start from the same few hundred or thousand rows
/// seeded them again for every test, which was most of its time. Each test still gets a file of its own to change.
/// Use as a class fixture; the seed runs on the first test that asks for it by name.
/// </summary>
public sealed class SeededTemplates : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> templates = new();

    /// <summary>The database file seeded by <paramref name="seed"/> on a fresh harness, made the first time
    /// <paramref name="name"/> is asked for; copy it, never open it.</summary>
    public Task<string> GetAsync(string name, Func<CoreHarness, Task> seed) =>
        templates.GetOrAdd(name, _ => new Lazy<Task<string>>(() => MakeAsync(seed))).Value;

    private static async Task<string> MakeAsync(Func<CoreHarness, Task> seed)
    {
        var path = Path.Combine(Path.GetTempPath(), $"portaali-seeded-{Guid.NewGuid():N}.db");
        await using var h = await CoreHarness.CreateAsync();
        await seed(h);
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
        foreach (var template in templates.Values.Where(t => t.IsValueCreated && t.Value.IsCompletedSuccessfully))
            try { File.Delete(template.Value.Result); } catch (IOException) { }
    }
}
