using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Portaali.Tests.Integration.Calendar;

/// <summary>One statement EF ran and SQLite's plan for it on the same file.</summary>
internal sealed record PlannedQuery(string Sql, IReadOnlyList<string> Plan)
{
    /// <summary>The aliases EF gave a table in this statement ("a", "a0" …), as the plan names them.</summary>
    public IReadOnlyList<string> AliasesOf(string table) =>
        Regex.Matches(Sql, $"\"{table}\" AS \"(\\w+)\"").Select(m => m.Groups[1].Value).Distinct().ToList();

    /// <summary>Plan lines that read the whole of a table or one of its indexes from end to end.</summary>
    public IReadOnlyList<string> ScansOf(string table) =>
        Plan.Where(line => AliasesOf(table).Any(alias => line.StartsWith($"SCAN {alias} ") || line == $"SCAN {alias}")).ToList();

    public override string ToString() => Sql + "\n-- plan:\n" + string.Join("\n", Plan);
}

/// <summary>Records the statements the services run and explains each with <c>EXPLAIN QUERY PLAN</c> against the same database,
/// as SQLite plans them at any size: the app never runs ANALYZE, so the plan comes from the schema and the query's shape.</summary>
internal sealed class SqlPlanRecorder : DbCommandInterceptor
{
    private readonly List<(string Sql, (string Name, object? Value)[] Parameters)> commands = [];

    public void Clear()
    {
        lock (commands) commands.Clear();
    }

    /// <summary>The statements recorded since the last <see cref="Clear"/> with their plans, read on <paramref name="databasePath"/>.</summary>
    public IReadOnlyList<PlannedQuery> Explain(string databasePath)
    {
        List<(string Sql, (string Name, object? Value)[] Parameters)> recorded;
        lock (commands) recorded = [.. commands];
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
        connection.Open();
        return recorded.Select(c =>
        {
            using var explain = connection.CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + c.Sql;
            foreach (var (name, value) in c.Parameters) explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
            using var reader = explain.ExecuteReader();
            var plan = new List<string>();
            while (reader.Read()) plan.Add(reader.GetString(3));
            return new PlannedQuery(c.Sql, plan);
        }).ToList();
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

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    private void Record(DbCommand command)
    {
        if (!command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)) return;
        var parameters = command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToArray();
        lock (commands) commands.Add((command.CommandText, parameters));
    }
}
