using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portaali.Core.Auditing;
using Portaali.Core.Classifications;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Imports;

/// <summary>The migration that fixes what earlier PRH runs left behind in a live database.</summary>
public class ImportRepairMigrationTests
{
    private const string Before = "20261122184306_ActivitySeries";

    [Fact]
    public async Task Undated_suggestions_get_their_runs_date_and_a_TOL_2025_code_leaves_the_TOL_2008_field()
    {
        await using var h = await CoreHarness.CreateAsync(migrate: false);
        await using (var db = h.Db()) await db.GetService<IMigrator>().MigrateAsync(Before);
        var damaged = await h.AddCustomerToEarlySchemaAsync("Vanha Nimi Oy", "1234567-1", industryCode: "62010");
        var fine = await h.AddCustomerToEarlySchemaAsync("Pieni Toiminimi", "2345678-0", industryCode: "47190");
        await using (var db = h.Db())
        {
            db.AuditEntries.Add(new AuditEntry
            {
                At = new DateTime(2026, 1, 2), UserName = "Tuonti: YTJ-rajapinta", CustomerId = damaged.Id, EntityType = "Customer", EntityId = damaged.Id,
                Action = "Imported", Changes = JsonSerializer.Serialize(new FieldChange[] { new("IndustryCode", "62020", "62010"), new("IndustryCodeSet", null, "TOIMI4") }),
            });
            await db.SaveChangesAsync();
            // In SQL: the model has columns (NameEn) this schema does not have yet.
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO "ClassificationNodes" ("Name", "SystemKey", "Target", "IsRetired", "SortOrder")
                VALUES ('62010 Ohjelmistojen suunnittelu ja valmistus', 'imported-industry.TOIMI4.62010', 'Customer', 0, 0);
                """);
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO "ImportRuns" ("Id", "Source", "Mode", "Trigger", "Status", "StartedByName", "QueuedAt", "StartedAt", "Done", "Created", "Updated", "Unchanged", "Failed", "Checkpoint")
                VALUES (7, 'PrhApi', 'Apply', 'Scheduled', 'Succeeded', 'Ajastettu', '2026-01-02 00:00:00', '2026-01-02 00:00:05', 2, 0, 1, 1, 0, 0);
                """);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "ImportSuggestions" ("CustomerId", "Kind", "Code", "Reason", "RunId", "CreatedAt")
                VALUES ({damaged.Id}, 'Passivate', 'KONK', 'Konkurssi', 7, '0001-01-01 00:00:00')
                """);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "CompanyProfiles" ("CustomerId", "IndustryCodeSet", "IndustryDescription") VALUES ({damaged.Id}, 'TOIMI4', 'Ohjelmistojen suunnittelu ja valmistus')
                """);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "CompanyProfiles" ("CustomerId", "IndustryCodeSet", "IndustryDescription") VALUES ({fine.Id}, 'TOIMI3', 'Muu vähittäiskauppa')
                """);
        }

        await using (var db = h.Db()) await db.Database.MigrateAsync();

        await using var check = h.Db();
        Assert.Equal(new DateTime(2026, 1, 2, 0, 0, 5), (await check.Suggestions.SingleAsync()).CreatedAt);
        Assert.Equal("62020", (await check.Customers.SingleAsync(c => c.Id == damaged.Id)).IndustryCode);
        Assert.Equal("47190", (await check.Customers.SingleAsync(c => c.Id == fine.Id)).IndustryCode);
        var profiles = await check.CompanyProfiles.OrderBy(p => p.CustomerId).Select(p => new { p.MainLineCode, p.IndustryCodeSet }).ToListAsync();
        Assert.Equal([new { MainLineCode = (string?)"62010", IndustryCodeSet = (string?)"TOIMI4" }, new { MainLineCode = (string?)"47190", IndustryCodeSet = (string?)"TOIMI3" }], profiles);
        Assert.Equal("62010 Ohjelmistojen suunnittelu ja valmistus (TOL 2025)", (await check.ClassificationNodes.SingleAsync(n => n.SystemKey == "imported-industry.TOIMI4.62010")).Name);
    }
}
