using Hangfire;
using Microsoft.Extensions.Options;
using Portaali.Core.Segments.Rfm;

namespace Portaali.Web.Setup;

/// <summary>The segments' nightly Hangfire job: recompute the RFM scores and run the segment rules. Registered with a
/// stable id at start-up; its cron ("Portaali:Rfm:Cron", Helsinki time) "off" or empty removes it.</summary>
public static class SegmentJobs
{
    public const string RfmJobId = "segments.rfm";

    public static IServiceCollection AddSegmentJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RfmOptions>(configuration.GetSection(RfmOptions.Section));
        services.AddScoped<RfmJobRunner>();
        services.AddHostedService<SegmentJobRegistration>();
        return services;
    }

    /// <summary>Adds, updates or removes the recurring job from the options.</summary>
    public static void Register(IRecurringJobManager manager, RfmOptions options)
    {
        var cron = options.Cron?.Trim();
        if (string.IsNullOrEmpty(cron) || cron.Equals("off", StringComparison.OrdinalIgnoreCase))
            manager.RemoveIfExists(RfmJobId);
        else
            manager.AddOrUpdate<RfmJobRunner>(RfmJobId, j => j.RunAsync(CancellationToken.None), cron,
                new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone) });
    }
}

/// <summary>Registers the recurring job when the host starts, so <see cref="Imports.JobsSetup"/> needs only one line.</summary>
public sealed class SegmentJobRegistration(IRecurringJobManager manager, IOptions<RfmOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        SegmentJobs.Register(manager, options.Value);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>The Hangfire job: a thin wrapper over <see cref="RfmService.RecomputeAsync"/>.</summary>
public class RfmJobRunner(RfmService rfm)
{
    [AutomaticRetry(Attempts = 2, DelaysInSeconds = [600, 1800])]
    [OneRunPerTrigger]
    public Task RunAsync(CancellationToken ct) => rfm.RecomputeAsync(ct);
}
