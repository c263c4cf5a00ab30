using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Portaali.Core.Data;

namespace Portaali.Tests.Support;

/// <summary>
/// Records the SQL commands EF Core sends, so a test can read SQLite's <c>EXPLAIN QUERY PLAN</c> of exactly what a service
/// ran. A plan is deterministic (the app never runs ANALYZE, so SQLite plans from its heuristics alone): asserting that a
/// hot query searches an index rather than scanning a table of millions is what keeps it fast at scale.
/// Add it with <see cref="AddTo"/> in <see cref="CoreHarness.CreateAsync"/>'s configure.
/// </summary>
public sealed partial class SqlPlanRecorder : DbCommandInterceptor
{
    private readonly List<RecordedCommand> commands = [];

    public sealed record RecordedCommand(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters);

    /// <summary>One step of a plan, such as <c>SEARCH a USING INDEX IX_Activities_CustomerId_StartsAtUtc (CustomerId=?)</c>.</summary>
    public sealed record PlanLine(string Sql, string Detail);

    public static void AddTo(IServiceCollection services, SqlPlanRecorder recorder) =>
        services.ConfigureDbContext<PortaaliDbContext>(o => o.AddInterceptors(recorder));

    /// <summary>Forgets what was recorded; call before the service call whose plans a test reads.</summary>
    public void Clear()
    {
        lock (commands) commands.Clear();
    }

    public IReadOnlyList<RecordedCommand> Commands
    {
        get { lock (commands) return [.. commands]; }
    }

    /// <summary>The plan of every SELECT recorded since <see cref="Clear"/>, read on a connection of its own.</summary>
    public async Task<IReadOnlyList<PlanLine>> PlansAsync(string databasePath)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        await connection.OpenAsync();
        var lines = new List<PlanLine>();
        foreach (var command in Commands.Where(c => c.Sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)))
        {
            await using var explain = connection.CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + command.Sql;
            foreach (var (name, value) in command.Parameters) explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
            await using var reader = await explain.ExecuteReaderAsync();
            while (await reader.ReadAsync()) lines.Add(new PlanLine(command.Sql, reader.GetString(3)));
        }
        return lines;
    }

    /// <summary>The plan steps that read a whole table (<c>SCAN x</c>, with or without an index) of one of the given tables,
    /// found through the aliases EF gives them in each command.</summary>
    public async Task<IReadOnlyList<PlanLine>> ScansOfAsync(string databasePath, params string[] tables)
    {
        var scans = new List<PlanLine>();
        foreach (var line in await PlansAsync(databasePath))
        {
            var aliases = TableAlias().Matches(line.Sql).Where(m => tables.Contains(m.Groups[1].Value)).Select(m => m.Groups[2].Value)
                .Concat(tables).ToHashSet();
            var scan = ScanStep().Match(line.Detail);
            if (scan.Success && aliases.Contains(scan.Groups[1].Value)) scans.Add(line);
        }
        return scans;
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    private void Record(DbCommand command)
    {
        var parameters = command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToList();
        lock (commands) commands.Add(new RecordedCommand(command.CommandText, parameters));
    }

    [GeneratedRegex("\"(\\w+)\" AS \"(\\w+)\"")]
    private static partial Regex TableAlias();

    [GeneratedRegex("^SCAN (\\w+)")]
    private static partial Regex ScanStep();
}
