using Hangfire;
using Portaali.Core.CarePlans;

namespace Portaali.Web.Setup;

/// <summary>The care-plan monitor on Hangfire: the nightly run (cron <c>Portaali:CarePlans:MonitorCron</c>, read in
/// Europe/Helsinki; "off" or empty switches it off) and the queued "recompute now".</summary>
public static class CarePlanJobs
{
    public const string RecurringJobId = "care-plans.monitor";
    public const string CronSetting = "Portaali:CarePlans:MonitorCron";
    public const string DefaultCron = "30 2 * * *";

    public static IServiceCollection AddCarePlanJobs(this IServiceCollection services)
    {
        services.AddScoped<ICarePlanCheckQueue, HangfireCarePlanQueue>();
        services.AddScoped<CarePlanJobRunner>();
        return services;
    }

    /// <summary>Registers (or removes) the nightly job. Runs a stopped instance left are marked failed by the instance
    /// sweep (<see cref="Core.Jobs.InstanceRegistry"/>).</summary>
    public static Task UseCarePlanJobsAsync(this WebApplication app)
    {
        var cron = app.Configuration[CronSetting] ?? DefaultCron;
        var manager = app.Services.GetRequiredService<IRecurringJobManager>();
        if (string.IsNullOrWhiteSpace(cron) || cron.Trim().Equals("off", StringComparison.OrdinalIgnoreCase))
            manager.RemoveIfExists(RecurringJobId);
        else
            manager.AddOrUpdate<CarePlanJobRunner>(RecurringJobId, j => j.RunNightlyAsync(CancellationToken.None), cron.Trim(),
                new RecurringJobOptions { TimeZone = Core.Calendar.HelsinkiTime.Zone });
        return Task.CompletedTask;
    }
}

/// <summary>Queues a requested run as a Hangfire background job.</summary>
public class HangfireCarePlanQueue(IBackgroundJobClient jobs) : ICarePlanCheckQueue
{
    public void Enqueue(int runId) => jobs.Enqueue<CarePlanJobRunner>(j => j.ExecuteAsync(runId, CancellationToken.None));
}

/// <summary>Thin wrappers over the Core monitor. Not retried: the run records the failure and the next night (or a
/// person's recompute) tries again.</summary>
public class CarePlanJobRunner(CarePlanMonitor monitor)
{
    [AutomaticRetry(Attempts = 0)]
    [OneRunPerTrigger]
    public async Task RunNightlyAsync(CancellationToken ct)
    {
        // Someone's recompute is running: its list is as fresh as tonight's would be.
        try { await monitor.RunAsync(CarePlanCheckTrigger.Nightly, ct); }
        catch (CarePlanRunInProgressException) { }
    }

    [AutomaticRetry(Attempts = 0)]
    public Task ExecuteAsync(int runId, CancellationToken ct) => monitor.ExecuteAsync(runId, ct);
}
