using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using Portaali.Core.Contacts;
using Portaali.Core.Customers;
using Portaali.Core.Users;

namespace Portaali.Core.Data;

/// <summary>
/// The model on PostgreSQL. EF Core keeps one migrations set per context type, so PostgreSQL has this type of its own,
/// with its migrations in <c>Data/PostgreSqlMigrations</c> (EF Core docs, "Migrations with multiple providers"). Services
/// never see it: they get a <see cref="PortaaliDbContext"/> from <c>IDbContextFactory&lt;PortaaliDbContext&gt;</c>
/// (<see cref="DatabaseSetup.AddPortaaliCore"/>). What differs from SQLite is only what PostgreSQL stores differently:
/// <list type="bullet">
/// <item>times are <c>timestamptz</c>: every <see cref="DateTime"/> of the model is UTC (SQLite stores them as written and
/// reads them back without a kind), so they are written and read as UTC, and the session runs in UTC so raw SQL
/// parameters compare the same way;</item>
/// <item>e-mail addresses are <c>citext</c>: compared and LIKE-matched without regard to case, as SQLite's LIKE does
/// (the sender's domain in the e-mail import), and the users' unique address is unique whatever its case;</item>
/// <item>the Business ID is compared in the <c>C</c> collation: the customer search finds a typed prefix ("0737546-") as
/// the range from it to it + U+FFFF over the column's index, which is a prefix only where the collation orders the
/// hyphen as written and U+FFFF last. A database created with a language's collation need not (glibc's fi_FI skips
/// punctuation at first and has no place for U+FFFF); bytes are the same on every server;</item>
/// <item>the extensions the search indexes need (<c>pg_trgm</c>, <c>unaccent</c>; migration InitialPostgreSql).</item>
/// </list>
/// </summary>
public sealed class PostgreSqlPortaaliDbContext(DbContextOptions<PostgreSqlPortaaliDbContext> options) : PortaaliDbContext(options)
{
    /// <summary>Npgsql with the session in UTC (see above) and the migrations of this context.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(InUtc(connectionString));

    /// <summary>The connection string with the session's time zone set to UTC.</summary>
    public static string InUtc(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Timezone = "UTC" }.ToString();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        TextMatch.Map(b, postgreSql: true);
        b.HasPostgresExtension("citext");
        b.HasPostgresExtension("pg_trgm");
        b.HasPostgresExtension("unaccent");
        b.Entity<AppUser>().Property(u => u.Email).HasColumnType("citext");
        b.Entity<Customer>().Property(c => c.Email).HasColumnType("citext");
        b.Entity<Contact>().Property(c => c.Email).HasColumnType("citext");
        b.Entity<Customer>().Property(c => c.BusinessId).UseCollation("C");
    }

    /// <summary>Marks the model's times as UTC both ways: Npgsql writes only UTC times to <c>timestamptz</c>, and the app
    /// builds some from dates without a kind (as SQLite never minded).</summary>
    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc), v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
