using Microsoft.EntityFrameworkCore;
using Portaali.Core.Classifications;
using Portaali.Core.Customers;
using Portaali.Core.Data;
using Portaali.Core.Segments;

namespace Portaali.Core.CarePlans;

/// <summary>A plan's active version and whom it is for, with the customer-group subtree resolved to node ids.</summary>
public record ActivePlan(int CarePlanId, int VersionId, CarePlanScope Scope, Segment? Segment, int? CustomerGroupId,
    string? CustomerGroupName, IReadOnlyList<int> GroupSubtree);

/// <summary>One customer under one plan: the plan's active version, and since when (UTC) the customer is under it.</summary>
public class CustomerUnderPlan
{
    public int CustomerId { get; init; }
    public int CarePlanId { get; init; }
    public int CarePlanVersionId { get; init; }
    public DateTime CameUnderAt { get; init; }
}

/// <summary>The rules about plans that more than one feature needs: which plans apply to which customers (the one
/// definition the monitor, the plan pages, the customer page and the tracker share), whose changes wait for approval,
/// when a review is due, and how days are counted.</summary>
public static class CarePlanRules
{
    /// <summary>The node under which the customer groups of thesis table 5 sit.</summary>
    public const string CustomerGroupsKey = "customer-groups";

    /// <summary>A change to the A plan waits for management (thesis 5.3.6: "Strategisten eli A-asiakkuuksien osalta
    /// johtoryhmä hyväksyy päivitykset"); every other plan's change applies when saved.</summary>
    public static bool ChangesNeedApproval(CarePlanScope scope, Segment? segment) => scope == CarePlanScope.Segment && segment == Segment.A;

    /// <summary>The yearly review is due on its date and stays due until a new version moves the date on.</summary>
    public static bool IsReviewDue(DateOnly reviewOn, DateOnly helsinkiToday) => helsinkiToday >= reviewOn;

    /// <summary>The next 31 January on or after the day: the review date the seeded plans start with.</summary>
    public static DateOnly NextYearlyReview(DateOnly today) =>
        new DateOnly(today.Year, 1, 31) >= today ? new DateOnly(today.Year, 1, 31) : new DateOnly(today.Year + 1, 1, 31);

    /// <summary>The active version of every plan, each customer group with its subgroups (a customer classified in a
    /// subgroup falls under its group's plan).</summary>
    public static async Task<IReadOnlyList<ActivePlan>> ActivePlansAsync(PortaaliDbContext db, CancellationToken ct = default)
    {
        var versions = await db.CarePlanVersions.AsNoTracking().Where(v => v.State == CarePlanVersionState.Active)
            .Select(v => new { v.CarePlanId, v.Id, v.CarePlan!.Scope, v.CarePlan.Segment, v.CarePlan.CustomerGroupId, GroupName = v.CarePlan.CustomerGroup!.Name })
            .OrderBy(v => v.CarePlanId).ToListAsync(ct);
        var paths = versions.Any(v => v.CustomerGroupId is not null) ? await ClassificationPaths.LoadAsync(db, ct) : null;
        return [.. versions.Select(v => new ActivePlan(v.CarePlanId, v.Id, v.Scope, v.Segment, v.CustomerGroupId, v.GroupName,
            v.CustomerGroupId is { } g && paths is not null ? paths.SubtreeOf(g) : []))];
    }

    /// <summary>The customers (of <paramref name="customers"/>) a plan applies to: its segment's customers, or those
    /// classified in its customer group directly or through a subgroup. They came under it when they last entered the
    /// segment (or were created in it), or when first classified in the group.</summary>
    public static IQueryable<CustomerUnderPlan> CustomersUnder(PortaaliDbContext db, ActivePlan plan, IQueryable<Customer> customers)
    {
        if (plan.Scope == CarePlanScope.Segment)
        {
            var segment = plan.Segment;
            return customers.Where(c => (Segment?)c.Segment == segment).Select(c => new CustomerUnderPlan
            {
                CustomerId = c.Id, CarePlanId = plan.CarePlanId, CarePlanVersionId = plan.VersionId,
                CameUnderAt = db.SegmentChanges.Where(s => s.CustomerId == c.Id && (Segment?)s.To == segment).Max(s => (DateTime?)s.ChangedAt) ?? c.CreatedAt,
            });
        }
        var nodes = plan.GroupSubtree;
        return customers.Where(c => db.CustomerClassifications.Any(k => k.CustomerId == c.Id && nodes.Contains(k.NodeId)))
            .Select(c => new
            {
                c.Id, c.CreatedAt,
                Classified = db.CustomerClassifications.Where(k => k.CustomerId == c.Id && nodes.Contains(k.NodeId)).Min(k => (DateTime?)k.AssignedAt),
            })
            .Select(x => new CustomerUnderPlan
            {
                CustomerId = x.Id, CarePlanId = plan.CarePlanId, CarePlanVersionId = plan.VersionId,
                CameUnderAt = x.Classified != null && x.Classified > x.CreatedAt ? x.Classified.Value : x.CreatedAt,
            });
    }

    /// <summary>Every (customer, plan, active version) pair: a customer's segment plan and the plan of each customer
    /// group it is in. Filter it by customer for one customer's plans.</summary>
    public static async Task<IQueryable<CustomerUnderPlan>> ApplicablePlanVersionsAsync(PortaaliDbContext db, CancellationToken ct = default)
    {
        var plans = await ActivePlansAsync(db, ct);
        IQueryable<CustomerUnderPlan>? all = null;
        foreach (var plan in plans)
        {
            var under = CustomersUnder(db, plan, db.Customers);
            all = all is null ? under : all.Concat(under);
        }
        return all ?? db.Customers.Where(c => false).Select(c => new CustomerUnderPlan { CustomerId = c.Id });
    }

    /// <summary>Calendar days between two Helsinki dates: a week is 7 across the summer-time change.</summary>
    public static int DaysBetween(DateOnly from, DateOnly to) => to.DayNumber - from.DayNumber;

    /// <summary>How many days the first missing one of <paramref name="perYear"/> required activities is overdue when
    /// <paramref name="done"/> are done by <paramref name="today"/>: the k-th of n is due at k/n of the year; 0 while it is
    /// not yet due (or nothing is missing).</summary>
    public static int YearlyOverdueDays(DateOnly today, int perYear, int done)
    {
        if (done >= perYear) return 0;
        var yearStart = new DateOnly(today.Year, 1, 1);
        var daysInYear = DateTime.IsLeapYear(today.Year) ? 366 : 365;
        var due = yearStart.AddDays((int)((long)(done + 1) * daysInYear / perYear));
        return Math.Max(0, DaysBetween(due, today));
    }
}
