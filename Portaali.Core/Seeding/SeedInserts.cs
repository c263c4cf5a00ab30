using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Portaali.Core.Data;

namespace Portaali.Core.Seeding;

/// <summary>Writes many new rows of one entity with one prepared INSERT, through EF's own column names and type mappings (so
/// enums, dates, decimals and GUIDs are stored exactly as EF stores them) but without change tracking: the demo's three years
/// of offers are thousands of rows, and through SaveChanges they took seconds of a seed that every browser test run waits for.
/// Keys are set by the caller.</summary>
internal static class SeedInserts
{
    public static async Task InsertAsync<T>(PortaaliDbContext db, IEnumerable<T> rows, CancellationToken ct) where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties()
            .Select(p => (Property: p, Column: p.GetColumnName(table), Mapping: (RelationalTypeMapping)p.GetTypeMapping()))
            .Where(c => c.Column is not null).ToList();
        if (columns.Any(c => c.Property.PropertyInfo is null))
            throw new InvalidOperationException($"{typeof(T).Name} has a shadow property; write it through SaveChanges");

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", columns.Select(c => $"\"{c.Column}\""))}) " +
                $"VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
            foreach (var row in rows)
            {
                command.Parameters.Clear();
                for (var i = 0; i < columns.Count; i++)
                    command.Parameters.Add(columns[i].Mapping.CreateParameter(command, $"@p{i}", columns[i].Property.PropertyInfo!.GetValue(row), columns[i].Property.IsNullable));
                await command.ExecuteNonQueryAsync(ct);
            }
            // SQLite's rowid goes on after the largest key by itself; a PostgreSQL identity never sees keys given to it, so
            // it is moved past them, or the next row added through SaveChanges would take a key already used.
            if (!db.Database.IsSqlite())
                foreach (var key in entity.FindPrimaryKey()!.Properties.Where(p => p.ValueGenerated == ValueGenerated.OnAdd))
                {
                    var column = key.GetColumnName(table)!;
                    command.Parameters.Clear();
                    command.CommandText = $"SELECT setval(pg_get_serial_sequence('\"{table.Name}\"', '{column}'), " +
                        $"coalesce(max(\"{column}\"), 0) + 1, false) FROM \"{table.Name}\"";
                    await command.ExecuteScalarAsync(ct);
                }
        }
        finally { await db.Database.CloseConnectionAsync(); }
    }

}
