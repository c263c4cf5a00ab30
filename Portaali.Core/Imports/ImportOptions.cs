using Portaali.Core.Common;

namespace Portaali.Core.Imports;

/// <summary>The "Imports" section of appsettings.</summary>
public class ImportOptions
{
    public const string Section = "Imports";

    /// <summary>Uploads and the default pick-up folders live under this folder. Empty: "imports" under
    /// <c>Storage:SharedPath</c> (App_Data/imports by default).</summary>
    public string DataFolder { get; set; } = "";
    /// <summary>The largest file an administrator may upload on Tuonnit; PRH's daily ZIP is a few hundred megabytes.</summary>
    public int MaxUploadMegabytes { get; set; } = 500;
    /// <summary>Rows per transaction: a crash loses at most one batch, and the next run completes it. A batch is read in a
    /// few queries and written by prepared commands, so a larger batch mostly saves the per-transaction work.</summary>
    public int BatchSize { get; set; } = 1000;
    /// <summary>The recurring jobs' cron schedules, read in <see cref="TimeZone"/>; an empty schedule switches the job off.</summary>
    public Dictionary<string, string> Schedules { get; set; } = new()
    {
        [nameof(ImportSource.PrhApi)] = "0 2 * * *",
        [nameof(ImportSource.PrhBulk)] = "",
        [nameof(ImportSource.BusinessInfoCsv)] = "30 2 * * *",
        [nameof(ImportSource.WorkPlacementCsv)] = "0 3 * * *",
    };
    public string TimeZone { get; set; } = "Europe/Helsinki";
    public PrhOptions Prh { get; set; } = new();
    /// <summary>The number system the business-information service's customer numbers are stored under.</summary>
    public string BusinessInfoSystem { get; set; } = "Yritystieto";
    public string WorkPlacementSystem { get; set; } = "TOP";
    public WorkPlacementOptions WorkPlacement { get; set; } = new();

    /// <summary>The pick-up folder of a file-based source; a scheduled run takes the oldest file there.</summary>
    public string FolderOf(ImportSource source) => Path.Combine(DataFolder, source switch
    {
        ImportSource.PrhBulk => "prh-bulk",
        ImportSource.BusinessInfoCsv => "business-info",
        ImportSource.WorkPlacementCsv => "work-placement",
        _ => "prh",
    });

    public string UploadFolder => Path.Combine(DataFolder, "uploads");

    /// <summary>What an upload for the source must be: a ZIP for PRH's bulk file, a CSV for the others.</summary>
    public UploadRule UploadRuleOf(ImportSource source) =>
        new([source == ImportSource.PrhBulk ? ".zip" : ".csv"], MaxUploadMegabytes * 1024L * 1024);
}

public class PrhOptions
{
    public string BaseUrl { get; set; } = "https://avoindata.prh.fi/opendata-ytj-api/v3/";
    /// <summary>PRH allows about 300 requests a minute; stay well under it.</summary>
    public int RequestsPerMinute { get; set; } = 120;
    /// <summary>Attempts for one company when PRH answers 429 or 5xx.</summary>
    public int MaxAttempts { get; set; } = 5;
    /// <summary>The first back-off when a 429 carries no Retry-After; doubles on each attempt.</summary>
    public double BackoffSeconds { get; set; } = 5;
    /// <summary>Rows per transaction of the bulk file's import, in place of <see cref="ImportOptions.BatchSize"/>: its records
    /// come fast and are cheap to read again after a crash, and a batch changes rows all over the customers' indexes and name
    /// search, so each commit writes (and journals) thousands of pages however few rows it holds; fewer, larger batches
    /// write each page fewer times. A batch's changed pages stay within the batch connection's page cache.</summary>
    public int BulkBatchSize { get; set; } = 5000;
    /// <summary>Download the daily all_companies ZIP when the bulk folder holds none.</summary>
    public bool DownloadBulk { get; set; } = true;
    /// <summary>The most the bulk file's JSON may expand to; PRH's daily file is a few gigabytes.</summary>
    public long MaxUncompressedMegabytes { get; set; } = 20_000;
    /// <summary>The most the bulk file's JSON may expand per compressed byte; PRH's JSON compresses about 10:1, a zip bomb 1000:1.</summary>
    public int MaxCompressionRatio { get; set; } = 100;
    /// <summary>The largest single company record; PRH's records are a few kilobytes. One record is all the import holds in memory.</summary>
    public int MaxRecordKilobytes { get; set; } = 1024;
}

public class WorkPlacementOptions
{
    /// <summary>The work-placement coordinator's e-mail: the responsible person of sites the TOP import creates (and of
    /// matched sites nobody is responsible for). Unset or unknown: the customer relationship manager.</summary>
    public string? DefaultResponsibleEmail { get; set; }
}
