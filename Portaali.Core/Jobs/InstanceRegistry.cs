using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portaali.Core.Data;

namespace Portaali.Core.Jobs;

/// <summary>Keeps this instance's heartbeat and interrupts the runs of instances that are gone. Every instance sweeps
/// (at start-up and with each heartbeat), so a run left by a stopped or crashed instance is marked within
/// <see cref="InstanceOptions.InstanceTimeoutSeconds"/> on any instance — and the runs of live instances are left alone.</summary>
public class InstanceRegistry(IDbContextFactory<PortaaliDbContext> dbFactory, ThisInstance self, IOptions<InstanceOptions> options,
    TimeProvider clock, IServiceScopeFactory scopes, ILogger<InstanceRegistry> logger)
{
    /// <summary>At start-up: this instance is announced, then what the previous start (or a gone instance) left is marked.</summary>
    public async Task JoinAsync(CancellationToken ct = default)
    {
        await BeatAsync(ct);
        await SweepAsync(ct);
    }

    /// <summary>Writes this instance's heartbeat (its row is added when missing).</summary>
    public async Task BeatAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.AppInstances.Where(i => i.Id == self.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.HeartbeatAt, now), ct) > 0) return;
        db.AppInstances.Add(new AppInstance
        {
            Id = self.Id, MachineName = self.MachineName, ProcessId = self.ProcessId, ProcessStartedAt = self.ProcessStartedAt,
            StartedAt = now, HeartbeatAt = now,
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A stop that gets to say so: the instance's row goes, and the others interrupt what it left at their next sweep.</summary>
    public async Task LeaveAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.AppInstances.Where(i => i.Id == self.Id).ExecuteDeleteAsync(ct);
    }

    /// <summary>Forgets the instances that are gone, then marks the runs that depended on one of them (or on no instance
    /// at all: runs from before instances were recorded). Each feature's marking asks in one statement whether the run's
    /// instance still has a row, so an instance joining meanwhile never loses its runs.</summary>
    public async Task SweepAsync(CancellationToken ct = default)
    {
        var gone = await ForgetGoneAsync(ct);
        if (gone > 0) logger.LogInformation("{Count} app instances had stopped without saying so", gone);
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await services.GetRequiredService<Imports.ImportJobs>().MarkInterruptedAsync(ct);
        await services.GetRequiredService<Exports.ExportRunner>().MarkInterruptedAsync(ct);
        await services.GetRequiredService<CarePlans.CarePlanMonitor>().MarkInterruptedAsync(ct);
    }

    /// <summary>Removes the instances without a recent heartbeat, and those on this machine whose process has ended (a crash
    /// and a restart within the timeout: the previous process is known to be gone without waiting).</summary>
    private async Task<int> ForgetGoneAsync(CancellationToken ct)
    {
        var since = clock.GetUtcNow().UtcDateTime.AddSeconds(-options.Value.InstanceTimeoutSeconds);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stale = await db.AppInstances.Where(i => i.HeartbeatAt < since).ExecuteDeleteAsync(ct);
        var neighbours = await db.AppInstances.AsNoTracking().Where(i => i.MachineName == self.MachineName && i.Id != self.Id)
            .Select(i => new { i.Id, i.ProcessId, i.ProcessStartedAt }).ToListAsync(ct);
        var ended = neighbours.Where(i => !IsRunning(i.ProcessId, i.ProcessStartedAt)).Select(i => i.Id).ToList();
        if (ended.Count > 0) await db.AppInstances.Where(i => ended.Contains(i.Id)).ExecuteDeleteAsync(ct);
        return stale + ended.Count;
    }

    private static bool IsRunning(int processId, DateTime startedAt)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return Math.Abs((process.StartTime.ToUniversalTime() - startedAt).TotalSeconds) < 2;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
