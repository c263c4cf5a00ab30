using Microsoft.EntityFrameworkCore;
using Portaali.Core.Activities;
using Portaali.Core.Common;
using Portaali.Core.Data;

namespace Portaali.Core.Segments.Rfm;

/// <summary>What one customer's score is made of, up to a day: the last counted contact and order, and the window's
/// counts and euros.</summary>
public sealed record RfmRaw(int CustomerId, DateOnly? LastContactOn, int Contacts, DateOnly? LastOrderOn, int Orders, long OrderCents);

/// <summary>Turns raw values into 1–5 with fixed thresholds (each met threshold adds one to 1), so a person can check a
/// score by hand, and reads the raw values from the activities and orders in two aggregate queries.</summary>
public static class RfmScoring
{
    /// <summary>The activity types that count as a contact: the ones where the college is in touch with the customer
    /// (visit, call, e-mail, meeting, customer work, steering group). Feedback, trainings, memos and internal work are not.</summary>
    public static readonly string[] CountedTypeKeys =
    [
        ActivityReferenceData.Visit, ActivityReferenceData.Call, ActivityReferenceData.Email, ActivityReferenceData.Meeting,
        ActivityReferenceData.CustomerWork, ActivityReferenceData.SteeringGroup,
    ];

    /// <summary>The first day of a window of <paramref name="months"/> months ending on <paramref name="asOf"/>:
    /// 24 months to 10.3.2026 is 11.3.2024 … 10.3.2026.</summary>
    public static DateOnly WindowFrom(DateOnly asOf, int months) => asOf.AddMonths(-months).AddDays(1);

    public static DateOnly? LastOf(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a > b ? a : b;

    public static int Recency(DateOnly asOf, DateOnly? last, RfmOptions o) =>
        last is { } d ? Score(o.RecencyThresholds.Count(t => asOf.DayNumber - d.DayNumber <= t)) : 1;

    public static int Frequency(int count, RfmOptions o) => Score(o.FrequencyThresholds.Count(t => count >= t));

    public static int Monetary(long cents, RfmOptions o) => Score(o.MonetaryThresholds.Count(t => cents >= Money.ToCents(t)));

    private static int Score(int thresholdsMet) => Math.Clamp(1 + thresholdsMet, 1, 5);

    public static bool IsTop(int r, int f, int m, RfmOptions o) => r >= o.TopMinimum && f >= o.TopMinimum && m >= o.TopMinimum;

    /// <summary>The raw values of every customer with a counted contact or an order up to <paramref name="asOf"/>
    /// (or of <paramref name="only"/> those customers): one GROUP BY over the activities, one over the orders.</summary>
    public static async Task<Dictionary<int, RfmRaw>> RawAsync(PortaaliDbContext db, DateOnly asOf, DateOnly from,
        IReadOnlyCollection<int>? only, CancellationToken ct)
    {
        var typeIds = await db.ActivityTypes.AsNoTracking().Where(t => CountedTypeKeys.Contains(t.SystemKey!)).Select(t => t.Id).ToListAsync(ct);
        var contacts = await ContactsQuery(db, asOf, from, typeIds, only).ToListAsync(ct);
        var orders = await OrdersQuery(db, asOf, from, only).ToListAsync(ct);

        var raw = contacts.ToDictionary(c => c.CustomerId, c => new RfmRaw(c.CustomerId, c.Last, c.InWindow, null, 0, 0));
        foreach (var o in orders)
            raw[o.CustomerId] = raw.TryGetValue(o.CustomerId, out var r)
                ? r with { LastOrderOn = o.Last, Orders = o.InWindow, OrderCents = o.Cents }
                : new RfmRaw(o.CustomerId, null, 0, o.Last, o.InWindow, o.Cents);
        return raw;
    }

    internal sealed record ContactAggregate(int CustomerId, DateOnly Last, int InWindow);
    internal sealed record OrderAggregate(int CustomerId, DateOnly Last, int InWindow, long Cents);

    internal static IQueryable<ContactAggregate> ContactsQuery(PortaaliDbContext db, DateOnly asOf, DateOnly from, List<int> typeIds,
        IReadOnlyCollection<int>? only)
    {
        var done = db.Activities.AsNoTracking().Where(a => a.CustomerId != null && a.Status == ActivityStatus.Done
            && typeIds.Contains(a.ActivityTypeId) && a.LocalDate <= asOf);
        if (only is not null) done = done.Where(a => only.Contains(a.CustomerId!.Value));
        return done.GroupBy(a => a.CustomerId!.Value)
            .Select(g => new ContactAggregate(g.Key, g.Max(a => a.LocalDate), g.Count(a => a.LocalDate >= from)));
    }

    internal static IQueryable<OrderAggregate> OrdersQuery(PortaaliDbContext db, DateOnly asOf, DateOnly from, IReadOnlyCollection<int>? only)
    {
        var orders = db.Orders.AsNoTracking().Where(o => o.OrderedOn <= asOf);
        if (only is not null) orders = orders.Where(o => only.Contains(o.CustomerId));
        return orders.GroupBy(o => o.CustomerId)
            .Select(g => new OrderAggregate(g.Key, g.Max(o => o.OrderedOn), g.Count(o => o.OrderedOn >= from),
                g.Sum(o => o.OrderedOn >= from ? o.TotalExVatCents : 0L)));
    }
}
