using Npgsql;

namespace Portaali.Core.Data.Copy;

/// <summary>
/// The tables of the target's schema as PostgreSQL's catalog describes them after the migrations: their columns and types,
/// the foreign keys between them and their identity columns. The catalog rather than the EF model, so that a table the
/// model does not map (<c>DataProtectionKeys</c> is mapped, but raw-SQL tables would not be) is copied too, and the
/// types are the ones the COPY must write.
/// </summary>
internal sealed class PostgreSqlCatalog
{
    public required IReadOnlyDictionary<string, IReadOnlyList<CopyColumn>> Columns { get; init; }

    /// <summary>Table → the other tables it references.</summary>
    public required IReadOnlyDictionary<string, IReadOnlySet<string>> References { get; init; }

    /// <summary>(table, column) of every identity or serial column.</summary>
    public required IReadOnlyList<(string Table, string Column)> Identities { get; init; }

    public IEnumerable<string> Tables => Columns.Keys;

    public static async Task<PostgreSqlCatalog> ReadAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var columns = new Dictionary<string, List<CopyColumn>>();
        var identities = new List<(string, string)>();
        // Generated columns are computed by PostgreSQL and cannot be written by COPY.
        await foreach (var (table, column, type, identity) in QueryAsync(connection, """
            SELECT c.relname, a.attname, t.typname, a.attidentity <> '' OR pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL
            FROM pg_class c
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
            JOIN pg_type t ON t.oid = a.atttypid
            WHERE c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()) AND c.relkind IN ('r', 'p')
            ORDER BY c.relname, a.attnum
            """, r => (r.GetString(0), r.GetString(1), r.GetString(2), r.GetBoolean(3)), ct))
        {
            if (!columns.TryGetValue(table, out var list)) columns[table] = list = [];
            list.Add(new CopyColumn(column, type));
            if (identity) identities.Add((table, column));
        }

        var references = columns.Keys.ToDictionary(t => t, _ => new HashSet<string>());
        await foreach (var (table, referenced) in QueryAsync(connection, """
            SELECT c.relname, r.relname
            FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class r ON r.oid = k.confrelid
            WHERE k.contype = 'f' AND c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()) AND r.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())
            """, r => (r.GetString(0), r.GetString(1)), ct))
            if (table != referenced) references[table].Add(referenced);

        return new PostgreSqlCatalog
        {
            Columns = columns.ToDictionary(c => c.Key, c => (IReadOnlyList<CopyColumn>)c.Value),
            References = references.ToDictionary(r => r.Key, r => (IReadOnlySet<string>)r.Value),
            Identities = identities,
        };
    }

    /// <summary>
    /// The tables in an order where each comes after every table it references, so each COPY finds the rows its foreign
    /// keys point at. A table that references itself (a parent row) needs no order: PostgreSQL checks a foreign key at the
    /// end of the statement, and the whole table is one COPY.
    /// </summary>
    public IReadOnlyList<string> InForeignKeyOrder(IEnumerable<string> tables)
    {
        var remaining = new SortedSet<string>(tables, StringComparer.Ordinal);
        var ordered = new List<string>();
        while (remaining.Count > 0)
        {
            var ready = remaining.Where(t => !References[t].Any(remaining.Contains)).ToList();
            if (ready.Count == 0)
                throw new CopyRefusedException(
                    $"The foreign keys between these tables form a cycle, which the copy cannot order: {string.Join(", ", remaining)}.");
            ordered.AddRange(ready);
            remaining.ExceptWith(ready);
        }
        return ordered;
    }

    /// <summary>Rows of every table of the schema, by name.</summary>
    public static async Task<Dictionary<string, long>> CountRowsAsync(NpgsqlConnection connection, IEnumerable<string> tables, CancellationToken ct)
    {
        var counts = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            await using var command = new NpgsqlCommand($"SELECT count(*) FROM {Quote(table)}", connection);
            counts[table] = (long)(await command.ExecuteScalarAsync(ct))!;
        }
        return counts;
    }

    /// <summary>The names of the tables in the target's schema (before the migrations, when it may have none).</summary>
    public static async Task<IReadOnlyList<string>> TableNamesAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var names = new List<string>();
        await foreach (var name in QueryAsync(connection,
            "SELECT relname FROM pg_class WHERE relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()) AND relkind IN ('r', 'p') ORDER BY relname",
            r => r.GetString(0), ct))
            names.Add(name);
        return names;
    }

    public static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"")}\"";

    private static async IAsyncEnumerable<T> QueryAsync<T>(NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> read,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) yield return read(reader);
    }
}
