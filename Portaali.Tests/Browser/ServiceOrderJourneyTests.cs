using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MimeKit;
using Portaali.Core.Calendar;
using Portaali.Core.Common.Mail;
using Portaali.Core.Segments;
using static Microsoft.Playwright.Assertions;

namespace Portaali.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class ServiceOrderJourneyTests(PortaaliServer server)
{
    [Fact]
    public async Task A_new_service_order_is_saved_its_recipients_shown_and_without_an_smtp_host_it_lands_in_the_pickup_folder()
    {
        await using var db = server.OpenDb();
        // A customer whose name is in no other name, so typing it offers exactly one customer.
        var names = await db.Customers.Select(c => c.NameSearch).ToListAsync();
        var candidates = await db.Customers.Where(c => !c.IsPassive && c.Segment == Segment.B)
            .OrderBy(c => c.Id).Select(c => new { c.Id, c.Name, c.NameSearch }).ToListAsync();
        var customer = candidates.First(c => names.Count(n => n.Contains(c.NameSearch)) == 1);
        var day = HelsinkiTime.Today(TimeProvider.System).AddDays(10);
        var title = "Perehdytyspäivä " + Guid.NewGuid().ToString("N")[..6];
        var extra = $"vieras.{Guid.NewGuid().ToString("N")[..6]}@esimerkki.fi";

        var page = await server.SignInAsync("Minna Lehtonen");
        await page.GotoAsync("/service-orders");
        await PortaaliServer.WaitForInteractiveAsync(page);
        await page.GetByTestId("add-service-order").ClickAsync();
        await Expect(page.Locator(".mud-dialog[data-edit-dialog=ready]")).ToHaveCountAsync(1);
        await page.Locator("#so-customer").FillAsync(customer.Name);
        // The list is redrawn as each search answers: wait until it offers only this customer, then take it with Enter.
        await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(1);
        await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToContainTextAsync(customer.Name);
        await page.Locator("#so-customer").PressAsync("Enter");
        await Expect(page.Locator("#so-customer")).ToHaveValueAsync(customer.Name);
        await page.Locator("#so-title").FillAsync(title);
        await page.Locator("#so-date").FillAsync(day.ToString("d.M.yyyy", CultureInfo.InvariantCulture));
        await page.Locator("#so-date").PressAsync("Tab");
        await page.Locator("#so-start").FillAsync("9.30");
        await page.Locator("#so-end").FillAsync("3 pm");
        await Expect(page.Locator("#so-end-helper-text")).ToContainTextAsync("Tallennetaan: 15.00");
        await page.Locator("#so-catering").FillAsync("Aamukahvi");
        await page.Locator("#so-extra").FillAsync(extra.ToUpperInvariant() + "\n" + extra);
        await page.GetByTestId("save-service-order").ClickAsync();

        var send = page.GetByTestId("service-order-send-dialog");
        await Expect(send.GetByTestId("send-recipients")).ToContainTextAsync(extra.ToUpperInvariant()[..10]);
        await Expect(send).ToContainTextAsync("Vastaanottajat (1)");
        await page.GetByTestId("send-now").ClickAsync();
        await Expect(page.GetByTestId("send-result")).ToContainTextAsync("lähetettiin 1 vastaanottajalle");
        await page.GetByTestId("send-close").ClickAsync();

        var row = page.GetByTestId("service-order-grid").Locator("tr").Filter(new() { HasText = title });
        await Expect(row).ToContainTextAsync("Lähetetty");
        await Expect(row).ToContainTextAsync(new Regex(@"9\.30.15\.00"));
        var pickup = MailSetup.DefaultPickupFolder(server.ConnectionString);
        var mail = (await Task.WhenAll(Directory.GetFiles(pickup, "*.eml").Select(f => MimeMessage.LoadAsync(f))))
            .Single(m => m.Subject?.Contains(title) == true);
        Assert.Equal(extra, mail.To.Mailboxes.Single().Address, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("Aamukahvi", mail.TextBody ?? "");
    }
}
