using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Portaali.Core.Customers;
using Portaali.Core.Offers;
using Portaali.Core.Users;
using Portaali.Web.Components.Pages.Offers;

namespace Portaali.Tests.Components.Offers;

/// <summary>The customer's offers tab as a seller sees it: days left on open offers, trainings said to be running or upcoming in
/// words, lost offers with their reasons, and for a passive customer why no offer can be made.</summary>
public class CustomerOffersTabTests : ComponentHarness
{
    [Fact]
    public async Task Open_offers_show_the_days_left_and_orders_say_whether_the_training_runs_or_is_coming()
    {
        var me = await SignInAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var customerId = await AddCustomerAsync("Virtasen Kuljetus Oy");
        var offers = Services.GetRequiredService<OfferService>();
        var today = Portaali.Core.Calendar.HelsinkiTime.Today(TimeProvider.System);
        await offers.CreateAsync(customerId, Form(me.Id, "Vanhenee pian", today.AddDays(3)));
        var running = await offers.CreateAsync(customerId, Form(me.Id, "Käynnissä oleva", today.AddDays(20)));
        await offers.AcceptAsync(running, (await offers.GetAsync(running)).Version, new OrderDates(today.AddDays(-2), today.AddDays(5)));
        var coming = await offers.CreateAsync(customerId, Form(me.Id, "Tuleva", today.AddDays(20)));
        await offers.AcceptAsync(coming, (await offers.GetAsync(coming)).Version, new OrderDates(today.AddDays(30), null));
        var lost = await offers.CreateAsync(customerId, Form(me.Id, "Hävitty", today.AddDays(20)));
        await offers.LoseAsync(lost, (await offers.GetAsync(lost)).Version, "Budjetti ei riittänyt");

        var customer = await CustomerAsync(customerId);
        var tab = RenderWithProviders<CustomerOffersTab>(p => p.Add(t => t.Customer, customer));

        tab.WaitForAssertion(() => Assert.Contains("3 päivää jäljellä", tab.Find("[data-testid=open-offer-row]").TextContent));
        var orders = tab.FindAll("[data-testid=running-trainings] [data-testid=order-row]").Select(r => r.TextContent).ToList();
        Assert.Equal(2, orders.Count);
        Assert.Contains("Käynnissä oleva", orders[0]);
        Assert.Contains("käynnissä", orders[0]);
        Assert.Contains("Odottaa toimitusta", orders[0]);
        Assert.Contains("tulossa", orders[1]);
        Assert.Contains("Budjetti ei riittänyt", tab.Find("[data-testid=lost-offer-row]").TextContent);
        Assert.Equal($"/offers/{lost}", tab.Find("[data-testid=lost-offer-row] a").GetAttribute("href"));
        Assert.False(tab.Find("[data-testid=new-offer]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task A_passive_customer_says_why_no_new_offer_or_order_can_be_made()
    {
        await SignInAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var customerId = await AddCustomerAsync("Lopettanut Oy", passive: true);

        var customer = await CustomerAsync(customerId);
        var tab = RenderWithProviders<CustomerOffersTab>(p => p.Add(t => t.Customer, customer));

        tab.WaitForAssertion(() => Assert.Contains("Ei avoimia tarjouksia.", tab.Markup));
        Assert.Equal("Asiakas on passiivinen: sille ei voi tehdä uusia tarjouksia eikä kirjata tilauksia.", tab.Find("[data-testid=offers-passive]").TextContent.Trim());
        Assert.True(tab.Find("[data-testid=new-offer]").HasAttribute("disabled"));
        Assert.True(tab.Find("[data-testid=record-order]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Someone_without_the_selling_right_sees_the_offers_but_no_buttons()
    {
        await SignInAsync(UserGroup.Communications, "Viestintä Väinö");
        var customerId = await AddCustomerAsync("Virtasen Kuljetus Oy");

        var customer = await CustomerAsync(customerId);
        var tab = RenderWithProviders<CustomerOffersTab>(p => p.Add(t => t.Customer, customer));

        tab.WaitForAssertion(() => Assert.Contains("Ei avoimia tarjouksia.", tab.Markup));
        Assert.Empty(tab.FindAll("[data-testid=new-offer]"));
    }

    private Task<CustomerDetails> CustomerAsync(int id) => Services.GetRequiredService<CustomerService>().GetAsync(id);

    private static OfferEdit Form(int accountManagerId, string title, DateOnly validUntil) => new()
    {
        AccountManagerId = accountManagerId, Title = title, ValidUntil = validUntil,
        Lines = [new OfferLineEdit { Description = "Räätälöity koulutus", Quantity = 1, UnitPrice = 900 }],
    };
}
