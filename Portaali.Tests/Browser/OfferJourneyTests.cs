using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portaali.Core.Calendar;
using Portaali.Core.Offers;
using Portaali.Core.Segments;
using static Microsoft.Playwright.Assertions;

namespace Portaali.Tests.Browser;

/// <summary>An account manager's offer from the customer's tab to an invoiced training: a product line and a tailored line,
/// the total seen before saving, its Word document downloaded, accepted with the training's dates, moved into delivery,
/// listed under running trainings, found on the sales assistant's billing list and marked invoiced there.</summary>
[Collection(BrowserCollection.Name)]
public class OfferJourneyTests(PortaaliServer server)
{
    [Fact]
    public async Task Offer_with_a_product_and_a_tailored_line_is_accepted_moved_to_delivery_and_shows_as_a_running_training()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var title = $"Trukit ja työnjohto {run}";
        var today = HelsinkiTime.Today(TimeProvider.System);
        int customerId, productId;
        string customerName;
        await using (var db = server.OpenDb())
        {
            var customer = await db.Customers.Where(c => !c.IsPassive && c.Segment == Segment.B).OrderBy(c => c.Id).Skip(11)
                .Select(c => new { c.Id, c.Name }).FirstAsync();
            (customerId, customerName) = (customer.Id, customer.Name);
            var kalle = await db.Users.SingleAsync(u => u.DisplayName == "Kalle Ojala");
            var product = new Product
            {
                Group = new ProductGroup { NameFi = $"Logistiikka {run}", NameEn = $"Logistics {run}" },
                NameFi = $"Trukinkuljettajan koulutus {run}", NameEn = $"Forklift driver training {run}", ListPriceCents = 45_000,
                Responsibles = [new ProductResponsible { UserId = kalle.Id }],
            };
            db.Products.Add(product);
            await db.SaveChangesAsync();
            productId = product.Id;
        }

        // On the customer's offers tab, a new offer with one line from the register and one typed by hand.
        var page = await server.SignInAsync("Minna Lehtonen");
        await page.GotoAsync($"/customers/{customerId}");
        await PortaaliServer.WaitForInteractiveAsync(page);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Tarjoukset ja tilaukset" }).ClickAsync();
        await page.GetByTestId("new-offer").ClickAsync();
        await Expect(page.Locator(".mud-dialog[data-edit-dialog=ready]")).ToHaveCountAsync(1); // typing before the dialog is hooked up is lost
        await page.Locator("#offer-title").FillAsync(title);

        await page.GetByTestId("add-product-line").ClickAsync();
        await page.Locator("#line-0-product").SelectOptionAsync(productId.ToString(CultureInfo.InvariantCulture));
        await Expect(page.Locator("#line-0-price")).ToHaveValueAsync("450");
        await Expect(page.GetByTestId("line-responsibles")).ToContainTextAsync("Kalle Ojala");
        await page.Locator("#line-0-quantity").FillAsync("2");

        await page.GetByTestId("add-tailored-line").ClickAsync();
        await page.Locator("#line-1-description").FillAsync("Räätälöity työnjohdon valmennus");
        await page.Locator("#line-1-quantity").FillAsync("1,5");
        await page.Locator("#line-1-price").FillAsync("1 234,50 €");
        // 2 × 450,00 + 1,5 × 1 234,50 = 900,00 + 1 851,75
        await Expect(page.GetByTestId("total-sum")).ToHaveTextAsync("2\u00a0751,75\u00a0€");

        await page.GetByTestId("save-offer").ClickAsync();
        await Expect(page.GetByTestId("offer-title")).ToHaveTextAsync(title);
        await Expect(page.GetByTestId("offer-state")).ToHaveTextAsync("Avoin");
        await Expect(page.GetByTestId("offer-line-row")).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("offer-responsibles")).ToContainTextAsync("Kalle Ojala");

        // The offer document downloads as a Word file with the offer's own title and total in it.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("offer-document").ClickAsync());
        Assert.EndsWith(".docx", download.SuggestedFilename);
        var documentText = await WordTextAsync(await download.PathAsync());
        Assert.Contains(title, documentText);
        Assert.Contains("Räätälöity työnjohdon valmennus", documentText);
        Assert.Contains("2 751,75", documentText.Replace(' ', ' ').Replace(' ', ' '));

        // The customer accepts: the training runs from yesterday for ten days.
        await page.GetByTestId("accept-offer").ClickAsync();
        await Expect(page.Locator(".mud-dialog[data-edit-dialog=ready]")).ToHaveCountAsync(1);
        await page.Locator("#order-starts").FillAsync(today.AddDays(-1).ToString("d.M.yyyy", CultureInfo.InvariantCulture));
        await page.Locator("#order-starts").PressAsync("Tab");
        await page.Locator("#order-ends").FillAsync(today.AddDays(9).ToString("d.M.yyyy", CultureInfo.InvariantCulture));
        await page.Locator("#order-ends").PressAsync("Tab");
        await page.GetByTestId("order-dates-confirm").ClickAsync();
        await Expect(page.GetByTestId("order-state")).ToHaveTextAsync("Odottaa toimitusta");
        await Expect(page.GetByTestId("accept-offer")).ToHaveCountAsync(0);

        await page.GetByTestId("to-delivery").ClickAsync();
        await Expect(page.GetByTestId("order-state")).ToHaveTextAsync("Toimituksessa");
        await Expect(page.GetByTestId("back-to-awaiting")).ToBeVisibleAsync();

        // Back on the customer: the training is listed as running, in delivery, and no longer among the open offers.
        await page.GetByTestId("offer-customer").ClickAsync();
        await Expect(page.GetByTestId("customer-name")).ToHaveTextAsync(customerName);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Tarjoukset ja tilaukset" }).ClickAsync();
        var row = page.GetByTestId("running-trainings").GetByTestId("order-row").Filter(new() { HasText = title });
        await Expect(row).ToContainTextAsync("Toimituksessa");
        await Expect(row).ToContainTextAsync("käynnissä");
        await Expect(row).ToContainTextAsync("2\u00a0751,75\u00a0€");
        await Expect(page.GetByTestId("open-offers")).Not.ToContainTextAsync(title);

        // The sales assistant finds it on the billing list (in delivery means it may be invoiced) and marks it invoiced.
        var assistant = await server.SignInAsync("Henna Sundström");
        await assistant.GotoAsync("/sales/billing");
        await PortaaliServer.WaitForInteractiveAsync(assistant);
        var billingRow = assistant.GetByTestId("billing-table").Locator("tbody tr").Filter(new() { HasText = title });
        await Expect(billingRow).ToContainTextAsync(customerName);
        await Expect(billingRow).ToContainTextAsync("2 751,75 €");
        int orderId;
        await using (var db = server.OpenDb())
            orderId = await db.Orders.Where(o => o.Offer!.Title == title).Select(o => o.Id).SingleAsync();
        await billingRow.Locator("input[type=checkbox]").CheckAsync();
        await assistant.Locator($"#invoice-number-{orderId}").FillAsync($"L-{run}");
        await assistant.GetByTestId("mark-invoiced").ClickAsync();
        await Expect(billingRow).ToHaveCountAsync(0);

        // The account manager sees it invoiced on the offer page.
        await page.GotoAsync($"/customers/{customerId}");
        await PortaaliServer.WaitForInteractiveAsync(page);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Tarjoukset ja tilaukset" }).ClickAsync();
        await page.GetByTestId("past-orders").GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Expect(page.GetByTestId("offer-title")).ToHaveTextAsync(title);
        await Expect(page.GetByTestId("order-panel").GetByTestId("order-state")).ToHaveTextAsync("Laskutettu");
        await Expect(page.GetByTestId("order-panel")).ToContainTextAsync($"L-{run}");
    }

    /// <summary>The text of a .docx's body, read straight from its XML (LibreOffice is checked in the document's own tests).</summary>
    private static async Task<string> WordTextAsync(string path)
    {
        using var zip = System.IO.Compression.ZipFile.OpenRead(path);
        await using var body = zip.GetEntry("word/document.xml")!.Open();
        var xml = await System.Xml.Linq.XDocument.LoadAsync(body, System.Xml.Linq.LoadOptions.None, CancellationToken.None);
        System.Xml.Linq.XNamespace w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        return string.Join("\n", xml.Descendants(w + "p").Select(p => string.Concat(p.Descendants(w + "t").Select(t => t.Value))));
    }
}
