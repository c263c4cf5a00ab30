using Hangfire.Common;
using Hangfire.PostgreSql;
using Hangfire.Server;
using Hangfire.Storage;

namespace Portaali.Web.Setup;

/// <summary>
/// A recurring job runs once per trigger across the instances. Hangfire already enqueues each scheduled occurrence once
/// (its scheduler holds a lock in the shared storage), but a trigger — the dashboard's "Trigger now" on two instances,
/// or a trigger while the night's run goes on — enqueues another job each time. Here a trigger made before another
/// execution of the same recurring job ended is answered by that execution: the job is skipped (Hangfire lists it deleted)
/// when the same recurring job is running right now on any instance, or when one finished after this job was created.
/// A trigger after an execution ended is a new request and runs. Works on every Hangfire storage; across instances it
/// needs a shared one (PostgreSQL).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OneRunPerTriggerAttribute : JobFilterAttribute, IServerFilter
{
    /// <summary>When each recurring job last finished without an error, in Hangfire's storage.</summary>
    public const string FinishedHash = "portaali:recurring-finished";
    private const string LockItem = "portaali:recurring-lock";

    public void OnPerforming(PerformingContext context)
    {
        var id = context.GetJobParameter<string>("RecurringJobId");
        if (string.IsNullOrEmpty(id)) return;
        IDisposable held;
        try
        {
            held = context.Connection.AcquireDistributedLock($"portaali:recurring:{id}", TimeSpan.FromSeconds(1));
        }
        catch (Exception e) when (e is DistributedLockTimeoutException or PostgreSqlDistributedLockException)
        {
            context.Canceled = true; // running on some instance now: that execution answers this trigger
            return;
        }
        var finished = context.Connection.GetAllEntriesFromHash(FinishedHash)?.GetValueOrDefault(id);
        if (finished is not null && JobHelper.DeserializeDateTime(finished) >= context.BackgroundJob.CreatedAt)
        {
            held.Dispose();
            context.Canceled = true;
            return;
        }
        context.Items[LockItem] = new Held(id, held);
    }

    public void OnPerformed(PerformedContext context)
    {
        if (!context.Items.TryGetValue(LockItem, out var item) || item is not Held held) return;
        try
        {
            if (context.Exception is null && !context.Canceled)
                context.Connection.SetRangeInHash(FinishedHash, [new(held.RecurringJobId, JobHelper.SerializeDateTime(DateTime.UtcNow))]);
        }
        finally
        {
            held.Lock.Dispose();
        }
    }

    private sealed record Held(string RecurringJobId, IDisposable Lock);
}
