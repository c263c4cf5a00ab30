using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portaali.Core.Suggestions;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Suggestions;

/// <summary>The migration that turned the imports' ImportSuggestions into the one Suggestions table keeps every row.</summary>
public class SuggestionsRenameMigrationTests
{
    [Fact]
    public async Task Open_and_decided_import_suggestions_survive_the_rename_and_stay_decidable()
    {
        await using var h = await CoreHarness.CreateAsync(migrate: false);
        string before;
        await using (var db = h.Db())
        {
            // Looked up rather than named: the lead regenerates the migration (with the same copy step) at the merge.
            var all = db.Database.GetMigrations().ToList();
            var rename = all.Single(m => m.EndsWith("_SuggestionsAndCarePlans", StringComparison.Ordinal));
            before = all[all.IndexOf(rename) - 1];
            await db.GetService<IMigrator>().MigrateAsync(before);
        }
        var open = await h.AddCustomerToEarlySchemaAsync("Konkurssi Oy", "1234567-1");
        var decided = await h.AddCustomerToEarlySchemaAsync("Puitesopimus Oy", "2345678-0");
        await using (var db = h.Db())
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "ImportSuggestions" ("Id", "CustomerId", "Kind", "Code", "Reason", "RunId", "CreatedAt")
                VALUES (41, {open.Id}, 'Passivate', 'KONK', 'Konkurssi', NULL, '2026-01-02 00:00:05')
                """);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "ImportSuggestions" ("Id", "CustomerId", "Kind", "Code", "Reason", "RunId", "CreatedAt", "ResolvedAt", "ResolvedByUserId", "ResolvedByName", "Resolution")
                VALUES (42, {decided.Id}, 'SegmentB', 'FRAMEWORK', 'Puitesopimus', NULL, '2026-01-03 00:00:00', '2026-01-04 10:00:00', NULL, 'Mikko Myyjä', 'Dismissed')
                """);
        }

        await using (var db = h.Db()) await db.Database.MigrateAsync();

        await using var check = h.Db();
        var rows = await check.Suggestions.AsNoTracking().OrderBy(s => s.Id).ToListAsync();
        Assert.Equal(2, rows.Count);
        Assert.Equal((41, open.Id, SuggestionKind.Passivate, "KONK", "Konkurssi", new DateTime(2026, 1, 2, 0, 0, 5), (DateTime?)null),
            (rows[0].Id, rows[0].CustomerId, rows[0].Kind, rows[0].Code, rows[0].Reason, rows[0].CreatedAt, rows[0].ResolvedAt));
        Assert.Equal((42, SuggestionKind.SegmentB, "FRAMEWORK", (SuggestionResolution?)SuggestionResolution.Dismissed, "Mikko Myyjä", (DateTime?)new DateTime(2026, 1, 4, 10, 0, 0)),
            (rows[1].Id, rows[1].Kind, rows[1].Code, rows[1].Resolution, rows[1].ResolvedByName, rows[1].ResolvedAt));

        // The open one is still the customer team's to decide, through the one suggestion mechanism.
        var manager = await h.CreateUserAsync(Portaali.Core.Users.UserGroup.AccountManager, "Mikko Myyjä");
        await h.AddResponsibleAsync(open.Id, manager.Id);
        h.SignInAs(manager);
        var listed = Assert.Single(await h.Service<SuggestionService>().ListOpenAsync());
        Assert.Equal((41, "Konkurssi"), (listed.Id, listed.Reason));
        await h.Service<SuggestionService>().AcceptAsync(41);
        Assert.True((await h.Customers.GetAsync(open.Id)).IsPassive);
    }
}
