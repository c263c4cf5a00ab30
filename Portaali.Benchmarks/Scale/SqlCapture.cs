using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Portaali.Benchmarks.Scale;

/// <summary>Records the SQL EF Core sends while <see cref="Active"/>: the statements of one call of a service, with their
/// parameters, so the report can print each and SQLite's plan for it.</summary>
internal sealed class SqlCapture : DbCommandInterceptor
{
    private readonly List<CapturedCommand> commands = [];
    private readonly Lock gate = new();

    public bool Active { get; set; }

    public IReadOnlyList<CapturedCommand> Take()
    {
        lock (gate)
        {
            var taken = commands.ToList();
            commands.Clear();
            return taken;
        }
    }

    private void Record(DbCommand command)
    {
        if (!Active) return;
        var parameters = command.Parameters.Cast<SqliteParameter>().Select(p => (p.ParameterName, p.Value, p.SqliteType)).ToList();
        lock (gate) commands.Add(new CapturedCommand(command.CommandText, parameters));
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
}

internal sealed record CapturedCommand(string Sql, IReadOnlyList<(string Name, object? Value, SqliteType Type)> Parameters)
{
    /// <summary>SQLite's plan for the statement, its tree drawn with indentation as the sqlite3 shell draws it.</summary>
    public IReadOnlyList<string> Plan(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + Sql;
        foreach (var (name, value, type) in Parameters)
            command.Parameters.Add(new SqliteParameter(name, value ?? DBNull.Value) { SqliteType = type });
        var rows = new List<(long Id, long Parent, string Detail)>();
        using (var reader = command.ExecuteReader())
            while (reader.Read()) rows.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetString(3)));
        var depth = new Dictionary<long, int> { [0] = -1 };
        return rows.Select(r =>
        {
            var d = depth[r.Parent] = depth.GetValueOrDefault(r.Parent, -1);
            depth[r.Id] = d + 1;
            return new string(' ', 2 * (d + 1)) + r.Detail;
        }).ToList();
    }
}
