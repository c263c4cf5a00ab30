using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portaali.Core.Activities;
using Portaali.Core.Calendar;
using Portaali.Core.CarePlans;
using Portaali.Core.Common;
using Portaali.Core.KeyAccountTracking;
using Portaali.Core.Segments;
using Portaali.Core.Users;
using Portaali.Web.Components.Pages.KeyAccounts;

namespace Portaali.Tests.Components.KeyAccounts;

/// <summary>The tracker page and a key account's scorecard, rendered over real Core services and a real SQLite file.</summary>
public class KeyAccountTrackerPageTests : ComponentHarness
{
    private async Task<int> KeyAccountAsync(string name, int? responsibleUserId = null, bool passive = false)
    {
        var id = await AddCustomerAsync(name, passive: passive, responsibleUserId: responsibleUserId);
        await WithDbAsync(db => db.Customers.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Segment, Segment.A)));
        return id;
    }

    private async Task BrokenCarePlanAsync(int customerId, int overdueDays)
    {
        await WithDbAsync(async db =>
        {
            var plan = new CarePlan { Scope = CarePlanScope.Segment, Segment = Segment.A };
            plan.Versions.Add(new CarePlanVersion { Number = 1, State = CarePlanVersionState.Active, MaxContactGapDays = 7, ReviewOn = new DateOnly(2026, 12, 1) });
            db.CarePlans.Add(plan);
            var run = new CarePlanCheckRun { Status = CarePlanCheckStatus.Succeeded, StartedAt = DateTime.UtcNow.AddHours(-1), CheckedOn = DateOnly.FromDateTime(DateTime.UtcNow) };
            db.CarePlanCheckRuns.Add(run);
            await db.SaveChangesAsync();
            db.CarePlanBreaches.Add(new CarePlanBreach
            {
                RunId = run.Id, CustomerId = customerId, CarePlanVersionId = plan.Versions[0].Id, Kind = CarePlanBreachKind.ContactGap, OverdueDays = overdueDays,
            });
            await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task Tracker_shows_a_row_per_active_key_account_with_words_on_its_chips()
    {
        var manager = await AddUserAsync(UserGroup.AccountManager, "Aino Asiakasvastaava");
        await SignInAsync(UserGroup.Management, "Johtaja Jaana");
        var alfa = await KeyAccountAsync("Alfa Oy", manager.Id);
        var delta = await KeyAccountAsync("Delta Oy");
        await KeyAccountAsync("Passiivinen Oy", passive: true);
        await AddCustomerAsync("Tavallinen Oy");
        await BrokenCarePlanAsync(alfa, 4);
        var yesterday = HelsinkiTime.Today(TimeProvider.System).AddDays(-1);
        await Services.GetRequiredService<ActivityService>().CreateAsync(new ActivityEdit
        {
            TypeId = 5, CustomerId = alfa, Title = "Käynti tehtaalla", Date = yesterday.ToDateTime(TimeOnly.MinValue), StartTime = new(10, 0, 0),
            ParticipantIds = [manager.Id], Status = ActivityStatus.Done,
        });

        var page = RenderWithProviders<KeyAccountTrackerPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=tracker-row]").Count));
        Assert.Equal(["Alfa Oy", "Delta Oy"], page.FindAll("[data-testid=tracker-customer]").Select(a => a.TextContent));
        Assert.Equal($"/customers/{alfa}", page.Find("[data-testid=tracker-customer]").GetAttribute("href"));
        Assert.Equal("Aino Asiakasvastaava", page.Find("[data-testid=tracker-responsibles]").TextContent.Trim());
        Assert.Equal("30 pv: Käynti 1", page.Find("[data-testid=tracker-30]").TextContent);
        Assert.Contains($"{yesterday:d.M.yyyy} Käynti – Käynti tehtaalla", page.Find("[data-testid=tracker-last-contact]").TextContent);
        Assert.Equal($"Avoimia tarjouksia 0, {Money.Format(0m)}", page.Find("[data-testid=tracker-offers]").TextContent);
        var chips = page.FindAll("[data-testid=care-plan-status]").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["Hoitosuunnitelma: 1 sääntöä rikki, pahin 4 pv myöhässä", "Hoitosuunnitelma kunnossa"], chips);
        var scorecardLinks = page.FindAll("[data-testid=tracker-scorecard]");
        Assert.Equal($"/key-accounts/{delta}", scorecardLinks[1].GetAttribute("href"));
        Assert.Equal("Ei tavoitteita", scorecardLinks[0].TextContent.Trim());
        Assert.Equal("Odottavat A-ehdotukset", page.Find("[data-testid=pending-a-proposals] h2").TextContent);
        page.WaitForAssertion(() => Assert.Contains("Aino Asiakasvastaava", page.Find("[data-testid=manager-work-table]").TextContent));
        Assert.Equal(12 + 2, page.FindAll("[data-testid=manager-work-table] thead th").Count);
        Assert.Contains($"vk {IsoWeek.Of(yesterday).Week}", page.Find("[data-testid=manager-work-table] thead").TextContent);
    }

    [Fact]
    public async Task Management_edits_the_targets_and_sees_them_against_the_actuals()
    {
        await SignInAsync(UserGroup.Management, "Johtaja Jaana");
        var alfa = await KeyAccountAsync("Alfa Oy");

        var page = RenderWithProviders<ScorecardPage>(p => p.Add(c => c.CustomerId, alfa));
        page.WaitForAssertion(() => Assert.Equal(5, page.FindAll("[data-testid=scorecard-measure]").Count));
        Assert.Equal(["Myynti (€, alv 0)", "Toteutetut koulutukset", "Tapaamiset johdon kanssa", "Yhteiskehittäminen", "Käynnit"],
            page.FindAll("[data-testid=scorecard-measure]").Select(m => m.TextContent));
        Assert.NotNull(page.Find("[data-testid=scorecard-chart]"));
        Assert.Equal(12, page.FindAll("[data-testid=scorecard-trend-table] tbody tr").Count);

        page.Find("[data-testid=scorecard-edit]").Click();
        Providers.WaitForAssertion(() => Providers.Find("#scorecard-target-SalesEuros"));
        Providers.Find("#scorecard-target-SalesEuros").Input("1 500,50");
        Providers.Find("#scorecard-target-Visits").Input("2,5");
        Providers.Find("[data-testid=scorecard-save]").Click();
        Providers.WaitForAssertion(() => Assert.Contains("Käynnit: ”2,5”: kirjoita kokonaisluku.", Providers.Markup));

        Providers.Find("#scorecard-target-Visits").Input("12");
        Providers.Find("[data-testid=scorecard-save]").Click();

        page.WaitForAssertion(() => Assert.Equal(Money.Format(1500.50m), page.FindAll("[data-testid=scorecard-target]")[0].TextContent));
        Assert.Equal("12", page.FindAll("[data-testid=scorecard-target]")[4].TextContent);
        Assert.Equal("–", page.FindAll("[data-testid=scorecard-target]")[1].TextContent);
        Assert.Contains("0/2 tavoitteesta aikataulussa", page.Find("[data-testid=scorecard-summary]").TextContent);
        Assert.Equal(2, page.FindAll("[data-testid=scorecard-on-track]").Count);
        Assert.Contains("Jäljessä", page.Find("[data-testid=scorecard-on-track]").TextContent);
    }

    [Fact]
    public async Task Only_management_gets_the_edit_button()
    {
        await SignInAsync(UserGroup.CustomerRelationshipManager, "Asiakkuuspäällikkö Anni");
        var alfa = await KeyAccountAsync("Alfa Oy");

        var page = RenderWithProviders<ScorecardPage>(p => p.Add(c => c.CustomerId, alfa));

        page.WaitForAssertion(() => Assert.Equal(5, page.FindAll("[data-testid=scorecard-measure]").Count));
        Assert.Empty(page.FindAll("[data-testid=scorecard-edit]"));
    }
}
