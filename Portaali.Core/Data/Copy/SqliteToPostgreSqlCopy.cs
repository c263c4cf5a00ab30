using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using static Portaali.Core.Data.Copy.PostgreSqlCatalog;

namespace Portaali.Core.Data.Copy;

/// <summary>
/// Copies a SQLite database of Portaali into an empty PostgreSQL one (docs/postgresql.md, "From SQLite to PostgreSQL"):
/// <list type="number">
/// <item>the source must be up to date with the SQLite migrations, and is only read (opened read-only, in one read
/// transaction so that an app still writing to it cannot make the counts disagree);</item>
/// <item>a target holding anything beyond the reference rows its migrations write is refused before anything is done;</item>
/// <item>the PostgreSQL migrations are applied, then every table of the target's schema is filled in one transaction,
/// in foreign-key order, each by one binary COPY of SQLite's rows. The migrations' reference rows are emptied first:
/// the source has the same rows, perhaps edited since. A failure anywhere rolls everything back;</item>
/// <item>every identity sequence moves past the copied ids, the row counts of both sides are compared before the commit
/// (a difference rolls back), and the new tables are analysed for the planner.</item>
/// </list>
/// Why foreign-key order rather than switching the checks off: disabling the foreign-key triggers
/// (<c>session_replication_role</c>, <c>DISABLE TRIGGER ALL</c>) needs a superuser, and the constraints EF Core makes are not
/// deferrable. It also keeps the participant-copy trigger working: <c>ActivityParticipants</c> comes after
/// <c>Activities</c>, so each copied row takes its copies from its activity, equal to SQLite's. SQLite's FTS5 tables
/// and their shadow tables are not copied: PostgreSQL's search reads its <c>pg_trgm</c> indexes over the copied columns.
/// </summary>
public sealed class SqliteToPostgreSqlCopy(TextWriter progress)
{
    /// <summary>How often a long table reports how far it has come.</summary>
    private const int ProgressRows = 100_000;

    /// <summary>EF Core's own tables (<c>__EFMigrationsHistory</c>, SQLite's <c>__EFMigrationsLock</c>): each side keeps its own.</summary>
    private static bool IsMigrationsTable(string table) => table.StartsWith("__EFMigrations", StringComparison.Ordinal);

    public async Task<CopyReport> RunAsync(string sqliteConnectionString, string postgreSqlConnectionString, CancellationToken ct = default)
    {
        await using var source = await OpenSourceAsync(sqliteConnectionString, ct);
        var sourceColumns = SourceTables(source);

        await using var target = new NpgsqlConnection(PostgreSqlPortaaliDbContext.InUtc(postgreSqlConnectionString));
        await target.OpenAsync(ct);
        await RefuseDataAsync(target, postgreSqlConnectionString, ct);
        progress.WriteLine("Applying the PostgreSQL migrations…");
        await using (var db = PostgreSqlContext(postgreSqlConnectionString)) await db.Database.MigrateAsync(ct);

        var catalog = await PostgreSqlCatalog.ReadAsync(target, ct);
        var tables = catalog.InForeignKeyOrder(MatchTables(sourceColumns, catalog));

        await using var read = source.BeginTransaction(deferred: true);
        var sourceCounts = tables.ToDictionary(t => t, t => SourceCount(source, read, t));
        await using var write = await target.BeginTransactionAsync(ct);
        await ExecuteAsync(target, $"TRUNCATE {string.Join(", ", tables.Select(Quote))}", ct);
        var total = Stopwatch.StartNew();
        foreach (var table in tables)
            await CopyTableAsync(source, read, target, table, catalog.Columns[table], sourceCounts[table], ct);
        await ResetIdentitiesAsync(target, catalog.Identities.Where(i => tables.Contains(i.Table)), ct);

        var targetCounts = await CountRowsAsync(target, tables, ct);
        var report = new CopyReport(tables.Order(StringComparer.Ordinal)
            .Select(t => new TableCount(t, sourceCounts[t], targetCounts[t])).ToList());
        if (!report.CountsMatch)
        {
            await write.RollbackAsync(ct);
            return report;
        }
        await write.CommitAsync(ct);
        progress.WriteLine(Invariant($"Copied {report.Tables.Sum(t => t.Target):N0} rows of {tables.Count} tables in {total.Elapsed.TotalSeconds:N0} s; analysing them for the planner…"));
        await ExecuteAsync(target, "ANALYZE", ct);
        return report;
    }

    private static async Task<SqliteConnection> OpenSourceAsync(string connectionString, CancellationToken ct)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly };
        if (!File.Exists(builder.DataSource))
            throw new CopyRefusedException($"There is no SQLite database at {Path.GetFullPath(builder.DataSource)}.");
        var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync(ct);
        await using var db = new PortaaliDbContext(new DbContextOptionsBuilder<PortaaliDbContext>().UseSqlite(connection).Options);
        var applied = (await db.Database.GetAppliedMigrationsAsync(ct)).ToList();
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (applied.Count == 0)
            throw new CopyRefusedException($"{builder.DataSource} is not a Portaali database (it has no migrations applied).");
        if (pending.Count > 0)
            throw new CopyRefusedException($"{builder.DataSource} lacks {pending.Count} migrations of this version of Portaali " +
                $"(the first: {pending[0]}). Start the app on it once (it applies them), then copy.");
        return connection;
    }

    /// <summary>
    /// Refuses a target with rows in any table beyond the reference rows the migrations write (<c>HasData</c>): such a
    /// target holds someone's data, and the copy would mix the two. Checked before the migrations, so a refused target is
    /// left exactly as it was.
    /// </summary>
    private async Task RefuseDataAsync(NpgsqlConnection target, string connectionString, CancellationToken ct)
    {
        var tables = (await TableNamesAsync(target, ct)).Where(t => !IsMigrationsTable(t)).ToList();
        if (tables.Count == 0) return;
        await using var db = PostgreSqlContext(connectionString);
        var seeded = db.GetService<IDesignTimeModel>().Model.GetEntityTypes()
            .Where(e => e.GetTableName() is not null)
            .GroupBy(e => e.GetTableName()!)
            .ToDictionary(g => g.Key, g => g.Sum(e => (long)e.GetSeedData().Count()));
        var holding = (await CountRowsAsync(target, tables, ct))
            .Where(c => c.Value > seeded.GetValueOrDefault(c.Key))
            .Select(c => Invariant($"{c.Key} ({c.Value:N0} rows)")).ToList();
        if (holding.Count > 0)
            throw new CopyRefusedException("The PostgreSQL database already holds data, and the copy goes only into an empty one: " +
                string.Join(", ", holding.Take(5)) + (holding.Count > 5 ? $" and {holding.Count - 5} more tables" : "") +
                ". Create a new database (CREATE DATABASE …) and copy into that. Nothing was changed.");
    }

    /// <summary>The source's tables and their columns, without SQLite's own tables, EF Core's migration tables (PostgreSQL
    /// has its own) and the FTS5 search tables with their shadow tables.</summary>
    private static Dictionary<string, IReadOnlySet<string>> SourceTables(SqliteConnection source)
    {
        var tables = new List<(string Name, string Sql)>();
        using (var command = source.CreateCommand())
        {
            command.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'table'";
            using var reader = command.ExecuteReader();
            while (reader.Read()) tables.Add((reader.GetString(0), reader.IsDBNull(1) ? "" : reader.GetString(1)));
        }
        var search = tables.Where(t => t.Sql.StartsWith("CREATE VIRTUAL TABLE", StringComparison.OrdinalIgnoreCase)).Select(t => t.Name).ToList();
        return tables.Select(t => t.Name)
            .Where(name => !name.StartsWith("sqlite_", StringComparison.Ordinal) && !IsMigrationsTable(name)
                && !search.Any(s => name == s || name.StartsWith(s + "_", StringComparison.Ordinal)))
            .ToDictionary(name => name, name => (IReadOnlySet<string>)ColumnsOf(source, name));
    }

    private static HashSet<string> ColumnsOf(SqliteConnection source, string table)
    {
        using var command = source.CreateCommand();
        command.CommandText = "SELECT name FROM pragma_table_info($table)";
        command.Parameters.AddWithValue("$table", table);
        using var reader = command.ExecuteReader();
        var columns = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read()) columns.Add(reader.GetString(0));
        return columns;
    }

    /// <summary>The tables to copy: every table of the target but its migrations' history. Each must be in the source with
    /// every column, and every source table and column must have a place in the target, or data would be lost.</summary>
    private IEnumerable<string> MatchTables(Dictionary<string, IReadOnlySet<string>> source, PostgreSqlCatalog catalog)
    {
        var problems = new List<string>();
        problems.AddRange(source.Keys.Where(t => !catalog.Columns.ContainsKey(t)).Select(t => $"table {t} has no PostgreSQL counterpart"));
        var tables = catalog.Tables.Where(t => !IsMigrationsTable(t)).ToList();
        foreach (var table in tables)
        {
            if (!source.TryGetValue(table, out var columns))
            {
                progress.WriteLine($"  {table}: not in the SQLite database, left empty");
                continue;
            }
            var targetColumns = catalog.Columns[table];
            problems.AddRange(columns.Where(c => targetColumns.All(t => t.Name != c)).Select(c => $"{table}.{c} has no PostgreSQL column"));
            problems.AddRange(targetColumns.Where(c => !columns.Contains(c.Name)).Select(c => $"{table}.{c.Name} is not in the SQLite database"));
            problems.AddRange(targetColumns.Where(c => !CopyColumn.KnownTypes.Contains(c.PostgreSqlType))
                .Select(c => $"{table}.{c.Name} has the type {c.PostgreSqlType}, which the copy cannot convert"));
        }
        if (problems.Count > 0)
            throw new CopyRefusedException("The SQLite database and the PostgreSQL schema disagree, so the copy would lose data: " +
                string.Join("; ", problems) + ".");
        return tables.Where(source.ContainsKey);
    }

    private async Task CopyTableAsync(SqliteConnection source, SqliteTransaction read, NpgsqlConnection target, string table,
        IReadOnlyList<CopyColumn> columns, long expected, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var list = string.Join(", ", columns.Select(c => Quote(c.Name)));
        await using var importer = await target.BeginBinaryImportAsync($"COPY {Quote(table)} ({list}) FROM STDIN (FORMAT BINARY)", ct);
        using var command = source.CreateCommand();
        command.Transaction = read;
        command.CommandText = $"SELECT {list} FROM {Quote(table)}";
        using var reader = command.ExecuteReader();
        long rows = 0;
        while (reader.Read())
        {
            await importer.StartRowAsync(ct);
            for (var i = 0; i < columns.Count; i++) await columns[i].WriteAsync(reader, i, importer, ct);
            if (++rows % ProgressRows == 0)
                progress.WriteLine(Invariant($"  {table}: {rows:N0} / {expected:N0} rows…"));
        }
        await importer.CompleteAsync(ct);
        progress.WriteLine(Invariant($"  {table}: {rows:N0} rows ({clock.Elapsed.TotalSeconds:N1} s)"));
    }

    /// <summary>Moves each identity past the largest copied id, so the next insert gets a new one (an empty table starts at 1).</summary>
    private static async Task ResetIdentitiesAsync(NpgsqlConnection target, IEnumerable<(string Table, string Column)> identities, CancellationToken ct)
    {
        foreach (var (table, column) in identities)
        {
            await using var command = new NpgsqlCommand(
                $"SELECT setval(pg_get_serial_sequence(@table, @column), coalesce(max({Quote(column)}), 0) + 1, false) FROM {Quote(table)}", target);
            command.Parameters.AddWithValue("table", Quote(table));
            command.Parameters.AddWithValue("column", column);
            await command.ExecuteScalarAsync(ct);
        }
    }

    private static long SourceCount(SqliteConnection source, SqliteTransaction read, string table)
    {
        using var command = source.CreateCommand();
        command.Transaction = read;
        command.CommandText = $"SELECT count(*) FROM {Quote(table)}";
        return (long)command.ExecuteScalar()!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static PostgreSqlPortaaliDbContext PostgreSqlContext(string connectionString)
    {
        var options = new DbContextOptionsBuilder<PostgreSqlPortaaliDbContext>();
        PostgreSqlPortaaliDbContext.Configure(options, connectionString);
        return new PostgreSqlPortaaliDbContext(options.Options);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
