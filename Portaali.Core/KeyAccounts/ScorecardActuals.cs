using Microsoft.EntityFrameworkCore;
using Portaali.Core.Activities;
using Portaali.Core.Data;
using Portaali.Core.Offers;
using Portaali.Core.Users;

namespace Portaali.Core.KeyAccountTracking;

/// <summary>The scorecard's actuals of a set of customers, per month of a year, in three queries (two over orders, one
/// over activities) whatever the number of customers. Euros come back as whole cents, the rest as counts.</summary>
internal static class ScorecardActuals
{
    public record MonthValue(int CustomerId, ScorecardMeasure Measure, int Month, long Value);

    private static readonly string?[] ActivityTypes =
        [ActivityReferenceData.Visit, ActivityReferenceData.Meeting, ActivityReferenceData.SteeringGroup, ActivityReferenceData.ProjectWork];

    /// <summary>Only what has happened by <paramref name="today"/> (Helsinki) counts: a training ending later or an activity
    /// marked done ahead of its date is not an actual yet.</summary>
    public static async Task<List<MonthValue>> ByMonthAsync(PortaaliDbContext db, IReadOnlyCollection<int> customerIds, int year,
        DateOnly today, CancellationToken ct)
    {
        var from = new DateOnly(year, 1, 1);
        var to = from.AddYears(1);
        var until = today < to ? today.AddDays(1) : to;
        var values = new List<MonthValue>();

        values.AddRange((await db.Orders.AsNoTracking()
                .Where(o => customerIds.Contains(o.CustomerId) && o.OrderedOn >= from && o.OrderedOn < to)
                .GroupBy(o => new { o.CustomerId, o.OrderedOn.Month })
                .Select(g => new { g.Key.CustomerId, g.Key.Month, Cents = g.Sum(o => o.TotalExVatCents) }).ToListAsync(ct))
            .Select(x => new MonthValue(x.CustomerId, ScorecardMeasure.SalesEuros, x.Month, x.Cents)));

        if (until > from)
        {
            values.AddRange((await db.Orders.AsNoTracking()
                    .Where(o => customerIds.Contains(o.CustomerId) && o.State != OrderState.AwaitingDelivery)
                    .Select(o => new { o.CustomerId, DeliveredOn = o.EndsOn ?? o.InvoicedOn })
                    .Where(o => o.DeliveredOn >= from && o.DeliveredOn < until)
                    .GroupBy(o => new { o.CustomerId, o.DeliveredOn!.Value.Month })
                    .Select(g => new { g.Key.CustomerId, g.Key.Month, Count = g.Count() }).ToListAsync(ct))
                .Select(x => new MonthValue(x.CustomerId, ScorecardMeasure.TrainingsDelivered, x.Month, x.Count)));

            var activities = await db.Activities.AsNoTracking()
                .Where(a => a.CustomerId != null && customerIds.Contains(a.CustomerId.Value) && a.Status == ActivityStatus.Done
                            && a.LocalDate >= from && a.LocalDate < until && ActivityTypes.Contains(a.Type!.SystemKey))
                .GroupBy(a => new
                {
                    CustomerId = a.CustomerId!.Value, a.LocalDate.Month, Type = a.Type!.SystemKey, Keyword = a.Keyword!.SystemKey,
                    Management = a.Participants.Any(p => p.User!.Group == UserGroup.Management),
                })
                .Select(g => new { g.Key.CustomerId, g.Key.Month, g.Key.Type, g.Key.Keyword, g.Key.Management, Count = g.Count() })
                .ToListAsync(ct);
            foreach (var a in activities)
            {
                if (a.Type == ActivityReferenceData.Visit)
                    values.Add(new(a.CustomerId, ScorecardMeasure.Visits, a.Month, a.Count));
                if (a.Management && a.Type != ActivityReferenceData.ProjectWork)
                    values.Add(new(a.CustomerId, ScorecardMeasure.ManagementMeetings, a.Month, a.Count));
                if (a.Type == ActivityReferenceData.ProjectWork
                    || (a.Type == ActivityReferenceData.Meeting && a.Keyword == ActivityReferenceData.CoDevelopment))
                    values.Add(new(a.CustomerId, ScorecardMeasure.CoDevelopment, a.Month, a.Count));
            }
        }
        return values;
    }

    /// <summary>The share of the year gone by the end of <paramref name="today"/>: 1 for a past year, 0 for a future one.</summary>
    public static decimal ElapsedShare(int year, DateOnly today) =>
        year < today.Year ? 1m : year > today.Year ? 0m : (decimal)today.DayOfYear / (DateTime.IsLeapYear(year) ? 366 : 365);

    /// <summary>A stored target (cents or a count) as the scorecard shows it: euros or a count.</summary>
    public static decimal Shown(ScorecardMeasure measure, long value) =>
        measure == ScorecardMeasure.SalesEuros ? Common.Money.FromCents(value) : value;

    public static ScorecardLine Line(ScorecardMeasure measure, ScorecardTarget? target, long actual, decimal elapsed)
    {
        var actualShown = Shown(measure, actual);
        if (target is null) return new ScorecardLine(measure, null, actualShown, null, null, null);
        var targetShown = Shown(measure, target.Target);
        return new ScorecardLine(measure, targetShown, actualShown,
            target.Target == 0 ? null : Math.Round((decimal)actual / target.Target, 4),
            actual >= target.Target * elapsed, target.Version);
    }
}
