using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Portaali.Core.CarePlans;
using Portaali.Tests.Web;
using Portaali.Web.Setup;

namespace Portaali.Tests.Integration.CarePlans;

/// <summary>The care-plan monitor's Hangfire wiring in the real app.</summary>
public class CarePlanJobsTests
{
    private static Dictionary<string, RecurringJobDto> RecurringJobs(PortaaliWebFactory factory)
    {
        _ = factory.Server;
        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetRecurringJobs().ToDictionary(j => j.Id);
    }

    [Fact]
    public void Nightly_monitor_runs_at_the_configured_time_in_Helsinki()
    {
        using var factory = new PortaaliWebFactory { Settings = { [CarePlanJobs.CronSetting] = "15 3 * * *" } };
        var job = RecurringJobs(factory)[CarePlanJobs.RecurringJobId];
        Assert.Equal("15 3 * * *", job.Cron);
        Assert.Equal("Europe/Helsinki", job.TimeZoneId);
        Assert.Equal(nameof(CarePlanJobRunner.RunNightlyAsync), job.Job.Method.Name);
        Assert.IsType<HangfireCarePlanQueue>(factory.Services.CreateScope().ServiceProvider.GetRequiredService<ICarePlanCheckQueue>());
    }

    [Fact]
    public void Off_switches_the_nightly_monitor_off()
    {
        using var factory = new PortaaliWebFactory { Settings = { [CarePlanJobs.CronSetting] = "off" } };
        Assert.DoesNotContain(CarePlanJobs.RecurringJobId, RecurringJobs(factory).Keys);
    }
}
