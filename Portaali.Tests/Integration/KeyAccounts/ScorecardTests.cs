using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portaali.Core.Auditing;
using Portaali.Core.Common;
using Portaali.Core.KeyAccountTracking;
using Portaali.Core.Offers;
using Portaali.Core.Segments;
using Portaali.Core.Users;
using Portaali.Tests.Integration.Sales;
using Portaali.Tests.Support;
using static Portaali.Tests.Integration.Activities.ActivityTestData;
using static Portaali.Tests.Integration.KeyAccounts.KeyAccountTestData;

namespace Portaali.Tests.Integration.KeyAccounts;

/// <summary>Scorecard actuals from real orders and activities, and targets kept by management, on a real SQLite file.</summary>
public class ScorecardTests : HarnessTest, IDisposable
{
    private readonly IDisposable culture = UiCulture.Use("fi-FI");

    public void Dispose() => culture.Dispose();

    private static void UseCulture(string name) => UiCulture.Set(name);

    private ScorecardService Scorecards => H.Service<ScorecardService>();

    private async Task<(int Customer, AppUser Boss)> ArrangeYearAsync()
    {
        var seller = await H.CreateUserAsync(UserGroup.AccountManager, "Aino Asiakasvastaava");
        var boss = await H.CreateUserAsync(UserGroup.Management, "Johtaja Jaana");
        var customer = (await H.AddCustomerAsync("Alfa Oy", segment: Segment.A)).Id;
        var other = (await H.AddCustomerAsync("Muu Oy")).Id;
        H.SignInAs(boss);
        var coDevelopment = await H.CoDevelopmentKeywordAsync();

        H.At("2026-06-15 10:00");
        await H.OrderAsync(customer, seller.Id, "Kesäkuun tilaus", 2000m, OrderState.InDelivery, new DateOnly(2026, 8, 1), new DateOnly(2026, 9, 30));
        await H.OrderAsync(customer, seller.Id, "Ei vielä toimituksessa", 100m, OrderState.AwaitingDelivery, new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 2));
        await H.OrderAsync(other, seller.Id, "Toisen asiakkaan", 5000m, OrderState.InDelivery, null, new DateOnly(2026, 9, 30));
        await H.OrderAsync(customer, seller.Id, "Laskutettu ilman päiviä", 300m, OrderState.Invoiced);
        H.At("2026-12-31 23:30"); // 21:30 UTC: still 2026 in Helsinki
        await H.OrderAsync(customer, seller.Id, "Vuoden viimeinen", 800m);
        H.At("2027-01-01 00:30"); // 22:30 UTC on 31.12., but 2027 in Helsinki
        await H.OrderAsync(customer, seller.Id, "Vuoden ensimmäinen", 1000m, OrderState.InDelivery, new DateOnly(2027, 1, 2), new DateOnly(2027, 6, 30));

        H.At("2027-03-01 12:00");
        await H.ActivityAsync(Visit, customer, "Käynti johdon kanssa", "2026-12-31 23:30", [seller.Id, boss.Id]);
        await H.ActivityAsync(Visit, customer, "Uudenvuoden käynti", "2027-01-01 00:30", [seller.Id]);
        await H.ActivityAsync(Meeting, customer, "Johdon tapaaminen", "2026-05-05 10:00", [boss.Id]);
        await H.ActivityAsync(Meeting, customer, "Tavallinen kokous", "2026-05-06 10:00", [seller.Id]);
        await H.ActivityAsync(SteeringGroup, customer, "Ohjausryhmä", "2026-10-01 10:00", [seller.Id, boss.Id]);
        await H.ActivityAsync(Call, customer, "Johtajan soitto", "2026-10-02 10:00", [boss.Id]);
        await H.ActivityAsync(Meeting, customer, "Yhteiskehittämispaja", "2026-11-11 10:00", [seller.Id], keyword: coDevelopment);
        await H.ActivityAsync(ProjectWork, customer, "Yhteinen hanke", "2026-11-20 10:00", [seller.Id]);
        await H.ActivityAsync(Visit, customer, "Peruttu käynti", "2026-11-21 10:00", [seller.Id, boss.Id], Portaali.Core.Activities.ActivityStatus.Open);
        return (customer, boss);
    }

    [Fact]
    public async Task Actuals_per_measure_follow_the_helsinki_year()
    {
        var (customer, _) = await ArrangeYearAsync();
        await Scorecards.SaveTargetsAsync(customer, 2026, [new(ScorecardMeasure.SalesEuros, "3 000", null), new(ScorecardMeasure.Visits, "1", null)]);

        var card = await Scorecards.GetAsync(customer, 2026);

        decimal Actual(ScorecardMeasure m) => card.Lines.Single(l => l.Measure == m).Actual;
        Assert.Equal(2000m + 100m + 300m + 800m, Actual(ScorecardMeasure.SalesEuros)); // ordered in 2026; not the 1 000 € of 1.1. 00:30
        Assert.Equal(2, Actual(ScorecardMeasure.TrainingsDelivered)); // ended 30.9. in delivery, and the invoiced one without dates
        Assert.Equal(3, Actual(ScorecardMeasure.ManagementMeetings)); // visit 31.12. 23:30, meeting and steering group with management
        Assert.Equal(2, Actual(ScorecardMeasure.CoDevelopment));
        Assert.Equal(1, Actual(ScorecardMeasure.Visits));
        Assert.Equal(1m, card.ElapsedShare);
        var sales = card.Lines.Single(l => l.Measure == ScorecardMeasure.SalesEuros);
        Assert.Equal(3000m, sales.Target);
        Assert.Equal(Math.Round(3200m / 3000m, 4), sales.Achieved);
        Assert.True(sales.OnTrack);
        Assert.True(card.Lines.Single(l => l.Measure == ScorecardMeasure.Visits).OnTrack);
        Assert.Null(card.Lines.Single(l => l.Measure == ScorecardMeasure.CoDevelopment).OnTrack); // no target
        Assert.Equal(new ScorecardSummary(2, 2), card.Summary);
        Assert.True(card.CanEdit);

        var next = await Scorecards.GetAsync(customer, 2027);
        Assert.Equal(1000m, next.Lines.Single(l => l.Measure == ScorecardMeasure.SalesEuros).Actual);
        Assert.Equal(1, next.Lines.Single(l => l.Measure == ScorecardMeasure.Visits).Actual);
        Assert.Equal(0, next.Lines.Single(l => l.Measure == ScorecardMeasure.TrainingsDelivered).Actual); // ends 30.6.2027, after today
    }

    [Fact]
    public async Task On_track_means_the_actual_has_kept_up_with_the_share_of_the_year_gone()
    {
        var (customer, _) = await ArrangeYearAsync();
        H.At("2027-01-31 12:00"); // 31 of 365 days: a target of 12 000 € needs 1 019,18 € by now
        await Scorecards.SaveTargetsAsync(customer, 2027, [new(ScorecardMeasure.SalesEuros, "12000", null), new(ScorecardMeasure.Visits, "24", null)]);

        var card = await Scorecards.GetAsync(customer, 2027);

        Assert.False(card.Lines.Single(l => l.Measure == ScorecardMeasure.SalesEuros).OnTrack); // 1 000 €
        Assert.False(card.Lines.Single(l => l.Measure == ScorecardMeasure.Visits).OnTrack); // 1 visit, 2.04 needed
        H.At("2027-01-30 12:00"); // 30 days: 986,30 € needed
        Assert.True((await Scorecards.GetAsync(customer, 2027)).Lines.Single(l => l.Measure == ScorecardMeasure.SalesEuros).OnTrack);
    }

    [Fact]
    public async Task Trend_is_cumulative_per_month_against_the_linear_target_path()
    {
        var (customer, _) = await ArrangeYearAsync();
        await Scorecards.SaveTargetsAsync(customer, 2026, [new(ScorecardMeasure.SalesEuros, "6000", null)]);

        var trend = await Scorecards.TrendAsync(customer, 2026);
        var sales = trend.Single(t => t.Measure == ScorecardMeasure.SalesEuros);
        Assert.Equal(6000m, sales.Target);
        Assert.Equal([0m, 0m, 0m, 0m, 0m, 2400m, 2400m, 2400m, 2400m, 2400m, 2400m, 3200m], sales.Months.Select(m => m.Actual));
        Assert.Equal(3000m, sales.Months[5].TargetPath);
        Assert.Equal(6000m, sales.Months[11].TargetPath);
        Assert.All(trend.Single(t => t.Measure == ScorecardMeasure.Visits).Months, m => Assert.Null(m.TargetPath));

        var thisYear = (await Scorecards.TrendAsync(customer, 2027)).Single(t => t.Measure == ScorecardMeasure.Visits);
        Assert.Equal([1m, 1m, 1m], thisYear.Months.Take(3).Select(m => m.Actual)); // today is 1.3.2027
        Assert.All(thisYear.Months.Skip(3), m => Assert.Null(m.Actual));
    }

    [Theory]
    [InlineData("fi-FI", "1 500,50", "12")]
    [InlineData("en-US", "1,500.50", "12")]
    [InlineData("fi-FI", "1500,5 €", " 12 ")]
    [InlineData("en-US", "€1500.5", "12")]
    public async Task Targets_are_typed_as_people_write_numbers_in_either_language(string cultureName, string euros, string count)
    {
        var customer = (await H.AddCustomerAsync("Alfa Oy", segment: Segment.A)).Id;
        H.SignInAs(await H.CreateUserAsync(UserGroup.Management, "Johtaja Jaana"));
        UseCulture(cultureName);

        await Scorecards.SaveTargetsAsync(customer, 2026, [new(ScorecardMeasure.SalesEuros, euros, null), new(ScorecardMeasure.Visits, count, null)]);

        var card = await Scorecards.GetAsync(customer, 2026);
        Assert.Equal(1500.50m, card.Lines.Single(l => l.Measure == ScorecardMeasure.SalesEuros).Target);
        Assert.Equal(12m, card.Lines.Single(l => l.Measure == ScorecardMeasure.Visits).Target);
        await using var db = H.Db();
        Assert.Equal(150050L, await db.ScorecardTargets.Where(t => t.Measure == ScorecardMeasure.SalesEuros).Select(t => t.Target).SingleAsync());
        var entry = await db.AuditEntries.SingleAsync(a => a.CustomerId == customer && a.Action == "ScorecardTargetsChanged");
        Assert.Equal([new FieldChange("ScorecardYear", "2026", "2026"), new FieldChange("ScorecardSalesEuros", null, "1500.50"),
            new FieldChange("ScorecardVisits", null, "12")], AuditLog.ParseChanges(entry.Changes));
        Assert.Equal("Johtaja Jaana", entry.UserName);
    }

    [Theory]
    [InlineData("fi-FI", "1 500,505", "2", "enintään 2 desimaalia")]
    [InlineData("fi-FI", "1500", "2,5", "kokonaisluku")]
    [InlineData("en-US", "-100", "2", "negative")]
    [InlineData("en-US", "1500", "1.5", "whole number")]
    public async Task A_bad_value_is_refused_with_a_message_and_nothing_is_saved(string cultureName, string euros, string count, string said)
    {
        var customer = (await H.AddCustomerAsync("Alfa Oy", segment: Segment.A)).Id;
        H.SignInAs(await H.CreateUserAsync(UserGroup.Management, "Johtaja Jaana"));
        UseCulture(cultureName);

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => Scorecards.SaveTargetsAsync(customer, 2026,
            [new(ScorecardMeasure.SalesEuros, euros, null), new(ScorecardMeasure.CoDevelopment, count, null)]));

        Assert.Contains(said, error.Message, StringComparison.OrdinalIgnoreCase);
        await using var db = H.Db();
        Assert.False(await db.ScorecardTargets.AnyAsync());
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == "ScorecardTargetsChanged"));
    }

    [Fact]
    public async Task A_target_someone_else_changed_meanwhile_is_a_conflict_and_an_empty_text_removes_one()
    {
        var customer = (await H.AddCustomerAsync("Alfa Oy", segment: Segment.A)).Id;
        H.SignInAs(await H.CreateUserAsync(UserGroup.Management, "Johtaja Jaana"));
        await Scorecards.SaveTargetsAsync(customer, 2026, [new(ScorecardMeasure.Visits, "10", null)]);
        var loaded = (await Scorecards.GetAsync(customer, 2026)).Lines.Single(l => l.Measure == ScorecardMeasure.Visits).Version;

        H.SignInAs(await H.CreateUserAsync(UserGroup.Management, "Johtaja Jussi"));
        await Scorecards.SaveTargetsAsync(customer, 2026, [new(ScorecardMeasure.Visits, "12", loaded)]);
        await H.SignInAsAsync(UserGroup.Management);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            Scorecards.SaveTargetsAsync(customer, 2026, [new(ScorecardMeasure.Visits, "8", loaded)]));
        // A target someone else set while the dialog was open is a conflict too, not silently overwritten.
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            Scorecards.SaveTargetsAsync(customer, 2026, [new(ScorecardMeasure.Visits, "8", null)]));
        Assert.Equal(12m, (await Scorecards.GetAsync(customer, 2026)).Lines.Single(l => l.Measure == ScorecardMeasure.Visits).Target);

        var current = (await Scorecards.GetAsync(customer, 2026)).Lines.Single(l => l.Measure == ScorecardMeasure.Visits).Version;
        await Scorecards.SaveTargetsAsync(customer, 2026, [new(ScorecardMeasure.Visits, "", current)]);
        Assert.Null((await Scorecards.GetAsync(customer, 2026)).Lines.Single(l => l.Measure == ScorecardMeasure.Visits).Target);
    }

    [Fact]
    public async Task Only_management_keeps_the_targets()
    {
        var customer = (await H.AddCustomerAsync("Alfa Oy", segment: Segment.A)).Id;
        await H.SignInAsAsync(UserGroup.CustomerRelationshipManager);

        Assert.False((await Scorecards.GetAsync(customer, 2026)).CanEdit);
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            Scorecards.SaveTargetsAsync(customer, 2026, [new(ScorecardMeasure.Visits, "10", null)]));
    }
}
