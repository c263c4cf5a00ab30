using System.Net;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Portaali.Core.CarePlans;
using Portaali.Core.Data;
using Portaali.Core.Users;
using Portaali.Tests.Support;
using Portaali.Tests.Web;
using Portaali.Web.Setup;

namespace Portaali.Tests.Integration.CarePlans;

/// <summary>The care-plan monitor's Hangfire wiring in the real app (on PostgreSQL, the twin, with Hangfire's storage in the
/// same database).</summary>
public class CarePlanJobsTests : IAsyncLifetime
{
    protected virtual DatabaseProvider DatabaseProvider => DatabaseProvider.Sqlite;

    private string? postgreSqlDatabase;

    public async Task InitializeAsync()
    {
        if (DatabaseProvider == DatabaseProvider.PostgreSql) postgreSqlDatabase = await PostgreSqlTestDatabases.CreateAsync(migrate: true);
    }

    public async Task DisposeAsync()
    {
        if (postgreSqlDatabase is not null) await PostgreSqlTestDatabases.DropAsync(postgreSqlDatabase);
    }

    private static Dictionary<string, RecurringJobDto> RecurringJobs(PortaaliWebFactory factory)
    {
        _ = factory.Server;
        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetRecurringJobs().ToDictionary(j => j.Id);
    }

    [Fact]
    public void Nightly_monitor_runs_at_the_configured_time_in_Helsinki()
    {
        using var factory = new PortaaliWebFactory { PostgreSqlDatabase = postgreSqlDatabase, Settings = { [CarePlanJobs.CronSetting] = "15 3 * * *" } };
        var job = RecurringJobs(factory)[CarePlanJobs.RecurringJobId];
        Assert.Equal("15 3 * * *", job.Cron);
        Assert.Equal("Europe/Helsinki", job.TimeZoneId);
        Assert.Equal(nameof(CarePlanJobRunner.RunNightlyAsync), job.Job.Method.Name);
        Assert.IsType<HangfireCarePlanQueue>(factory.Services.CreateScope().ServiceProvider.GetRequiredService<ICarePlanCheckQueue>());
    }

    [Fact]
    public void Off_switches_the_nightly_monitor_off()
    {
        using var factory = new PortaaliWebFactory { PostgreSqlDatabase = postgreSqlDatabase, Settings = { [CarePlanJobs.CronSetting] = "off" } };
        Assert.DoesNotContain(CarePlanJobs.RecurringJobId, RecurringJobs(factory).Keys);
    }

    [Fact]
    public async Task Queued_recompute_runs_on_Hangfire_and_the_page_opens_in_the_app()
    {
        using var factory = new PortaaliWebFactory { PostgreSqlDatabase = postgreSqlDatabase };
        var user = await factory.AddUserAsync("Minna Lehtonen", UserGroup.AccountManager);
        var html = WebUtility.HtmlDecode(await (await factory.ClientFor(user).GetAsync("/care-plans/monitor")).Content.ReadAsStringAsync());
        Assert.Contains("Hoitosuunnitelmien seuranta", html);
        Assert.Contains("Hoitosuunnitelmia ei ole vielä tarkistettu.", html);

        int runId;
        await using (var db = factory.OpenDb())
        {
            var run = new CarePlanCheckRun { Trigger = CarePlanCheckTrigger.Manual, Status = CarePlanCheckStatus.Running, StartedByName = "Minna Lehtonen", StartedAt = DateTime.UtcNow };
            db.CarePlanCheckRuns.Add(run);
            await db.SaveChangesAsync();
            runId = run.Id;
        }
        using (var scope = factory.Services.CreateScope())
            scope.ServiceProvider.GetRequiredService<ICarePlanCheckQueue>().Enqueue(runId);

        // Hangfire's worker picks the job up; wait for the run to end (a wait, not a timing assertion).
        var status = CarePlanCheckStatus.Running;
        for (var i = 0; i < 600 && status == CarePlanCheckStatus.Running; i++)
        {
            await Task.Delay(100);
            await using var db = factory.OpenDb();
            status = await db.CarePlanCheckRuns.Where(r => r.Id == runId).Select(r => r.Status).SingleAsync();
        }
        Assert.Equal(CarePlanCheckStatus.Succeeded, status);
    }
}
