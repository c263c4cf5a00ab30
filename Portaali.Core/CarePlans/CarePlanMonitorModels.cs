using Portaali.Core.Segments;

namespace Portaali.Core.CarePlans;

/// <summary>A monitor run as the page shows it. <see cref="Error"/> is given to administrators only.</summary>
public record CarePlanRunInfo(int Id, CarePlanCheckTrigger Trigger, CarePlanCheckStatus Status, string StartedByName,
    DateTime StartedAt, DateTime? FinishedAt, DateOnly CheckedOn, int CustomersChecked, int CustomersBroken, string? Error)
{
    public bool IsFinished => Status != CarePlanCheckStatus.Running;
}

/// <summary>Whom a plan is for: a segment, or a customer group by name.</summary>
public record CarePlanName(int CarePlanId, CarePlanScope Scope, Segment? Segment, string? GroupName);

/// <summary>The monitor list's filter. Neither <see cref="PersonId"/> nor <see cref="Everyone"/>: the signed-in user's own
/// list. Another person or everyone is for management (<see cref="Security.Policies.FollowKeyAccounts"/>).</summary>
public record CarePlanMonitorFilter
{
    public int? PersonId { get; init; }
    public bool Everyone { get; init; }
    public Segment? Segment { get; init; }
    public int? CarePlanId { get; init; }
    public CarePlanBreachKind? Kind { get; init; }
    public int Page { get; init; }
    public int PageSize { get; init; } = 50;
}

/// <summary>One broken rule: the customer, its plan, the rule in words, how overdue, and who should act.</summary>
public record CarePlanBreachRow(int CustomerId, string CustomerName, Segment Segment, CarePlanName Plan, CarePlanBreachKind Kind,
    string Rule, DateOnly? LastContactOn, int? DaysSince, int OverdueDays, IReadOnlyList<string> Responsibles);

/// <summary>A page of the latest succeeded run's breaches; <see cref="Run"/> is that run (null before the first).</summary>
public record CarePlanMonitorList(IReadOnlyList<CarePlanBreachRow> Items, int TotalCount, CarePlanRunInfo? Run);

/// <summary>One customer's standing in the latest run, for the key-account tracker.</summary>
public record CarePlanCustomerStatus(int CustomerId, int BrokenRules, int WorstOverdueDays)
{
    public bool IsOk => BrokenRules == 0;
}

/// <summary>The plans that apply to one customer and its broken rules in the latest run.</summary>
public record CustomerCarePlans(IReadOnlyList<CarePlanName> Plans, IReadOnlyList<CarePlanBreachRow> Breaches, CarePlanRunInfo? Run);

public record CarePlanPerson(int Id, string Name);
