using Microsoft.EntityFrameworkCore;
using Portaali.Core.Activities;
using Portaali.Core.CarePlans;
using Portaali.Core.Offers;
using Portaali.Core.Segments;
using Portaali.Tests.Integration.Activities;
using Portaali.Tests.Integration.Sales;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.KeyAccounts;

/// <summary>Arranges the tracker's and the scorecard's data through the services people use, at chosen Helsinki moments.</summary>
internal static class KeyAccountTestData
{
    public const int Meeting = 3, SteeringGroup = 7, ProjectWork = 8;

    /// <summary>An activity recorded as done (or with the status given) at a Helsinki wall-clock time.</summary>
    public static Task<int> ActivityAsync(this CoreHarness h, int typeId, int customerId, string title, string helsinkiStart,
        int[] participants, ActivityStatus? status = ActivityStatus.Done, int? keyword = null) =>
        h.Activities.CreateAsync(ActivityTestData.Edit(typeId, customerId, title,
            DateTime.ParseExact(helsinkiStart, "yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            participants: participants, keyword: keyword, status: status));

    /// <summary>An accepted offer's order with the training's dates, moved on to <paramref name="state"/> at the clock's time.</summary>
    public static async Task<int> OrderAsync(this CoreHarness h, int customerId, int accountManagerId, string title, decimal exVat,
        OrderState state = OrderState.AwaitingDelivery, DateOnly? startsOn = null, DateOnly? endsOn = null)
    {
        var offerId = await h.Offers.CreateAsync(customerId, SalesTestData.Edit(accountManagerId, title, lines: [("Koulutus", 1m, exVat, 0m)]));
        var orderId = await h.Offers.AcceptAsync(offerId, (await h.Offers.GetAsync(offerId)).Version, new OrderDates(startsOn, endsOn));
        if (state >= OrderState.InDelivery)
            await h.Offers.MoveOrderAsync(orderId, await SalesTestData.OrderVersionAsync(h, offerId), OrderState.InDelivery);
        if (state == OrderState.Invoiced)
            await h.Offers.MoveOrderAsync(orderId, await SalesTestData.OrderVersionAsync(h, offerId), OrderState.Invoiced);
        return orderId;
    }

    /// <summary>The keyword co-development meetings carry (ensured by its system key at start-up in the app).</summary>
    public static async Task<int> CoDevelopmentKeywordAsync(this CoreHarness h)
    {
        await using var db = h.Db();
        var keyword = await db.ActivityKeywords.FirstOrDefaultAsync(k => k.SystemKey == ActivityReferenceData.CoDevelopment);
        if (keyword is null)
        {
            db.ActivityKeywords.Add(keyword = new ActivityKeyword { ActivityTypeId = Meeting, Name = "Yhteiskehittäminen", SystemKey = ActivityReferenceData.CoDevelopment });
            await db.SaveChangesAsync();
        }
        return keyword.Id;
    }

    /// <summary>A care-plan monitor run with its breaches, written as the monitor writes them.</summary>
    public static async Task<int> MonitorRunAsync(this CoreHarness h, DateTime startedAtUtc, CarePlanCheckStatus status,
        params (int CustomerId, int OverdueDays)[] breaches)
    {
        await using var db = h.Db();
        var version = await db.CarePlanVersions.Select(v => (int?)v.Id).FirstOrDefaultAsync();
        if (version is null)
        {
            var plan = new CarePlan { Scope = CarePlanScope.Segment, Segment = Segment.A };
            plan.Versions.Add(new CarePlanVersion { Number = 1, State = CarePlanVersionState.Active, MaxContactGapDays = 7, ReviewOn = new DateOnly(2026, 12, 1) });
            db.CarePlans.Add(plan);
            await db.SaveChangesAsync();
            version = plan.Versions[0].Id;
        }
        var run = new CarePlanCheckRun
        {
            Trigger = CarePlanCheckTrigger.Nightly, Status = status, StartedAt = startedAtUtc, FinishedAt = startedAtUtc.AddMinutes(1),
            CheckedOn = DateOnly.FromDateTime(startedAtUtc), StartedByName = "Hangfire",
        };
        db.CarePlanCheckRuns.Add(run);
        await db.SaveChangesAsync();
        foreach (var (customerId, overdue) in breaches)
            db.CarePlanBreaches.Add(new CarePlanBreach
            {
                RunId = run.Id, CustomerId = customerId, CarePlanVersionId = version.Value, Kind = CarePlanBreachKind.ContactGap,
                AllowedGapDays = 7, OverdueDays = overdue,
            });
        await db.SaveChangesAsync();
        return run.Id;
    }
}
