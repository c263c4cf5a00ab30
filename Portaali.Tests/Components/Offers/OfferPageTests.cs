using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Portaali.Core.Offers;
using Portaali.Core.Users;
using Portaali.Web.Components.Pages.Offers;

namespace Portaali.Tests.Components.Offers;

/// <summary>The offer page: its actions follow the state and the selling right, a lost offer asks and keeps its reason, an
/// invoiced order shows its invoice and can no longer move.</summary>
public class OfferPageTests : ComponentHarness
{
    private OfferService Offers => Services.GetRequiredService<OfferService>();

    private async Task<int> OfferAsync(AppUser seller, string title = "Työnjohdon valmennus")
    {
        var customerId = await AddCustomerAsync("Virtasen Kuljetus Oy");
        return await Offers.CreateAsync(customerId, new OfferEdit
        {
            AccountManagerId = seller.Id, Title = title, ValidUntil = DateOnly.FromDateTime(DateTime.Today.AddDays(14)), CustomerReference = "PO-77",
            Lines = [new OfferLineEdit { Description = "Räätälöity valmennus", Quantity = 2, UnitPrice = 1250.50m, VatRate = 25.5m }],
        });
    }

    private IRenderedComponent<OfferPage> Open(int id)
    {
        var page = RenderWithProviders<OfferPage>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=offer-title]")));
        return page;
    }

    private static string Text(AngleSharp.Dom.IElement e) => e.TextContent.Replace('\u00a0', ' ').Trim();

    [Fact]
    public async Task An_open_offer_shows_its_facts_lines_and_totals_and_the_seller_may_edit_accept_or_lose_it()
    {
        var minna = await SignInAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var page = Open(await OfferAsync(minna));

        Assert.Equal("Avoin", Text(page.Find("[data-testid=offer-state]")));
        Assert.Contains("PO-77", page.Find("[data-testid=offer-facts]").TextContent);
        Assert.Contains("Henkilöstökoulutus", page.Find("[data-testid=offer-facts]").TextContent);
        Assert.Equal("2 501,00 €", Text(page.Find("[data-testid=total-ex-vat]")));
        Assert.Equal("637,76 €", Text(page.Find("[data-testid=total-vat]")));   // 25,5 % of 2 501,00 = 637,755 → 637,76
        Assert.Equal("3 138,76 €", Text(page.Find("[data-testid=total-sum]")));
        Assert.NotEmpty(page.FindAll("[data-testid=edit-offer]"));
        Assert.NotEmpty(page.FindAll("[data-testid=accept-offer]"));
        Assert.NotEmpty(page.FindAll("[data-testid=lose-offer]"));
        Assert.EndsWith("/document", page.Find("[data-testid=offer-document]").GetAttribute("href"));
    }

    [Fact]
    public async Task Without_the_selling_right_the_offer_is_shown_but_offers_no_actions()
    {
        var minna = await AddUserAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var id = await WithSellerAsync(minna, () => OfferAsync(minna));
        await SignInAsync(UserGroup.Communications, "Viestintä Väinö");

        var page = Open(id);

        Assert.Empty(page.FindAll("[data-testid=edit-offer], [data-testid=accept-offer], [data-testid=lose-offer]"));
    }

    [Fact]
    public async Task Marking_lost_asks_the_reason_and_the_page_then_shows_it()
    {
        var minna = await SignInAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var page = Open(await OfferAsync(minna));

        // The click's handler waits for the reason dialog, so it completes only after the dialog is confirmed.
        var losing = page.Find("[data-testid=lose-offer]").ClickAsync(new MouseEventArgs());
        Providers.WaitForAssertion(() => Assert.NotEmpty(Providers.FindAll("#prompt-text")));
        Providers.Find("#prompt-text").Input("Asiakas valitsi toisen kouluttajan");
        await Providers.Find("[data-testid=prompt-confirm]").ClickAsync(new MouseEventArgs());
        await losing.WaitAsync(TimeSpan.FromSeconds(30));

        page.WaitForAssertion(() => Assert.Equal("Hävitty", Text(page.Find("[data-testid=offer-state]"))));
        Assert.Equal("Asiakas valitsi toisen kouluttajan", Text(page.Find("[data-testid=offer-lost-reason]")));
        Assert.Empty(page.FindAll("[data-testid=accept-offer]"));
    }

    [Fact]
    public async Task An_invoiced_order_shows_its_invoice_and_can_no_longer_move_or_change_dates()
    {
        var minna = await SignInAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var id = await OfferAsync(minna);
        var orderId = await Offers.AcceptAsync(id, (await Offers.GetAsync(id)).Version, new OrderDates(new DateOnly(2026, 2, 2), new DateOnly(2026, 2, 4)));
        var version = await Offers.MoveOrderAsync(orderId, (await Offers.GetAsync(id)).Order!.Version, OrderState.InDelivery);
        await SignInAsync(UserGroup.ServiceOperations, "Sari Sihteeri");
        await Offers.MoveOrderAsync(orderId, version, OrderState.Invoiced, "L-1001");
        await SignInAsync(UserGroup.AccountManager, "Minna Toinen");

        var page = Open(id);

        Assert.Equal("Laskutettu", Text(page.Find("[data-testid=order-state]")));
        Assert.Contains("L-1001", page.Find("[data-testid=order-invoiced]").TextContent);
        Assert.Contains("Sari Sihteeri", page.Find("[data-testid=order-invoiced]").TextContent);
        Assert.Equal("2.2.2026 – 4.2.2026", Text(page.Find("[data-testid=order-dates]")));
        Assert.Empty(page.FindAll("[data-testid=to-delivery], [data-testid=back-to-awaiting], [data-testid=change-dates], [data-testid=edit-offer]"));
    }

    /// <summary>Arranges data as the seller, whatever the test signs in as afterwards.</summary>
    private async Task<T> WithSellerAsync<T>(AppUser seller, Func<Task<T>> arrange)
    {
        await SignInAsync(UserGroup.AccountManager, seller.DisplayName + " (myyjä)");
        return await arrange();
    }
}
