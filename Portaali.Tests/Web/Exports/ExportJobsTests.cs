using System.Net;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portaali.Core.Exports;
using Portaali.Core.Selections;
using Portaali.Core.Users;
using Portaali.Web.Setup;

namespace Portaali.Tests.Web.Exports;

/// <summary>The exports' Hangfire wiring in the real app: a queued export runs on a worker, the daily clean-up is registered,
/// and /exports lists the export with its download link.</summary>
public class ExportJobsTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("portaali-web-exports-").FullName;

    [Fact]
    public async Task A_queued_export_runs_on_Hangfire_and_the_exports_page_offers_its_download()
    {
        using var factory = new PortaaliWebFactory { Settings = { ["Portaali:Exports:Folder"] = folder } };
        var user = await factory.AddUserAsync("Sari Markkinoija", UserGroup.SalesAndMarketing);
        int jobId;
        await using (var db = factory.OpenDb())
        {
            db.Customers.Add(new Portaali.Core.Customers.Customer { Name = "Örnäsin Hoiva Oy", NameSearch = "örnäsin hoiva oy" });
            var job = new ExportJob
            {
                OwnerUserId = user.Id, Title = "Kaikki", FileName = "Kaikki 2026-03-10.xlsx", State = ExportState.Queued, CreatedAtUtc = DateTime.UtcNow,
                RequestJson = new StoredExportRequest(ExportSourceKind.Definition, null, SelectionTarget.Customers, null, SelectionPurpose.General,
                    false, false, null, ["name"], "fi").Write(),
            };
            db.ExportJobs.Add(job);
            await db.SaveChangesAsync();
            jobId = job.Id;
        }
        using (var scope = factory.Services.CreateScope())
        {
            Assert.IsType<HangfireExportQueue>(scope.ServiceProvider.GetRequiredService<IExportQueue>());
            scope.ServiceProvider.GetRequiredService<IExportQueue>().Enqueue(jobId);
        }

        // Hangfire's worker picks the job up; wait for it to end (a wait, not a timing assertion).
        var state = ExportState.Queued;
        for (var i = 0; i < 600 && state is ExportState.Queued or ExportState.Running; i++)
        {
            await Task.Delay(100);
            await using var db = factory.OpenDb();
            state = await db.ExportJobs.Where(j => j.Id == jobId).Select(j => j.State).SingleAsync();
        }
        Assert.Equal(ExportState.Done, state);
        Assert.Single(Directory.GetFiles(folder, "*.xlsx"));

        var html = WebUtility.HtmlDecode(await (await factory.ClientFor(user).GetAsync("/exports")).Content.ReadAsStringAsync());
        Assert.Contains("Omat Excel-viennit", html);
        Assert.Contains($"href=\"/exports/{jobId}/download\"", html);

        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();
        var cleanup = connection.GetRecurringJobs().Single(j => j.Id == ExportJobs.CleanupJobId);
        Assert.Equal(ExportJobs.DefaultCron, cleanup.Cron);
        Assert.Equal("Europe/Helsinki", cleanup.TimeZoneId);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
