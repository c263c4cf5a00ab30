using Portaali.Core.Classifications;
using Portaali.Core.Segments;

namespace Portaali.Core.CarePlans;

/// <summary>Whom a plan is written for: every customer of one segment (thesis table 6), or every customer of one
/// customer group, a top-level node under "Asiakasryhmät" (table 5). A customer falls under its segment's plan and
/// the plan of each customer group it is classified in.</summary>
public enum CarePlanScope { Segment, CustomerGroup }

/// <summary>A care plan (asiakkuuden hoitosuunnitelma): one per segment and one per customer group. Its content and
/// rules live in <see cref="CarePlanVersion"/>s; the plan itself only says whom it is for.</summary>
public class CarePlan
{
    public int Id { get; set; }
    public CarePlanScope Scope { get; set; }
    /// <summary>Set when <see cref="Scope"/> is <see cref="CarePlanScope.Segment"/>; one plan per segment.</summary>
    public Segment? Segment { get; set; }
    /// <summary>Set when <see cref="Scope"/> is <see cref="CarePlanScope.CustomerGroup"/>; one plan per group node.</summary>
    public int? CustomerGroupId { get; set; }
    public ClassificationNode? CustomerGroup { get; set; }
    public List<CarePlanVersion> Versions { get; set; } = [];
}

/// <summary><see cref="PendingApproval"/>: a change to the A plan, waiting for management; the previous active version
/// still applies. <see cref="Active"/>: the one version that applies (at most one per plan). <see cref="Superseded"/>:
/// an older active version, kept for the record. <see cref="Rejected"/>: a change management turned down.</summary>
public enum CarePlanVersionState { PendingApproval, Active, Superseded, Rejected }

/// <summary>One version of a plan: the text the customer team keeps (in Finnish and English, in the thesis's two
/// columns) and the measurable rules the app checks. A change makes a new version; versions are never edited after
/// they applied.</summary>
public class CarePlanVersion
{
    public int Id { get; set; }
    public int CarePlanId { get; set; }
    public CarePlan? CarePlan { get; set; }
    /// <summary>1, 2, 3 … per plan.</summary>
    public int Number { get; set; }
    public CarePlanVersionState State { get; set; }

    /// <summary>"Asiakkuuden hoitosuunnitelma": how the customers are cared for.</summary>
    public string CareFi { get; set; } = "";
    public string CareEn { get; set; } = "";
    /// <summary>"Sisäinen toteutus": what the college does internally.</summary>
    public string InternalFi { get; set; } = "";
    public string InternalEn { get; set; } = "";
    /// <summary>Who is responsible, as the plan says it ("asiakasvastaava", "myynti- ja markkinointipäällikkö").</summary>
    public string ResponsibleFi { get; set; } = "";
    public string ResponsibleEn { get; set; } = "";
    /// <summary>A named person the plan makes responsible besides each customer's own responsible people: for
    /// Potential, the sales and marketing manager who plans the contacting.</summary>
    public int? ResponsibleUserId { get; set; }
    /// <summary>The yearly review date (Helsinki date).</summary>
    public DateOnly ReviewOn { get; set; }

    /// <summary>The longest allowed gap, in days, between two counted contacts (A: 7); null = no cadence rule.</summary>
    public int? MaxContactGapDays { get; set; }
    /// <summary>Whether a planned (future, not yet done) counted activity also keeps the customer in order, as for a
    /// Potential customer: "no planned or done contact in 30 days" is what is overdue.</summary>
    public bool PlannedContactCounts { get; set; }
    /// <summary>The activity types that count as a contact (visit, call, e-mail, meeting …).</summary>
    public List<CarePlanContactType> ContactTypes { get; set; } = [];
    /// <summary>Activities required per calendar year (Helsinki): e.g. A: one management review, two co-development meetings.</summary>
    public List<CarePlanRequirement> Requirements { get; set; } = [];

    public string ChangeNote { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public int? CreatedByUserId { get; set; }
    public string CreatedByName { get; set; } = "";
    /// <summary>When the version started to apply (approval for A, saving for the rest).</summary>
    public DateTime? ActiveFrom { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecidedByName { get; set; }
    public string? DecisionNote { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}

public class CarePlanContactType
{
    public int CarePlanVersionId { get; set; }
    public int ActivityTypeId { get; set; }
}

/// <summary>"At least <see cref="PerYear"/> activities of this type (and keyword, when set) per calendar year."</summary>
public class CarePlanRequirement
{
    public int Id { get; set; }
    public int CarePlanVersionId { get; set; }
    public int ActivityTypeId { get; set; }
    /// <summary>Narrows the type: a meeting with the keyword "Johdon katselmus" is a management review.</summary>
    public int? KeywordId { get; set; }
    public int PerYear { get; set; }
    /// <summary>How the plan names it ("johdon katselmus", "management review").</summary>
    public string LabelFi { get; set; } = "";
    public string LabelEn { get; set; } = "";
}

public enum CarePlanCheckTrigger { Nightly, Manual }

public enum CarePlanCheckStatus { Running, Succeeded, Failed }

/// <summary>One run of the care-plan monitor, recorded like an import run: the nightly Hangfire job or a person's
/// "recompute now". The breaches of the latest succeeded run are what the monitor shows.</summary>
public class CarePlanCheckRun
{
    public int Id { get; set; }
    public CarePlanCheckTrigger Trigger { get; set; }
    public CarePlanCheckStatus Status { get; set; }
    public int? StartedByUserId { get; set; }
    public string StartedByName { get; set; } = "";
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    /// <summary>The Helsinki date the rules were checked against.</summary>
    public DateOnly CheckedOn { get; set; }
    public int CustomersChecked { get; set; }
    public int CustomersBroken { get; set; }
    public string? Error { get; set; }
    /// <summary>The app instance the run depends on: the one carrying it out, or, while it is queued in an instance's
    /// memory (in-memory job storage), the one that queued it. Null for a run queued in lasting job storage.</summary>
    public string? InstanceId { get; set; }
}

public enum CarePlanBreachKind { ContactGap, YearlyRequirement }

/// <summary>One broken rule of one customer's plan, as a monitor run found it.</summary>
public class CarePlanBreach
{
    public int Id { get; set; }
    public int RunId { get; set; }
    public int CustomerId { get; set; }
    public Customers.Customer? Customer { get; set; }
    public int CarePlanVersionId { get; set; }
    public CarePlanBreachKind Kind { get; set; }
    /// <summary>The Helsinki date of the last counted contact, null if there never was one.</summary>
    public DateOnly? LastContactOn { get; set; }
    /// <summary><see cref="CarePlanBreachKind.ContactGap"/>: the allowed gap.</summary>
    public int? AllowedGapDays { get; set; }
    /// <summary><see cref="CarePlanBreachKind.YearlyRequirement"/>: which requirement, how many are required and done this year.</summary>
    public int? RequirementId { get; set; }
    public int? Required { get; set; }
    public int? Done { get; set; }
    /// <summary>How overdue, in days: past the allowed gap, or (for a yearly requirement) days of the year gone
    /// past the point where the missing ones should have been done, 0 when it is simply not done yet.</summary>
    public int OverdueDays { get; set; }
}
