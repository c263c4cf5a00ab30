namespace Portaali.Core.Imports;

/// <summary>A recurring import as the job scheduler holds it: its cron (read in Europe/Helsinki) and when it next runs.</summary>
public record ScheduledImport(string Cron, DateTime? NextRunUtc);

/// <summary>The job scheduler's view of the recurring imports (Hangfire in the app). Without a scheduler nothing is scheduled.</summary>
public interface IImportSchedule
{
    IReadOnlyDictionary<ImportSource, ScheduledImport> Current();
}

public sealed class NoImportSchedule : IImportSchedule
{
    public IReadOnlyDictionary<ImportSource, ScheduledImport> Current() => new Dictionary<ImportSource, ScheduledImport>();
}

/// <summary>One source on the administrators' overview: when it runs, and how its latest real (not dry) run went.</summary>
public record ImportOverviewRow(ImportSource Source, ScheduledImport? Schedule, ImportRunRow? LastRun)
{
    /// <summary>The latest run broke off: the data is as it was before that run, and someone should look.</summary>
    public bool NeedsAttention => LastRun?.Status is ImportStatus.Failed or ImportStatus.Interrupted;
}
