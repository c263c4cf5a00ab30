using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Portaali.Core.Data;

namespace Portaali.Sql;

// One file, compiled into the scale benchmark and (linked) into the tests: both read SQLite's plans of what EF ran, and
// the tests reach the benchmark only through an extern alias, which would have to be spelled in every plan test.

/// <summary>
/// Records the SQL commands EF Core sends, so a test or the scale benchmark can read SQLite's <c>EXPLAIN QUERY PLAN</c> of
/// exactly what a service ran. A plan is deterministic (the app never runs ANALYZE, so SQLite plans from the schema and the
/// query's shape alone): asserting that a hot query searches an index rather than scanning a table of millions is what keeps
/// it fast at scale. Add it with <see cref="AddTo"/>; read with <see cref="PlansOfAsync"/>.
/// </summary>
public sealed partial class SqlPlanRecorder : DbCommandInterceptor, ISqlBatchObserver
{
    private readonly List<RecordedCommand> commands = [];

    /// <summary>Whether commands are recorded now (on by default; the benchmark records only a call's first run).</summary>
    public bool Active { get; set; } = true;

    public static void AddTo(IServiceCollection services, SqlPlanRecorder recorder) =>
        services.ConfigureDbContext<PortaaliDbContext>(o => o.AddInterceptors(recorder));

    /// <summary>Forgets what was recorded, runs <paramref name="call"/> and returns the plans of the reads it made.</summary>
    public async Task<IReadOnlyList<PlannedQuery>> PlansOfAsync(Func<Task> call, string databasePath)
    {
        Clear();
        await call();
        return Explain(databasePath);
    }

    /// <summary>Forgets what was recorded.</summary>
    public void Clear()
    {
        lock (commands) commands.Clear();
    }

    /// <summary>Every command recorded since <see cref="Clear"/>, reads and writes.</summary>
    public IReadOnlyList<RecordedCommand> Commands
    {
        get { lock (commands) return [.. commands]; }
    }

    /// <summary>The reads (SELECTs, with or without a WITH) recorded since <see cref="Clear"/>, each with its plan, read on a connection of its own.</summary>
    public IReadOnlyList<PlannedQuery> Explain(string databasePath)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
        connection.Open();
        return Explain(connection);
    }

    /// <summary>The reads (SELECTs, with or without a WITH) recorded since <see cref="Clear"/>, each with its plan, read on <paramref name="connection"/>.</summary>
    public IReadOnlyList<PlannedQuery> Explain(SqliteConnection connection) =>
        Commands.Where(c => c.Sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)
            || c.Sql.TrimStart().StartsWith("WITH", StringComparison.OrdinalIgnoreCase)).Select(c => c.Explain(connection)).ToList();

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

    /// <summary>A command of the app's hand-written SQL (Core's SqlBatch): each of its statements is recorded as one of EF's.</summary>
    public void Running(DbCommand command) => Record(command, batch: true);

    private void Record(DbCommand command, bool batch = false)
    {
        if (!Active || command is not SqliteCommand) return;
        var parameters = command.Parameters.Cast<SqliteParameter>().Select(p => (p.ParameterName, (object?)p.Value, p.SqliteType)).ToList();
        var statements = batch ? StatementEnd().Split(command.CommandText).Select(s => s.Trim()).Where(s => s.Length > 0) : [command.CommandText];
        lock (commands) commands.AddRange(statements.Select(sql => new RecordedCommand(sql, parameters)));
    }

    // A statement of a batch ends with a semicolon at the end of a line.
    [GeneratedRegex(";[ \\t]*(?:\\r?\\n|$)")]
    private static partial Regex StatementEnd();
}

/// <summary>One command EF sent, with its parameters' values and types (a plan can depend on both).</summary>
public sealed record RecordedCommand(string Sql, IReadOnlyList<(string Name, object? Value, SqliteType Type)> Parameters)
{
    /// <summary>SQLite's plan for the command on <paramref name="connection"/>.</summary>
    public PlannedQuery Explain(SqliteConnection connection)
    {
        using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + Sql;
        foreach (var (name, value, type) in Parameters)
            explain.Parameters.Add(new SqliteParameter(name, value ?? DBNull.Value) { SqliteType = type });
        var steps = new List<(long Id, long Parent, string Detail)>();
        using (var reader = explain.ExecuteReader())
            while (reader.Read()) steps.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetString(3)));
        var depth = new Dictionary<long, int> { [0] = -1 };
        var depths = steps.Select(s => depth[s.Id] = depth.GetValueOrDefault(s.Parent, -1) + 1).ToList();
        return new PlannedQuery(Sql, steps.Select(s => s.Detail).ToList()) { Depths = depths };
    }
}

/// <summary>One statement EF ran and SQLite's plan for it, one step a line, such as
/// <c>SEARCH a USING INDEX IX_Activities_CustomerId_StartsAtUtc (CustomerId=?)</c>.</summary>
public sealed partial record PlannedQuery(string Sql, IReadOnlyList<string> Plan)
{
    /// <summary>How deep each step of <see cref="Plan"/> sits in the plan's tree (0 at the top).</summary>
    public IReadOnlyList<int> Depths { get; init; } = [];

    /// <summary>The plan as the sqlite3 shell draws it, each step indented under the one it belongs to.</summary>
    public IReadOnlyList<string> DrawnPlan => Plan.Select((step, i) => new string(' ', 2 * Depths.ElementAtOrDefault(i)) + step).ToList();

    /// <summary>The aliases EF gave a table in this statement ("a", "a0" …), as the plan names them.</summary>
    public IReadOnlyList<string> AliasesOf(string table) =>
        [.. TableAlias().Matches(Sql).Where(m => m.Groups[1].Value == table).Select(m => m.Groups[2].Value).Distinct()];

    /// <summary>The steps that read the whole of one of the tables, or one of its indexes, from end to end (<c>SCAN x</c>), by
    /// the table's name or an alias of it.</summary>
    public IReadOnlyList<string> ScansOf(params string[] tables)
    {
        var names = tables.SelectMany(AliasesOf).Concat(tables).ToHashSet();
        return [.. Plan.Where(step => ScanStep().Match(step) is { Success: true } scan && names.Contains(scan.Groups[1].Value))];
    }

    public override string ToString() => Sql + "\n-- plan:\n" + string.Join("\n", DrawnPlan);

    [GeneratedRegex("\"(\\w+)\" AS \"?(\\w+)\"?")]
    private static partial Regex TableAlias();

    [GeneratedRegex("^SCAN (\\w+)")]
    private static partial Regex ScanStep();
}
