namespace Portaali.Core.Segments.Rfm;

/// <summary>The "Portaali:Rfm" section of appsettings: the window the scores look back over, the fixed thresholds that
/// turn raw values into 1–5, and the nightly schedule. docs/segment-suggestions.md explains each.</summary>
public class RfmOptions
{
    public const string Section = "Portaali:Rfm";

    /// <summary>How many months back contacts and orders count for frequency and monetary.</summary>
    public int WindowMonths { get; set; } = 24;
    /// <summary>Cron of the nightly recompute in <see cref="TimeZone"/>; "off" or empty switches it off.</summary>
    public string Cron { get; set; } = "30 3 * * *";
    public string TimeZone { get; set; } = "Europe/Helsinki";

    // Null until configured: the configuration binder appends to an array that already has values, so the defaults
    // live in the getters below rather than in initialisers.
    /// <summary>Days since the last counted contact or order for R = 2, 3, 4, 5: at most 365 days → 2 … at most 30 → 5.</summary>
    public int[]? RecencyDays { get; set; }
    /// <summary>Counted contacts + orders in the window for F = 2, 3, 4, 5.</summary>
    public int[]? FrequencyCounts { get; set; }
    /// <summary>Order euros (VAT 0 %) in the window for M = 2, 3, 4, 5.</summary>
    public decimal[]? MonetaryEuros { get; set; }

    public int[] RecencyThresholds => RecencyDays ?? [365, 180, 90, 30];
    public int[] FrequencyThresholds => FrequencyCounts ?? [1, 4, 8, 16];
    public decimal[] MonetaryThresholds => MonetaryEuros ?? [0.01m, 5_000m, 20_000m, 50_000m];
    /// <summary>"Top" RFM: each of R, F and M at least this.</summary>
    public int TopMinimum { get; set; } = 4;
}
