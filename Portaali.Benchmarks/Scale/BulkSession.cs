using System.Linq.Expressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Portaali.Core.Data;

namespace Portaali.Benchmarks.Scale;

/// <summary>
/// Writes millions of rows through one connection with prepared INSERTs, committing every <see cref="RowsPerTransaction"/> rows.
/// Columns, value converters and parameter types come from the app's EF model (so enums, dates, decimals and GUIDs are stored
/// exactly as EF stores them), but nothing is change-tracked: the FTS triggers fire as they do for the app's own inserts.
/// </summary>
internal sealed class BulkSession : IAsyncDisposable
{
    public const int RowsPerTransaction = 50_000;

    private readonly IModel model;
    private readonly SqliteConnection connection;
    private readonly List<ITableWriter> writers = [];
    private SqliteTransaction transaction;
    private int pending;

    public long RowsWritten { get; private set; }

    public BulkSession(IModel model, SqliteConnection connection)
    {
        this.model = model;
        this.connection = connection;
        transaction = connection.BeginTransaction();
    }

    /// <summary>A writer for one table. Batches of different tables go in at different times, so foreign keys are checked
    /// once at the end (<c>PRAGMA foreign_key_check</c>), not per row.</summary>
    public TableWriter<T> Table<T>() where T : class
    {
        var writer = new TableWriter<T>(this, model, connection, transaction);
        writers.Add(writer);
        return writer;
    }

    internal void RowDone()
    {
        RowsWritten++;
        if (++pending < RowsPerTransaction) return;
        transaction.Commit();
        transaction.Dispose();
        transaction = connection.BeginTransaction();
        foreach (var writer in writers) writer.Transaction = transaction;
        pending = 0;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var writer in writers) writer.Flush();
        transaction.Commit();
        transaction.Dispose();
        foreach (var writer in writers) writer.Dispose();
        await Task.CompletedTask;
    }
}

internal interface ITableWriter : IDisposable
{
    SqliteTransaction Transaction { set; }
    void Flush();
}

/// <summary>One table's prepared INSERT of many rows at once (fewer statement runs than one row each): the entity's mapped
/// columns, owned types on the same table (addresses) included.</summary>
internal sealed class TableWriter<T> : ITableWriter where T : class
{
    private static readonly int RowsPerStatement =
        int.TryParse(Environment.GetEnvironmentVariable("PORTAALI_BENCH_ROWS_PER_INSERT"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var rows) && rows > 0 ? rows : 64;

    private readonly BulkSession session;
    private readonly (string Column, Func<object, object?> Get, RelationalTypeMapping Mapping, bool Nullable)[] columns;
    private readonly Func<object?, object?>?[] converters;
    private readonly SqliteCommand batch, single;
    private readonly T[] buffer;
    private int count;

    public TableWriter(BulkSession session, IModel model, SqliteConnection connection, SqliteTransaction transaction)
    {
        this.session = session;
        var entity = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var found = new List<(string Column, Func<object, object?> Get, RelationalTypeMapping Mapping, bool Nullable)>();
        foreach (var property in entity.GetProperties())
        {
            if (property.PropertyInfo is null) throw new InvalidOperationException($"{typeof(T).Name}.{property.Name} is a shadow property");
            var get = Getter(property.PropertyInfo);
            // A generated key left at 0 goes in as NULL, so SQLite numbers the row as it does for EF's inserts.
            if (property.IsPrimaryKey() && property.ValueGenerated == ValueGenerated.OnAdd && property.ClrType == typeof(int))
            {
                var key = get;
                get = o => key(o) is 0 ? null : key(o);
            }
            found.Add((property.GetColumnName(table)!, get, (RelationalTypeMapping)property.GetTypeMapping(), property.IsNullable));
        }
        foreach (var navigation in entity.GetNavigations().Where(n => n.TargetEntityType.IsOwned() && n.TargetEntityType.GetTableName() == table.Name))
        {
            var owner = Getter(navigation.PropertyInfo!);
            foreach (var property in navigation.TargetEntityType.GetProperties().Where(p => !p.IsShadowProperty()))
            {
                var inner = Getter(property.PropertyInfo!);
                found.Add((property.GetColumnName(table)!, o => owner(o) is { } owned ? inner(owned) : null,
                    (RelationalTypeMapping)property.GetTypeMapping(), true));
            }
        }
        columns = [.. found];
        converters = columns.Select(c => c.Mapping.Converter?.ConvertToProvider).ToArray();
        buffer = new T[RowsPerStatement];
        batch = Command(connection, table.Name, buffer.Length, transaction);
        single = Command(connection, table.Name, 1, transaction);
    }

    public SqliteTransaction Transaction
    {
        set { batch.Transaction = value; single.Transaction = value; }
    }

    public void Insert(T row)
    {
        buffer[count++] = row;
        if (count == buffer.Length) Flush();
        session.RowDone();
    }

    public void Flush()
    {
        if (count == buffer.Length) Execute(batch, 0, count);
        else
            for (var i = 0; i < count; i++) Execute(single, i, 1);
        Array.Clear(buffer, 0, count);
        count = 0;
    }

    private void Execute(SqliteCommand command, int first, int rows)
    {
        var parameters = command.Parameters;
        var p = 0;
        for (var r = first; r < first + rows; r++)
            for (var c = 0; c < columns.Length; c++)
            {
                var value = columns[c].Get(buffer[r]);
                if (value is not null && converters[c] is { } convert) value = convert(value);
                parameters[p++].Value = value ?? DBNull.Value;
            }
        command.ExecuteNonQuery();
    }

    private SqliteCommand Command(SqliteConnection connection, string table, int rows, SqliteTransaction transaction)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Column}\""))}) VALUES " +
            string.Join(", ", Enumerable.Range(0, rows).Select(r => $"({string.Join(", ", columns.Select((_, c) => $"@p{r * columns.Length + c}"))})"));
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns.Length; c++)
                // EF's own parameter (its DbType/SqliteType), created once; only the value changes per row.
                command.Parameters.Add(columns[c].Mapping.CreateParameter(command, $"@p{r * columns.Length + c}", null, columns[c].Nullable));
        command.Prepare();
        return command;
    }

    public void Dispose()
    {
        batch.Dispose();
        single.Dispose();
    }

    private static Func<object, object?> Getter(System.Reflection.PropertyInfo property)
    {
        var instance = Expression.Parameter(typeof(object));
        var body = Expression.Convert(Expression.Property(Expression.Convert(instance, property.DeclaringType!), property), typeof(object));
        return Expression.Lambda<Func<object, object?>>(body, instance).Compile();
    }
}
