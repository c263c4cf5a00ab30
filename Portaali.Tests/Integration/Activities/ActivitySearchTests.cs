using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portaali.Core.Activities;
using Portaali.Core.Data;
using Portaali.Core.Users;
using Portaali.Tests.Support;
using static Portaali.Tests.Integration.Activities.ActivityTestData;

namespace Portaali.Tests.Integration.Activities;

/// <summary>The browse text filter over titles and memos: on SQLite through the FTS5 trigram index, on PostgreSQL (the twin)
/// through the pg_trgm index.</summary>
public class ActivitySearchTests : HarnessTest
{
    private static readonly DateTime Monday = new(2026, 3, 2, 10, 0, 0);

    private async Task<IReadOnlyList<string>> TitlesAsync(string text, int? typeId = null) =>
        (await H.Activities.BrowseAsync(new ActivityQuery { Text = text, TypeId = typeId, Sort = ActivitySort.StartsAscending }))
            .Items.Select(r => r.Title).ToList();

    private async Task<int> VisitAsync(int customerId, string title, string memo, int day = 0) =>
        await H.Activities.CreateAsync(Edit(Visit, customerId, title, Monday.AddDays(day), memo: memo));

    [Fact]
    public async Task A_word_only_in_the_memo_is_found()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy");
        await VisitAsync(customer.Id, "Käynti", "Sovitut asiat\n- Trukkikortti syksyllä kahdelle kuljettajalle");
        await VisitAsync(customer.Id, "Toinen käynti", "Ei mitään erityistä", day: 1);

        Assert.Equal(["Käynti"], await TitlesAsync("trukkikortti"));
        Assert.Equal(["Käynti"], await TitlesAsync("TRUKKIKORTTI kuljettajalle"));
        Assert.Empty(await TitlesAsync("trukkikortti erityistä")); // every word must occur in the same activity
    }

    [Fact]
    public async Task The_start_of_a_word_and_a_part_of_a_compound_are_found()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy");
        await VisitAsync(customer.Id, "Koulutustarpeet", "Henkilöstökoulutus keväällä");
        await VisitAsync(customer.Id, "Työpaikkaohjaajat", "Työpaikkaohjaajakoulutuksen tarve", day: 1);
        await VisitAsync(customer.Id, "Kahvit", "Yleistä juttelua", day: 2);

        Assert.Equal(["Koulutustarpeet", "Työpaikkaohjaajat"], await TitlesAsync("koulu"));
        Assert.Equal(["Koulutustarpeet"], await TitlesAsync("henkilöstö"));
        Assert.Equal(["Työpaikkaohjaajat"], await TitlesAsync("ohjaaja"));
    }

    [Fact]
    public async Task Finnish_letters_match_with_or_without_dots_and_in_any_case()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy");
        await VisitAsync(customer.Id, "Käynti Hämeenlinnassa", "Työturvallisuus");

        // Typed on a phone or a foreign keyboard without ä/ö, or in capitals: the same activity.
        foreach (var text in new[] { "käynti", "kaynti", "KÄYNTI", "hameenlinna", "tyoturvallisuus", "TYÖTURVALLISUUS" })
            Assert.Equal(["Käynti Hämeenlinnassa"], await TitlesAsync(text));
    }

    [Fact]
    public async Task An_edited_memo_is_found_by_its_new_words_and_no_longer_by_the_old()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy");
        var id = await VisitAsync(customer.Id, "Käynti", "Tavoite: oppisopimus");

        var edit = (await H.Activities.GetAsync(id)).Edit;
        edit.Memo = "Tavoite: hitsauskoulutus";
        edit.Title = "Käynti hitsaamolla";
        await H.Activities.UpdateAsync(id, edit);

        Assert.Equal(["Käynti hitsaamolla"], await TitlesAsync("hitsauskoulutus"));
        Assert.Equal(["Käynti hitsaamolla"], await TitlesAsync("hitsaamo"));
        Assert.Empty(await TitlesAsync("oppisopimus"));
        await AssertIndexIntactAsync();
    }

    [Fact]
    public async Task A_deleted_activity_does_not_linger_in_the_index()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy");
        var id = await VisitAsync(customer.Id, "Käynti", "Vuosisopimus allekirjoitetaan");
        await VisitAsync(customer.Id, "Käynti uudelleen", "Vuosisopimus allekirjoitettu", day: 1);

        await using (var db = H.Db())
        {
            await db.ActivityParticipants.Where(p => p.ActivityId == id).ExecuteDeleteAsync();
            await db.Activities.Where(a => a.Id == id).ExecuteDeleteAsync();
        }

        Assert.Equal(["Käynti uudelleen"], await TitlesAsync("vuosisopimus"));
        if (H.Provider == DatabaseProvider.Sqlite)
        {
            await using var check = H.Db();
            Assert.Equal(1, await check.Database.SqlQuery<int>($"SELECT count(*) AS \"Value\" FROM \"ActivitySearch\" WHERE \"ActivitySearch\" MATCH 'vuosisopimus'").SingleAsync());
        }
        await AssertIndexIntactAsync();
    }

    [Fact]
    public async Task Activities_of_a_merged_duplicate_are_found_once_under_the_survivor()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        var survivor = await H.AddCustomerAsync("Virtasen Kuljetus Oy");
        var duplicate = await H.AddCustomerAsync("Virtanen Kuljetus");
        await VisitAsync(duplicate.Id, "Käynti kaksoiskappaleella", "Lämpöpumppuasentajat");

        await H.SignInAsAsync(UserGroup.Administrator);
        await H.Customers.MergeAsync(duplicate.Id, survivor.Id);

        var hits = await H.Activities.BrowseAsync(new ActivityQuery { Text = "lämpöpumppu" });
        Assert.Equal(survivor.Id, Assert.Single(hits.Items).CustomerId);
        Assert.Equal(0, (await H.Activities.BrowseAsync(new ActivityQuery { Text = "lämpöpumppu", CustomerId = duplicate.Id })).TotalCount);
        await AssertIndexIntactAsync();
    }

    [Fact]
    public async Task Text_search_combines_with_the_other_filters_and_pages_in_sql()
    {
        var me = await H.SignInAsAsync(UserGroup.AccountManager);
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy");
        for (var i = 0; i < 12; i++)
            await H.Activities.CreateAsync(Edit(i % 2 == 0 ? Visit : Call, customer.Id, $"Asia {i:00}", Monday.AddDays(i),
                memo: i % 3 == 0 ? "Oppisopimuskoulutus" : "Muuta"));

        // 00, 03, 06 and 09 mention it; the even ones are visits.
        var visits = await H.Activities.BrowseAsync(new ActivityQuery { Text = "oppisopimus", TypeId = Visit, UserId = me.Id, PageSize = 1, Page = 1 });
        Assert.Equal(2, visits.TotalCount);
        Assert.Equal("Asia 00", Assert.Single(visits.Items).Title); // newest first, second page
        Assert.Equal(["Asia 03", "Asia 09"], await TitlesAsync("oppisopimus", typeId: Call));
    }

    [Fact]
    public async Task Short_words_are_matched_too()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy");
        await VisitAsync(customer.Id, "EU-hankkeen aloitus", "Rahoitus haettu");
        await VisitAsync(customer.Id, "Muu käynti", "Rahoitus ei ajankohtainen", day: 1);

        Assert.Equal(["EU-hankkeen aloitus"], await TitlesAsync("eu rahoitus"));
    }

    [Theory]
    [InlineData("\"oppisopimus")]
    [InlineData("oppisopimus\"")]
    [InlineData("oppisopimus*")]
    [InlineData("(oppisopimus) OR")]
    [InlineData("oppisopimus AND")]
    [InlineData("NEAR(oppisopimus")]
    [InlineData("Title:oppisopimus")]
    [InlineData("'oppisopimus'; DROP TABLE Activities; --")]
    public async Task Quotes_and_query_syntax_in_the_text_neither_crash_nor_hide_the_match(string text)
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy");
        await VisitAsync(customer.Id, "Käynti", "Title:oppisopimus or and near drop table activities");

        Assert.Equal(["Käynti"], await TitlesAsync(text));
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("*")]
    [InlineData("%_")]
    [InlineData("^ - : ( )")]
    [InlineData("\"\"\"")]
    public async Task Text_made_only_of_syntax_filters_nothing_out(string text)
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy");
        await VisitAsync(customer.Id, "Käynti", "Muistio");

        Assert.Equal(["Käynti"], await TitlesAsync(text));
    }

    /// <summary>FTS5's own check that the external-content index holds exactly the rows and words of Activities. PostgreSQL's
    /// trigram index is an index of the table itself, which cannot drift from its rows: nothing to check there.</summary>
    private async Task AssertIndexIntactAsync()
    {
        if (H.Provider != DatabaseProvider.Sqlite) return;
        await using var db = H.Db();
        // Throws "database disk image is malformed" (SQLITE_CORRUPT_VTAB) when the index and its content differ.
        await db.Database.ExecuteSqlRawAsync("INSERT INTO \"ActivitySearch\"(\"ActivitySearch\", rank) VALUES ('integrity-check', 1)");
    }
}

/// <summary>The SQLite migration that made the FTS5 index (PostgreSQL's initial migration starts from the current model).</summary>
public class ActivitySearchMigrationTests
{
    private static readonly DateTime Monday = new(2026, 3, 2, 10, 0, 0);

    [Fact]
    public async Task Activities_recorded_before_the_migration_are_indexed_by_it_and_down_removes_the_index()
    {
        await using var h = await CoreHarness.CreateAsync(migrate: false);
        await using (var db = h.Db())
            await db.GetService<IMigrator>().MigrateAsync("Imports");
        var me = await h.SignInAsAsync(UserGroup.AccountManager);
        var customer = await h.AddCustomerToEarlySchemaAsync("Virtasen Kuljetus Oy");
        await using (var db = h.Db())
        {
            // In SQL, with the columns the table had then: the current model has columns added by later migrations.
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO "Activities" ("Title", "Memo", "SearchText", "ActivityTypeId", "CustomerId", "StartsAtUtc", "DurationMinutes",
                    "LocalDate", "IsoYear", "IsoWeek", "Status", "CreatedByUserId", "CreatedByName", "CreatedAtUtc", "UpdatedAtUtc", "UpdatedByName", "Version")
                VALUES ('Vanha käynti', 'Ennen hakua kirjattu muistio', '', {Visit}, {customer.Id}, {Monday}, 60,
                    {DateOnly.FromDateTime(Monday)}, 2026, 10, 'Done', {me.Id}, '', {Monday}, {Monday}, '', {Guid.NewGuid()})
                """);
            await db.Database.MigrateAsync();
        }

        Assert.Equal(["Vanha käynti"], (await h.Activities.BrowseAsync(new ActivityQuery { Text = "hakua kirjattu" })).Items.Select(r => r.Title));
        Assert.Equal(["Activities_search_delete", "Activities_search_insert", "Activities_search_update", "ActivitySearch"], await SearchObjectsAsync(h));

        await using (var db = h.Db())
            await db.GetService<IMigrator>().MigrateAsync("Imports");
        Assert.Empty(await SearchObjectsAsync(h));
    }

    /// <summary>The search index and its triggers (Activities has triggers of its own for other copies, such as the participants').</summary>
    private static async Task<List<string>> SearchObjectsAsync(CoreHarness h)
    {
        await using var db = h.Db();
        return await db.Database.SqlQuery<string>(
            $"SELECT name AS \"Value\" FROM sqlite_master WHERE name = 'ActivitySearch' OR (type = 'trigger' AND tbl_name = 'Activities' AND name LIKE 'Activities^_search^_%' ESCAPE '^') ORDER BY name").ToListAsync();
    }
}
