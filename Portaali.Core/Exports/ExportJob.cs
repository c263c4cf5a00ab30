namespace Portaali.Core.Exports;

public enum ExportState { Queued, Running, Done, Failed }

/// <summary>
/// An Excel export written in the background to a file: large exports never sit whole in a circuit's memory. The owner
/// sees its progress and downloads the file when it is done; old files are removed.
/// </summary>
public class ExportJob
{
    public int Id { get; set; }
    public int OwnerUserId { get; set; }
    /// <summary>What is exported (a selection, list, campaign or grid) and with which columns, as JSON.</summary>
    public required string RequestJson { get; set; }
    public required string Title { get; set; }
    public required string FileName { get; set; }
    public ExportState State { get; set; }
    public int Total { get; set; }
    public int Done { get; set; }
    public string? Error { get; set; }
    /// <summary>Where the finished file is, under the app's data folder; null until done.</summary>
    public string? FilePath { get; set; }
    public long? FileBytes { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? FinishedAtUtc { get; set; }
    /// <summary>The app instance the run depends on: the one carrying it out, or, while it is queued in an instance's
    /// memory (in-memory job storage), the one that queued it. Null for a run queued in lasting job storage.</summary>
    public string? InstanceId { get; set; }
}
