using Microsoft.Extensions.Options;
using Portaali.Core.Jobs;

namespace Portaali.Web.Setup;

/// <summary>This instance's heartbeat, and the sweep that interrupts the runs of instances that stopped or crashed
/// (<see cref="InstanceRegistry"/>). The first beat and sweep happen at start-up in <see cref="Imports.JobsSetup"/>; a stop
/// removes the instance's row, so the others take over its leftovers at their next beat.</summary>
public sealed class InstanceHeartbeat(InstanceRegistry registry, IOptions<InstanceOptions> options, ILogger<InstanceHeartbeat> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.HeartbeatSeconds)));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await registry.BeatAsync(stoppingToken);
                await registry.SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // A database hiccup: the next beat tries again (after the timeout the others take this instance as gone).
                logger.LogWarning(e, "The instance heartbeat failed");
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try { await registry.LeaveAsync(cancellationToken); }
        catch (Exception e) { logger.LogWarning(e, "Could not remove this instance's row at stop; the others will after the timeout"); }
    }
}
