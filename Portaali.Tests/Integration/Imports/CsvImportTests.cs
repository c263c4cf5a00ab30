using Microsoft.EntityFrameworkCore;
using Portaali.Core.Data;
using Portaali.Core.Imports;
using Portaali.Core.Suggestions;
using Portaali.Core.Imports.BusinessInfo;
using Portaali.Core.Segments;
using Portaali.Core.Users;
using Portaali.Tests.Imports;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Imports;

/// <summary>The business-information CSV (admin-kept mapping) and the work-placement system's CSV, on a real SQLite file.</summary>
public class CsvImportTests : IAsyncLifetime
{
    private CoreHarness h = null!;
    private string folder = "";

    protected virtual DatabaseProvider DatabaseProvider => DatabaseProvider.Sqlite;

    public async Task InitializeAsync() => (h, folder) = await ImportHarness.CreateAsync(batchSize: 2, provider: DatabaseProvider);

    public async Task DisposeAsync()
    {
        await h.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    private async Task<ImportRunRow> UploadAndRunAsync(ImportSource source, string fixture, ImportMode mode = ImportMode.Apply)
    {
        await using var file = File.OpenRead(Fixtures.PathOf(fixture));
        var id = await h.Service<ImportService>().StartUploadAsync(source, fixture, file, mode);
        await h.RunQueuedAsync();
        return await h.Service<ImportService>().GetRunAsync(id);
    }

    private Task SaveMappingAsync() => h.Service<ImportService>().SaveMappingAsync(
    [
        new("Y-tunnus", ImportField.BusinessId, false),
        new("Henkilöstö", ImportField.Headcount, true),
        new("Liikevaihto", ImportField.Revenue, true),
        new("Kokoluokka", ImportField.SizeClass, true),
        new("Puhelin", ImportField.Phone, false),
    ]);

    [Fact]
    public async Task Business_info_in_windows_1252_with_decimal_commas_updates_mapped_fields_and_reports_bad_rows_by_line()
    {
        using var _ = UiCulture.Finnish();
        var makela = await h.AddCustomerAsync("Mäkelän Kone Oy", "1234567-1", configure: c => { c.Phone = "09 555 0000"; c.Revenue = 10m; });
        var oljy = await h.AddCustomerAsync("Öljy-Sähkö Oy", "2345678-0");
        await h.AddCustomerAsync("Ääni Oy", "5678901-2");
        await h.SignInAsAsync(UserGroup.Administrator);
        await SaveMappingAsync();

        var run = await UploadAndRunAsync(ImportSource.BusinessInfoCsv, "business-info-1252.csv");

        Assert.Equal(ImportStatus.CompletedWithErrors, run.Status);
        Assert.Equal((2, 0, 3, 1), (run.Updated, run.Unchanged, run.Failed, run.Duplicates));
        Assert.Equal(6, run.Total);
        Assert.Equal(run.Done, run.Updated + run.Unchanged + run.Failed + run.Duplicates);
        var errors = (await h.Service<ImportService>().GetErrorsAsync(run.Id, 0, 50)).Items;
        Assert.Equal([4L, 5, 6, 7], errors.Select(e => e.Line));
        Assert.Equal("Rivillä on 3 kenttää, otsikkorivillä 6.", errors[0].Message);
        Assert.Equal("1234567-1 on tiedostossa jo rivillä 2; rivi ohitettiin.", errors[1].Message);
        Assert.StartsWith("1234567-2: ", errors[2].Message);
        Assert.Equal("Sarake Henkilöstö: \"noin kymmenen\" ei ole luku.", errors[3].Message);

        var first = await h.Customers.GetAsync(makela.Id);
        Assert.Equal(1234567.89m, first.Revenue);
        Assert.Equal(4, first.SizeClass);
        Assert.Equal("09 555 0000", first.Phone); // the mapping lets the file fill the phone, not overwrite it
        Assert.Equal(98765.5m, (await h.Customers.GetAsync(oljy.Id)).Revenue);
        await using var db = h.Db();
        Assert.Equal(45, (await db.CompanyProfiles.SingleAsync(p => p.CustomerId == makela.Id)).Headcount);
    }

    [Fact]
    public async Task Same_business_info_file_twice_changes_nothing_the_second_time()
    {
        await h.AddCustomerAsync("Mäkelän Kone Oy", "1234567-1");
        await h.AddCustomerAsync("Öljy-Sähkö Oy", "2345678-0");
        await h.SignInAsAsync(UserGroup.Administrator);
        await SaveMappingAsync();

        var first = await UploadAndRunAsync(ImportSource.BusinessInfoCsv, "business-info-1252.csv");
        var second = await UploadAndRunAsync(ImportSource.BusinessInfoCsv, "business-info-1252.csv");

        Assert.Equal(2, first.Updated);
        Assert.Equal((0, 2), (second.Updated, second.Unchanged));
        Assert.Equal(first.Failed, second.Failed);
    }

    [Fact]
    public async Task Mapping_must_find_the_customer_and_map_each_field_once()
    {
        using var _ = UiCulture.Finnish();
        await h.SignInAsAsync(UserGroup.Administrator);
        var imports = h.Service<ImportService>();

        var noKey = await Assert.ThrowsAsync<Portaali.Core.Common.ValidationFailedException>(() =>
            imports.SaveMappingAsync([new("Liikevaihto", ImportField.Revenue, true)]));
        Assert.Contains("Y-tunnus tai asiakasnumero", noKey.Message);
        await Assert.ThrowsAsync<Portaali.Core.Common.ValidationFailedException>(() =>
            imports.SaveMappingAsync([new("Y-tunnus", ImportField.BusinessId, false), new("LV", ImportField.Revenue, true), new("LV2", ImportField.Revenue, true)]));

        await imports.SaveMappingAsync([new("Asiakasnro", ImportField.ExternalNumber, true), new("LV", ImportField.Revenue, true)]);
        var saved = await imports.GetMappingAsync();
        Assert.Equal([new FieldMappingRow("Asiakasnro", ImportField.ExternalNumber, false), new FieldMappingRow("LV", ImportField.Revenue, true)], saved);
    }

    [Fact]
    public async Task Work_placement_file_creates_unknown_sites_links_known_ones_and_stops_at_possible_duplicates()
    {
        using var _ = UiCulture.Finnish();
        var espoo = await h.AddCustomerAsync("Espoon Sähkötyö Oy", "6789012-4", municipalityCode: "049");
        var vantaa = await h.AddCustomerAsync("Vantaan Kone Ky", municipalityCode: "092");
        await h.SignInAsAsync(UserGroup.Administrator);

        var dry = await UploadAndRunAsync(ImportSource.WorkPlacementCsv, "work-placement.csv", ImportMode.DryRun);
        Assert.Equal((1, 1, 2), (dry.Created, dry.Updated, dry.Failed));
        await using (var db = h.Db()) Assert.Equal(2, await db.Customers.CountAsync());

        var run = await h.Service<ImportService>().GetRunAsync(await h.Service<ImportService>().ApplyDryRunAsync(dry.Id));
        await h.RunQueuedAsync();
        run = await h.Service<ImportService>().GetRunAsync(run.Id);

        Assert.Equal((1, 1, 2), (run.Created, run.Updated, run.Failed));
        var errors = (await h.Service<ImportService>().GetErrorsAsync(run.Id, 0, 50)).Items;
        Assert.Equal("Mahdollinen kaksoiskappale: Vantaan Kone Ky (–). Lisää asiakkaalle TOP-numero TOP-503 tai korjaa tiedosto.",
            errors.Single(e => e.Line == 4).Message);
        Assert.Contains("Puitesopimus-sarakkeessa", errors.Single(e => e.Line == 5).Message);

        await using var check = h.Db();
        var site = await check.Customers.Include(c => c.ExternalNumbers).Include(c => c.Contacts).SingleAsync(c => c.Name == "Päiväkoti Satakieli");
        Assert.Equal("TOP-501", site.ExternalNumbers.Single(n => n.System == "TOP").Number);
        Assert.Equal("Kuusitie 3, 00270 Helsinki", site.VisitingAddress.ToString());
        Assert.Equal("091", site.MunicipalityCode);
        Assert.Equal(["Liisa Laine", "Pekka Puro"], site.Contacts.Select(c => c.FullName).Order());
        Assert.Equal("liisa.laine@satakieli.fi", site.Contacts.Single(c => c.FirstName == "Liisa").Email);
        var keys = await check.CustomerClassifications.Where(k => k.CustomerId == site.Id).Select(k => k.Node!.SystemKey).ToListAsync();
        Assert.Equal(["group.work-placement", "work-placement.framework-agreement"], keys.Order());
        Assert.Equal("TOP-502", (await check.ExternalNumbers.SingleAsync(n => n.CustomerId == espoo.Id)).Number);
        Assert.Empty(await check.ExternalNumbers.Where(n => n.CustomerId == vantaa.Id).ToListAsync());

        var suggestion = Assert.Single(await h.Service<SuggestionService>().ListOpenAsync(all: true));
        Assert.Equal((SuggestionKind.SegmentB, site.Id), (suggestion.Kind, suggestion.CustomerId));
        await h.Service<SuggestionService>().AcceptAsync(suggestion.Id);
        Assert.Equal(Segment.B, (await h.Customers.GetAsync(site.Id)).Segment);
    }

    [Fact]
    public async Task Same_work_placement_file_twice_creates_nothing_new()
    {
        await h.AddCustomerAsync("Espoon Sähkötyö Oy", "6789012-4", municipalityCode: "049");
        await h.SignInAsAsync(UserGroup.Administrator);

        await UploadAndRunAsync(ImportSource.WorkPlacementCsv, "work-placement.csv");
        int customers, contacts, links;
        await using (var db = h.Db())
            (customers, contacts, links) = (await db.Customers.CountAsync(), await db.Contacts.CountAsync(), await db.CustomerClassifications.CountAsync());
        var second = await UploadAndRunAsync(ImportSource.WorkPlacementCsv, "work-placement.csv");

        Assert.Equal((0, 0, 3), (second.Created, second.Updated, second.Unchanged));
        await using var check = h.Db();
        Assert.Equal((customers, contacts, links), (await check.Customers.CountAsync(), await check.Contacts.CountAsync(), await check.CustomerClassifications.CountAsync()));
    }

    [Fact]
    public async Task Scheduled_job_takes_the_folder_file_records_its_run_and_moves_the_file_aside()
    {
        await h.AddCustomerAsync("Espoon Sähkötyö Oy", "6789012-4", municipalityCode: "049");
        var inbox = Path.Combine(folder, "work-placement");
        Directory.CreateDirectory(inbox);
        File.Copy(Fixtures.PathOf("work-placement.csv"), Path.Combine(inbox, "top-export.csv"));
        h.SignOut(); // a nightly job runs without anyone signed in

        var runId = await h.Service<ImportJobs>().RunScheduledAsync(ImportSource.WorkPlacementCsv);
        var empty = await h.Service<ImportJobs>().RunScheduledAsync(ImportSource.WorkPlacementCsv);

        await h.SignInAsAsync(UserGroup.Administrator);
        var run = await h.Service<ImportService>().GetRunAsync(runId);
        Assert.Equal((ImportTrigger.Scheduled, ImportMode.Apply, ImportStatus.CompletedWithErrors), (run.Trigger, run.Mode, run.Status));
        Assert.Equal(("top-export.csv", 2, 1, 1), (run.FileName, run.Created, run.Updated, run.Failed));
        Assert.Empty(Directory.GetFiles(inbox, "*.csv"));
        Assert.Single(Directory.GetFiles(Path.Combine(inbox, "processed")));
        var nothing = await h.Service<ImportService>().GetRunAsync(empty);
        Assert.Equal(ImportStatus.Succeeded, nothing.Status);
        Assert.Contains(inbox, nothing.Message);
    }
}
