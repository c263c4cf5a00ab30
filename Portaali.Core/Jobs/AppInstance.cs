using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace Portaali.Core.Jobs;

/// <summary>A running app process, as the other instances on the same database see it: it beats every
/// <see cref="InstanceOptions.HeartbeatSeconds"/> and removes its row when it stops. A run (import, export, care-plan
/// check) records the instance it depends on; once that instance is gone, the run can never finish.</summary>
public class AppInstance
{
    public required string Id { get; set; }
    public required string MachineName { get; set; }
    public int ProcessId { get; set; }
    /// <summary>When the process started (UTC): a process id the system has given to another process is not this one.</summary>
    public DateTime ProcessStartedAt { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime HeartbeatAt { get; set; }
}

/// <summary>How the instances watch each other (<c>Jobs</c> section).</summary>
public class InstanceOptions
{
    public const string Section = "Jobs";

    public int HeartbeatSeconds { get; set; } = 30;
    /// <summary>An instance that has not beaten for this long is taken as gone, and the runs it held are interrupted.</summary>
    public int InstanceTimeoutSeconds { get; set; } = 120;
    /// <summary>True when queued jobs outlive the process that queued them (Hangfire on PostgreSQL): a queued run then still
    /// runs on some instance. False with in-memory job storage, where a stop loses the queue.</summary>
    public bool QueueSurvivesRestart { get; set; }
}

/// <summary>This process (more exactly: this app host; tests run several in one process) among the instances.</summary>
public sealed class ThisInstance(IOptions<InstanceOptions> options)
{
    private static readonly Lazy<DateTime> ProcessStart = new(() => Process.GetCurrentProcess().StartTime.ToUniversalTime());

    /// <summary>Machine, process and a random part: readable in the table, unique per host.</summary>
    public string Id { get; } = $"{Truncate(Environment.MachineName, 50)}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    public string MachineName { get; } = Environment.MachineName;
    public int ProcessId { get; } = Environment.ProcessId;
    public DateTime ProcessStartedAt => ProcessStart.Value;
    public bool QueueSurvivesRestart => options.Value.QueueSurvivesRestart;

    /// <summary>The instance a newly queued run depends on: none when the queue survives a restart, else this one.</summary>
    public string? QueueOwner => QueueSurvivesRestart ? null : Id;

    private static string Truncate(string s, int length) => s.Length <= length ? s : s[..length];
}
