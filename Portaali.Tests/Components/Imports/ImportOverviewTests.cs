using System.Text.RegularExpressions;
using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Portaali.Core.Imports;
using Portaali.Core.Users;
using Portaali.Tests.Imports;
using Portaali.Tests.Support;
using Portaali.Web.Components.Pages.Admin.Imports;
using Portaali.Web.Imports;

namespace Portaali.Tests.Components.Imports;

/// <summary>The overview at the top of the Tuonnit page. The schedule is given as Hangfire holds it (Hangfire's own storage
/// is read by <see cref="HangfireImportSchedule"/>, tested in the running app by JobsDashboardTests).</summary>
public class ImportOverviewTests : ComponentHarness
{
    private sealed class NightlyPrhSchedule : IImportSchedule
    {
        public IReadOnlyDictionary<ImportSource, ScheduledImport> Current() => new Dictionary<ImportSource, ScheduledImport>
        {
            [ImportSource.PrhApi] = new("0 2 * * *", new DateTime(2026, 11, 23, 0, 0, 0, DateTimeKind.Utc)),
        };
    }

    public ImportOverviewTests()
    {
        Services.AddSingleton<IImportQueue, RecordingImportQueue>();
        Services.AddSingleton<IImportSchedule, NightlyPrhSchedule>();
    }

    private async Task<int> AddRunAsync(ImportSource source, ImportMode mode, ImportStatus status, int created = 2, int updated = 5, int failed = 1,
        int duplicates = 0)
    {
        var run = new ImportRun
        {
            Source = source, Mode = mode, Trigger = ImportTrigger.Scheduled, Status = status, StartedByName = "Ajastus",
            QueuedAt = new DateTime(2026, 11, 22, 0, 0, 0, DateTimeKind.Utc), Created = created, Updated = updated, Failed = failed,
            Duplicates = duplicates,
        };
        await WithDbAsync(db => { db.ImportRuns.Add(run); return db.SaveChangesAsync(); });
        return run.Id;
    }

    private static string Text(AngleSharp.Dom.IElement e) => Regex.Replace(e.TextContent, @"\s+", " ").Trim();

    [Fact]
    public async Task A_failed_night_is_an_alert_and_every_source_shows_its_schedule_and_latest_run()
    {
        await SignInAsync(UserGroup.Administrator);
        var failed = await AddRunAsync(ImportSource.PrhApi, ImportMode.Apply, ImportStatus.Failed);
        await AddRunAsync(ImportSource.BusinessInfoCsv, ImportMode.Apply, ImportStatus.Succeeded);
        await AddRunAsync(ImportSource.WorkPlacementCsv, ImportMode.DryRun, ImportStatus.Succeeded); // a dry run is not a run
        int? opened = null;

        var overview = Render<ImportOverview>(p => p.Add(o => o.OpenRun, (int id) => opened = id));
        overview.WaitForAssertion(() => Assert.Equal(4, overview.FindAll("[data-testid=import-overview-row]").Count));

        var alert = Text(overview.Find("[data-testid=import-attention]"));
        Assert.Contains("YTJ-rajapinta", alert);
        Assert.Contains("22.11.2026 2.00", alert); // midnight UTC is 2.00 in Helsinki
        var rows = overview.FindAll("[data-testid=import-overview-row]").Select(Text).ToList();
        var prh = rows.Single(r => r.StartsWith("YTJ-rajapinta"));
        Assert.Contains("Joka päivä klo 2.00", prh);
        Assert.Contains("23.11.2026 2.00", prh); // the next run in Helsinki time
        Assert.Contains("Epäonnistui", prh);
        Assert.Contains("Ei ajastettu", rows.Single(r => r.Contains("TOP")));
        Assert.Contains("Ei vielä ajettu", rows.Single(r => r.Contains("TOP")));
        Assert.Single(overview.FindAll("[data-testid=import-attention]"));

        await overview.Find("[data-testid=import-attention] button").ClickAsync(new MouseEventArgs());
        Assert.Equal(failed, opened);
    }

    [Theory]
    [InlineData("fi", "1 uusi, 2 päivitettyä, 2 hylättyä", "2 uutta, 1 päivitetty, 1 hylätty", "ei muutoksia")]
    [InlineData("en", "1 new, 2 updated, 2 rejected", "2 new, 1 updated, 1 rejected", "no changes")]
    public async Task Latest_runs_counts_read_as_words_in_singular_and_plural(string language, string prh, string top, string nothing)
    {
        using var _ = language == "fi" ? UiCulture.Finnish() : UiCulture.English();
        await SignInAsync(UserGroup.Administrator);
        await AddRunAsync(ImportSource.PrhApi, ImportMode.Apply, ImportStatus.CompletedWithErrors, created: 1, updated: 2, failed: 1, duplicates: 1);
        await AddRunAsync(ImportSource.WorkPlacementCsv, ImportMode.Apply, ImportStatus.CompletedWithErrors, created: 2, updated: 1, failed: 1);
        await AddRunAsync(ImportSource.BusinessInfoCsv, ImportMode.Apply, ImportStatus.Succeeded, created: 0, updated: 0, failed: 0);

        var overview = Render<ImportOverview>();
        overview.WaitForAssertion(() => Assert.Equal(3, overview.FindAll("[data-testid=import-overview-counts]").Count));

        var counts = overview.FindAll("[data-testid=import-overview-counts]").Select(Text).ToList();
        Assert.Equal([prh, nothing, top], counts);
        Assert.DoesNotContain("+", overview.Find("[data-testid=import-overview]").TextContent);
    }

    [Fact]
    public async Task Only_administrators_read_the_overview()
    {
        await SignInAsync(UserGroup.AccountManager);
        await Assert.ThrowsAsync<Portaali.Core.Common.ForbiddenException>(() => Services.GetRequiredService<ImportService>().GetOverviewAsync());
    }
}
