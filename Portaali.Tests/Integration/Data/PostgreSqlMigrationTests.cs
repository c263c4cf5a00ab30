using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Portaali.Core.Data;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Data;

/// <summary>The PostgreSQL migrations (Data/PostgreSqlMigrations) on a database of the test cluster, and in step with SQLite's.</summary>
public class PostgreSqlMigrationTests
{
    /// <summary>SQLite's migrations that InitialPostgreSql holds; every other one needs a PostgreSQL migration of its name.</summary>
    private static readonly string[] InInitialPostgreSql =
    [
        "Activities", "ActivitiesPolish", "ActivitySeries", "CustomerNameSearch", "DesktopsProjectsAndUsage",
        "ImportCountsCodeSetsAndSuggestionDates", "Imports", "InitialCreate", "MarketingSelectionsAndCampaigns", "OffersOrdersAndServiceOrders",
        "ParticipantActivityCopy", "ReferenceDataInEnglish", "ScaleActivityIndexes", "ScaleCalendarIndexes", "SelectionIndexes",
        "SuggestionsAndCarePlans",
    ];

    [Fact]
    public async Task A_fresh_database_migrates_with_nothing_left_pending_and_the_model_unchanged()
    {
        await using var h = await CoreHarness.CreateAsync(migrate: false, provider: DatabaseProvider.PostgreSql);
        await using var db = h.Db();
        Assert.IsType<PostgreSqlPortaaliDbContext>(db);

        await db.Database.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges());
        Assert.Equal(["Activities_participant_copy_update", "ActivityParticipants_copy_insert"], await db.Database.SqlQuery<string>($"""
            SELECT tgname AS "Value" FROM pg_trigger WHERE NOT tgisinternal ORDER BY tgname
            """).ToListAsync());
        Assert.Equal(["IX_Activities_SearchText_trgm", "IX_Contacts_NameSearch_trgm", "IX_Customers_NameSearch_trgm"],
            await db.Database.SqlQuery<string>($"""
                SELECT indexname AS "Value" FROM pg_indexes WHERE indexdef LIKE '%gin_trgm_ops%' ORDER BY indexname
                """).ToListAsync());
    }

    [Fact]
    public async Task Every_SQLite_migration_not_in_the_initial_PostgreSQL_one_has_a_PostgreSQL_migration_of_its_name()
    {
        await using var sqlite = await CoreHarness.CreateAsync(migrate: false);
        await using var sqliteDb = sqlite.Db();
        var postgreSql = typeof(PostgreSqlPortaaliDbContext).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Migration)) && t.Namespace == typeof(Portaali.Core.Data.PostgreSqlMigrations.InitialPostgreSql).Namespace)
            .Select(t => NameOf(t.GetCustomAttributes(typeof(MigrationAttribute), false).Cast<MigrationAttribute>().Single().Id)).ToList();

        var missing = sqliteDb.Database.GetMigrations().Select(NameOf)
            .Where(name => !InInitialPostgreSql.Contains(name) && !postgreSql.Contains(name)).ToList();

        Assert.True(missing.Count == 0, "Without a PostgreSQL migration (docs/postgresql.md, \"Adding a migration\"): " + string.Join(", ", missing));
    }

    private static string NameOf(string migrationId) => migrationId[(migrationId.IndexOf('_') + 1)..];
}
