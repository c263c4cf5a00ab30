using Portaali.Core.Offers;
using Portaali.Core.Users;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Offers;

/// <summary>The customer's offers tab: open offers expiring first, running and upcoming trainings by their dates, past orders
/// (ended or invoiced), lost offers with their reasons; another customer's offers never show.</summary>
public class CustomerOffersTests : HarnessTest
{
    [Fact]
    public async Task The_tab_groups_open_offers_trainings_by_their_dates_past_orders_and_lost_offers()
    {
        var minna = await H.SignInAsAsync(UserGroup.AccountManager);
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy");
        var other = await H.AddCustomerAsync("Muu Asiakas Oy");
        var c = customer.Id;

        await Offer(c, "Avoin, voimassa huhtikuuhun", new DateOnly(2026, 4, 10));
        await Offer(c, "Avoin, vanhenee torstaina", new DateOnly(2026, 3, 12));
        await Offer(other.Id, "Toisen asiakkaan tarjous", new DateOnly(2026, 3, 11));
        await Accept(await Offer(c, "Käynnissä", new DateOnly(2026, 4, 1)), new(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 20)));
        await Accept(await Offer(c, "Toukokuussa", new DateOnly(2026, 4, 1)), new(new DateOnly(2026, 5, 4), new DateOnly(2026, 5, 6)));
        await Accept(await Offer(c, "Ei vielä päiviä", new DateOnly(2026, 4, 1)), new(null, null));
        await Accept(await Offer(c, "Päättyi helmikuussa", new DateOnly(2026, 4, 1)), new(new DateOnly(2026, 2, 2), new DateOnly(2026, 2, 27)));
        var invoiced = await Accept(await Offer(c, "Laskutettu", new DateOnly(2026, 4, 1)), new(new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 30)));
        var lost = await Offer(c, "Hävitty", new DateOnly(2026, 4, 1));
        await H.Offers.LoseAsync(lost, (await H.Offers.GetAsync(lost)).Version, "Asiakas valitsi toisen kouluttajan");
        await InvoiceAsync(invoiced, minna);

        var tab = await H.Offers.ForCustomerAsync(c);

        Assert.Equal(["Avoin, vanhenee torstaina", "Avoin, voimassa huhtikuuhun"], tab.Open.Select(o => o.Title));
        Assert.Equal(["Käynnissä", "Toukokuussa", "Ei vielä päiviä"], tab.RunningAndUpcoming.Select(o => o.Title));
        Assert.Equal(["Laskutettu", "Päättyi helmikuussa"], tab.PastOrders.Select(o => o.Title));
        Assert.Equal(("Hävitty", "Asiakas valitsi toisen kouluttajan"), (Assert.Single(tab.Lost).Title, tab.Lost[0].LostReason));
    }

    private async Task<int> Offer(int customerId, string title, DateOnly validUntil)
    {
        var form = OfferArrange.Form((await H.Offers.NewAsync(customerId)).AccountManagerId, title);
        form.ValidUntil = validUntil;
        return await H.Offers.CreateAsync(customerId, form);
    }

    private async Task<int> Accept(int offerId, OrderDates dates) =>
        await H.Offers.AcceptAsync(offerId, (await H.Offers.GetAsync(offerId)).Version, dates);

    private async Task InvoiceAsync(int orderId, AppUser seller)
    {
        await using var db = H.Db();
        var version = await H.Offers.MoveOrderAsync(orderId, db.Orders.Single(o => o.Id == orderId).Version, OrderState.InDelivery);
        await H.SignInAsAsync(UserGroup.ServiceOperations);
        await H.Offers.MoveOrderAsync(orderId, version, OrderState.Invoiced, "L-2001");
        H.SignInAs(seller);
    }
}
