using System.Net;
using Hangfire;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portaali.Core.Data;
using Portaali.Core.Imports;
using Portaali.Core.Jobs;
using Portaali.Core.Users;
using Portaali.Tests.Support;
using Portaali.Web.Setup;

namespace Portaali.Tests.Web.Hosting;

/// <summary>Two app instances on one database: starting one never interrupts the other's runs; a run is interrupted
/// once its instance is gone (a stop at the next heartbeat, a crash after the timeout), and the imports page says so.
/// On SQLite the instances share the file and each has its own in-memory Hangfire; on PostgreSQL they share Hangfire's
/// storage too, so a queued run outlives its instance and a recurring job triggered on both runs once.</summary>
public class RunInstancesTests : IAsyncLifetime
{
    private readonly string sqliteFile = Path.Combine(Path.GetTempPath(), $"portaali-instances-{Guid.NewGuid():N}.db");
    private readonly List<PortaaliWebFactory> instances = [];
    private string? postgreSqlDatabase;

    protected virtual bool OnPostgreSql => false;
    private const int TimeoutSeconds = 8;

    public async Task InitializeAsync()
    {
        if (OnPostgreSql) postgreSqlDatabase = await PostgreSqlTestDatabases.CreateAsync(migrate: true);
    }

    public async Task DisposeAsync()
    {
        foreach (var instance in instances) instance.Dispose();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            try { File.Delete(sqliteFile + suffix); } catch (IOException) { }
        if (postgreSqlDatabase is not null) await PostgreSqlTestDatabases.DropAsync(postgreSqlDatabase);
    }

    /// <summary>An instance that beats every second (or as told) and takes another as gone after eight silent seconds.</summary>
    protected PortaaliWebFactory StartInstance(int heartbeatSeconds = 1, int timeoutSeconds = TimeoutSeconds)
    {
        var instance = new PortaaliWebFactory
        {
            DatabaseFile = OnPostgreSql ? null : sqliteFile,
            PostgreSqlDatabase = postgreSqlDatabase,
            Settings = { ["Jobs:HeartbeatSeconds"] = $"{heartbeatSeconds}", ["Jobs:InstanceTimeoutSeconds"] = $"{timeoutSeconds}" },
        };
        instances.Add(instance);
        _ = instance.Server;
        return instance;
    }

    private void Stop(PortaaliWebFactory instance)
    {
        instances.Remove(instance);
        instance.Dispose();
    }

    [Fact]
    public async Task A_second_instance_starting_leaves_the_first_ones_runs_alone_until_the_first_stops()
    {
        var first = StartInstance();
        var self = first.Services.GetRequiredService<ThisInstance>();
        // As the first instance's engine and queue leave them: one run carried out there, one queued by it.
        var running = await AddRunAsync(first, ImportStatus.Running, self.Id);
        var queued = await AddRunAsync(first, ImportStatus.Queued, self.QueueOwner);

        var second = StartInstance();
        Assert.Equal(ImportStatus.Running, await StatusAsync(second, running));
        Assert.Equal(ImportStatus.Queued, await StatusAsync(second, queued));
        await Task.Delay(TimeSpan.FromSeconds(TimeoutSeconds + 1)); // past the timeout: the first instance keeps beating
        Assert.Equal(ImportStatus.Running, await StatusAsync(second, running));
        var admin = await second.AddUserAsync("Sari Lindqvist", UserGroup.Administrator);
        Assert.DoesNotContain("viimeisin ajo", await ImportsPageAsync(second, admin) ?? "");

        Stop(first); // without finishing its run
        await WaitUntilAsync(async () => await StatusAsync(second, running) == ImportStatus.Interrupted);
        await using (var db = second.OpenDb())
        {
            var run = await db.ImportRuns.SingleAsync(r => r.Id == running);
            Assert.Equal(Portaali.Core.Common.CoreText.Get("ImportInterruptedByRestart"), run.Message);
            Assert.NotNull(run.FinishedAt);
        }
        // A queued run was in the stopped instance's memory on in-memory Hangfire; on PostgreSQL's it still runs.
        Assert.Equal(OnPostgreSql ? ImportStatus.Queued : ImportStatus.Interrupted, await StatusAsync(second, queued));
        var page = await ImportsPageAsync(second, admin) ?? "";
        if (!OnPostgreSql) // on PostgreSQL the queued run, still waiting, is the source's latest
        {
            Assert.Contains("Keskeytyi", page);
            Assert.Contains("viimeisin ajo", page);
        }
    }

    [Fact]
    public async Task A_crashed_instances_runs_are_interrupted_after_the_timeout_and_a_dead_process_here_at_once()
    {
        var elsewhere = new AppInstance
        {
            Id = "toinen-palvelin:4242:crashed", MachineName = "toinen-palvelin", ProcessId = 4242,
            ProcessStartedAt = DateTime.UtcNow.AddHours(-1), StartedAt = DateTime.UtcNow.AddHours(-1), HeartbeatAt = DateTime.UtcNow,
        };
        // This machine, a process that is no more: the embedded app crashed and is started again at once.
        var here = new AppInstance
        {
            Id = $"{Environment.MachineName}:{int.MaxValue}:crashed", MachineName = Environment.MachineName, ProcessId = int.MaxValue,
            ProcessStartedAt = DateTime.UtcNow.AddHours(-1), StartedAt = DateTime.UtcNow.AddHours(-1), HeartbeatAt = DateTime.UtcNow,
        };
        // One instance, whose sweeps the test makes itself (its own heartbeat is an hour away).
        var survivor = StartInstance(heartbeatSeconds: 3600);
        await using (var db = survivor.OpenDb())
        {
            elsewhere.HeartbeatAt = here.HeartbeatAt = DateTime.UtcNow; // both were beating until just now
            db.AppInstances.AddRange(elsewhere, here);
            await db.SaveChangesAsync();
        }
        var onElsewhere = await AddRunAsync(survivor, ImportStatus.Running, elsewhere.Id);
        var onHere = await AddRunAsync(survivor, ImportStatus.Running, here.Id);
        var registry = survivor.Services.GetRequiredService<InstanceRegistry>();

        await registry.SweepAsync();
        Assert.Equal(ImportStatus.Interrupted, await StatusAsync(survivor, onHere));
        Assert.Equal(ImportStatus.Running, await StatusAsync(survivor, onElsewhere));

        // The other machine's instance then stays silent past the timeout: its last beat moved back, rather than the test
        // waiting the timeout out (the sweep judges the beat's age by the same clock).
        await using (var db = survivor.OpenDb())
            await db.AppInstances.Where(i => i.Id == elsewhere.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.HeartbeatAt, DateTime.UtcNow.AddSeconds(-(TimeoutSeconds + 1))));
        await registry.BeatAsync(); // as every periodic sweep follows this instance's own beat
        await registry.SweepAsync();
        Assert.Equal(ImportStatus.Interrupted, await StatusAsync(survivor, onElsewhere));
        await using var check = survivor.OpenDb();
        Assert.Equal([survivor.Services.GetRequiredService<ThisInstance>().Id], await check.AppInstances.Select(i => i.Id).ToListAsync());
    }

    [Fact]
    public async Task An_instance_takes_another_for_gone_only_after_watching_it_stay_silent_for_the_timeout()
    {
        // A watcher on a clock of the test's own beside an instance whose own sweeps stay out of the way (an hour apart).
        var host = StartInstance(heartbeatSeconds: 3600);
        var clock = new FixedClock(DateTimeOffset.UtcNow);
        var options = Options.Create(new InstanceOptions { HeartbeatSeconds = 1, InstanceTimeoutSeconds = TimeoutSeconds });
        var watcher = new InstanceRegistry(host.Services.GetRequiredService<IDbContextFactory<PortaaliDbContext>>(), new ThisInstance(options),
            options, clock, host.Services.GetRequiredService<IServiceScopeFactory>(), NullLogger<InstanceRegistry>.Instance);
        var other = new AppInstance
        {
            Id = "toinen-palvelin:4242:alive", MachineName = "toinen-palvelin", ProcessId = 4242,
            ProcessStartedAt = clock.UtcNow.UtcDateTime.AddHours(-1), StartedAt = clock.UtcNow.UtcDateTime.AddHours(-1),
            HeartbeatAt = clock.UtcNow.UtcDateTime,
        };
        await using (var db = host.OpenDb())
        {
            db.AppInstances.Add(other);
            await db.SaveChangesAsync();
        }
        var run = await AddRunAsync(host, ImportStatus.Running, other.Id);
        async Task OtherBeatsAsync()
        {
            await using var db = host.OpenDb();
            await db.AppInstances.Where(i => i.Id == other.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.HeartbeatAt, clock.UtcNow.UtcDateTime));
        }
        async Task<ImportStatus> WatcherBeatsAsync()
        {
            await watcher.BeatAsync();
            await watcher.SweepAsync();
            return await StatusAsync(host, run);
        }

        // The machine held both up (paused, or a starved process): the watcher starts twice the timeout after the other's
        // last beat. Starting, it has watched no one.
        clock.Advance(TimeSpan.FromSeconds(2 * TimeoutSeconds));
        await watcher.JoinAsync();
        Assert.Equal(ImportStatus.Running, await StatusAsync(host, run));
        await OtherBeatsAsync();
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(ImportStatus.Running, await WatcherBeatsAsync());

        // Both held up again: the watcher's next beat comes twice the timeout late, and it did not see the other's fail to come.
        clock.Advance(TimeSpan.FromSeconds(2 * TimeoutSeconds));
        Assert.Equal(ImportStatus.Running, await WatcherBeatsAsync());

        // The other beats once more, then stays silent while the watcher beats every second: gone after the timeout, not before.
        await OtherBeatsAsync();
        for (var second = 1; second <= TimeoutSeconds; second++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal(ImportStatus.Running, await WatcherBeatsAsync());
        }
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(ImportStatus.Interrupted, await WatcherBeatsAsync());
    }

    protected static async Task<int> AddRunAsync(PortaaliWebFactory instance, ImportStatus status, string? instanceId)
    {
        await using var db = instance.OpenDb();
        var run = new ImportRun
        {
            Source = ImportSource.BusinessInfoCsv, Mode = ImportMode.Apply, Trigger = ImportTrigger.Manual, Status = status,
            StartedByName = "Sari Lindqvist", QueuedAt = DateTime.UtcNow, StartedAt = status == ImportStatus.Running ? DateTime.UtcNow : null,
            InstanceId = instanceId,
        };
        db.ImportRuns.Add(run);
        await db.SaveChangesAsync();
        return run.Id;
    }

    private static async Task<ImportStatus> StatusAsync(PortaaliWebFactory instance, int runId)
    {
        await using var db = instance.OpenDb();
        return await db.ImportRuns.Where(r => r.Id == runId).Select(r => r.Status).SingleAsync();
    }

    /// <summary>The imports page's HTML (on PostgreSQL too: its antiforgery token needs the Data Protection keys there).</summary>
    private async Task<string?> ImportsPageAsync(PortaaliWebFactory instance, AppUser admin)
    {
        var response = await instance.ClientFor(admin).GetAsync("/admin/imports");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode == HttpStatusCode.OK, html[..Math.Min(3000, html.Length)]);
        return html;
    }

    protected static async Task WaitUntilAsync(Func<Task<bool>> condition, int seconds = 30)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"Not so after {seconds} s");
            await Task.Delay(250);
        }
    }
}

public class RunInstancesTestsOnPostgreSql : RunInstancesTests
{
    protected override bool OnPostgreSql => true;

    [Fact]
    public async Task A_recurring_job_triggered_on_both_instances_runs_once_and_a_later_trigger_runs_again()
    {
        // Not about timeouts: a loaded test machine must not make one instance take the other for gone mid-run.
        var first = StartInstance(timeoutSeconds: 120);
        var second = StartInstance(timeoutSeconds: 120);

        var both = new[] { Trigger(first), Trigger(second) };
        var states = new List<string>();
        foreach (var job in both) states.Add(await WaitDoneAsync(first, job));
        Assert.Equal(1, await MonitorRunsAsync(first));
        // The trigger another execution answered is skipped: Hangfire shows it deleted, not failed.
        Assert.Equal(["Deleted", "Succeeded"], states.Order());

        // A trigger after that execution ended asks for a new run.
        var again = Trigger(second);
        var state = await WaitDoneAsync(first, again);
        Assert.True(state == "Succeeded", $"{state}: {Failure(first, again)}");
        Assert.Equal(2, await MonitorRunsAsync(first));
    }

    private static string? Failure(PortaaliWebFactory instance, string jobId) =>
        instance.Services.GetRequiredService<JobStorage>().GetMonitoringApi().JobDetails(jobId)?.History.FirstOrDefault()?.Data is { } data
            && data.TryGetValue("ExceptionMessage", out var message) ? message : null;

    private static string Trigger(PortaaliWebFactory instance) =>
        ((IRecurringJobManagerV2)instance.Services.GetRequiredService<IRecurringJobManager>()).TriggerJob(CarePlanJobs.RecurringJobId);

    private static async Task<int> MonitorRunsAsync(PortaaliWebFactory instance)
    {
        await using var db = instance.OpenDb();
        return await db.CarePlanCheckRuns.CountAsync();
    }

    private static async Task<string> WaitDoneAsync(PortaaliWebFactory instance, string jobId)
    {
        var monitoring = instance.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        string? State() => monitoring.JobDetails(jobId)?.History.FirstOrDefault()?.StateName;
        await WaitUntilAsync(() => Task.FromResult(State() is "Succeeded" or "Failed" or "Deleted"), 60);
        return State()!;
    }
}
