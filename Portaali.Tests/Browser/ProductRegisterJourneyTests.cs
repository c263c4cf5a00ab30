using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portaali.Tests.Browser;

/// <summary>The product manager keeps the register from the admin menu: a new training with a typed price, then retired.</summary>
[Collection(BrowserCollection.Name)]
public class ProductRegisterJourneyTests(PortaaliServer server)
{
    [Fact]
    public async Task Product_manager_adds_a_training_with_a_typed_price_and_retires_it_from_new_offers()
    {
        var suffix = Guid.NewGuid().ToString("N")[..5];
        var name = $"Varastorobotiikan perusteet {suffix}";
        var page = await server.SignInAsync("Kalle Ojala");

        await page.GetByRole(AriaRole.Link, new() { Name = "Tuoterekisteri" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tuoterekisteri", Level = 1 })).ToBeVisibleAsync();
        var logistics = page.GetByTestId("product-group").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Logistiikka", Level = 2 }) });
        await Expect(logistics.GetByText("Trukinkuljettajan koulutus (trukkikortti)")).ToBeVisibleAsync();
        await Expect(logistics.GetByText("Kuormansidonnan perusteet")).ToHaveCountAsync(0); // retired: hidden until asked for

        await logistics.GetByTestId("add-product").ClickAsync();
        await Expect(page.Locator(".mud-dialog[data-edit-dialog=ready]")).ToHaveCountAsync(1);
        await page.Locator("#product-name-fi").FillAsync(name);
        await page.Locator("#product-name-en").FillAsync($"Warehouse robotics basics {suffix}");
        await page.Locator("#product-price").FillAsync("1 234,50");
        await Expect(page.GetByText(new Regex(@"Tallennetaan: 1\s234,50\s€"))).ToBeVisibleAsync();
        await page.GetByTestId("save-product").ClickAsync();

        var row = logistics.GetByTestId("product-row").Filter(new() { HasText = name });
        await Expect(row).ToContainTextAsync(new Regex(@"1\s234,50\s€"));
        await row.GetByTestId("retire-product").ClickAsync();
        await Expect(row).ToHaveCountAsync(0);
        await page.GetByLabel("Näytä käytöstä poistetut").CheckAsync();
        await Expect(row).ToContainTextAsync("poistettu käytöstä");

        await using var db = server.OpenDb();
        var saved = await db.Products.SingleAsync(p => p.NameFi == name);
        Assert.Equal((123450L, 0m, true), (saved.ListPriceCents, saved.VatRate, saved.IsRetired));
    }
}
