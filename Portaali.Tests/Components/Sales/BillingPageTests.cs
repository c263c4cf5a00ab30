using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Portaali.Core.Common;
using Portaali.Core.Offers;
using Portaali.Core.Users;
using Portaali.Web.Components.Layout;
using Portaali.Web.Components.Pages.Sales;

namespace Portaali.Tests.Components.Sales;

public class BillingPageTests : ComponentHarness
{
    private OfferService Offers => Services.GetRequiredService<OfferService>();

    private async Task<(int OfferId, int OrderId)> InDeliveryAsync(int customerId, int managerId, string title)
    {
        var offerId = await Offers.CreateAsync(customerId, new OfferEdit
        {
            AccountManagerId = managerId, Title = title, ValidUntil = new DateOnly(2100, 1, 1),
            Lines = [new OfferLineEdit { Description = "Koulutuspäivä", Quantity = 2, UnitPrice = 500m }],
        });
        var orderId = await Offers.AcceptAsync(offerId, (await Offers.GetAsync(offerId)).Version, new OrderDates(null, null));
        await Offers.MoveOrderAsync(orderId, (await Offers.GetAsync(offerId)).Order!.Version, OrderState.InDelivery);
        return (offerId, orderId);
    }

    [Fact]
    public async Task Marking_the_chosen_orders_invoiced_takes_them_off_and_reports_one_someone_else_changed()
    {
        var me = await SignInAsync(UserGroup.SalesAndMarketing, "Laura Laskuttaja");
        var a = await InDeliveryAsync(await AddCustomerAsync("Alfa Rakennus Oy", "1572860-0"), me.Id, "Työturvallisuuskortti");
        var b = await InDeliveryAsync(await AddCustomerAsync("Beta Hoiva Oy"), me.Id, "Hoivatyön perusteet");
        var c = await InDeliveryAsync(await AddCustomerAsync("Gamma Kuljetus Oy"), me.Id, "Ajokortti");

        var page = RenderWithProviders<BillingPage>();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=billing-customer]").Count));
        Assert.Equal("3 tilausta laskutettavana", page.Find("[data-testid=billing-count]").TextContent);
        Assert.Contains("1572860-0", page.Markup);

        // Choose A and B (the first two rows: all started delivery today, so in the order they were made), number A.
        var boxes = page.FindAll("tbody input[type=checkbox]");
        boxes[0].Change(true);
        page.FindAll("tbody input[type=checkbox]")[1].Change(true);
        page.Find($"#invoice-number-{a.OrderId}").Input("LASKU-100");
        page.WaitForAssertion(() => Assert.Equal("Merkitse laskutetuksi (2)", page.Find("[data-testid=mark-invoiced]").TextContent.Trim()));
        // Meanwhile someone takes B back to awaiting delivery.
        await Offers.MoveOrderAsync(b.OrderId, (await Offers.GetAsync(b.OfferId)).Order!.Version, OrderState.AwaitingDelivery);

        await page.Find("[data-testid=mark-invoiced]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=billing-customer]")));
        Assert.Equal("Gamma Kuljetus Oy", page.Find("[data-testid=billing-customer]").TextContent);
        var failures = page.Find("[data-testid=billing-failures]").TextContent;
        Assert.Contains("1 tilausta jäi merkitsemättä", failures);
        Assert.Contains("Beta Hoiva Oy: Hoivatyön perusteet", failures);
        Assert.Contains(CoreText.Get("OfferChangedByOther"), failures);
        Assert.Contains("1 tilausta merkitty laskutetuksi.", Providers.Markup);
        var invoiced = (await Offers.GetAsync(a.OfferId)).Order!;
        Assert.Equal(OrderState.Invoiced, invoiced.State);
        Assert.Equal("LASKU-100", invoiced.InvoiceNumber);
        Assert.Equal(OrderState.AwaitingDelivery, (await Offers.GetAsync(b.OfferId)).Order!.State);
        Assert.Equal("Merkitse laskutetuksi (0)", page.Find("[data-testid=mark-invoiced]").TextContent.Trim());
    }

    [Theory]
    [InlineData(UserGroup.SalesAndMarketing, true)]
    [InlineData(UserGroup.AccountManager, false)]
    public async Task The_sales_menu_shows_the_billing_list_only_to_those_who_invoice(UserGroup group, bool seesBilling)
    {
        await SignInAsync(group);

        var menu = RenderWithProviders<NavMenu>();

        var sales = menu.Find("[data-testid=nav-sales]");
        var links = sales.QuerySelectorAll("a.mud-nav-link").Select(l => l.GetAttribute("href")).ToList();
        Assert.Equal(seesBilling ? ["/sales", "/sales/targets", "/sales/billing"] : ["/sales", "/sales/targets"], links);
    }
}
