using Portaali.Core.Calendar;

namespace Portaali.Core.KeyAccountTracking;

/// <summary>How many activities of one type; the tracker's "Käynti 3 · Soitto 5".</summary>
public record TypeCount(string TypeName, int Count);

/// <summary>An activity as the tracker names it: its Helsinki date, type and title.</summary>
public record ActivityBrief(DateOnly Date, string TypeName, string Title);

/// <summary><see cref="NotChecked"/>: the care-plan monitor has not run successfully yet.</summary>
public enum CarePlanState { NotChecked, Ok, Broken }

/// <summary>A key account's care plan as the latest succeeded monitor run found it.</summary>
public record CarePlanStatus(CarePlanState State, int BrokenRules, int WorstOverdueDays, DateOnly? CheckedOn);

/// <summary>"3 of 4 targets on track": how many of the year's scorecard targets are on track.</summary>
public record ScorecardSummary(int OnTrack, int Targets);

/// <summary>One active A account on the tracker. Euros are ex VAT, as in the sales reports.</summary>
public record TrackerRow(
    int CustomerId, string Name, IReadOnlyList<string> Responsibles,
    ActivityBrief? LastContact, ActivityBrief? NextPlanned,
    IReadOnlyList<TypeCount> Last30Days, IReadOnlyList<TypeCount> Last90Days,
    int OpenOffers, decimal OpenOffersExVat, decimal OrdersThisYearExVat, int OrdersAwaitingDelivery, int OrdersInDelivery,
    int OpenNegativeFeedback, CarePlanStatus CarePlan, ScorecardSummary Scorecard);

public record TrackerView(DateOnly Today, IReadOnlyList<TrackerRow> Rows);

/// <summary>An account manager's activities per week, one count per week of <see cref="ManagerWorkReport.Weeks"/>.</summary>
public record ManagerWork(int UserId, string Name, IReadOnlyList<int> Counts);

public record ManagerWorkReport(IReadOnlyList<IsoWeek> Weeks, IReadOnlyList<ManagerWork> Managers);

/// <summary>One measure of a scorecard: the target (euros or a count; null when none is set), the actual so far, the
/// share achieved, and whether it is on track (actual at least the target times the share of the year gone).</summary>
public record ScorecardLine(ScorecardMeasure Measure, decimal? Target, decimal Actual, decimal? Achieved, bool? OnTrack, Guid? Version)
{
    public bool IsEuros => Measure == ScorecardMeasure.SalesEuros;
}

public record Scorecard(int CustomerId, string CustomerName, int Year, decimal ElapsedShare, IReadOnlyList<ScorecardLine> Lines, bool CanEdit)
{
    public ScorecardSummary Summary => new(Lines.Count(l => l.OnTrack == true), Lines.Count(l => l.Target is not null));
}

/// <summary>A month of the year's trend: where the linear target path is by the month's end, and the cumulative actual
/// (null for months not begun yet).</summary>
public record TrendMonth(int Month, decimal? TargetPath, decimal? Actual);

public record MeasureTrend(ScorecardMeasure Measure, decimal? Target, IReadOnlyList<TrendMonth> Months);

/// <summary>A target as typed in the edit dialog (empty removes it), with the version it was loaded at (null: there was none).</summary>
public record ScorecardTargetInput(ScorecardMeasure Measure, string? Text, Guid? Version);
