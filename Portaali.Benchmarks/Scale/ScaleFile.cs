using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portaali.Core.Calendar;
using Portaali.Core.Data;

namespace Portaali.Benchmarks.Scale;

/// <summary>
/// The generated base, written once to a cache file (<c>$XDG_CACHE_HOME/portaali-bench/scale-v{version}-{scale}.db</c>) and
/// reused: generation goes to a temporary name and is renamed at the end, so a half-written file is never taken for a finished
/// one. Each use applies the app's pending migrations to it first (fixes add indexes and FTS tables after it was generated).
/// </summary>
public static class ScaleFile
{
    public static string DefaultFolder()
    {
        var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (string.IsNullOrEmpty(cache)) cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(cache, "portaali-bench");
    }

    public static string PathFor(double scale, string? folder = null) =>
        Path.Combine(folder ?? DefaultFolder(), $"scale-v{ScaleGenerator.Version}-{scale.ToString("0.######", CultureInfo.InvariantCulture)}.db");

    public static string ConnectionString(string path, bool pooling = true) =>
        new SqliteConnectionStringBuilder { DataSource = path, Pooling = pooling }.ToString();

    /// <summary>The cached file for <paramref name="scale"/>, generated when missing (or when <paramref name="regenerate"/>),
    /// then migrated to this build's schema.</summary>
    public static async Task<(string Path, ScaleSummary? Generated)> EnsureAsync(double scale, bool regenerate, TextWriter log,
        string? folder = null, CancellationToken ct = default)
    {
        var path = PathFor(scale, folder);
        ScaleSummary? summary = null;
        if (regenerate || !File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temp = $"{path}.{Environment.ProcessId}.tmp";
            Delete(temp);
            log.WriteLine($"Generating the scale-{scale.ToString(CultureInfo.InvariantCulture)} base into {temp} …");
            try
            {
                var options = new DbContextOptionsBuilder<PortaaliDbContext>().UseSqlite(ConnectionString(temp, pooling: false)).Options;
                await using (var db = new PortaaliDbContext(options))
                    summary = await new ScaleGenerator(ScaleCounts.For(scale), HelsinkiTime.Today(TimeProvider.System)).GenerateAsync(db, log, ct);
                File.Move(temp, path, overwrite: true);
            }
            finally { Delete(temp); }
            log.WriteLine($"Generated in {summary.Elapsed.TotalSeconds:0} s: {summary.Customers:N0} customers, {summary.Contacts:N0} contacts, " +
                $"{summary.Users} users, {summary.Activities:N0} activities, {summary.Participants:N0} participants, {summary.Offers:N0} offers; " +
                $"{new FileInfo(path).Length / (1 << 20):N0} MiB");
        }
        await MigrateAsync(path, ct);
        return (path, summary);
    }

    /// <summary>Applies this build's pending migrations (new indexes, FTS tables) to a generated file.</summary>
    public static async Task MigrateAsync(string path, CancellationToken ct = default)
    {
        var options = new DbContextOptionsBuilder<PortaaliDbContext>().UseSqlite(ConnectionString(path, pooling: false)).Options;
        await using var db = new PortaaliDbContext(options);
        await db.Database.MigrateAsync(ct);
    }

    private static void Delete(string path)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" }) File.Delete(path + suffix);
    }
}
