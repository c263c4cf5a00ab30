using System.Data.Common;
using System.Runtime.CompilerServices;
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
    /// <summary>A statement per table, kind and set of columns, prepared once per batch with its parameters: a row only sets
    /// their values (a batch writes thousands of rows through a handful of statements).</summary>
    private readonly Dictionary<(ITable Table, Kind Kind, ulong Columns), Statement> statements = [];

    private enum Kind { Insert, Update, Delete }

    /// <summary>Statements executed in this batch: a batch that wrote nothing may be left uncommitted.</summary>
    public int Count { get; private set; }

    /// <summary>The values of an entity's columns, to compare with after changing it (<see cref="UpdateAsync{T}"/>).</summary>
    public object?[] Snapshot<T>(T entity) where T : class => Table<T>.Of(db).Read(entity);

    /// <summary>Inserts a new row with every column, as EF Core would (a generated key is left to the database).</summary>
    public Task InsertAsync<T>(T entity, CancellationToken ct) where T : class
    {
        var table = Table<T>.Of(db);
        var values = table.Read(entity);
        return ExecuteAsync(StatementFor(table, Kind.Insert, table.Inserted), values, values, expectOne: false, ct);
    }

    /// <summary>Writes the columns that differ from <paramref name="before"/> (a <see cref="Snapshot{T}"/> of the row as
    /// read), where the key and the concurrency tokens still hold their read values. Nothing changed: no statement.</summary>
    public Task UpdateAsync<T>(T entity, object?[] before, CancellationToken ct) where T : class
    {
        var table = Table<T>.Of(db);
        var after = table.Read(entity);
        var changed = 0UL;
        for (var i = 0; i < after.Length; i++)
            if (!Equals(before[i], after[i])) changed |= 1UL << i;
        return changed == 0 ? Task.CompletedTask : ExecuteAsync(StatementFor(table, Kind.Update, changed), after, before, expectOne: true, ct);
    }

    /// <summary>Deletes the row with the entity's key.</summary>
    public Task DeleteAsync<T>(T entity, CancellationToken ct) where T : class
    {
        var table = Table<T>.Of(db);
        var values = table.Read(entity);
        return ExecuteAsync(StatementFor(table, Kind.Delete, table.Keys), values, values, expectOne: false, ct);
    }

    /// <summary>The batch's command for a kind of statement over a set of columns (for an update, the changed ones; its
    /// WHERE always holds the key and the concurrency tokens), made and its parameters bound to columns on first use.</summary>
    private Statement StatementFor(ITable table, Kind kind, ulong columns)
    {
        if (statements.TryGetValue((table, kind, columns), out var statement)) return statement;
        var command = db.Database.GetDbConnection().CreateCommand();
        var set = Indexes(table, columns);
        var where = Indexes(table, kind == Kind.Insert ? 0 : kind == Kind.Update ? table.Guarded : table.Keys);
        string Name(int i) => Quote(table.Columns[i].Name);
        command.CommandText = kind switch
        {
            Kind.Insert => $"INSERT INTO {Quote(table.Name)} ({string.Join(", ", set.Select(Name))}) VALUES ({string.Join(", ", set.Select(i => "@p" + i))})",
            Kind.Update => $"UPDATE {Quote(table.Name)} SET {string.Join(", ", set.Select(i => $"{Name(i)} = @p{i}"))} " +
                           $"WHERE {string.Join(" AND ", where.Select(i => $"{Name(i)} = @w{i}"))}",
            _ => $"DELETE FROM {Quote(table.Name)} WHERE {string.Join(" AND ", where.Select(i => $"{Name(i)} = @w{i}"))}",
        };
        var parameters = (kind == Kind.Delete ? [] : set.Select(i => new Parameter(i, false, command, "@p" + i, table.Columns[i])))
            .Concat(where.Select(i => new Parameter(i, true, command, "@w" + i, table.Columns[i]))).ToArray();
        foreach (var parameter in parameters) command.Parameters.Add(parameter.Bound);
        return statements[(table, kind, columns)] = new Statement(table.Name, command, parameters);
    }

    private static List<int> Indexes(ITable table, ulong columns) =>
        Enumerable.Range(0, table.Columns.Count).Where(i => (columns & (1UL << i)) != 0).ToList();

    /// <summary>Runs a prepared statement with a row's values: SET/VALUES from <paramref name="values"/>, WHERE from
    /// <paramref name="guards"/> (the row as read).</summary>
    private async Task ExecuteAsync(Statement statement, object?[] values, object?[] guards, bool expectOne, CancellationToken ct)
    {
        if (db.Database.GetDbConnection().State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        var command = statement.Command;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        foreach (var parameter in statement.Parameters) parameter.Set(parameter.Where ? guards : values);
        int affected;
        try
        {
            affected = await command.ExecuteNonQueryAsync(ct);
        }
        catch (DbException e)
        {
            throw new DbUpdateException($"An error occurred while saving {statement.Table}. See the inner exception for details.", e);
        }
        Count++;
        if (expectOne && affected != 1)
            throw new DbUpdateConcurrencyException(
                $"The database operation was expected to affect 1 row(s), but actually affected {affected} row(s); data may have been modified or deleted since entities were loaded.");
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";

    public async ValueTask DisposeAsync()
    {
        foreach (var statement in statements.Values) await statement.Command.DisposeAsync();
        statements.Clear();
    }

    private sealed record Statement(string Table, DbCommand Command, Parameter[] Parameters);

    /// <summary>A statement's parameter for a column, made once by the column's type mapping as EF Core makes it; a row
    /// sets its value converted as the mapping converts it.</summary>
    private sealed class Parameter(int index, bool where, DbCommand command, string name, Column column)
    {
        public bool Where => where;
        public Column Column => column;
        public DbParameter Bound { get; } = column.Mapping.CreateParameter(command, name, null, nullable: true);

        public void Set(object?[] row)
        {
            var value = row[index];
            Bound.Value = (value is null ? null : column.Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;
        }
    }

    /// <summary>A column of an entity's table: how its value is read from the entity (through an owned type such as an
    /// address) and bound as EF Core binds it.</summary>
    private sealed record Column(string Name, RelationalTypeMapping Mapping, Func<object, object?> Read, bool Key, bool Generated,
        bool ConcurrencyToken);

    private interface ITable
    {
        string Name { get; }
        IReadOnlyList<Column> Columns { get; }

        /// <summary>The columns an insert writes: all but a generated key.</summary>
        ulong Inserted { get; }

        /// <summary>The key's columns, a delete's WHERE.</summary>
        ulong Keys { get; }

        /// <summary>An update's WHERE: the key and the concurrency tokens.</summary>
        ulong Guarded { get; }
    }

    /// <summary>A set of a table's columns as bits by their index.</summary>
    private static ulong Mask(IReadOnlyList<Column> columns, Func<Column, bool> which)
    {
        var mask = 0UL;
        for (var i = 0; i < columns.Count; i++)
            if (which(columns[i])) mask |= 1UL << i;
        return mask;
    }

    /// <summary>An entity type's table, read once per model (the same for every context of a provider; a process with both
    /// providers, as the tests are, has two models whose type mappings must not be mixed).</summary>
    private sealed class Table<T> : ITable where T : class
    {
        private static readonly ConditionalWeakTable<IModel, Table<T>> ByModel = new();

        public required string Name { get; init; }
        public required IReadOnlyList<Column> Columns { get; init; }
        public required ulong Inserted { get; init; }
        public required ulong Keys { get; init; }
        public required ulong Guarded { get; init; }

        public object?[] Read(T entity)
        {
            var values = new object?[Columns.Count];
            for (var i = 0; i < values.Length; i++) values[i] = Columns[i].Read(entity);
            return values;
        }

        public static Table<T> Of(PortaaliDbContext db) => ByModel.GetValue(db.Model, model => Build(model.FindEntityType(typeof(T))
            ?? throw new InvalidOperationException($"{typeof(T).Name} is not an entity")));

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
            if (columns.Count > 64) throw new InvalidOperationException($"{typeof(T).Name}: more than 64 columns"); // a set of columns is a ulong
            if (columns.GroupBy(c => c.Name).Any(g => g.Count() > 1))
                throw new InvalidOperationException($"{typeof(T).Name}: a column is mapped twice");
            return new Table<T>
            {
                Name = name, Columns = columns, Inserted = Mask(columns, c => !c.Generated), Keys = Mask(columns, c => c.Key),
                Guarded = Mask(columns, c => c.Key || c.ConcurrencyToken),
            };
        }
    }
}
