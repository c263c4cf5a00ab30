using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Portaali.Core.Customers;
using Portaali.Core.Data;
using Portaali.Core.Imports;
using Portaali.Core.Users;
using Portaali.Tests.Imports;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Imports;

/// <summary>The bulk file when every customer is in it: a fifth changes, the rest does not, and the same file again writes
/// nothing. Customers are as real ones are: ä/ö in names, some without an address.</summary>
public class PrhBulkRerunTests : IAsyncLifetime
{
    private const int Customers = 200; // three batches of 100 (a real file is bigger, the rule is the same; --prh-scale runs 100,000)
    private CoreHarness h = null!;
    private string folder = "";

    protected virtual DatabaseProvider DatabaseProvider => DatabaseProvider.Sqlite;

    public async Task InitializeAsync() => (h, folder) = await ImportHarness.CreateAsync(provider: DatabaseProvider);

    public async Task DisposeAsync()
    {
        await h.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    private sealed record Ours(int Id, string BusinessId, string Name, string? Street, string? PostalCode, string? City);

    private static string ValidId(int from)
    {
        for (var n = from; ; n++)
            if (BusinessId.CheckDigit(n.ToString("0000000")) is not null) return BusinessId.Create(n.ToString("0000000"));
    }

    private static async Task<List<Ours>> AddCustomersAsync(CoreHarness harness, int count)
    {
        await using var db = harness.Db();
        var customers = Enumerable.Range(0, count).Select(i =>
        {
            var name = $"{(i % 3 == 0 ? "Äänekosken" : i % 3 == 1 ? "Örkin" : "kotkan")} Yritys {i} Oy";
            return new Customer
            {
                Name = name, NameSearch = CustomerRules.SearchForm(name), BusinessId = ValidId(4_000_000 + i * 3), MunicipalityCode = "091",
                CreatedAt = CoreHarness.Now.UtcDateTime,
                VisitingAddress = i % 7 == 0 ? new Address() : new Address { Street = $"Mäkitie {i % 40 + 1}", PostalCode = "00100", City = "Helsinki" },
            };
        }).ToList();
        db.Customers.AddRange(customers);
        await db.SaveChangesAsync();
        return customers.Select(c => new Ours(c.Id, c.BusinessId!, c.Name, c.VisitingAddress.Street, c.VisitingAddress.PostalCode, c.VisitingAddress.City)).ToList();
    }

    /// <summary>Every fifth customer changes in the second file: moved, renamed, another industry, or ceased, in turn.</summary>
    private static int? ChangeOf(int i) => i % 5 == 0 ? i / 5 % 4 : null;

    private static string WriteZip(string folder, string name, IReadOnlyList<Ours> ours, bool changed)
    {
        var records = new JsonArray();
        for (var i = 0; i < ours.Count; i++)
        {
            var c = ours[i];
            var change = changed ? ChangeOf(i) : null;
            var address = new JsonObject { ["type"] = 1, ["postOffices"] = new JsonArray(new JsonObject { ["city"] = c.City?.ToUpperInvariant(), ["languageCode"] = "1", ["municipalityCode"] = "091" }) };
            if ((change == 0 ? "Uusikatu 5" : c.Street) is { } street) address["street"] = street;
            if ((change == 0 ? "02100" : c.PostalCode) is { } post) address["postCode"] = post;
            records.Add(new JsonObject
            {
                ["businessId"] = new JsonObject { ["value"] = c.BusinessId },
                ["names"] = new JsonArray(new JsonObject { ["name"] = change == 1 ? c.Name + " (uusi)" : c.Name, ["type"] = "1", ["version"] = 1 }),
                ["mainBusinessLine"] = new JsonObject
                {
                    ["type"] = change == 2 ? "85420" : "85590", ["typeCodeSet"] = "TOIMI3",
                    ["descriptions"] = new JsonArray(new JsonObject { ["languageCode"] = "1", ["description"] = "Koulutus" }),
                },
                ["addresses"] = new JsonArray(address),
                ["endDate"] = change == 3 ? "2026-02-15" : null,
                ["lastModified"] = change is null ? "2026-01-05T08:00:00" : "2026-03-01T08:00:00",
            });
            if (i % 10 == 0)
                records.Add(new JsonObject
                {
                    ["businessId"] = new JsonObject { ["value"] = ValidId(8_000_000 + i * 3) },
                    ["names"] = new JsonArray(new JsonObject { ["name"] = "Joku Muu Oy", ["type"] = "1", ["version"] = 1 }),
                    ["lastModified"] = "2026-01-05T08:00:00",
                });
        }
        var path = Path.Combine(folder, name);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using var entry = zip.CreateEntry("all_companies.json").Open();
        JsonSerializer.Serialize(entry, records);
        return path;
    }

    private static async Task<ImportRunRow> ImportAsync(CoreHarness harness, string path)
    {
        await using var file = File.OpenRead(path);
        var id = await harness.Service<ImportService>().StartUploadAsync(ImportSource.PrhBulk, Path.GetFileName(path), file, ImportMode.Apply);
        await harness.RunQueuedAsync();
        return await harness.Service<ImportService>().GetRunAsync(id);
    }

    private sealed record State(Dictionary<int, Guid> Versions, int Audit, Dictionary<int, DateTime?> ProfileStamps);

    private static async Task<State> StateAsync(CoreHarness harness)
    {
        await using var db = harness.Db();
        return new State(await db.Customers.ToDictionaryAsync(c => c.Id, c => c.Version), await db.AuditEntries.CountAsync(),
            await db.CompanyProfiles.ToDictionaryAsync(p => p.CustomerId, p => p.UpdatedAt));
    }

    [Fact]
    public async Task A_fifth_changed_writes_exactly_those_customers_and_the_same_file_again_writes_nothing()
    {
        var ours = await AddCustomersAsync(h, Customers);
        await h.SignInAsAsync(UserGroup.Administrator);
        var first = await ImportAsync(h, WriteZip(folder, "all_companies-1.zip", ours, changed: false));
        Assert.Equal(ImportStatus.Succeeded, first.Status);
        Assert.Equal((Customers, Customers / 10), (first.Updated, first.Skipped)); // each customer's first take-in fills its profile

        var before = await StateAsync(h);
        h.Clock.Advance(TimeSpan.FromDays(1));
        var second = WriteZip(folder, "all_companies-2.zip", ours, changed: true);
        var run = await ImportAsync(h, second);
        var changed = ours.Where((_, i) => ChangeOf(i) is not null).Select(c => c.Id).ToHashSet();
        Assert.Equal((changed.Count, Customers - changed.Count, Customers / 10, 0), (run.Updated, run.Unchanged, run.Skipped, run.Failed));
        var afterChange = await StateAsync(h);
        Assert.Equal(changed, afterChange.Versions.Where(v => before.Versions[v.Key] != v.Value).Select(v => v.Key).ToHashSet());
        Assert.Equal(changed, afterChange.ProfileStamps.Where(p => before.ProfileStamps[p.Key] != p.Value).Select(p => p.Key).ToHashSet());

        await using (var db = h.Db())
        {
            var secondRunAt = CoreHarness.Now.UtcDateTime.AddDays(1);
            var audit = await db.AuditEntries.AsNoTracking().Where(a => a.Action == "Imported" && a.At >= secondRunAt)
                .ToDictionaryAsync(a => a.CustomerId, a => a.Changes);
            Assert.Equal(changed, audit.Keys.ToHashSet());
            foreach (var (c, i) in ours.Select((c, i) => (c, i)).Where(x => ChangeOf(x.i) is not null))
            {
                var fields = JsonSerializer.Deserialize<List<Portaali.Core.Auditing.FieldChange>>(audit[c.Id])!.Select(f => f.Field).Order().ToList();
                var expected = ChangeOf(i) switch
                {
                    0 => new List<string> { "VisitingPostalCode", "VisitingStreet" },
                    1 => ["Name"],
                    2 => ["Classification", "IndustryCode", "MainLineCode"],
                    _ => ["EndDate"],
                };
                Assert.Equal(expected, fields);
            }
            var moved = ours[0];
            var customer = await db.Customers.AsNoTracking().SingleAsync(x => x.Id == moved.Id);
            Assert.Equal(("Uusikatu 5", "02100", moved.Name), (customer.VisitingAddress.Street, customer.VisitingAddress.PostalCode, customer.Name));
            Assert.Equal("Örkin Yritys 25 Oy (uusi)", (await db.Customers.AsNoTracking().SingleAsync(x => x.Id == ours[25].Id)).Name);
            Assert.True(await db.Suggestions.AnyAsync(s => s.CustomerId == ours[15].Id && s.Code == "ENDED"));
        }

        h.Clock.Advance(TimeSpan.FromDays(1));
        var rerun = await ImportAsync(h, second);
        Assert.Equal(ImportStatus.Succeeded, rerun.Status);
        Assert.Equal((0, 0, Customers, Customers / 10, 0), (rerun.Created, rerun.Updated, rerun.Unchanged, rerun.Skipped, rerun.Failed));
        Assert.Equal(Customers + Customers / 10, rerun.Done);
        var afterRerun = await StateAsync(h);
        Assert.Equal(afterChange.Audit, afterRerun.Audit);
        Assert.Equal(afterChange.Versions, afterRerun.Versions);
        Assert.Equal(afterChange.ProfileStamps, afterRerun.ProfileStamps);
        Assert.Empty((await h.Service<ImportService>().GetChangesAsync(rerun.Id, 0, 10)).Items);
    }

    [Fact]
    public async Task A_record_the_database_refuses_fails_alone_and_the_rest_of_its_batch_is_taken_in()
    {
        var ours = await AddCustomersAsync(h, 150); // the refused one sits in the middle of the first batch of 100
        await h.SignInAsAsync(UserGroup.Administrator);
        var refused = ours[42];
        await using (var db = h.Db())
        {
            var trigger = h.Provider == DatabaseProvider.Sqlite
                ? "CREATE TRIGGER refuse_one BEFORE INSERT ON CompanyProfiles WHEN new.CustomerId = " + refused.Id +
                  " BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"
                : "CREATE FUNCTION refuse_one() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$; " +
                  "CREATE TRIGGER refuse_one BEFORE INSERT ON \"CompanyProfiles\" FOR EACH ROW WHEN (NEW.\"CustomerId\" = " + refused.Id +
                  ") EXECUTE FUNCTION refuse_one()";
            await db.Database.ExecuteSqlRawAsync(trigger);
        }
        var before = await StateAsync(h);

        var run = await ImportAsync(h, WriteZip(folder, "all_companies-1.zip", ours, changed: false));

        Assert.Equal(ImportStatus.CompletedWithErrors, run.Status);
        Assert.Equal((149, 1, 0, 15, 165), (run.Updated, run.Failed, run.Unchanged, run.Skipped, run.Done));
        await using var check = h.Db();
        var error = await check.ImportRowErrors.AsNoTracking().SingleAsync(e => e.RunId == run.Id);
        Assert.Equal(refused.BusinessId, error.Key);
        Assert.Contains("refused by the test", error.Message);
        var profiled = await check.CompanyProfiles.AsNoTracking().Select(p => p.CustomerId).ToListAsync();
        Assert.Equal(ours.Select(c => c.Id).Where(id => id != refused.Id).Order(), profiled.Order());
        var audited = await check.AuditEntries.AsNoTracking().Where(a => a.Action == "Imported").Select(a => a.CustomerId).ToListAsync();
        Assert.Equal(ours.Select(c => c.Id).Where(id => id != refused.Id).Order(), audited.Order());
        // The refused customer is as it was: no classification, the same version.
        Assert.False(await check.CustomerClassifications.AnyAsync(k => k.CustomerId == refused.Id));
        Assert.Equal(before.Versions[refused.Id], (await check.Customers.AsNoTracking().SingleAsync(c => c.Id == refused.Id)).Version);
        Assert.True(await check.CustomerClassifications.AnyAsync(k => k.CustomerId == ours[43].Id));
    }

    [Fact]
    public async Task Batches_of_a_hundred_give_what_one_record_at_a_time_gives()
    {
        var (single, singleFolder) = await ImportHarness.CreateAsync(batchSize: 1, provider: DatabaseProvider);
        try
        {
            var results = new List<List<string>>();
            foreach (var (harness, dir) in new[] { (h, folder), (single, singleFolder) })
            {
                var ours = await AddCustomersAsync(harness, 60);
                await harness.SignInAsAsync(UserGroup.Administrator);
                await ImportAsync(harness, WriteZip(dir, "all_companies-1.zip", ours, changed: false));
                harness.Clock.Advance(TimeSpan.FromDays(1));
                var run = await ImportAsync(harness, WriteZip(dir, "all_companies-2.zip", ours, changed: true));
                Assert.Equal((12, 48), (run.Updated, run.Unchanged));
                await using var db = harness.Db();
                var rows = await db.Customers.AsNoTracking().OrderBy(c => c.Id)
                    .Select(c => $"{c.Name}|{c.NameSearch}|{c.VisitingAddress.Street}|{c.VisitingAddress.PostalCode}|{c.VisitingAddress.City}|{c.IndustryCode}")
                    .ToListAsync();
                rows.AddRange(await db.CompanyProfiles.AsNoTracking().OrderBy(p => p.CustomerId)
                    .Select(p => $"{p.MainLineCode}|{p.EndDate}|{p.RegistryLastModified}|{p.UpdatedAt}").ToListAsync());
                rows.AddRange(await db.CustomerClassifications.AsNoTracking().OrderBy(k => k.CustomerId).ThenBy(k => k.NodeId)
                    .Select(k => $"{k.CustomerId}|{k.Node!.SystemKey}").ToListAsync());
                rows.AddRange(await db.AuditEntries.AsNoTracking().Where(a => a.Action == "Imported").OrderBy(a => a.CustomerId).ThenBy(a => a.Id)
                    .Select(a => $"{a.CustomerId}|{a.Changes}").ToListAsync());
                results.Add(rows);
            }
            Assert.Equal(results[0], results[1]);
        }
        finally
        {
            await single.DisposeAsync();
            Directory.Delete(singleFolder, recursive: true);
        }
    }
}
