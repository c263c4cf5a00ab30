using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Portaali.Core.Data.Copy;

/// <summary>
/// One column of a copied table: read from SQLite by the type PostgreSQL stores it as, written to the binary COPY in that
/// type. The target's column type decides, because SQLite keeps almost everything as TEXT or INTEGER: times as
/// "2026-03-10 09:30:00" (UTC by the model's rule, so they become <c>timestamptz</c> in UTC), money as decimal text,
/// Guids as text, booleans and enums stored as numbers as integers. Microsoft.Data.Sqlite's typed getters are the ones EF
/// Core reads with, so a value comes out as the app would have seen it.
/// </summary>
internal sealed record CopyColumn(string Name, string PostgreSqlType)
{
    /// <summary>Writes the reader's value at <paramref name="ordinal"/> (or NULL) into the current row of the COPY.</summary>
    public Task WriteAsync(SqliteDataReader reader, int ordinal, NpgsqlBinaryImporter importer, CancellationToken ct)
    {
        if (reader.IsDBNull(ordinal)) return importer.WriteNullAsync(ct);
        return PostgreSqlType switch
        {
            "int2" => importer.WriteAsync(reader.GetInt16(ordinal), NpgsqlDbType.Smallint, ct),
            "int4" => importer.WriteAsync(reader.GetInt32(ordinal), NpgsqlDbType.Integer, ct),
            "int8" => importer.WriteAsync(reader.GetInt64(ordinal), NpgsqlDbType.Bigint, ct),
            "bool" => importer.WriteAsync(reader.GetBoolean(ordinal), NpgsqlDbType.Boolean, ct),
            "numeric" => importer.WriteAsync(reader.GetDecimal(ordinal), NpgsqlDbType.Numeric, ct),
            "float4" => importer.WriteAsync(reader.GetFloat(ordinal), NpgsqlDbType.Real, ct),
            "float8" => importer.WriteAsync(reader.GetDouble(ordinal), NpgsqlDbType.Double, ct),
            "text" => importer.WriteAsync(reader.GetString(ordinal), NpgsqlDbType.Text, ct),
            "varchar" => importer.WriteAsync(reader.GetString(ordinal), NpgsqlDbType.Varchar, ct),
            "bpchar" => importer.WriteAsync(reader.GetString(ordinal), NpgsqlDbType.Char, ct),
            // citext is text on the wire; as text the COPY needs no look-up of the extension's type.
            "citext" => importer.WriteAsync(reader.GetString(ordinal), NpgsqlDbType.Text, ct),
            "uuid" => importer.WriteAsync(reader.GetGuid(ordinal), NpgsqlDbType.Uuid, ct),
            "date" => importer.WriteAsync(reader.GetFieldValue<DateOnly>(ordinal), NpgsqlDbType.Date, ct),
            "time" => importer.WriteAsync(reader.GetFieldValue<TimeOnly>(ordinal), NpgsqlDbType.Time, ct),
            "interval" => importer.WriteAsync(reader.GetFieldValue<TimeSpan>(ordinal), NpgsqlDbType.Interval, ct),
            // Every DateTime of the model is UTC (docs/postgresql.md); SQLite's text has no kind to say so.
            "timestamptz" => importer.WriteAsync(DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc),
                NpgsqlDbType.TimestampTz, ct),
            "timestamp" => importer.WriteAsync(DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Unspecified),
                NpgsqlDbType.Timestamp, ct),
            "bytea" => importer.WriteAsync(reader.GetFieldValue<byte[]>(ordinal), NpgsqlDbType.Bytea, ct),
            _ => throw new InvalidOperationException($"Column \"{Name}\" has the PostgreSQL type {PostgreSqlType}, which the copy cannot convert yet."),
        };
    }

    /// <summary>The PostgreSQL types <see cref="WriteAsync"/> converts to; checked for every column before anything is copied.</summary>
    public static readonly IReadOnlySet<string> KnownTypes = new HashSet<string>
    {
        "int2", "int4", "int8", "bool", "numeric", "float4", "float8", "text", "varchar", "bpchar", "citext", "uuid", "date",
        "time", "interval", "timestamptz", "timestamp", "bytea",
    };
}
