using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portaali.Core.Calendar;
using Portaali.Core.Offers;
using static Microsoft.Playwright.Assertions;

namespace Portaali.Tests.Browser;

/// <summary>The sales pages in the real app: the billing list marks an order invoiced, a target is set and drilled into,
/// and every follow-up tab opens without an error.</summary>
[Collection(BrowserCollection.Name)]
public class SalesJourneyTests(PortaaliServer server)
{
    [Fact]
    public async Task An_order_in_delivery_is_invoiced_from_the_billing_list_and_counts_toward_its_sellers_target()
    {
        var title = "e2e-laskutus " + Guid.NewGuid().ToString("N")[..6];
        int offerId, orderId;
        string seller;
        await using (var db = server.OpenDb())
        {
            var minna = await db.Users.SingleAsync(u => u.DisplayName == "Minna Lehtonen");
            seller = minna.DisplayName;
            var customer = await db.Customers.Where(c => !c.IsPassive).OrderBy(c => c.Id).Skip(7).FirstAsync();
            var today = HelsinkiTime.Today(TimeProvider.System);
            var offer = new Offer
            {
                CustomerId = customer.Id, AccountManagerId = minna.Id, Type = OfferType.StaffTraining, State = OfferState.Accepted, Title = title,
                OfferedOn = today, ValidUntil = today.AddDays(30), DecidedOn = today, TotalExVatCents = 123_456, CustomerReference = "Viite 77",
                CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow,
                Lines = [new OfferLine { Description = "Työturvallisuuskortti", Quantity = 1, UnitPriceCents = 123_456, LineTotalExVatCents = 123_456 }],
            };
            offer.Order = new Order
            {
                Offer = offer, CustomerId = customer.Id, AccountManagerId = minna.Id, Type = offer.Type, TotalExVatCents = 123_456,
                State = OrderState.InDelivery, OrderedOn = today, DeliveryStartedOn = today, UpdatedAtUtc = DateTime.UtcNow,
            };
            db.Offers.Add(offer);
            await db.SaveChangesAsync();
            (offerId, orderId) = (offer.Id, offer.Order.Id);
        }

        var page = await server.SignInAsync("Sari Lindqvist");
        var logStart = server.ServerLog().Length;
        await page.GotoAsync("/sales/billing");
        await PortaaliServer.WaitForInteractiveAsync(page);
        var row = page.GetByTestId("billing-table").Locator("tbody tr").Filter(new() { HasText = title });
        await Expect(row).ToContainTextAsync("Viite 77");
        await Expect(row).ToContainTextAsync("1 234,56 €");
        await row.Locator("input[type=checkbox]").CheckAsync();
        await page.Locator($"#invoice-number-{orderId}").FillAsync("E2E-1");
        await page.GetByTestId("mark-invoiced").ClickAsync();
        await Expect(row).ToHaveCountAsync(0);
        await using (var db = server.OpenDb())
        {
            var order = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == orderId);
            Assert.Equal((OrderState.Invoiced, "E2E-1", "Sari Lindqvist"), (order.State, order.InvoiceNumber, order.InvoicedByName));
        }

        await page.GotoAsync("/sales/targets");
        await PortaaliServer.WaitForInteractiveAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Tavoite: {seller}" }).ClickAsync();
        await page.Locator("#target-amount").FillAsync("150 000,50");
        await page.GetByTestId("target-save").ClickAsync();
        var person = page.GetByTestId("targets-table").Locator("tr").Filter(new() { HasText = seller });
        await Expect(person).ToContainTextAsync("150 000,50 €");
        await person.GetByTestId("targets-person").ClickAsync();
        var link = page.GetByTestId("targets-orders").GetByRole(AriaRole.Link, new() { Name = title });
        await Expect(link).ToHaveAttributeAsync("href", $"/offers/{offerId}");

        await page.GotoAsync("/sales");
        await PortaaliServer.WaitForInteractiveAsync(page);
        foreach (var tab in new[] { "Voitetut ja hävityt", "Myyntiputki", "Tilaukset ja laskutus", "Avoimet tarjoukset" })
        {
            await page.GetByRole(AriaRole.Tab, new() { Name = tab }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Tab, new() { Name = tab })).ToHaveAttributeAsync("aria-selected", "true");
        }
        await Expect(page.GetByTestId("open-offers")).ToBeVisibleAsync();
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("page-error")).ToHaveCountAsync(0);
        var failures = server.ServerLog()[logStart..].Split('\n').Where(l => l.StartsWith("fail:") || l.StartsWith("crit:")).ToList();
        Assert.True(failures.Count == 0, "The server logged failures:\n" + server.ServerLog()[logStart..]);
    }
}
