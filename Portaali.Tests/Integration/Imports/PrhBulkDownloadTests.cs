using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using Portaali.Core.Data;
using Portaali.Core.Imports;
using Portaali.Core.Suggestions;
using Portaali.Core.Users;
using Portaali.Tests.Imports;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Imports;

/// <summary>The nightly bulk job fetches PRH's all_companies ZIP itself when its folder has none from today.</summary>
public class PrhBulkDownloadTests : IAsyncLifetime
{
    private PrhStub prh = null!;
    private CoreHarness h = null!;
    private string folder = "";

    protected virtual DatabaseProvider DatabaseProvider => DatabaseProvider.Sqlite;

    public async Task InitializeAsync()
    {
        prh = await PrhStub.StartAsync();
        (h, folder) = await ImportHarness.CreateAsync(prh.BaseUrl, provider: DatabaseProvider);
        // The job compares the folder's files with today: let the harness clock agree with the file system's.
        h.Clock.UtcNow = DateTimeOffset.UtcNow;
    }

    public async Task DisposeAsync()
    {
        await h.DisposeAsync();
        await prh.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    private static byte[] Zip(params string[] fixtures)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        using (var writer = new Utf8JsonWriter(zip.CreateEntry("all_companies.json").Open()))
        {
            writer.WriteStartArray();
            foreach (var fixture in fixtures) JsonNode.Parse(Fixtures.Text(fixture))!["companies"]![0]!.WriteTo(writer);
            writer.WriteEndArray();
        }
        return buffer.ToArray();
    }

    private string BulkFolder => Path.Combine(folder, "prh-bulk");

    [Fact]
    public async Task Scheduled_bulk_run_downloads_todays_zip_once_and_takes_our_customers_in()
    {
        var renamed = await h.AddCustomerAsync("Vanha Nimi Oy", "1234567-1");
        prh.AllCompaniesZip = Zip("prh-company-renamed-bankrupt.json", "prh-company-minimal.json");

        var first = await h.Service<ImportJobs>().RunScheduledAsync(ImportSource.PrhBulk);
        var second = await h.Service<ImportJobs>().RunScheduledAsync(ImportSource.PrhBulk);

        Assert.Equal(1, prh.AllCompaniesRequests);
        var today = DateOnly.FromDateTime(h.Clock.UtcNow.UtcDateTime);
        Assert.Equal([$"all_companies-{today:yyyy-MM-dd}.zip"], Directory.GetFiles(BulkFolder).Select(Path.GetFileName));
        await h.SignInAsAsync(UserGroup.Administrator);
        var run = await h.Service<ImportService>().GetRunAsync(first);
        Assert.Equal((ImportStatus.Succeeded, 1, 0), (run.Status, run.Updated, run.Failed));
        Assert.Equal("Uusi Nimi Oy", (await h.Customers.GetAsync(renamed.Id)).Name);
        var again = await h.Service<ImportService>().GetRunAsync(second);
        Assert.Equal((1, 0), (again.Unchanged, again.Updated)); // the same file again: PRH's lastModified says nothing is new
        Assert.Single(await h.Service<SuggestionService>().ListOpenAsync(all: true));
    }

    [Fact]
    public async Task Failed_download_is_recorded_as_a_failed_run_and_thrown_for_Hangfire_to_retry()
    {
        using var _ = UiCulture.Finnish();
        prh.AllCompaniesZip = null;

        await Assert.ThrowsAsync<HttpRequestException>(() => h.Service<ImportJobs>().RunScheduledAsync(ImportSource.PrhBulk));

        await h.SignInAsAsync(UserGroup.Administrator);
        var run = Assert.Single((await h.Service<ImportService>().ListRunsAsync(0, 10)).Items);
        Assert.Equal((ImportSource.PrhBulk, ImportTrigger.Scheduled, ImportStatus.Failed), (run.Source, run.Trigger, run.Status));
        Assert.Contains("503", run.Message);
        Assert.Empty(Directory.GetFiles(BulkFolder, "*.zip"));
    }
}
