using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Portaali.Core.Data;

namespace Portaali.Core.Imports;

/// <summary>
/// An import batch's writes as prepared, parameterised commands in the batch's transaction, instead of tracked entities
/// saved by EF Core: the imports' one place of hand-made SQL. Tables, columns and value formats come from the EF model
/// (a Guid is stored as EF stores it, an enum through its converter), so the rows are the ones <c>SaveChanges</c> would
/// write. An update sets only the columns that changed, so an index or an <c>AFTER UPDATE OF</c> trigger over an
/// unchanged column is not touched, and it is guarded by the entity's concurrency tokens as EF guards it. A write the
/// database refuses raises a <see cref="DbUpdateException"/>, as <c>SaveChanges</c> would, so the engine redoes the batch
/// row by row and only that row fails.
/// </summary>
public sealed class ImportWrites(PortaaliDbContext db) : IAsyncDisposable
{
    private readonly Dictionary<string, DbCommand> commands = new(StringComparer.Ordinal);

    /// <summary>Statements executed in this batch: a batch that wrote nothing may be left uncommitted.</summary>
    public int Count { get; private set; }

    /// <summary>The values of an entity's columns, to compare with after changing it (<see cref="UpdateAsync{T}"/>).</summary>
    public object?[] Snapshot<T>(T entity) where T : class => Table<T>.Of(db).Read(entity);

    /// <summary>Inserts a new row with every column, as EF Core would (a generated key is left to the database).</summary>
    public Task InsertAsync<T>(T entity, CancellationToken ct) where T : class
    {
        var table = Table<T>.Of(db);
        var values = table.Read(entity);
        var columns = Enumerable.Range(0, table.Columns.Count).Where(i => !table.Columns[i].Generated).ToList();
        var sql = $"INSERT INTO {Quote(table.Name)} ({string.Join(", ", columns.Select(i => Quote(table.Columns[i].Name)))}) " +
                  $"VALUES ({string.Join(", ", columns.Select(i => "@p" + i))})";
        return ExecuteAsync(sql, table, columns.Select(i => (i, values[i])), expectOne: false, ct);
    }

    /// <summary>Writes the columns that differ from <paramref name="before"/> (a <see cref="Snapshot{T}"/> of the row as
    /// read), where the key and the concurrency tokens still hold their read values. Nothing changed: no statement.</summary>
    public Task UpdateAsync<T>(T entity, object?[] before, CancellationToken ct) where T : class
    {
        var table = Table<T>.Of(db);
        var after = table.Read(entity);
        var changed = Enumerable.Range(0, after.Length).Where(i => !Equals(before[i], after[i])).ToList();
        if (changed.Count == 0) return Task.CompletedTask;
        var guards = Enumerable.Range(0, after.Length).Where(i => table.Columns[i].Key || table.Columns[i].ConcurrencyToken).ToList();
        var sql = $"UPDATE {Quote(table.Name)} SET {string.Join(", ", changed.Select(i => $"{Quote(table.Columns[i].Name)} = @p{i}"))} " +
                  $"WHERE {string.Join(" AND ", guards.Select(i => $"{Quote(table.Columns[i].Name)} = @w{i}"))}";
        return ExecuteAsync(sql, table, changed.Select(i => (i, after[i])).Concat(guards.Select(i => (-1 - i, before[i]))), expectOne: true, ct);
    }

    /// <summary>Deletes the row with the entity's key.</summary>
    public Task DeleteAsync<T>(T entity, CancellationToken ct) where T : class
    {
        var table = Table<T>.Of(db);
        var values = table.Read(entity);
        var keys = Enumerable.Range(0, values.Length).Where(i => table.Columns[i].Key).ToList();
        var sql = $"DELETE FROM {Quote(table.Name)} WHERE {string.Join(" AND ", keys.Select(i => $"{Quote(table.Columns[i].Name)} = @w{i}"))}";
        return ExecuteAsync(sql, table, keys.Select(i => (-1 - i, values[i])), expectOne: false, ct);
    }

    /// <summary>Runs a statement, prepared once per batch; a parameter index below zero is a WHERE value (@w), else SET/VALUES (@p).</summary>
    private async Task ExecuteAsync(string sql, ITable table, IEnumerable<(int Index, object? Value)> parameters, bool expectOne, CancellationToken ct)
    {
        if (!commands.TryGetValue(sql, out var command))
        {
            command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            commands[sql] = command;
        }
        if (db.Database.GetDbConnection().State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.Parameters.Clear();
        foreach (var (index, value) in parameters)
        {
            var column = table.Columns[index < 0 ? -1 - index : index];
            command.Parameters.Add(column.Mapping.CreateParameter(command, (index < 0 ? "@w" : "@p") + (index < 0 ? -1 - index : index), value, nullable: true));
        }
        int affected;
        try
        {
            affected = await command.ExecuteNonQueryAsync(ct);
        }
        catch (DbException e)
        {
            throw new DbUpdateException($"An error occurred while saving {table.Name}. See the inner exception for details.", e);
        }
        Count++;
        if (expectOne && affected != 1)
            throw new DbUpdateConcurrencyException(
                $"The database operation was expected to affect 1 row(s), but actually affected {affected} row(s); data may have been modified or deleted since entities were loaded.");
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";

    public async ValueTask DisposeAsync()
    {
        foreach (var command in commands.Values) await command.DisposeAsync();
        commands.Clear();
    }

    /// <summary>A column of an entity's table: how its value is read from the entity (through an owned type such as an
    /// address) and bound as EF Core binds it.</summary>
    private sealed record Column(string Name, RelationalTypeMapping Mapping, Func<object, object?> Read, bool Key, bool Generated,
        bool ConcurrencyToken);

    private interface ITable
    {
        string Name { get; }
        IReadOnlyList<Column> Columns { get; }
    }

    /// <summary>An entity type's table, read once from the model (the model is the same for every context).</summary>
    private sealed class Table<T> : ITable where T : class
    {
        private static Table<T>? cached;

        public required string Name { get; init; }
        public required IReadOnlyList<Column> Columns { get; init; }

        public object?[] Read(T entity)
        {
            var values = new object?[Columns.Count];
            for (var i = 0; i < values.Length; i++) values[i] = Columns[i].Read(entity);
            return values;
        }

        public static Table<T> Of(PortaaliDbContext db) => cached ??= Build(db.Model.FindEntityType(typeof(T))
            ?? throw new InvalidOperationException($"{typeof(T).Name} is not an entity"));

        private static Table<T> Build(IEntityType type)
        {
            var name = type.GetTableName()!;
            var store = StoreObjectIdentifier.Table(name, type.GetSchema());
            var columns = new List<Column>();
            void Add(IEntityType owner, Func<object, object?> reach)
            {
                foreach (var property in owner.GetProperties())
                {
                    // An owned type's key is its owner's key, a shadow property: the owner's own column holds it.
                    if (property.IsShadowProperty() || property.GetColumnName(store) is not { } column) continue;
                    var getter = property.GetGetter();
                    columns.Add(new Column(column, (RelationalTypeMapping)property.GetTypeMapping(),
                        o => reach(o) is { } target ? getter.GetClrValue(target) : null,
                        property.IsPrimaryKey(), property.IsPrimaryKey() && property.ValueGenerated != ValueGenerated.Never,
                        property.IsConcurrencyToken));
                }
                foreach (var navigation in owner.GetNavigations().Where(n => n.TargetEntityType.IsOwned() && !n.IsCollection))
                {
                    var getter = navigation.GetGetter();
                    Add(navigation.TargetEntityType, o => reach(o) is { } target ? getter.GetClrValue(target) : null);
                }
            }
            Add(type, o => o);
            if (columns.GroupBy(c => c.Name).Any(g => g.Count() > 1))
                throw new InvalidOperationException($"{typeof(T).Name}: a column is mapped twice");
            return new Table<T> { Name = name, Columns = columns };
        }
    }
}
