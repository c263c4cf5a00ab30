using Hangfire;
using Portaali.Core.Exports;

namespace Portaali.Web.Setup;

/// <summary>Excel exports on Hangfire: each queued export is a background job, and a daily job (cron
/// <c>Portaali:Exports:CleanupCron</c>, read in Europe/Helsinki; "off" or empty switches it off) removes old files.</summary>
public static class ExportJobs
{
    public const string CleanupJobId = "exports.cleanup";
    public const string CronSetting = "Portaali:Exports:CleanupCron";
    public const string DefaultCron = "15 3 * * *";

    public static IServiceCollection AddExportJobs(this IServiceCollection services)
    {
        services.AddScoped<IExportQueue, HangfireExportQueue>();
        services.AddScoped<ExportJobRunner>();
        return services;
    }

    /// <summary>Registers (or removes) the daily clean-up. Exports a stopped instance left are marked failed by the instance
    /// sweep (<see cref="Core.Jobs.InstanceRegistry"/>).</summary>
    public static Task UseExportJobsAsync(this WebApplication app)
    {
        var cron = app.Configuration[CronSetting] ?? DefaultCron;
        var manager = app.Services.GetRequiredService<IRecurringJobManager>();
        if (string.IsNullOrWhiteSpace(cron) || cron.Trim().Equals("off", StringComparison.OrdinalIgnoreCase))
            manager.RemoveIfExists(CleanupJobId);
        else
            manager.AddOrUpdate<ExportJobRunner>(CleanupJobId, j => j.RemoveExpiredAsync(CancellationToken.None), cron.Trim(),
                new RecurringJobOptions { TimeZone = Core.Calendar.HelsinkiTime.Zone });
        return Task.CompletedTask;
    }
}

/// <summary>Queues an export as a Hangfire background job.</summary>
public class HangfireExportQueue(IBackgroundJobClient jobs) : IExportQueue
{
    public void Enqueue(int jobId) => jobs.Enqueue<ExportJobRunner>(j => j.ExecuteAsync(jobId, CancellationToken.None));
}

/// <summary>Thin wrappers over the Core runner. Not retried: a failed export shows its message and the user starts it again.</summary>
public class ExportJobRunner(ExportRunner runner)
{
    [AutomaticRetry(Attempts = 0)]
    public Task ExecuteAsync(int jobId, CancellationToken ct) => runner.RunAsync(jobId, ct);

    [AutomaticRetry(Attempts = 0)]
    [OneRunPerTrigger]
    public Task RemoveExpiredAsync(CancellationToken ct) => runner.RemoveExpiredAsync(ct);
}
