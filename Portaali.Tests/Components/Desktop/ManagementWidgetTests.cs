using System.Globalization;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portaali.Core.Common;
using Portaali.Core.CustomerBase;
using Portaali.Core.Customers;
using Portaali.Core.Desktops;
using Portaali.Core.KeyAccountTracking;
using Portaali.Core.Offers;
using Portaali.Core.Sales;
using Portaali.Core.Segments;
using Portaali.Core.Users;
using Portaali.Web.Components.Pages.Desktop.Widgets;
using Portaali.Web.Customers;

namespace Portaali.Tests.Components.Desktop;

/// <summary>Management's widgets (key-account tracker, pending A proposals, open offers, billing list, sales targets,
/// customer-base charts) rendered alone over real Core services and a real SQLite file, as the desktop frame will hold
/// them; and Core refusing their data to a role without the widget's policy.</summary>
public class ManagementWidgetTests : ComponentHarness
{
    private OfferService Offers => Services.GetRequiredService<OfferService>();

    private static WidgetPlacement Placement(string key, int height = 2, params (string Name, string Value)[] settings) =>
        new(Guid.NewGuid(), key, 6, height, settings.Length == 0 ? null : settings.ToDictionary(s => s.Name, s => s.Value));

    /// <summary>The text as read: Finnish money puts no-break spaces in "1 234,50 €".</summary>
    private static string Text(AngleSharp.Dom.IElement e) =>
        System.Text.RegularExpressions.Regex.Replace(e.TextContent.Replace('\u00a0', ' ').Replace('\u202f', ' '), @"\s+", " ").Trim();

    private static void UseEnglish()
    {
        CultureInfo.CurrentCulture = new CultureInfo("en-US");
        CultureInfo.CurrentUICulture = new CultureInfo("en");
    }

    private async Task<int> CustomerAsync(string name, Segment segment = Segment.C, int sizeClass = 0, int? responsibleUserId = null)
    {
        var id = await AddCustomerAsync(name, responsibleUserId: responsibleUserId);
        await WithDbAsync(db => db.Customers.Where(c => c.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Segment, segment).SetProperty(c => c.SizeClass, sizeClass)));
        return id;
    }

    private Task<int> OfferAsync(int customerId, int managerId, string title, decimal price) =>
        Offers.CreateAsync(customerId, new OfferEdit
        {
            AccountManagerId = managerId, Title = title, ValidUntil = new DateOnly(2100, 1, 1),
            Lines = [new OfferLineEdit { Description = "Koulutuspäivä", Quantity = 1, UnitPrice = price }],
        });

    private async Task<int> OrderAsync(int customerId, int managerId, string title, decimal price, bool inDelivery)
    {
        var offerId = await OfferAsync(customerId, managerId, title, price);
        var orderId = await Offers.AcceptAsync(offerId, (await Offers.GetAsync(offerId)).Version, new OrderDates(null, null));
        if (inDelivery) await Offers.MoveOrderAsync(orderId, (await Offers.GetAsync(offerId)).Order!.Version, OrderState.InDelivery);
        return offerId;
    }

    [Fact]
    public async Task Tracker_widget_lists_the_key_accounts_compactly_and_fits_its_height()
    {
        var manager = await AddUserAsync(UserGroup.AccountManager, "Aino Asiakasvastaava");
        var me = await SignInAsync(UserGroup.Management, "Johtaja Jaana");
        var alfa = await CustomerAsync("Alfa Oy", Segment.A, responsibleUserId: manager.Id);
        await CustomerAsync("Beta Oy", Segment.A);
        await CustomerAsync("Tavallinen Oy");
        await OfferAsync(alfa, me.Id, "Johtamiskoulutus", 1234.50m);

        var widget = Render<KeyAccountTrackerWidget>(p => p.Add(w => w.Placement, Placement(WidgetRegistry.KeyAccountTracker)));

        widget.WaitForAssertion(() => Assert.Equal(2, widget.FindAll("[data-testid=tracker-widget-row]").Count));
        var first = widget.FindAll("[data-testid=tracker-widget-row]")[0];
        Assert.Equal("Alfa Oy", Text(first.QuerySelector("[data-testid=tracker-widget-customer]")!));
        Assert.Equal($"/customers/{alfa}", first.QuerySelector("[data-testid=tracker-widget-customer]")!.GetAttribute("href"));
        Assert.Contains("Aino Asiakasvastaava", Text(first));
        Assert.Equal("ei ole", Text(first.QuerySelector("[data-testid=tracker-widget-last]")!));
        Assert.Equal("Hoitosuunnitelmaa ei ole vielä tarkistettu", Text(first.QuerySelector("[data-testid=care-plan-status]")!));
        Assert.Equal("1 234,50 € (1)", Text(first.QuerySelector("[data-testid=tracker-widget-offers]")!));
        Assert.Contains("Ei vastuuhenkilöä", Text(widget.FindAll("[data-testid=tracker-widget-row]")[1]));
        Assert.Equal("/key-accounts", widget.Find("[data-testid=widget-all-link]").GetAttribute("href"));

        // One row of the grid holds one account; the link says how many there are.
        var small = Render<KeyAccountTrackerWidget>(p => p.Add(w => w.Placement, Placement(WidgetRegistry.KeyAccountTracker, height: 1)));
        small.WaitForAssertion(() => Assert.Single(small.FindAll("[data-testid=tracker-widget-row]")));
        Assert.Equal("Koko avainasiakkaiden seuranta (A-asiakkaita 2)", Text(small.Find("[data-testid=widget-all-link]")));
    }

    [Fact]
    public async Task Tracker_widget_says_so_when_there_are_no_key_accounts()
    {
        await SignInAsync(UserGroup.CustomerRelationshipManager);
        await CustomerAsync("Tavallinen Oy");

        var widget = Render<KeyAccountTrackerWidget>(p => p.Add(w => w.Placement, Placement(WidgetRegistry.KeyAccountTracker)));

        widget.WaitForAssertion(() => Assert.Equal("Ei aktiivisia A-asiakkaita.", Text(widget.Find("[data-testid=tracker-widget-empty]"))));
    }

    [Theory]
    [InlineData(UserGroup.Management, true)]
    [InlineData(UserGroup.CustomerRelationshipManager, false)]
    public async Task Pending_proposals_widget_shows_the_free_A_places_and_lets_only_management_decide(UserGroup group, bool decides)
    {
        var proposer = await AddUserAsync(UserGroup.AccountManager, "Aino Asiakasvastaava");
        await SignInAsync(group);
        await CustomerAsync("Alfa Oy", Segment.A);
        var gamma = await CustomerAsync("Gamma Oy", Segment.B);
        await WithDbAsync(db =>
        {
            db.KeyAccountProposals.Add(new KeyAccountProposal
            {
                CustomerId = gamma, ProposedByUserId = proposer.Id, ProposedByName = proposer.DisplayName, Justification = "Kasvaa nopeasti",
                ProposedAt = new DateTime(2026, 11, 30, 10, 0, 0, DateTimeKind.Utc), State = KeyAccountProposalState.Pending,
            });
            return db.SaveChangesAsync();
        });

        var widget = RenderWithProviders<PendingProposalsWidget>(p => p.Add(w => w.Placement, Placement(WidgetRegistry.PendingProposals, height: 1)));

        widget.WaitForAssertion(() => Assert.Equal("A-paikkoja vapaana 4/5.", Text(widget.Find("[data-testid=free-slots]"))));
        var row = widget.Find("[data-testid=proposals-widget-row]");
        Assert.StartsWith("Gamma Oy – ehdotti Aino Asiakasvastaava 30.11.2026", Text(row));
        Assert.Equal($"/customers/{gamma}", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(decides, widget.FindAll("[data-testid=proposals-widget-approve]").Count == 1);
        Assert.Equal("/key-accounts", widget.Find("[data-testid=widget-all-link]").GetAttribute("href"));
    }

    [Fact]
    public async Task Management_approves_a_proposal_from_the_widget_and_the_free_places_go_down()
    {
        var proposer = await AddUserAsync(UserGroup.AccountManager, "Aino Asiakasvastaava");
        await SignInAsync(UserGroup.Management);
        var gamma = await CustomerAsync("Gamma Oy", Segment.B);
        await WithDbAsync(db =>
        {
            db.KeyAccountProposals.Add(new KeyAccountProposal
            {
                CustomerId = gamma, ProposedByUserId = proposer.Id, ProposedByName = proposer.DisplayName, Justification = "Kasvaa nopeasti",
                ProposedAt = DateTime.UtcNow, State = KeyAccountProposalState.Pending,
            });
            return db.SaveChangesAsync();
        });
        var widget = RenderWithProviders<PendingProposalsWidget>(p => p.Add(w => w.Placement, Placement(WidgetRegistry.PendingProposals, height: 1)));
        widget.WaitForAssertion(() => Assert.Equal("A-paikkoja vapaana 5/5.", Text(widget.Find("[data-testid=free-slots]"))));

        // The click awaits the dialog it opens, so it completes only after the decision is saved.
        var approving = widget.Find("[data-testid=proposals-widget-approve]").ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());
        Providers.WaitForElement("#decision-note").Input("Hyvä perustelu");
        await Providers.Find("[data-testid=decision-save]").ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());
        await approving;

        widget.WaitForAssertion(() => Assert.Equal("Ei odottavia A-ehdotuksia.", Text(widget.Find("[data-testid=proposals-widget-empty]"))));
        Assert.Equal("A-paikkoja vapaana 4/5.", Text(widget.Find("[data-testid=free-slots]")));
        Assert.Equal(Segment.A, await WithDbAsync(db => db.Customers.Where(c => c.Id == gamma).Select(c => c.Segment).SingleAsync()));
    }

    [Fact]
    public async Task Open_offers_widget_shows_the_sellers_own_first_and_everyones_at_the_switch()
    {
        var other = await AddUserAsync(UserGroup.AccountManager, "Bertta Myyjä");
        var me = await SignInAsync(UserGroup.AccountManager, "Aino Myyjä");
        var alfa = await CustomerAsync("Alfa Oy");
        var offer = await OfferAsync(alfa, me.Id, "Työturvallisuus", 1500m);
        await OfferAsync(await CustomerAsync("Beta Oy"), other.Id, "Esimieskoulutus", 250.25m);

        var widget = RenderWithProviders<OpenOffersWidget>(p => p.Add(w => w.Placement, Placement(WidgetRegistry.OpenOffers)));

        widget.WaitForAssertion(() => Assert.Equal("Omia avoimia tarjouksia 1, yhteensä 1 500,00 € (alv 0)", Text(widget.Find("[data-testid=open-offers-widget-total]"))));
        var row = widget.Find("[data-testid=open-offers-widget-row]");
        Assert.Equal("1.1.2100 Alfa Oy Työturvallisuus 1 500,00 €", Text(row));
        Assert.Equal([$"/customers/{alfa}", $"/offers/{offer}"], row.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));

        widget.Find("input[data-testid=open-offers-widget-mine]").Change(false);

        widget.WaitForAssertion(() => Assert.Equal("Avoimia tarjouksia 2, yhteensä 1 750,25 € (alv 0)", Text(widget.Find("[data-testid=open-offers-widget-total]"))));
        Assert.Equal(2, widget.FindAll("[data-testid=open-offers-widget-row]").Count);
        Assert.Equal("/sales", widget.Find("[data-testid=widget-all-link]").GetAttribute("href"));
    }

    [Fact]
    public async Task Open_offers_widget_shows_everyones_to_someone_without_offers_and_says_when_there_are_none()
    {
        await SignInAsync(UserGroup.Management);

        var widget = RenderWithProviders<OpenOffersWidget>(p => p.Add(w => w.Placement, Placement(WidgetRegistry.OpenOffers)));

        widget.WaitForAssertion(() => Assert.Equal("Avoimia tarjouksia 0, yhteensä 0,00 € (alv 0)", Text(widget.Find("[data-testid=open-offers-widget-total]"))));
        Assert.Empty(widget.FindAll("[data-testid=open-offers-widget-mine]"));
        Assert.NotEmpty(widget.FindAll("[data-testid=open-offers-widget-empty]"));
    }

    [Theory]
    [InlineData("fi", "Laskutettavia tilauksia 2, yhteensä 1 734,50 € (alv 0)", "1 234,50 €")]
    [InlineData("en", "Orders to invoice: 2, €1,734.50 in all (ex VAT)", "€1,234.50")]
    public async Task Billing_widget_counts_and_sums_the_orders_in_delivery_in_the_users_language(string language, string total, string first)
    {
        var me = await SignInAsync(UserGroup.ServiceOperations, "Laura Laskuttaja");
        var alfa = await CustomerAsync("Alfa Oy");
        var offer = await OrderAsync(alfa, me.Id, "Työturvallisuus", 1234.50m, inDelivery: true);
        await OrderAsync(await CustomerAsync("Beta Oy"), me.Id, "Ajokortti", 500m, inDelivery: true);
        await OrderAsync(await CustomerAsync("Gamma Oy"), me.Id, "Odottaa vielä", 999m, inDelivery: false);
        if (language == "en") UseEnglish();

        var widget = Render<BillingListWidget>(p => p.Add(w => w.Placement, Placement(WidgetRegistry.BillingList)));

        widget.WaitForAssertion(() => Assert.Equal(total, Text(widget.Find("[data-testid=billing-widget-total]"))));
        var rows = widget.FindAll("[data-testid=billing-widget-row]");
        Assert.Equal(2, rows.Count);
        Assert.EndsWith("Alfa Oy Työturvallisuus " + first, Text(rows[0]));
        Assert.Equal([$"/customers/{alfa}", $"/offers/{offer}"], rows[0].QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Equal("/sales/billing", widget.Find("[data-testid=widget-all-link]").GetAttribute("href"));
    }

    [Fact]
    public async Task Billing_widget_says_so_when_nothing_waits_for_an_invoice()
    {
        await SignInAsync(UserGroup.SalesAndMarketing);

        var widget = Render<BillingListWidget>(p => p.Add(w => w.Placement, Placement(WidgetRegistry.BillingList, height: 1)));

        widget.WaitForAssertion(() => Assert.Equal("Ei laskutettavia tilauksia.", Text(widget.Find("[data-testid=billing-widget-empty]"))));
    }

    [Theory]
    [InlineData("fi", "1 000,00 €", "10 000,00 €", "10 %", "sinä")]
    [InlineData("en", "€1,000.00", "€10,000.00", "10%", "you")]
    public async Task Sales_targets_widget_charts_this_years_orders_against_the_targets_and_marks_the_users_own_row(
        string language, string actual, string target, string achieved, string you)
    {
        var other = await AddUserAsync(UserGroup.AccountManager, "Bertta Myyjä");
        var me = await SignInAsync(UserGroup.Management, "Aino Johtaja");
        var targets = Services.GetRequiredService<SalesTargetService>();
        var year = targets.ThisYear();
        await targets.SetAsync(me.Id, year, "10000");
        await targets.SetAsync(other.Id, year, "5000");
        await OrderAsync(await CustomerAsync("Alfa Oy"), me.Id, "Johtamiskoulutus", 1000m, inDelivery: false);
        if (language == "en") UseEnglish();

        var widget = Render<SalesTargetsWidget>(p => p.Add(w => w.Placement, Placement(WidgetRegistry.SalesTargets)));

        widget.WaitForAssertion(() => Assert.Equal(2, widget.FindAll("[data-testid=targets-widget-row]").Count));
        Assert.NotNull(widget.Find("[data-testid=targets-widget-chart]"));
        var rows = widget.FindAll("[data-testid=targets-widget-row]");
        Assert.Equal($"Aino Johtaja ({you}) {target} {actual} {achieved}", Text(rows[0]));
        Assert.Empty(rows[1].QuerySelectorAll("[data-testid=targets-widget-own]"));
        Assert.Contains(year.ToString(), Text(widget.Find("[data-testid=targets-widget-total]")));
        Assert.Equal("/sales/targets", widget.Find("[data-testid=widget-all-link]").GetAttribute("href"));
    }

    [Fact]
    public async Task Customer_base_widget_counts_by_its_dimension_and_links_each_count_to_the_customer_list()
    {
        await SignInAsync(UserGroup.SalesAndMarketing);
        await CustomerAsync("Alfa Oy", Segment.A, sizeClass: 3);
        await CustomerAsync("Beta Oy", Segment.A, sizeClass: 3);
        await CustomerAsync("Gamma Oy", Segment.B);

        var bySegment = Render<CustomerBaseChartsWidget>(p => p.Add(w => w.Placement, Placement(WidgetRegistry.CustomerBaseCharts)));

        bySegment.WaitForAssertion(() => Assert.Equal(4, bySegment.FindAll("[data-testid=customer-base-widget-row]").Count));
        Assert.NotNull(bySegment.Find("[data-testid=customer-base-widget-chart]"));
        Assert.Equal("Segmentti", Text(bySegment.Find("[data-testid=customer-base-widget] thead th")));
        Assert.Equal(["A – avainasiakas 2", "B – kasvava 1", "C – perus 0", "Potentiaalinen 0"],
            bySegment.FindAll("[data-testid=customer-base-widget-row]").Select(Text));
        var links = bySegment.FindAll("[data-testid=customer-base-widget-link]");
        Assert.Equal(CustomerQueryString.ListUrl(new CustomerQuery { Segment = Segment.A }), links[0].GetAttribute("href"));
        Assert.Equal("/customers?segment=A", links[0].GetAttribute("href"));

        var bySize = Render<CustomerBaseChartsWidget>(p => p.Add(w => w.Placement,
            Placement(WidgetRegistry.CustomerBaseCharts, height: 1, (WidgetRegistry.DimensionSetting, "sizeClass"))));

        // Ten size classes do not fit one row of the grid: the largest come first, the rest are on /customer-base.
        bySize.WaitForAssertion(() => Assert.Equal(["10–19 henkilöä 2", "ei tiedossa 1"],
            bySize.FindAll("[data-testid=customer-base-widget-row]").Select(Text)));
        Assert.Equal("Kokoluokka", Text(bySize.Find("[data-testid=customer-base-widget] thead th")));
        Assert.Equal("/customer-base", bySize.Find("[data-testid=widget-all-link]").GetAttribute("href"));
    }

    [Fact]
    public async Task Customer_base_widget_says_so_when_there_are_no_customers()
    {
        await SignInAsync(UserGroup.Management);

        var widget = Render<CustomerBaseChartsWidget>(p => p.Add(w => w.Placement,
            Placement(WidgetRegistry.CustomerBaseCharts, settings: (WidgetRegistry.DimensionSetting, "region"))));

        widget.WaitForAssertion(() => Assert.Equal("Ei aktiivisia asiakkaita.", Text(widget.Find("[data-testid=customer-base-widget-empty]"))));
    }

    [Fact]
    public async Task Core_refuses_management_widgets_data_to_roles_without_their_policy()
    {
        await SignInAsync(UserGroup.SalesAndMarketing);
        await Assert.ThrowsAsync<ForbiddenException>(() => Services.GetRequiredService<KeyAccountTrackerService>().GetAsync());
        await Assert.ThrowsAsync<ForbiddenException>(() => Services.GetRequiredService<KeyAccountProposalService>().ListPendingAsync());

        await SignInAsync(UserGroup.AccountManager);
        await Assert.ThrowsAsync<ForbiddenException>(() => Services.GetRequiredService<BillingService>().ListAsync(new BillingQuery()));
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            Services.GetRequiredService<CustomerBaseAnalysisService>().CountByAsync(CustomerBaseDimension.Segment));

        // The same calls answer a role that has the policy.
        await SignInAsync(UserGroup.Management);
        Assert.Empty((await Services.GetRequiredService<KeyAccountTrackerService>().GetAsync()).Rows);
        Assert.Equal(0, (await Services.GetRequiredService<BillingService>().ListAsync(new BillingQuery())).TotalCount);
        Assert.Equal(4, (await Services.GetRequiredService<CustomerBaseAnalysisService>().CountByAsync(CustomerBaseDimension.Segment)).Count);
    }
}
