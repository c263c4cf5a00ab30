using Portaali.Core.Segments;

namespace Portaali.Core.CarePlans;

/// <summary>An activity type a plan names (as a counted contact or a yearly requirement).</summary>
public record CarePlanTypeRef(int Id, string Name);

/// <summary>"At least <see cref="PerYear"/> × type (with keyword) per year", as the plan names it.</summary>
public record CarePlanRequirementView(int ActivityTypeId, string TypeName, int? KeywordId, string? KeywordName, int PerYear,
    string LabelFi, string LabelEn)
{
    /// <summary>The plan's own name for it in the UI language, falling back to Finnish, then to the type (and keyword).</summary>
    public string Label(bool english) =>
        english && !string.IsNullOrWhiteSpace(LabelEn) ? LabelEn
        : !string.IsNullOrWhiteSpace(LabelFi) ? LabelFi
        : KeywordName is null ? TypeName : $"{TypeName}: {KeywordName}";
}

/// <summary>The measurable part of a version: the allowed gap, what counts as a contact, what is required per year.</summary>
public record CarePlanRulesView(int? MaxContactGapDays, bool PlannedContactCounts, IReadOnlyList<CarePlanTypeRef> ContactTypes,
    IReadOnlyList<CarePlanRequirementView> Requirements)
{
    public bool IsEmpty => MaxContactGapDays is null && Requirements.Count == 0;
}

/// <summary>One row of the plan list: whom it is for, its active version in short and whether anything waits.</summary>
public record CarePlanRow(int Id, CarePlanScope Scope, Segment? Segment, string? GroupName, int? ActiveNumber, DateOnly? ReviewOn,
    bool ReviewDue, CarePlanRulesView? Rules, bool HasPendingChange);

/// <summary>A version in full: the two columns in both languages, who is responsible, the rules and how it came about.</summary>
public record CarePlanVersionView(int Id, int Number, CarePlanVersionState State, string CareFi, string CareEn, string InternalFi,
    string InternalEn, string ResponsibleFi, string ResponsibleEn, int? ResponsibleUserId, string? ResponsibleUserName, DateOnly ReviewOn,
    CarePlanRulesView Rules, string ChangeNote, DateTime CreatedAt, string CreatedByName, DateTime? ActiveFrom, DateTime? DecidedAt,
    string? DecidedByName, string? DecisionNote)
{
    /// <summary>The text in the UI language; an English text left empty shows the Finnish one.</summary>
    public string Care(bool english) => english && !string.IsNullOrWhiteSpace(CareEn) ? CareEn : CareFi;
    public string Internal(bool english) => english && !string.IsNullOrWhiteSpace(InternalEn) ? InternalEn : InternalFi;
    public string Responsible(bool english) => english && !string.IsNullOrWhiteSpace(ResponsibleEn) ? ResponsibleEn : ResponsibleFi;
}

/// <summary>One line of a plan's version history.</summary>
public record CarePlanHistoryRow(int Id, int Number, CarePlanVersionState State, string CreatedByName, DateTime CreatedAt,
    string ChangeNote, DateTime? ActiveFrom, string? DecidedByName, DateTime? DecidedAt, string? DecisionNote);

/// <summary>A plan with its active version, the change waiting for approval (if any) and every version so far, newest first.</summary>
public record CarePlanDetails(int Id, CarePlanScope Scope, Segment? Segment, string? GroupName, CarePlanVersionView? Active,
    CarePlanVersionView? Pending, IReadOnlyList<CarePlanHistoryRow> History, bool ReviewDue)
{
    /// <summary>A change to this plan waits for management (the A plan, thesis 5.3.6).</summary>
    public bool ChangesNeedApproval => CarePlanRules.ChangesNeedApproval(Scope, Segment);
}

/// <summary>A plan that applies to one customer, with its active version.</summary>
public record CustomerCarePlanView(int PlanId, CarePlanScope Scope, Segment? Segment, string? GroupName, CarePlanVersionView Active);

/// <summary>What the edit dialog types. Numbers are typed text, read by Core in the UI language, so a bad one gets a message.</summary>
public class CarePlanEdit
{
    public string CareFi { get; set; } = "";
    public string CareEn { get; set; } = "";
    public string InternalFi { get; set; } = "";
    public string InternalEn { get; set; } = "";
    public string ResponsibleFi { get; set; } = "";
    public string ResponsibleEn { get; set; } = "";
    public int? ResponsibleUserId { get; set; }
    public DateOnly? ReviewOn { get; set; }
    /// <summary>Whole days, 1–365; empty = no cadence rule.</summary>
    public string? MaxContactGapDays { get; set; }
    public bool PlannedContactCounts { get; set; }
    public List<int> ContactTypeIds { get; set; } = [];
    public List<CarePlanRequirementEdit> Requirements { get; set; } = [];
    public string ChangeNote { get; set; } = "";

    /// <summary>The form filled with a version, for changing it.</summary>
    public static CarePlanEdit From(CarePlanVersionView v) => new()
    {
        CareFi = v.CareFi, CareEn = v.CareEn, InternalFi = v.InternalFi, InternalEn = v.InternalEn,
        ResponsibleFi = v.ResponsibleFi, ResponsibleEn = v.ResponsibleEn, ResponsibleUserId = v.ResponsibleUserId, ReviewOn = v.ReviewOn,
        MaxContactGapDays = v.Rules.MaxContactGapDays?.ToString(System.Globalization.CultureInfo.CurrentCulture),
        PlannedContactCounts = v.Rules.PlannedContactCounts, ContactTypeIds = [.. v.Rules.ContactTypes.Select(t => t.Id)],
        Requirements = [.. v.Rules.Requirements.Select(r => new CarePlanRequirementEdit
        {
            ActivityTypeId = r.ActivityTypeId, KeywordId = r.KeywordId, LabelFi = r.LabelFi, LabelEn = r.LabelEn,
            PerYear = r.PerYear.ToString(System.Globalization.CultureInfo.CurrentCulture),
        })],
    };
}

public class CarePlanRequirementEdit
{
    public int? ActivityTypeId { get; set; }
    public int? KeywordId { get; set; }
    /// <summary>Whole number 1–52.</summary>
    public string? PerYear { get; set; }
    public string LabelFi { get; set; } = "";
    public string LabelEn { get; set; } = "";
}

/// <summary>What the edit dialog chooses from: active activity types with their active keywords, active people.</summary>
public record CarePlanEditChoices(IReadOnlyList<CarePlanTypeChoice> Types, IReadOnlyList<CarePlanTypeRef> People);

public record CarePlanTypeChoice(int Id, string Name, IReadOnlyList<CarePlanTypeRef> Keywords);

/// <summary>What a saved change became: applied at once, or waiting for management.</summary>
public record CarePlanSaveResult(int VersionId, int Number, CarePlanVersionState State);
