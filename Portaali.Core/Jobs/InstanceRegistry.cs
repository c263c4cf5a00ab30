using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portaali.Core.Data;

namespace Portaali.Core.Jobs;

/// <summary>Keeps this instance's heartbeat and interrupts the runs of instances that are gone. Every instance sweeps
/// (at start-up and with each heartbeat), so a run left by a stopped or crashed instance is marked within
/// <see cref="InstanceOptions.InstanceTimeoutSeconds"/> on any instance — and the runs of live instances are left alone.
/// Silence is counted only while this instance was watching, beat after beat: one held up itself (a starved process, a
/// paused machine) would otherwise, on resuming, take the others that were held up alike for gone.</summary>
public class InstanceRegistry(IDbContextFactory<PortaaliDbContext> dbFactory, ThisInstance self, IOptions<InstanceOptions> options,
    TimeProvider clock, IServiceScopeFactory scopes, ILogger<InstanceRegistry> logger)
{
    /// <summary>This instance's last beat, and until when it has surely been watching: when its beat after the one before
    /// was due. Null until the second beat: an instance just starting has watched no one.</summary>
    private sealed record Watch(DateTime LastBeat, DateTime? WatchedUntil);
    private volatile Watch? watch;

    /// <summary>At start-up: this instance is announced, then what the previous start left is marked (its row went at its
    /// stop, or its process here has ended). An instance silent elsewhere is judged from the next beat on: a starting
    /// instance has watched no one, and may well have been starting slowly on a machine that held the others up too.</summary>
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
        if (await db.AppInstances.Where(i => i.Id == self.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.HeartbeatAt, now), ct) == 0)
        {
            db.AppInstances.Add(new AppInstance
            {
                Id = self.Id, MachineName = self.MachineName, ProcessId = self.ProcessId, ProcessStartedAt = self.ProcessStartedAt,
                StartedAt = now, HeartbeatAt = now,
            });
            await db.SaveChangesAsync(ct);
        }
        // A beat that failed (a database hiccup) moves nothing: this instance cannot vouch for having watched meanwhile.
        watch = new Watch(now, watch?.LastBeat.AddSeconds(Math.Max(1, options.Value.HeartbeatSeconds)));
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

    /// <summary>Removes the instances this instance watched stay silent for the timeout, and those on this machine whose
    /// process has ended (a crash and a restart within the timeout: the previous process is known to be gone without
    /// waiting). The silence is counted up to when this instance's own beat was due, not to now: had it been held up
    /// itself, it did not see the others' beats fail to come.</summary>
    private async Task<int> ForgetGoneAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stale = 0;
        if (watch?.WatchedUntil is { } watchedUntil)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var since = (watchedUntil < now ? watchedUntil : now).AddSeconds(-options.Value.InstanceTimeoutSeconds);
            stale = await db.AppInstances.Where(i => i.HeartbeatAt < since).ExecuteDeleteAsync(ct);
        }
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
