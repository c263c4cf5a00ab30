using Microsoft.EntityFrameworkCore;
using Portaali.Core.Classifications;
using Portaali.Core.Data;
using Portaali.Core.Segments;

namespace Portaali.Core.CarePlans;

/// <summary>A customer and a plan that applies to it; the rows of <see cref="CarePlanRules.ApplicablePlans"/>.</summary>
public class CustomerPlanLink
{
    public int CustomerId { get; init; }
    public int CarePlanId { get; init; }
}

/// <summary>The rules about plans that more than one feature needs: which plans apply to which customers (the plan
/// pages, the segment tab and the monitor), whose changes wait for approval, when a review is due.</summary>
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

    /// <summary>A customer-group plan and the nodes whose customers it covers: its group node and every node under it.</summary>
    public sealed record GroupPlanNodes(int CarePlanId, IReadOnlyList<int> NodeIds);

    /// <summary>Loads each customer-group plan's subtree (the tree is a few hundred nodes, so it is walked in memory:
    /// a subgroup can be any depth below its group, which one SQL query cannot follow on SQLite without recursion).</summary>
    public static async Task<IReadOnlyList<GroupPlanNodes>> GroupPlanNodesAsync(PortaaliDbContext db, CancellationToken ct = default)
    {
        var plans = await db.CarePlans.AsNoTracking().Where(p => p.Scope == CarePlanScope.CustomerGroup && p.CustomerGroupId != null)
            .Select(p => new { p.Id, GroupId = p.CustomerGroupId!.Value }).ToListAsync(ct);
        if (plans.Count == 0) return [];
        var paths = await ClassificationPaths.LoadAsync(db, ct);
        return [.. plans.Select(p => new GroupPlanNodes(p.Id, paths.SubtreeOf(p.GroupId)))];
    }

    /// <summary>Which plans apply to which customers, as a query the caller can filter and join further: the plan of
    /// the customer's segment, and the plan of each customer group the customer is classified in, directly or through
    /// a node below the group. A customer in two nodes of one group gets that group's plan once.</summary>
    public static IQueryable<CustomerPlanLink> ApplicablePlans(PortaaliDbContext db, IReadOnlyList<GroupPlanNodes> groupPlans)
    {
        IQueryable<CustomerPlanLink> links =
            from c in db.Customers
            join p in db.CarePlans on (Segment?)c.Segment equals p.Segment
            where p.Scope == CarePlanScope.Segment
            select new CustomerPlanLink { CustomerId = c.Id, CarePlanId = p.Id };
        foreach (var group in groupPlans)
        {
            var planId = group.CarePlanId;
            var nodeIds = group.NodeIds.ToList();
            links = links.Concat(db.CustomerClassifications.Where(cc => nodeIds.Contains(cc.NodeId)).Select(cc => cc.CustomerId).Distinct()
                .Select(customerId => new CustomerPlanLink { CustomerId = customerId, CarePlanId = planId }));
        }
        return links;
    }

    /// <summary><see cref="ApplicablePlans"/> with the group subtrees loaded first.</summary>
    public static async Task<IQueryable<CustomerPlanLink>> ApplicablePlansAsync(PortaaliDbContext db, CancellationToken ct = default) =>
        ApplicablePlans(db, await GroupPlanNodesAsync(db, ct));
}
