using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portaali.Core.Activities;
using Portaali.Core.Calendar;
using Portaali.Core.Common;
using Portaali.Core.Data;
using Portaali.Core.Security;

namespace Portaali.Core.CarePlans;

/// <summary>Hands a requested monitor run to the background job runner (Hangfire in the app).</summary>
public interface ICarePlanCheckQueue
{
    void Enqueue(int runId);
}

/// <summary>A second run was asked for while one is still going.</summary>
public class CarePlanRunInProgressException(int runId) : DomainException(CoreText.Get("CarePlanRunInProgress"))
{
    public int RunId { get; } = runId;
}

/// <summary>The care-plan monitor's runs: checks every active customer against the active versions of the plans that
/// apply to it, in a few set-based queries per plan, and records the run and its breaches. The nightly job calls
/// <see cref="RunAsync"/>; "recompute now" queues a run through <see cref="RequestRunAsync"/>.</summary>
public class CarePlanMonitor(IDbContextFactory<PortaaliDbContext> dbFactory, AccessGuard guard, TimeProvider clock,
    IServiceProvider services, Jobs.ThisInstance instance, ILogger<CarePlanMonitor> logger)
{
    private const int InsertBatch = 2000;

    /// <summary>Records a run and carries it out at once (the nightly job, tests). Returns the run's id.</summary>
    public async Task<int> RunAsync(CarePlanCheckTrigger trigger, CancellationToken ct = default)
    {
        var runId = await StartRunAsync(trigger, null, CoreText.Get("CarePlanRunNightly"), instance.Id, ct);
        await ExecuteAsync(runId, ct);
        return runId;
    }

    /// <summary>"Recompute now": records a running run in the signed-in user's name and queues it. Refused while another
    /// run is going (the message says so), so two recomputes never write breaches side by side.</summary>
    public async Task<int> RequestRunAsync(CancellationToken ct = default)
    {
        var actor = await guard.DemandAsync(Policies.KeepCarePlans);
        var runId = await StartRunAsync(CarePlanCheckTrigger.Manual, actor.Id, actor.Name, instance.QueueOwner, ct);
        var queue = services.GetService<ICarePlanCheckQueue>() ?? throw new InvalidOperationException("No care-plan check queue is registered");
        queue.Enqueue(runId);
        return runId;
    }

    /// <summary>Runs whose instance is gone (<see cref="Jobs.InstanceRegistry"/>) can never finish: they are marked failed,
    /// so a new run may start. A requested run not yet picked up has no instance while the job queue outlives the instances
    /// (it still runs); with in-memory job storage, runs from before instances were recorded have none either.</summary>
    public async Task MarkInterruptedAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var queueLost = !instance.QueueSurvivesRestart;
        var count = await db.CarePlanCheckRuns.Where(r => r.Status == CarePlanCheckStatus.Running)
            .Where(r => r.InstanceId == null ? queueLost : !db.AppInstances.Any(i => i.Id == r.InstanceId))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, CarePlanCheckStatus.Failed)
                .SetProperty(r => r.Error, CoreText.Get("CarePlanRunInterrupted"))
                .SetProperty(r => r.FinishedAt, clock.GetUtcNow().UtcDateTime), ct);
        if (count > 0) logger.LogWarning("{Count} care-plan monitor runs were left unfinished by a stopped instance", count);
    }

    private async Task<int> StartRunAsync(CarePlanCheckTrigger trigger, int? userId, string userName, string? instanceId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Two starts at once (one on each app instance) are serialised, and the second sees the first's row.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SerialiseAsync(WriteLock.CarePlanCheck, ct);
        var running = await db.CarePlanCheckRuns.Where(r => r.Status == CarePlanCheckStatus.Running).Select(r => (int?)r.Id).FirstOrDefaultAsync(ct);
        if (running is { } id) throw new CarePlanRunInProgressException(id);
        var now = clock.GetUtcNow().UtcDateTime;
        var run = new CarePlanCheckRun
        {
            Trigger = trigger, Status = CarePlanCheckStatus.Running, StartedByUserId = userId, StartedByName = userName,
            StartedAt = now, CheckedOn = HelsinkiTime.Today(clock), InstanceId = instanceId,
        };
        db.CarePlanCheckRuns.Add(run);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return run.Id;
    }

    /// <summary>Checks every active customer for a run recorded as running, writes its breaches and, once it succeeded,
    /// removes the breaches of older runs (the run rows stay). A failure is recorded on the run with its error.</summary>
    public async Task ExecuteAsync(int runId, CancellationToken ct = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            if (!await db.CarePlanCheckRuns.AnyAsync(r => r.Id == runId && r.Status == CarePlanCheckStatus.Running, ct)) return;
        try
        {
            var today = HelsinkiTime.Today(clock);
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
            {
                var active = await db.Customers.CountAsync(c => !c.IsPassive, ct);
                await db.CarePlanCheckRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.CheckedOn, today).SetProperty(r => r.CustomersChecked, active)
                    .SetProperty(r => r.InstanceId, instance.Id), ct);
            }
            var broken = new HashSet<int>();
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
            {
                foreach (var plan in await CarePlanRules.ActivePlansAsync(db, ct))
                {
                    var breaches = await CheckPlanAsync(db, plan, today, ct);
                    foreach (var chunk in breaches.Chunk(InsertBatch))
                    {
                        foreach (var b in chunk) b.RunId = runId;
                        db.CarePlanBreaches.AddRange(chunk);
                        await db.SaveChangesAsync(ct);
                        db.ChangeTracker.Clear();
                    }
                    broken.UnionWith(breaches.Select(b => b.CustomerId));
                    // Progress for the page while a long run goes on.
                    await db.CarePlanCheckRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s.SetProperty(r => r.CustomersBroken, broken.Count), ct);
                }
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                await db.CarePlanCheckRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.Status, CarePlanCheckStatus.Succeeded)
                    .SetProperty(r => r.CustomersBroken, broken.Count)
                    .SetProperty(r => r.FinishedAt, clock.GetUtcNow().UtcDateTime), ct);
                await db.CarePlanBreaches.Where(b => b.RunId != runId).ExecuteDeleteAsync(ct);
                await tx.CommitAsync(ct);
            }
        }
        catch (Exception e)
        {
            logger.LogError(e, "Care-plan monitor run {RunId} failed", runId);
            await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
            await db.CarePlanBreaches.Where(b => b.RunId == runId).ExecuteDeleteAsync(CancellationToken.None);
            await db.CarePlanCheckRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, CarePlanCheckStatus.Failed)
                .SetProperty(r => r.Error, e.Message)
                .SetProperty(r => r.FinishedAt, clock.GetUtcNow().UtcDateTime), CancellationToken.None);
            if (e is OperationCanceledException) throw;
        }
    }

    /// <summary>The broken rules of one plan's active version for all its active customers: one query for the contact
    /// gap (last contact, planned contact and since when the customer is under the plan, aggregated per customer in
    /// SQL) and one per yearly requirement (this year's count per customer). Each aggregate is an index seek per
    /// customer on IX_Activities_CarePlanMonitor (see <see cref="CarePlanModel"/>).</summary>
    private static async Task<List<CarePlanBreach>> CheckPlanAsync(PortaaliDbContext db, ActivePlan plan, DateOnly today, CancellationToken ct)
    {
        var version = await db.CarePlanVersions.AsNoTracking().Where(v => v.Id == plan.VersionId)
            .Select(v => new
            {
                v.MaxContactGapDays, v.PlannedContactCounts,
                Types = v.ContactTypes.Select(t => t.ActivityTypeId).ToList(),
                Requirements = v.Requirements.Select(r => new { r.Id, r.ActivityTypeId, r.KeywordId, r.PerYear }).ToList(),
            })
            .AsSplitQuery().FirstAsync(ct);
        var breaches = new List<CarePlanBreach>();
        var under = CarePlanRules.CustomersUnder(db, plan, db.Customers.Where(c => !c.IsPassive));

        if (version.MaxContactGapDays is { } gap)
        {
            var types = version.Types;
            var planned = version.PlannedContactCounts;
            var cutoff = today.AddDays(-gap);
            // A counted contact is dated today or earlier (Helsinki) and reported done or in progress. A past activity
            // still open (Hoitamatta) was planned but never reported, perhaps called off: counting it would let an
            // unreported plan hide the gap. With PlannedContactCounts, one dated later today or after keeps it in order.
            var open = ActivityStatus.Open;
            var rows = await under.Select(u => new
                {
                    u.CustomerId, u.CameUnderAt,
                    LastContact = db.Activities
                        .Where(a => a.CustomerId == u.CustomerId && types.Contains(a.ActivityTypeId) && a.LocalDate <= today && a.Status != open)
                        .Max(a => (DateOnly?)a.LocalDate),
                    Planned = planned && db.Activities.Any(a => a.CustomerId == u.CustomerId && types.Contains(a.ActivityTypeId)
                        && (a.LocalDate > today || a.LocalDate == today && a.Status == open)),
                })
                // Filtered here rather than in SQL, where EF would repeat each subquery in the WHERE clause.
                .AsNoTracking().ToListAsync(ct);
            foreach (var row in rows)
            {
                if (row.Planned || row.LastContact >= cutoff) continue;
                var cameUnder = DateOnly.FromDateTime(HelsinkiTime.ToLocal(row.CameUnderAt));
                var from = row.LastContact is { } last && last > cameUnder ? last : cameUnder;
                var since = CarePlanRules.DaysBetween(from, today);
                if (since <= gap) continue;
                breaches.Add(new CarePlanBreach
                {
                    CustomerId = row.CustomerId, CarePlanVersionId = plan.VersionId, Kind = CarePlanBreachKind.ContactGap,
                    LastContactOn = row.LastContact, AllowedGapDays = gap, OverdueDays = since - gap,
                });
            }
        }

        var yearStart = new DateOnly(today.Year, 1, 1);
        foreach (var r in version.Requirements)
        {
            var (typeId, keywordId, perYear) = (r.ActivityTypeId, r.KeywordId, r.PerYear);
            var done = ActivityStatus.Done;
            var rows = await under.Select(u => new
                {
                    u.CustomerId,
                    Done = db.Activities.Count(a => a.CustomerId == u.CustomerId && a.ActivityTypeId == typeId
                        && (keywordId == null || a.KeywordId == keywordId)
                        && a.Status == done && a.LocalDate >= yearStart && a.LocalDate <= today),
                })
                .AsNoTracking().ToListAsync(ct);
            breaches.AddRange(rows.Where(x => x.Done < perYear).Select(x => new CarePlanBreach
            {
                CustomerId = x.CustomerId, CarePlanVersionId = plan.VersionId, Kind = CarePlanBreachKind.YearlyRequirement,
                RequirementId = r.Id, Required = perYear, Done = x.Done,
                OverdueDays = CarePlanRules.YearlyOverdueDays(today, perYear, x.Done),
            }));
        }
        return breaches;
    }
}
