using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using Portaali.Core.Imports;
using Portaali.Core.Users;
using Portaali.Tests.Imports;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Imports;

public class PrhBulkImportTests : IAsyncLifetime
{
    private CoreHarness h = null!;
    private string folder = "";

    public async Task InitializeAsync() => (h, folder) = await ImportHarness.CreateAsync();

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
            other["businessId"]!["value"] = $"9{i:000000}-0";
            other.WriteTo(writer);
        }
        ours.WriteTo(writer);
        minimal.WriteTo(writer);
        writer.WriteEndArray();
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
