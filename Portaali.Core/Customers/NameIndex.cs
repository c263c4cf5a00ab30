using Microsoft.EntityFrameworkCore;
using Portaali.Core.Data;

namespace Portaali.Core.Customers;

/// <summary>
/// The customers' and contacts' name index, the one provider-specific part of the name search. On SQLite the FTS5 trigram
/// tables of migration CustomerNameSearch (<see cref="CustomerSearchTriggers"/>) give the ids whose names hold the words
/// of a MATCH expression (<see cref="CustomerFilter.NameMatch"/>), and the callers' LIKE keeps the words' exact meaning. On
/// PostgreSQL the LIKE itself reads the trigram GIN index on <c>NameSearch</c> (<see cref="PostgreSqlSearch"/>): there is
/// no list of ids to ask for first, so these return null and the callers go on with LIKE alone.
/// </summary>
internal static class NameIndex
{
    public static IQueryable<int>? CustomerIds(PortaaliDbContext db, string match) => db.Database.IsSqlite()
        ? db.Database.SqlQuery<int>($"SELECT rowid AS \"Value\" FROM \"CustomerSearch\" WHERE \"CustomerSearch\" MATCH {match}")
        : null;

    public static IQueryable<int>? ContactIds(PortaaliDbContext db, string match) => db.Database.IsSqlite()
        ? db.Database.SqlQuery<int>($"SELECT rowid AS \"Value\" FROM \"ContactSearch\" WHERE \"ContactSearch\" MATCH {match}")
        : null;
}
