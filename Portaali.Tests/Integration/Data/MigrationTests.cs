using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portaali.Core.Activities;
using Portaali.Core.Customers;
using Portaali.Core.Data;
using Portaali.Core.Users;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Data;

public class MigrationTests
{
    [Fact]
    public async Task Fresh_database_file_migrates_with_nothing_left_pending()
    {
        await using var h = await CoreHarness.CreateAsync(migrate: false);
        await using var db = h.Db();

        Assert.NotEmpty(await db.Database.GetPendingMigrationsAsync());
        await db.Database.MigrateAsync();

        Assert.True(File.Exists(h.DatabasePath));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(0, await db.Customers.CountAsync());
    }

    [Fact]
    public async Task Model_has_no_changes_missing_from_the_migrations()
    {
        // A model change without its migration would leave the app's tables out of step with the code.
        await using var h = await CoreHarness.CreateAsync();
        await using var db = h.Db();
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public async Task Migrations_bring_the_municipality_reference_rows()
    {
        await using var h = await CoreHarness.CreateAsync();
        await using var db = h.Db();

        var helsinki = await db.Municipalities.SingleAsync(m => m.Code == "091");
        Assert.Equal("Helsinki", helsinki.Name);
        Assert.Equal("Uusimaa", helsinki.Region);
        Assert.Equal(Municipalities.All.Length, await db.Municipalities.CountAsync());
        Assert.Equal("Pirkanmaa", (await db.Municipalities.SingleAsync(m => m.Name == "Tampere")).Region);
    }

    [Fact]
    public async Task Customer_name_indexes_and_their_triggers_exist_after_the_last_migration_and_cover_earlier_rows()
    {
        await using var h = await CoreHarness.CreateAsync();
        Assert.Equal(CustomerSearchObjects, await CustomerSearchObjectsAsync(h));
        await h.SignInAsAsync(UserGroup.AccountManager);
        var customer = await h.AddCustomerAsync("Metallityö Mäkelä Oy", null, "091");
        await h.AddContactAsync(customer.Id, "Päivi", "Hämäläinen");
        await using (var db = h.Db())
        {
            // Back to before the indexes and the stored comparable names, then forward again: the rows saved before are indexed.
            await db.GetService<IMigrator>().MigrateAsync("ReferenceDataInEnglish");
            Assert.Empty(await CustomerSearchObjectsAsync(h));
            await db.Database.MigrateAsync();
        }

        Assert.Equal(CustomerSearchObjects, await CustomerSearchObjectsAsync(h));
        Assert.Equal([customer.Id], (await h.Customers.SearchAsync(new CustomerQuery { Text = "hämäläinen" })).Items.Select(r => r.Id));
        Assert.Equal([customer.Id], (await h.Customers.SearchAsync(new CustomerQuery { Text = "metallityö" })).Items.Select(r => r.Id));
        await using (var check = h.Db())
            Assert.Equal("metallityö mäkelä", await check.Customers.Where(c => c.Id == customer.Id).Select(c => c.ComparableName).SingleAsync());
        Assert.Equal([customer.Id], (await h.Customers.FindDuplicatesAsync("Metallityo Mäkelä Oy", null, "091")).Select(d => d.Id));
    }

    private static readonly List<string> CustomerSearchObjects =
        new[] { "ContactSearch", "CustomerSearch" }.Concat(CustomerSearchTriggers.Names).Order(StringComparer.Ordinal).ToList();

    private static async Task<List<string>> CustomerSearchObjectsAsync(CoreHarness h)
    {
        await using var db = h.Db();
        return await db.Database.SqlQuery<string>($"""
            SELECT name AS "Value" FROM sqlite_master
            WHERE name IN ('CustomerSearch', 'ContactSearch') OR (type = 'trigger' AND tbl_name IN ('Customers', 'Contacts'))
            ORDER BY name
            """).ToListAsync();
    }

    [Fact]
    public async Task Participant_copy_triggers_exist_after_the_last_migration_and_the_copies_cover_earlier_rows()
    {
        await using var h = await CoreHarness.CreateAsync();
        var minna = await h.SignInAsAsync(UserGroup.AccountManager);
        var customer = await h.AddCustomerAsync("Virtasen Kuljetus Oy");
        var id = await h.Activities.CreateAsync(new ActivityEdit
        {
            TypeId = 5, CustomerId = customer.Id, Title = "Käynti", Date = new DateTime(2026, 3, 11), StartTime = new TimeSpan(10, 0, 0),
            DurationMinutes = 90, ParticipantIds = [minna.Id],
        });
        await using (var db = h.Db())
        {
            // Back to before the copies (the columns go), then forward: the migration fills the rows saved before.
            await db.GetService<IMigrator>().MigrateAsync("ScaleCalendarIndexes");
            Assert.Empty(await TriggersAsync(db, "ActivityParticipants_copy%", "Activities_participant_copy%"));
            await db.Database.MigrateAsync();
        }

        await using var check = h.Db();
        Assert.Equal(ActivityParticipantCopies.Names.Order(StringComparer.Ordinal),
            await TriggersAsync(check, "ActivityParticipants_copy%", "Activities_participant_copy%"));
        var copy = await check.ActivityParticipants.SingleAsync(p => p.ActivityId == id);
        Assert.Equal((new DateTime(2026, 3, 11, 8, 0, 0), 2026, 11, true, true, 5, 90),
            (copy.StartsAtUtc, copy.IsoYear, copy.IsoWeek, copy.IsOpen, copy.IsCustomerWork, copy.ActivityTypeId, copy.DurationMinutes));
    }

    private static Task<List<string>> TriggersAsync(PortaaliDbContext db, string pattern, string otherPattern) => db.Database.SqlQuery<string>($"""
        SELECT name AS "Value" FROM sqlite_master WHERE type = 'trigger' AND (name LIKE {pattern} OR name LIKE {otherPattern}) ORDER BY name
        """).ToListAsync();

    [Fact]
    public async Task Migrating_again_at_the_next_start_keeps_the_data()
    {
        await using var h = await CoreHarness.CreateAsync();
        await h.AddCustomerAsync("Espoon Sähkötyö Oy");

        await using (var db = h.Db()) await db.Database.MigrateAsync();

        await using var check = h.Db();
        Assert.Equal("Espoon Sähkötyö Oy", (await check.Customers.SingleAsync()).Name);
    }

    [Fact]
    public async Task Disposing_the_harness_deletes_its_database_file()
    {
        string path;
        await using (var h = await CoreHarness.CreateAsync())
        {
            await h.AddCustomerAsync("Espoon Sähkötyö Oy");
            path = h.DatabasePath;
            Assert.True(File.Exists(path));
        }
        Assert.False(File.Exists(path));
    }
}
