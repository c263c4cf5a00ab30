using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Portaali.Core.Data;

/// <summary>
/// Hand-written SQL for the few hottest reads, run on the context's own connection as one command of one or more
/// SELECTs, read result by result. EF Core's own work per statement (its command and parameters, diagnostics, the
/// shaper; 0.1–0.15 ms on two cores) is most of the time of a lookup an index answers at once: at 100,000 customers the
/// Business ID search took 0.6 ms through a compiled query where the same SQL by hand took 0.2 (issue 12,
/// docs/benchmarks-scale.md). Everything else stays LINQ.
/// The SQL is written once for both providers: identifiers quoted, parameters named <c>@name</c> (Microsoft.Data.Sqlite
/// and Npgsql both take them), and <see cref="StringList"/> where SQLite and PostgreSQL spell an aggregate differently.
/// </summary>
internal sealed class SqlBatch : IAsyncDisposable
{
    private readonly DbConnection connection;
    private readonly bool opened;
    private readonly DbCommand command;
    private DbDataReader? reader;

    private SqlBatch(DbConnection connection, bool opened, DbCommand command)
    {
        this.connection = connection;
        this.opened = opened;
        this.command = command;
    }

    /// <summary>The character that separates the texts of <see cref="StringList"/>: no name or title holds it.</summary>
    public const char ListSeparator = '\u001f';

    /// <summary>The texts of <paramref name="expression"/> over a subquery's rows in one column, separated by
    /// <see cref="ListSeparator"/>, in no particular order (<see cref="SplitList"/> reads them back).</summary>
    public static string StringList(PortaaliDbContext db, string expression) =>
        db is PostgreSqlPortaaliDbContext ? $"string_agg({expression}, chr(31))" : $"group_concat({expression}, char(31))";

    /// <summary>A SELECT of the ids in one parameter, one row each in a column "Id" (SQLite: a JSON array through
    /// <c>json_each</c>; PostgreSQL: an array through <c>unnest</c>), and that parameter's value.</summary>
    public static (string Select, object Value) IdRows(PortaaliDbContext db, string parameter, IReadOnlyCollection<int> ids) =>
        db is PostgreSqlPortaaliDbContext
            ? ($"""SELECT unnest({parameter}) AS "Id" """, ids.ToArray())
            : ($"""SELECT value AS "Id" FROM json_each({parameter})""", System.Text.Json.JsonSerializer.Serialize(ids));

    /// <summary>As <see cref="IdRows"/> for texts, one row each in a column "Value", in the order given (SQLite reads
    /// <c>json_each</c> in the array's order).</summary>
    public static (string Select, object Value) TextRows(PortaaliDbContext db, string parameter, IReadOnlyCollection<string> texts) =>
        db is PostgreSqlPortaaliDbContext
            ? ($"""SELECT unnest({parameter}) AS "Value" """, texts.ToArray())
            : ($"""SELECT value AS "Value" FROM json_each({parameter})""", System.Text.Json.JsonSerializer.Serialize(texts));

    /// <summary>A count the code computes (a page size, an offset, a cap) written into the SQL as it is, not bound: a bound
    /// LIMIT cost SQLite 50–100 µs more per lookup than the same number written out (the Business ID search at 100,000
    /// customers: 0.23 ms against 0.17 ms for its two statements). Never for anything a person typed.</summary>
    public static string Count(int value) => Math.Max(0, value).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static IEnumerable<string> SplitList(string? list) =>
        string.IsNullOrEmpty(list) ? [] : list.Split(ListSeparator);

    /// <summary>Runs <paramref name="sql"/> on <paramref name="db"/>'s connection (in its transaction, if one is open).</summary>
    public static async Task<SqlBatch> RunAsync(PortaaliDbContext db, string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened) await connection.OpenAsync(ct);
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        if (db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors is { } interceptors)
            foreach (var observer in interceptors.OfType<ISqlBatchObserver>()) observer.Running(command);
        var batch = new SqlBatch(connection, opened, command);
        try
        {
            batch.reader = await command.ExecuteReaderAsync(ct);
            return batch;
        }
        catch
        {
            await batch.DisposeAsync();
            throw;
        }
    }

    /// <summary>The rows of the current SELECT, then moves on to the next one.</summary>
    public async Task<List<T>> ReadAsync<T>(Func<DbDataReader, T> map, CancellationToken ct)
    {
        var rows = new List<T>();
        while (await reader!.ReadAsync(ct)) rows.Add(map(reader));
        await reader.NextResultAsync(ct);
        return rows;
    }

    /// <summary>The first row of the current SELECT (its default when there is none), then moves on to the next one.</summary>
    public async Task<T?> ReadFirstAsync<T>(Func<DbDataReader, T> map, CancellationToken ct)
    {
        var row = await reader!.ReadAsync(ct) ? map(reader) : default;
        while (await reader.ReadAsync(ct)) { }
        await reader.NextResultAsync(ct);
        return row;
    }

    public async ValueTask DisposeAsync()
    {
        if (reader is not null) await reader.DisposeAsync();
        await command.DisposeAsync();
        if (opened) await connection.CloseAsync();
    }
}

/// <summary>Told of each command <see cref="SqlBatch"/> runs, as EF Core's command interceptors are of EF's own (added
/// the same way, with <c>AddInterceptors</c>): the tests read SQLite's plans of the hand-written SQL too.</summary>
public interface ISqlBatchObserver : IInterceptor
{
    void Running(DbCommand command);
}

/// <summary>Reading a column as the model stores it, the same on both providers.</summary>
internal static class SqlColumns
{
    public static string? Text(this DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    public static int? NullableInt(this DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt32(i);

    public static bool? NullableBool(this DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetBoolean(i);

    public static decimal? NullableDecimal(this DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDecimal(i);

    /// <summary>A model time: UTC, which SQLite's text does not say and PostgreSQL's <c>timestamptz</c> does.</summary>
    public static DateTime Utc(this DbDataReader r, int i) => DateTime.SpecifyKind(r.GetDateTime(i), DateTimeKind.Utc);

    /// <summary>An enum stored by its name (<c>HasConversion&lt;string&gt;</c>).</summary>
    public static T Enum<T>(this DbDataReader r, int i) where T : struct, Enum => System.Enum.Parse<T>(r.GetString(i));
}
