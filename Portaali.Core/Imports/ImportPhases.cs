using System.Diagnostics;

namespace Portaali.Core.Imports;

/// <summary>Where a run's time and allocations went, phase by phase (reading the file, the batches' reads, comparing,
/// writing, recording the run's rows, committing); the engine logs it when the run ends.</summary>
public sealed class ImportPhases
{
    public enum Phase { Read, Prepare, Process, Save, Record, Commit }

    private readonly long[] ticks = new long[Enum.GetValues<Phase>().Length];
    private readonly long[] bytes = new long[Enum.GetValues<Phase>().Length];
    private Phase? current;
    private long startedAt, allocatedAt;

    /// <summary>Ends the phase in progress and starts <paramref name="phase"/>.</summary>
    public void Enter(Phase phase)
    {
        Leave();
        current = phase;
        startedAt = Stopwatch.GetTimestamp();
        allocatedAt = GC.GetTotalAllocatedBytes();
    }

    public void Leave()
    {
        if (current is not { } phase) return;
        ticks[(int)phase] += Stopwatch.GetTimestamp() - startedAt;
        bytes[(int)phase] += GC.GetTotalAllocatedBytes() - allocatedAt;
        current = null;
    }

    public override string ToString() => string.Join(", ", Enum.GetValues<Phase>().Select(p =>
        $"{p.ToString().ToLowerInvariant()} {Stopwatch.GetElapsedTime(0, ticks[(int)p]).TotalMilliseconds:N0} ms / {bytes[(int)p] >> 20:N0} MiB"));
}
