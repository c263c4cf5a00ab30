using Microsoft.EntityFrameworkCore;
using Portaali.Core.Data;
using Portaali.Core.Imports;
using Portaali.Core.Seeding;
using Portaali.Core.Users;
using Portaali.Tests.Browser;
using Portaali.Tests.Imports;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Imports;

/// <summary>The files in samples/ do on the seeded demo base what README and docs/imports.md promise a newcomer.</summary>
public class SampleFilesTests : IAsyncLifetime
{
    private CoreHarness h = null!;
    private string folder = "";

    protected virtual DatabaseProvider DatabaseProvider => DatabaseProvider.Sqlite;

    public async Task InitializeAsync()
    {
        (h, folder) = await ImportHarness.CreateAsync(provider: DatabaseProvider);
        await using var db = h.Db();
        await new DemoSeeder(db).SeedAsync();
    }

    public async Task DisposeAsync()
    {
        await h.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    private static string Sample(string name) => Path.Combine(PortaaliServer.RepositoryRoot(), "samples", name);

    private async Task<ImportRunRow> DryRunAsync(ImportSource source, string sample)
    {
        await using var file = File.OpenRead(Sample(sample));
        var id = await h.Service<ImportService>().StartUploadAsync(source, sample, file, ImportMode.DryRun);
        await h.RunQueuedAsync();
        return await h.Service<ImportService>().GetRunAsync(id);
    }

    [Fact]
    public async Task Work_placement_sample_dry_run_creates_one_site_updates_two_and_reports_two_bad_lines()
    {
        using var _ = UiCulture.Finnish();
        await h.SignInAsAsync(UserGroup.Administrator);

        var run = await DryRunAsync(ImportSource.WorkPlacementCsv, "top-tyossaoppimispaikat.csv");

        Assert.Equal((1, 2, 0, 2), (run.Created, run.Updated, run.Unchanged, run.Failed));
        var errors = (await h.Service<ImportService>().GetErrorsAsync(run.Id, 0, 50)).Items;
        Assert.Equal([5L, 6], errors.Select(e => e.Line));
        Assert.Equal("2345678-1: Y-tunnuksen tarkistusmerkki ei täsmää – tarkista numerot.", errors[0].Message);
        Assert.Equal("Rivillä on 2 kenttää, otsikkorivillä 10.", errors[1].Message);
        var changes = (await h.Service<ImportService>().GetChangesAsync(run.Id, 0, 50)).Items;
        var created = changes.Single(c => c.Kind == ImportChangeKind.Create);
        Assert.Equal(("Päiväkoti Tähtisilmä", 4L), (created.CustomerName, created.Line));
        Assert.Contains(created.Changes, f => f.Field == ImportChanges.ResponsibleField && f.New == "Arto Miettinen");
        var jokinen = changes.Single(c => c.CustomerName == "Jokisen Sähkötyö Oy");
        Assert.Contains(jokinen.Changes, f => f.Field == ImportChanges.SuggestionField);
        await using var db = h.Db();
        Assert.False(await db.Customers.AnyAsync(c => c.Name == "Päiväkoti Tähtisilmä"));
    }

    [Fact]
    public async Task Business_information_sample_in_windows_1252_reads_decimal_commas_and_reports_three_bad_lines()
    {
        using var _ = UiCulture.Finnish();
        await h.SignInAsAsync(UserGroup.Administrator);

        var run = await DryRunAsync(ImportSource.BusinessInfoCsv, "yritystiedot-1252.csv");

        Assert.Equal((3, 3), (run.Updated, run.Failed));
        var errors = (await h.Service<ImportService>().GetErrorsAsync(run.Id, 0, 50)).Items;
        Assert.Equal([5L, 6, 7], errors.Select(e => e.Line));
        Assert.Equal("Sarake Henkilöstö: \"noin neljä\" ei ole luku.", errors[0].Message);
        Assert.Equal("Asiakasta ei löydy (2345678-0).", errors[1].Message);
        Assert.Equal("2717359-4: Y-tunnuksen tarkistusmerkki ei täsmää – tarkista numerot.", errors[2].Message);
        var changes = (await h.Service<ImportService>().GetChangesAsync(run.Id, 0, 50)).Items;
        var jokinen = changes.Single(c => c.CustomerName == "Jokisen Sähkötyö Oy").Changes;
        Assert.Contains(jokinen, f => f.Field == nameof(ImportField.Revenue) && f.Old == "1029000" && f.New == "1187450.5");
        Assert.Contains(jokinen, f => f.Field == nameof(ImportField.SizeClass) && f.Old == "2" && f.New == "3");
        Assert.Contains(changes.Single(c => c.CustomerName == "Normoter Oy").Changes,
            f => f.Field == nameof(ImportField.Revenue) && f.New == "356200");
    }
}
