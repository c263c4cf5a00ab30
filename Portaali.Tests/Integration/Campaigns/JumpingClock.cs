using System.Collections.Concurrent;

namespace Portaali.Tests.Integration.Campaigns;

/// <summary>A clock that stands still until a service waits on it: each timer jumps the clock by its due time and fires
/// at once, so paced sending runs without real waiting and the pauses show in the recorded times.</summary>
public sealed class JumpingClock(DateTimeOffset start) : TimeProvider
{
    private long ticks = start.UtcTicks;
    private readonly ConcurrentQueue<TimeSpan> waits = new();

    public IReadOnlyList<TimeSpan> Waits => waits.ToList();

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref ticks), TimeSpan.Zero);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime == Timeout.InfiniteTimeSpan) return new Idle();
        waits.Enqueue(dueTime);
        Interlocked.Add(ref ticks, dueTime.Ticks);
        ThreadPool.QueueUserWorkItem(_ => callback(state));
        return new Idle();
    }

    private sealed class Idle : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;
        public void Dispose() { }
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
