using Microsoft.EntityFrameworkCore;
using Portaali.Core.Calendar;
using Portaali.Core.Common;
using Portaali.Core.Customers;
using Portaali.Core.Data;
using Portaali.Core.Data.Copy;
using Portaali.Core.Seeding;
using Portaali.Core.Users;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Data;

/// <summary>The demo base, seeded on SQLite as <c>dotnet run</c> seeds it, copied once into an empty PostgreSQL database by
/// <see cref="SqliteToPostgreSqlCopy"/> (the <c>copy-to-postgresql</c> command).</summary>
public sealed class CopiedDemoBase : IAsyncLifetime
{
    public CoreHarness Sqlite { get; private set; } = null!;
    public CoreHarness PostgreSql { get; private set; } = null!;
    public CopyReport Report { get; private set; } = null!;
    public string Progress { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Sqlite = await CoreHarness.CreateAsync();
        await using (var db = Sqlite.Db()) await new DemoSeeder(db).SeedAsync();
        PostgreSql = await CoreHarness.CreateAsync(migrate: false, provider: DatabaseProvider.PostgreSql);
        var progress = new StringWriter();
        Report = await new SqliteToPostgreSqlCopy(progress).RunAsync(SqliteConnectionString(Sqlite), PostgreSqlConnectionString(PostgreSql));
        Progress = progress.ToString();
    }

    public static string SqliteConnectionString(CoreHarness h) => $"Data Source={h.DatabasePath};Pooling=False";

    public static string PostgreSqlConnectionString(CoreHarness h) => PostgreSqlTestDatabases.ConnectionString(h.DatabasePath);

    public async Task DisposeAsync()
    {
        await PostgreSql.DisposeAsync();
        await Sqlite.DisposeAsync();
    }
}

public class SqliteToPostgreSqlCopyTests(CopiedDemoBase copied) : IClassFixture<CopiedDemoBase>
{
    private CoreHarness Sqlite => copied.Sqlite;
    private CoreHarness PostgreSql => copied.PostgreSql;

    [Fact]
    public async Task Every_table_of_the_model_is_copied_with_as_many_rows_as_SQLite_has()
    {
        await using var db = PostgreSql.Db();
        var modelTables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().ToList();

        Assert.True(copied.Report.CountsMatch);
        Assert.Equal(modelTables.Order(), copied.Report.Tables.Select(t => t.Table).Order());
        Assert.Contains(copied.Report.Tables, t => t.Table == "DataProtectionKeys");
        foreach (var table in new[] { "Customers", "Contacts", "Activities", "ActivityParticipants", "Users" })
            Assert.True(copied.Report.Tables.Single(t => t.Table == table).Target > 0, $"{table} was copied empty");
        Assert.Contains("Customers: ", copied.Progress);
        Assert.DoesNotContain("CustomerSearch", copied.Progress); // SQLite's FTS5 tables stay behind
    }

    [Fact]
    public async Task Names_addresses_times_money_and_participant_copies_read_back_as_on_SQLite()
    {
        var (sqlite, postgreSql) = (Sqlite.Db(), PostgreSql.Db());
        await using (sqlite) await using (postgreSql)
        {
            async Task SameAsync<T>(Func<PortaaliDbContext, IQueryable<T>> query) =>
                Assert.Equal(await query(sqlite).ToListAsync(), await query(postgreSql).ToListAsync());

            await SameAsync(db => db.Customers.OrderBy(c => c.Id).Select(c => new { c.Id, c.Name, c.Email, c.Revenue, c.CreatedAt, c.Version }));
            await SameAsync(db => db.Contacts.OrderBy(c => c.Id).Select(c => new { c.Id, c.FirstName, c.LastName, c.Email }));
            await SameAsync(db => db.Activities.OrderBy(a => a.Id).Select(a => new { a.Id, a.Title, a.StartsAtUtc, a.Status }));
            await SameAsync(db => db.ActivityParticipants.OrderBy(p => p.ActivityId).ThenBy(p => p.UserId)
                .Select(p => new { p.ActivityId, p.UserId, p.StartsAtUtc, p.IsoYear, p.IsoWeek, p.IsOpen, p.IsCustomerWork, p.ActivityTypeId, p.DurationMinutes }));

            var withUmlauts = await sqlite.Customers.OrderBy(c => c.Id).FirstAsync(c => c.Name.Contains("ä") || c.Name.Contains("ö"));
            Assert.Equal(withUmlauts.Name, (await postgreSql.Customers.SingleAsync(c => c.Id == withUmlauts.Id)).Name);
            var money = await sqlite.Customers.Where(c => c.Revenue != null).OrderBy(c => c.Id).FirstAsync();
            Assert.Equal(money.Revenue, (await postgreSql.Customers.SingleAsync(c => c.Id == money.Id)).Revenue);

            var activity = await sqlite.Activities.OrderBy(a => a.Id).FirstAsync();
            var copy = await postgreSql.Activities.SingleAsync(a => a.Id == activity.Id);
            Assert.Equal(DateTimeKind.Utc, copy.StartsAtUtc.Kind);
            Assert.Equal(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(activity.StartsAtUtc, DateTimeKind.Utc), HelsinkiTime.Zone),
                TimeZoneInfo.ConvertTimeFromUtc(copy.StartsAtUtc, HelsinkiTime.Zone));
        }
    }

    [Fact]
    public async Task A_user_is_found_by_an_address_typed_in_another_case()
    {
        await using var sqlite = Sqlite.Db();
        var email = await sqlite.Users.OrderBy(u => u.Id).Select(u => u.Email).FirstAsync(e => e != null && e != "");
        await using var db = PostgreSql.Db();

        Assert.NotNull(await db.Users.SingleOrDefaultAsync(u => u.Email == email!.ToUpperInvariant()));
    }

    [Fact]
    public async Task The_name_search_finds_a_copied_customer()
    {
        await using var sqlite = Sqlite.Db();
        var customer = await sqlite.Customers.Where(c => !c.IsPassive).OrderBy(c => c.Id).FirstAsync(c => c.Name.Contains("ä"));
        await PostgreSql.SignInAsAsync(UserGroup.Administrator);

        var found = await PostgreSql.Customers.SearchAsync(new CustomerQuery { Text = customer.Name });

        Assert.Contains(found.Items, r => r.Id == customer.Id);
    }

    [Fact]
    public async Task A_copied_customer_is_edited_with_its_concurrency_token_and_a_new_one_gets_a_new_id()
    {
        await PostgreSql.SignInAsAsync(UserGroup.Administrator);
        int lastCopied;
        await using (var db = Sqlite.Db()) lastCopied = await db.Customers.MaxAsync(c => c.Id);
        var form = (await PostgreSql.Customers.GetAsync(lastCopied)).ToEdit();
        var stale = (await PostgreSql.Customers.GetAsync(lastCopied)).ToEdit();
        form.Phone = "09 111 1111";

        await PostgreSql.Customers.UpdateAsync(lastCopied, form);
        stale.Phone = "09 222 2222";
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => PostgreSql.Customers.UpdateAsync(lastCopied, stale));
        var id = await PostgreSql.Customers.CreateAsync(new CustomerEdit { Name = "Kopion Jälkeen Oy", MunicipalityCode = "091" });

        Assert.Equal("09 111 1111", (await PostgreSql.Customers.GetAsync(lastCopied)).Phone);
        Assert.True(id > lastCopied);
        Assert.Equal("Kopion Jälkeen Oy", (await PostgreSql.Customers.GetAsync(id)).Name);
    }

    [Fact]
    public async Task A_database_that_the_migrations_made_but_nobody_used_takes_the_copy()
    {
        await using var target = await CoreHarness.CreateAsync(provider: DatabaseProvider.PostgreSql);

        var report = await new SqliteToPostgreSqlCopy(TextWriter.Null).RunAsync(
            CopiedDemoBase.SqliteConnectionString(Sqlite), CopiedDemoBase.PostgreSqlConnectionString(target));

        Assert.True(report.CountsMatch);
        Assert.Equal(copied.Report.Tables, report.Tables);
    }

    [Fact]
    public async Task A_database_holding_data_is_refused_and_left_as_it_was()
    {
        await using var target = await CoreHarness.CreateAsync(provider: DatabaseProvider.PostgreSql);
        await target.AddCustomerAsync("Oma Asiakas Oy");

        var error = await Assert.ThrowsAsync<CopyRefusedException>(() => new SqliteToPostgreSqlCopy(TextWriter.Null).RunAsync(
            CopiedDemoBase.SqliteConnectionString(Sqlite), CopiedDemoBase.PostgreSqlConnectionString(target)));

        Assert.Contains("already holds data", error.Message);
        Assert.Contains("Customers (1 rows)", error.Message);
        await using var db = target.Db();
        Assert.Equal(["Oma Asiakas Oy"], await db.Customers.Select(c => c.Name).ToListAsync());
    }
}
