using Hangfire;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Portaali.Core.Security;
using Portaali.Core.Usage;

namespace Portaali.Web.Setup;

/// <summary>The usage report's recording in the web app: active days from opened circuits, and the nightly retention job
/// (cron <c>Portaali:Usage:RetentionCron</c>, read in Europe/Helsinki; "off" or empty switches it off). Sign-ins are
/// recorded where they happen, in <see cref="WebSetup"/> and <see cref="EntraSignIn"/>.</summary>
public static class UsageJobs
{
    public const string RetentionJobId = "usage.retention";
    public const string CronSetting = "Portaali:Usage:RetentionCron";
    public const string DefaultCron = "45 3 * * *";

    public static IServiceCollection AddUsageRecording(this IServiceCollection services)
    {
        services.AddScoped<CircuitHandler, ActiveDayCircuitHandler>();
        services.AddScoped<UsageJobRunner>();
        return services;
    }

    public static void UseUsageJobs(this WebApplication app)
    {
        var cron = app.Configuration[CronSetting] ?? DefaultCron;
        var manager = app.Services.GetRequiredService<IRecurringJobManager>();
        if (string.IsNullOrWhiteSpace(cron) || cron.Trim().Equals("off", StringComparison.OrdinalIgnoreCase))
            manager.RemoveIfExists(RetentionJobId);
        else
            manager.AddOrUpdate<UsageJobRunner>(RetentionJobId, j => j.RemoveOldAsync(CancellationToken.None), cron.Trim(),
                new RecurringJobOptions { TimeZone = Core.Calendar.HelsinkiTime.Zone });
    }
}

/// <summary>A signed-in user's circuit opening (or coming back after a dropped connection) marks the day active; the
/// recorder writes each user's day once.</summary>
public class ActiveDayCircuitHandler(AuthenticationStateProvider authentication, UsageRecorder recorder, ILogger<ActiveDayCircuitHandler> logger)
    : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken) => MarkAsync(cancellationToken);

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken) => MarkAsync(cancellationToken);

    private async Task MarkAsync(CancellationToken ct)
    {
        try
        {
            var user = (await authentication.GetAuthenticationStateAsync()).User;
            if (user.UserId() is { } id) await recorder.MarkActiveAsync(id, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A circuit must open whatever happens to a statistic.
            logger.LogError(e, "Could not mark the circuit's user active");
        }
    }
}

/// <summary>Thin wrapper over the Core retention. Not retried: tomorrow night removes the same rows.</summary>
public class UsageJobRunner(UsageRetention retention)
{
    [AutomaticRetry(Attempts = 0)]
    [OneRunPerTrigger]
    public Task RemoveOldAsync(CancellationToken ct) => retention.RemoveOldAsync(ct);
}
