using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portaali.Core.CarePlans;
using Portaali.Core.Customers;
using Portaali.Core.Segments;
using Portaali.Core.Users;
using Portaali.Tests.Integration.CarePlans;
using Portaali.Web.Components.Pages.CarePlans;

namespace Portaali.Tests.Components.CarePlans;

/// <summary>The monitor page over a recorded run: each person's own list, management's choice of person or everyone.</summary>
public class MonitorPageTests : ComponentHarness
{
    public MonitorPageTests() => Services.AddSingleton<ICarePlanCheckQueue, RecordingCarePlanQueue>();

    /// <summary>A nightly run that found Annan Oy 5 days over A's gap and Benin Oy missing its management review.</summary>
    private async Task ArrangeRunAsync(int anna, int ben)
    {
        var annas = await AddCustomerAsync("Annan Oy", responsibleUserId: anna);
        var bens = await AddCustomerAsync("Benin Oy", responsibleUserId: ben);
        await WithDbAsync(async db =>
        {
            var plan = await CarePlanTestData.AddPlanAAsync(db);
            foreach (var c in db.Customers) c.Segment = Segment.A;
            var run = new CarePlanCheckRun
            {
                Trigger = CarePlanCheckTrigger.Nightly, Status = CarePlanCheckStatus.Succeeded, StartedByName = "Yöajo",
                StartedAt = new DateTime(2026, 4, 1, 23, 30, 0), FinishedAt = new DateTime(2026, 4, 1, 23, 31, 0),
                CheckedOn = new DateOnly(2026, 4, 2), CustomersChecked = 2, CustomersBroken = 2,
            };
            db.CarePlanCheckRuns.Add(run);
            await db.SaveChangesAsync();
            db.CarePlanBreaches.Add(new CarePlanBreach
            {
                RunId = run.Id, CustomerId = annas, CarePlanVersionId = plan.Id, Kind = CarePlanBreachKind.ContactGap,
                LastContactOn = new DateOnly(2026, 3, 20), AllowedGapDays = 7, OverdueDays = 6,
            });
            db.CarePlanBreaches.Add(new CarePlanBreach
            {
                RunId = run.Id, CustomerId = bens, CarePlanVersionId = plan.Id, Kind = CarePlanBreachKind.YearlyRequirement,
                RequirementId = plan.Requirements.Single(r => r.PerYear == 1).Id, Required = 1, Done = 0, OverdueDays = 0,
            });
            await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task Account_manager_sees_their_own_customers_with_the_rule_in_words()
    {
        var anna = await SignInAsync(UserGroup.AccountManager, "Anna Asiakas");
        var ben = await AddUserAsync(UserGroup.AccountManager, "Ben Vastaava");
        await ArrangeRunAsync(anna.Id, ben.Id);

        var page = RenderWithProviders<MonitorPage>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=monitor-customer]")));
        Assert.Equal("Annan Oy", page.Find("[data-testid=monitor-customer]").TextContent);
        Assert.Equal("viimeisin yhteydenotto 13 päivää sitten, sallittu 7", page.Find("[data-testid=monitor-rule]").TextContent);
        Assert.Equal("6", page.Find("[data-testid=monitor-overdue]").TextContent);
        Assert.Equal("Anna Asiakas", page.Find("[data-testid=monitor-responsibles]").TextContent);
        Assert.Contains("20.3.2026", page.Find("[data-testid=monitor-table]").TextContent);
        Assert.Equal("Laskettu 2.4.2026 2.31 (yöajo).", page.Find("[data-testid=monitor-computed-at]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=monitor-whose]")); // no person filter for an account manager
        Assert.Single(page.FindAll("[data-testid=monitor-recompute]"));
    }

    [Fact]
    public async Task Management_chooses_everyone_or_one_person()
    {
        var anna = await AddUserAsync(UserGroup.AccountManager, "Anna Asiakas");
        var ben = await AddUserAsync(UserGroup.AccountManager, "Ben Vastaava");
        await SignInAsync(UserGroup.Management, "Johtaja Jaana");
        await ArrangeRunAsync(anna.Id, ben.Id);

        var page = RenderWithProviders<MonitorPage>();
        page.WaitForAssertion(() => Assert.Equal("Kaikkia hoitosuunnitelmia noudatetaan.", page.Find("[data-testid=monitor-empty]").TextContent));

        await ChooseAsync(page, "Kaikki");
        page.WaitForAssertion(() => Assert.Equal(["Annan Oy", "Benin Oy"], page.FindAll("[data-testid=monitor-customer]").Select(e => e.TextContent)));
        Assert.Equal(["viimeisin yhteydenotto 13 päivää sitten, sallittu 7", "johdon katselmus 0/1 tänä vuonna"],
            page.FindAll("[data-testid=monitor-rule]").Select(e => e.TextContent));

        await ChooseAsync(page, "Ben Vastaava");
        page.WaitForAssertion(() => Assert.Equal(["Benin Oy"], page.FindAll("[data-testid=monitor-customer]").Select(e => e.TextContent)));
    }

    [Fact]
    public async Task Recompute_shows_the_run_going_and_then_the_new_list()
    {
        var anna = await SignInAsync(UserGroup.AccountManager, "Anna Asiakas");
        await ArrangeRunAsync(anna.Id, anna.Id);
        var page = RenderWithProviders<MonitorPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=monitor-customer]").Count));

        await page.Find("[data-testid=monitor-recompute]").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Contains("Tarkistus käynnissä (Anna Asiakas)", page.Find("[data-testid=monitor-running]").TextContent));
        Assert.True(page.Find("[data-testid=monitor-recompute]").HasAttribute("disabled"));
        var queued = Assert.Single(((RecordingCarePlanQueue)Services.GetRequiredService<ICarePlanCheckQueue>()).Queued);

        // The queued run finishes (as Hangfire would run it): the page shows the new list.
        await Services.GetRequiredService<CarePlanMonitor>().ExecuteAsync(queued);
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=monitor-running]")), TimeSpan.FromSeconds(10));
        // The new run checked today: both customers were created today (no gap yet) and lack this year's meetings.
        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("[data-testid=monitor-rule]").Count));
        Assert.All(page.FindAll("[data-testid=monitor-rule]"), e => Assert.EndsWith("tänä vuonna", e.TextContent));
    }

    [Fact]
    public async Task Dates_and_texts_print_in_English_for_an_English_user()
    {
        CultureInfo.CurrentCulture = new CultureInfo("en-US");
        CultureInfo.CurrentUICulture = new CultureInfo("en");
        var anna = await SignInAsync(UserGroup.AccountManager, "Anna Asiakas");
        await ArrangeRunAsync(anna.Id, anna.Id);

        var page = RenderWithProviders<MonitorPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=monitor-customer]").Count));
        Assert.Equal(["last contact 13 days ago, allowed 7", "management review 0 of 1 this year"], page.FindAll("[data-testid=monitor-rule]").Select(e => e.TextContent));
        Assert.Contains("3/20/2026", page.Find("[data-testid=monitor-table]").TextContent);
        Assert.Equal("Computed 4/2/2026 2:31 AM (nightly run).", page.Find("[data-testid=monitor-computed-at]").TextContent.Replace('\u202f', ' '));
    }

    [Fact]
    public async Task Customer_segment_tab_shows_the_plans_and_the_broken_rules()
    {
        var anna = await SignInAsync(UserGroup.AccountManager, "Anna Asiakas");
        await ArrangeRunAsync(anna.Id, anna.Id);
        var annas = await WithDbAsync(db => Task.FromResult(db.Customers.Single(c => c.Name == "Annan Oy").Id));
        var other = await AddCustomerAsync("Perus Oy");

        var status = RenderWithProviders<CustomerCarePlanStatus>(p => p.Add(c => c.CustomerId, annas));
        status.WaitForAssertion(() => Assert.Contains("Segmentti A – avainasiakas", status.Markup));
        Assert.Equal("Segmentti A – avainasiakas: viimeisin yhteydenotto 13 päivää sitten, sallittu 7 – 6 pv myöhässä",
            status.Find("[data-testid=customer-care-plan-breaches] li").TextContent);

        var none = RenderWithProviders<CustomerCarePlanStatus>(p => p.Add(c => c.CustomerId, other));
        none.WaitForAssertion(() => Assert.Equal("Asiakkaaseen ei sovelleta hoitosuunnitelmaa.", none.Find("[data-testid=customer-care-plans-none]").TextContent));
        Assert.Contains("Hoitosuunnitelmia noudatetaan (tarkistettu 2.4.2026).", none.Markup);
    }

    private async Task ChooseAsync(IRenderedComponent<MonitorPage> page, string option)
    {
        var select = page.FindComponents<MudSelect<int>>().Single();
        await page.InvokeAsync(select.Instance.OpenMenu);
        Providers.WaitForAssertion(() => Assert.NotEmpty(Providers.FindAll(".mud-popover-open .mud-list-item")));
        Providers.FindAll(".mud-popover-open .mud-list-item").Single(o => o.TextContent.Trim() == option).Click();
    }
}
