using System.Text.RegularExpressions;
using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Portaali.Core.Imports;
using Portaali.Core.Users;
using Portaali.Tests.Imports;
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

    private async Task<int> AddRunAsync(ImportSource source, ImportMode mode, ImportStatus status)
    {
        var run = new ImportRun
        {
            Source = source, Mode = mode, Trigger = ImportTrigger.Scheduled, Status = status, StartedByName = "Ajastus",
            QueuedAt = new DateTime(2026, 11, 22, 0, 0, 0, DateTimeKind.Utc), Created = 2, Updated = 5, Failed = 1,
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

    [Fact]
    public async Task Only_administrators_read_the_overview()
    {
        await SignInAsync(UserGroup.AccountManager);
        await Assert.ThrowsAsync<Portaali.Core.Common.ForbiddenException>(() => Services.GetRequiredService<ImportService>().GetOverviewAsync());
    }
}
