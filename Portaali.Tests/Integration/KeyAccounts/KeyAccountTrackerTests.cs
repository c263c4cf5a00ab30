using Portaali.Core.Activities;
using Portaali.Core.CarePlans;
using Portaali.Core.Common;
using Portaali.Core.KeyAccountTracking;
using Portaali.Core.Offers;
using Portaali.Core.Segments;
using Portaali.Core.Users;
using Portaali.Tests.Integration.Sales;
using Portaali.Tests.Support;
using static Portaali.Tests.Integration.Activities.ActivityTestData;

namespace Portaali.Tests.Integration.KeyAccounts;

/// <summary>The tracker's rows on a small known dataset in a real SQLite file; today is Tuesday 10.3.2026 in Helsinki.</summary>
public class KeyAccountTrackerTests : HarnessTest
{
    private KeyAccountTrackerService Tracker => H.Service<KeyAccountTrackerService>();

    [Fact]
    public async Task A_row_per_active_key_account_shows_contacts_counts_money_feedback_and_care_plan()
    {
        var manager = await H.CreateUserAsync(UserGroup.AccountManager, "Aino Asiakasvastaava");
        var second = await H.CreateUserAsync(UserGroup.AccountManager, "Bertta Varahenkilö");
        var alfa = await H.AddCustomerAsync("Alfa Oy", segment: Segment.A);
        var delta = await H.AddCustomerAsync("Delta Oy", segment: Segment.A);
        var passive = await H.AddCustomerAsync("Beta Oy", segment: Segment.A, passive: true);
        var customerB = await H.AddCustomerAsync("Gamma Oy", segment: Segment.B);
        await H.AddResponsibleAsync(alfa.Id, second.Id);
        await H.AddResponsibleAsync(alfa.Id, manager.Id);
        H.SignInAs(await H.CreateUserAsync(UserGroup.Management, "Johtaja Jaana"));

        await H.ActivityAsync(Visit, alfa.Id, "Käynti maaliskuussa", "2026-03-05 10:00", [manager.Id]);
        await H.ActivityAsync(Call, alfa.Id, "Soitto eilen", "2026-03-09 14:00", [manager.Id]);
        await H.ActivityAsync(Feedback, alfa.Id, "Kiitos koulutuksesta", "2026-02-15 09:00", [manager.Id], keyword: Positive);
        await H.ActivityAsync(Call, alfa.Id, "Soitto tammikuussa", "2026-01-20 09:00", [manager.Id]);
        await H.ActivityAsync(Visit, alfa.Id, "Käynti syksyllä", "2025-11-01 09:00", [manager.Id]); // past 90 days
        await H.ActivityAsync(Call, alfa.Id, "Sovittu soitto, ei soitettu", "2026-03-06 09:00", [manager.Id], ActivityStatus.Open);
        await H.ActivityAsync(Email, alfa.Id, "Tuleva sähköposti", "2026-03-20 08:00", [manager.Id], status: null);
        await H.ActivityAsync(Visit, alfa.Id, "Huhtikuun käynti", "2026-04-01 10:00", [manager.Id], status: null);
        await H.ActivityAsync(Feedback, alfa.Id, "Laskutusvirhe", "2026-03-02 12:00", [manager.Id], status: null, keyword: Negative);
        await H.ActivityAsync(Call, customerB.Id, "B-asiakkaan soitto", "2026-03-09 15:00", [manager.Id]);

        await H.OfferAsync(alfa.Id, SalesTestData.Edit(manager.Id, "Avoin 1", lines: [("Koulutus", 1m, 1000m, 0m)]));
        await H.OfferAsync(alfa.Id, SalesTestData.Edit(manager.Id, "Avoin 2", lines: [("Koulutus", 1m, 400m, 0m), ("Materiaali", 1m, 100m, 25.5m)]));
        await H.OrderAsync(alfa.Id, manager.Id, "Tämän vuoden tilaus", 1200m);
        H.At("2025-12-15 10:00");
        await H.OrderAsync(alfa.Id, manager.Id, "Viime vuoden, toimituksessa", 800m, OrderState.InDelivery);
        await H.OrderAsync(alfa.Id, manager.Id, "Viime vuoden, laskutettu", 9000m, OrderState.Invoiced);
        H.Clock.UtcNow = CoreHarness.Now;

        await H.MonitorRunAsync(new DateTime(2026, 3, 8, 1, 0, 0, DateTimeKind.Utc), CarePlanCheckStatus.Succeeded, (alfa.Id, 30), (delta.Id, 5));
        await H.MonitorRunAsync(new DateTime(2026, 3, 9, 1, 0, 0, DateTimeKind.Utc), CarePlanCheckStatus.Succeeded, (alfa.Id, 3), (alfa.Id, 12));
        await H.MonitorRunAsync(new DateTime(2026, 3, 10, 1, 0, 0, DateTimeKind.Utc), CarePlanCheckStatus.Failed, (delta.Id, 40));

        await H.Service<ScorecardService>().SaveTargetsAsync(alfa.Id, 2026,
            [new(ScorecardMeasure.SalesEuros, "5000", null), new(ScorecardMeasure.Visits, "10", null)]);

        var view = await Tracker.GetAsync();

        Assert.Equal(new DateOnly(2026, 3, 10), view.Today);
        Assert.Equal(["Alfa Oy", "Delta Oy"], view.Rows.Select(r => r.Name)); // not the passive A, not the B customer
        var row = view.Rows[0];
        Assert.Equal(["Aino Asiakasvastaava", "Bertta Varahenkilö"], row.Responsibles);
        Assert.Equal(new ActivityBrief(new DateOnly(2026, 3, 9), "Soitto", "Soitto eilen"), row.LastContact);
        Assert.Equal(new ActivityBrief(new DateOnly(2026, 3, 20), "Sähköposti", "Tuleva sähköposti"), row.NextPlanned);
        Assert.Equal([new("Asiakaspalaute", 1), new("Käynti", 1), new("Soitto", 1)], row.Last30Days);
        Assert.Equal([new("Soitto", 2), new("Asiakaspalaute", 1), new("Käynti", 1)], row.Last90Days);
        Assert.Equal(2, row.OpenOffers);
        Assert.Equal(1500m, row.OpenOffersExVat);
        Assert.Equal(1200m, row.OrdersThisYearExVat);
        Assert.Equal(1, row.OrdersAwaitingDelivery);
        Assert.Equal(1, row.OrdersInDelivery);
        Assert.Equal(1, row.OpenNegativeFeedback);
        Assert.Equal(new CarePlanStatus(CarePlanState.Broken, 2, 12, new DateOnly(2026, 3, 9)), row.CarePlan); // the latest succeeded run only
        Assert.Equal(new ScorecardSummary(1, 2), row.Scorecard); // 1 200 € is past 5 000 € × 69/365; one visit is short of 10 × 69/365

        var empty = view.Rows[1];
        Assert.Empty(empty.Responsibles);
        Assert.Null(empty.LastContact);
        Assert.Null(empty.NextPlanned);
        Assert.Empty(empty.Last90Days);
        Assert.Equal(0m, empty.OpenOffersExVat);
        Assert.Equal(CarePlanState.Ok, empty.CarePlan.State);
        Assert.Equal(new ScorecardSummary(0, 0), empty.Scorecard);
    }

    [Fact]
    public async Task Care_plan_is_not_checked_yet_before_the_monitor_has_succeeded()
    {
        var alfa = await H.AddCustomerAsync("Alfa Oy", segment: Segment.A);
        await H.MonitorRunAsync(new DateTime(2026, 3, 9, 1, 0, 0, DateTimeKind.Utc), CarePlanCheckStatus.Failed, (alfa.Id, 3));
        H.SignInAs(await H.CreateUserAsync(UserGroup.CustomerRelationshipManager));

        var row = Assert.Single((await Tracker.GetAsync()).Rows);

        Assert.Equal(new CarePlanStatus(CarePlanState.NotChecked, 0, 0, null), row.CarePlan);
    }

    [Fact]
    public async Task Account_managers_do_not_follow_the_key_accounts()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);

        await Assert.ThrowsAsync<ForbiddenException>(() => Tracker.GetAsync());
        await Assert.ThrowsAsync<ForbiddenException>(() => Tracker.ManagerWorkAsync());
    }

    [Fact]
    public async Task Work_per_week_runs_across_week_53_into_the_new_year()
    {
        var aino = await H.CreateUserAsync(UserGroup.AccountManager, "Aino Asiakasvastaava");
        var bertta = await H.CreateUserAsync(UserGroup.AccountManager, "Bertta Varahenkilö");
        var boss = await H.CreateUserAsync(UserGroup.Management, "Johtaja Jaana");
        var customer = await H.AddCustomerAsync("Alfa Oy");
        H.SignInAs(boss);
        H.At("2027-01-06 12:00"); // Wednesday of 2027-W01
        await H.ActivityAsync(Call, customer.Id, "Uudenvuodenaatto 1", "2026-12-31 09:00", [aino.Id]);
        await H.ActivityAsync(Call, customer.Id, "Uudenvuodenaatto 2", "2026-12-31 23:30", [aino.Id, boss.Id]);
        await H.ActivityAsync(Visit, customer.Id, "Uusi vuosi", "2027-01-04 10:00", [aino.Id, bertta.Id]);
        await H.ActivityAsync(Visit, customer.Id, "Suunniteltu", "2027-01-08 10:00", [bertta.Id], status: null);
        await H.ActivityAsync(Call, customer.Id, "Viikko 43", "2026-10-19 00:30", [aino.Id]);
        await H.ActivityAsync(Call, customer.Id, "Viikko 42, ei mukana", "2026-10-18 23:30", [aino.Id]);
        await H.ActivityAsync(Call, customer.Id, "Vain johto", "2027-01-05 10:00", [boss.Id]);

        var report = await Tracker.ManagerWorkAsync();

        Assert.Equal(12, report.Weeks.Count);
        Assert.Equal("2026-W43", report.Weeks[0].ToString());
        Assert.Equal(["2026-W52", "2026-W53", "2027-W01"], report.Weeks.TakeLast(3).Select(w => w.ToString()));
        Assert.Equal(["Aino Asiakasvastaava", "Bertta Varahenkilö"], report.Managers.Select(m => m.Name));
        Assert.Equal([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 1], report.Managers[0].Counts);
        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2], report.Managers[1].Counts); // planned work in the calendar counts too
    }
}
