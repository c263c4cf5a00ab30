using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using Portaali.Core.Data;
using Portaali.Core.Imports;
using Portaali.Core.Users;
using Portaali.Tests.Imports;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Imports;

public class PrhBulkImportTests : IAsyncLifetime
{
    private CoreHarness h = null!;
    private string folder = "";

    protected virtual DatabaseProvider DatabaseProvider => DatabaseProvider.Sqlite;

    public async Task InitializeAsync() => (h, folder) = await ImportHarness.CreateAsync(provider: DatabaseProvider);

    public async Task DisposeAsync()
    {
        await h.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>An all_companies ZIP: one JSON array of company records, as PRH publishes it daily.</summary>
    private string WriteZip(int strangers)
    {
        var path = Path.Combine(folder, "all_companies.zip");
        using var file = File.Create(path);
        WriteZip(file, strangers);
        return path;
    }

    private static void WriteZip(Stream target, int strangers)
    {
        var ours = JsonNode.Parse(Fixtures.Text("prh-company-renamed-bankrupt.json"))!["companies"]![0]!;
        var minimal = JsonNode.Parse(Fixtures.Text("prh-company-minimal.json"))!["companies"]![0]!;
        using var zip = new ZipArchive(target, ZipArchiveMode.Create, leaveOpen: true);
        using var writer = new Utf8JsonWriter(zip.CreateEntry("all_companies.json").Open());
        writer.WriteStartArray();
        for (var i = 0; i < strangers; i++)
        {
            var other = minimal.DeepClone();
            other["businessId"]!["value"] = StrangerId(i);
            other.WriteTo(writer);
        }
        ours.WriteTo(writer);
        minimal.WriteTo(writer);
        writer.WriteEndArray();
    }

    /// <summary>A valid Business ID of nobody we know.</summary>
    private static string StrangerId(int i)
    {
        for (var n = 9_000_000 + i * 3; ; n++)
            if (Portaali.Core.Customers.BusinessId.CheckDigit(n.ToString("0000000")) is not null)
                return Portaali.Core.Customers.BusinessId.Create(n.ToString("0000000"));
    }

    [Fact]
    public async Task Bulk_file_is_streamed_and_only_our_customers_are_taken_in()
    {
        var renamed = await h.AddCustomerAsync("Vanha Nimi Oy", "1234567-1");
        await h.AddCustomerAsync("Pieni Toiminimi", "2345678-0");
        await h.SignInAsAsync(UserGroup.Administrator);
        var path = WriteZip(strangers: 2000);

        await using var file = File.OpenRead(path);
        var id = await h.Service<ImportService>().StartUploadAsync(ImportSource.PrhBulk, "all_companies.zip", file, ImportMode.Apply);
        await h.RunQueuedAsync();

        var run = await h.Service<ImportService>().GetRunAsync(id);
        Assert.Equal(ImportStatus.Succeeded, run.Status);
        Assert.Equal((1, 1, 0), (run.Updated, run.Unchanged, run.Failed)); // the minimal record changes nothing on a matching name
        Assert.Equal("Uusi Nimi Oy", (await h.Customers.GetAsync(renamed.Id)).Name);
    }

    [Fact]
    public async Task Every_record_of_the_file_is_accounted_for_and_the_counts_add_up()
    {
        await h.AddCustomerAsync("Vanha Nimi Oy", "1234567-1");
        var ours = Enumerable.Range(0, 7).Select(i => StrangerId(1000 + i)).ToList();
        foreach (var businessId in ours) await h.AddCustomerAsync("Pieni Toiminimi", businessId);
        await h.SignInAsAsync(UserGroup.Administrator);
        var renamed = JsonNode.Parse(Fixtures.Text("prh-company-renamed-bankrupt.json"))!["companies"]![0]!;
        var minimal = JsonNode.Parse(Fixtures.Text("prh-company-minimal.json"))!["companies"]![0]!;
        JsonNode With(string id) { var r = minimal.DeepClone(); r["businessId"]!["value"] = id; return r; }
        // 34 records: 8 of our customers, 22 strangers, 3 wrong check digits, and our first customer once more.
        var records = new List<JsonNode> { renamed.DeepClone() };
        records.AddRange(ours.Select(With));
        records.AddRange(Enumerable.Range(0, 22).Select(i => With(StrangerId(i))));
        records.AddRange(new[] { "1234567-2", "7654321-0", "0000001-0" }.Select(With));
        records.Add(renamed.DeepClone());
        var path = Path.Combine(folder, "all_companies.zip");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        await using (var entry = zip.CreateEntry("all_companies.json").Open())
            await JsonSerializer.SerializeAsync(entry, new JsonArray(records.ToArray()));

        await using var file = File.OpenRead(path);
        var id = await h.Service<ImportService>().StartUploadAsync(ImportSource.PrhBulk, "all_companies.zip", file, ImportMode.Apply);
        await h.RunQueuedAsync();

        var run = await h.Service<ImportService>().GetRunAsync(id);
        Assert.Equal(ImportStatus.CompletedWithErrors, run.Status);
        Assert.Equal((34, 1, 7, 22, 3, 1), (run.Done, run.Updated, run.Unchanged, run.Skipped, run.Failed, run.Duplicates));
        Assert.Equal(run.Done, run.Created + run.Updated + run.Unchanged + run.Skipped + run.Failed + run.Duplicates);
        using (UiCulture.Finnish())
            Assert.Equal("34 riviä luettu: 1 päivitetty, 7 ennallaan, 22 ohitettua (ei asiakkaita), 3 hylättyä, 1 toistuva", ImportCountText.Full(run));
        using (UiCulture.English())
            Assert.Equal("34 rows read: 1 updated, 7 unchanged, 22 skipped (not customers), 3 rejected, 1 duplicate", ImportCountText.Full(run));
        using (UiCulture.Finnish())
        {
            var errors = (await h.Service<ImportService>().GetErrorsAsync(id, 0, 50)).Items;
            Assert.Equal([31L, 32, 33, 34], errors.Select(e => e.Line));
            Assert.StartsWith("1234567-2: ", errors[0].Message);
            Assert.Equal("1234567-1 on tiedostossa jo rivillä 1; rivi ohitettiin.", errors[3].Message);
        }
    }

    [Fact]
    public async Task A_file_that_is_not_a_zip_fails_the_run_with_a_message()
    {
        using var _ = UiCulture.Finnish();
        await h.SignInAsAsync(UserGroup.Administrator);
        var id = await h.Service<ImportService>().StartUploadAsync(ImportSource.PrhBulk, "all_companies.zip", new MemoryStream("not a zip"u8.ToArray()), ImportMode.DryRun);
        await h.RunQueuedAsync();

        var run = await h.Service<ImportService>().GetRunAsync(id);
        Assert.Equal(ImportStatus.Failed, run.Status);
        Assert.EndsWith("ei ole ZIP-tiedosto.", run.Message);
    }
}
