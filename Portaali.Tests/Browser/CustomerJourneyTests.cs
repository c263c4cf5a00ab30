using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portaali.Core.Segments;
using static Microsoft.Playwright.Assertions;

namespace Portaali.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class CustomerJourneyTests(PortaaliServer server)
{
    private const string AccountManager = "Minna Lehtonen";
    private const string Administrator = "Sari Lindqvist";

    [Fact]
    public async Task Account_manager_finds_customer_by_business_id_adds_contact_and_sees_it_after_reload()
    {
        await using var db = server.OpenDb();
        var customer = await db.Customers.Where(c => !c.IsPassive && c.Segment == Segment.B)
            .OrderBy(c => c.Id).Select(c => new { c.Id, c.Name, c.BusinessId }).FirstAsync();

        var page = await server.SignInAsync(AccountManager);
        await Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync(AccountManager);
        await Expect(page.GetByTestId("signed-in-role")).ToHaveTextAsync("Asiakasvastaava");
        await Expect(page.Locator("#desktop-heading")).ToHaveTextAsync("Työpöytä"); // she lands on her desktop

        await page.GetByRole(AriaRole.Link, new() { Name = "Asiakkaat" }).First.ClickAsync();
        await Expect(page.GetByTestId("customer-grid")).ToContainTextAsync("Rivejä sivulla");
        // "/" goes to the view's own search without typing itself; a "/" in what someone types stays.
        await page.Keyboard.PressAsync("/");
        await PortaaliServer.WaitUntilAsync(page, "document.activeElement && document.activeElement.id === 'customer-search'");
        await page.Keyboard.TypeAsync("Oy/");
        await Expect(page.Locator("#customer-search")).ToHaveValueAsync("Oy/");
        await page.Locator("#customer-search").FillAsync(customer.BusinessId!);
        var link = page.GetByTestId("customer-link");
        await Expect(link).ToHaveCountAsync(1);
        await Expect(link).ToHaveTextAsync(customer.Name);
        await link.ClickAsync();
        await Expect(page.GetByTestId("customer-name")).ToHaveTextAsync(customer.Name);
        // At 1400 × 900 every tab is in view, the change history too (it used to hide behind a scroll arrow).
        await page.SetViewportSizeAsync(1400, 900);
        await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Muutoshistoria" })).ToBeInViewportAsync(new() { Ratio = 1 });
        await Expect(page.GetByTestId("customer-summary")).ToContainTextAsync("Viimeisin yhteydenotto");
        await page.GoBackAsync(); // back to the list: the search is still there
        await Expect(page.Locator("#customer-search")).ToHaveValueAsync(customer.BusinessId!);
        await Expect(link).ToHaveTextAsync(customer.Name);
        // A click anywhere in the row opens the customer too, and one Back returns to the list.
        await page.GetByTestId("customer-grid").Locator("td").Filter(new() { HasText = customer.BusinessId! }).ClickAsync();
        await Expect(page.GetByTestId("customer-name")).ToHaveTextAsync(customer.Name);
        await page.GoBackAsync();
        await Expect(page.Locator("#customer-search")).ToHaveValueAsync(customer.BusinessId!);
        await link.ClickAsync();
        await Expect(page.GetByTestId("customer-name")).ToHaveTextAsync(customer.Name);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Yhteyshenkilöt" }).ClickAsync();
        await page.GetByTestId("add-contact").ClickAsync();
        await page.Locator("#contact-firstname").FillAsync("Testi");
        await page.Locator("#contact-lastname").FillAsync("Yhteyshenkilö");
        await page.Locator("#contact-title").FillAsync("Koulutuspäällikkö");
        await page.Locator("#contact-email").FillAsync("testi.yhteyshenkilo@example.fi");
        await page.GetByTestId("save-contact").ClickAsync();
        await Expect(page.GetByTestId("contact-dialog")).ToHaveCountAsync(0);

        await page.ReloadAsync();
        await PortaaliServer.WaitForInteractiveAsync(page);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Yhteyshenkilöt" }).ClickAsync();
        await Expect(page.GetByTestId("contacts-table")).ToContainTextAsync("Testi Yhteyshenkilö");
        await Expect(page.GetByTestId("contacts-table")).ToContainTextAsync("testi.yhteyshenkilo@example.fi");
    }

    [Fact]
    public async Task Quick_search_on_any_page_finds_a_customer_by_business_id_and_opens_it()
    {
        await using var db = server.OpenDb();
        var customer = await db.Customers.Where(c => !c.IsPassive && c.Segment == Segment.C && c.BusinessId != null)
            .OrderBy(c => c.Id).Skip(11).Select(c => new { c.Id, c.Name, c.BusinessId }).FirstAsync();

        var page = await server.SignInAsync(AccountManager);
        await page.GotoAsync("/calendar");
        await PortaaliServer.WaitForInteractiveAsync(page);
        // The window a person types in has the focus; pages left open by earlier tests in this browser may hold it otherwise.
        await page.BringToFrontAsync();
        await page.Keyboard.PressAsync("/");
        await page.Keyboard.TypeAsync(customer.BusinessId!); // straight away, as people do
        // The field holds the focus within its page. (Not ToBeFocusedAsync: it also wants the window to have the system
        // focus, which a page of another journey in the shared Chromium can take at that moment — seen in a CI run.)
        await PortaaliServer.WaitUntilAsync(page, "document.activeElement && document.activeElement.id === 'quick-search'");
        await Expect(page.Locator("#quick-search")).ToHaveValueAsync(customer.BusinessId!); // no keystroke lost to the focus
        var item = page.Locator(".mud-popover-open [data-testid=quick-search-item]");
        await Expect(item).ToHaveCountAsync(1);
        await Expect(item).ToContainTextAsync(customer.Name);
        await item.ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/customers/{customer.Id}$"));
        await Expect(page.GetByTestId("customer-name")).ToHaveTextAsync(customer.Name);
    }

    [Fact]
    public async Task Non_administrator_is_refused_the_classification_admin_page()
    {
        var page = await server.SignInAsync(AccountManager);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Luokitukset" })).ToHaveCountAsync(0);

        await page.GotoAsync("/admin/classifications");
        await Expect(page.GetByTestId("forbidden")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("admin-tree")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Administrator_sees_the_classification_tree()
    {
        var page = await server.SignInAsync(Administrator);
        await page.GetByRole(AriaRole.Link, new() { Name = "Luokitukset" }).ClickAsync();
        await Expect(page.GetByTestId("admin-tree")).ToContainTextAsync("Työssäoppimispaikat");
        await Expect(page.GetByTestId("admin-tree")).ToContainTextAsync("Kevätseminaari 2025 (poistettu käytöstä)");
    }

    [Fact]
    public async Task Anonymous_visitor_is_sent_to_the_demo_sign_in()
    {
        var context = await server.Browser.NewContextAsync(new() { BaseURL = server.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/customers");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin"));
        await Expect(page.GetByTestId("demo-marker")).ToBeVisibleAsync();
    }
}

[Collection(BrowserCollection.Name)]
public class CustomerCareJourneyTests(PortaaliServer server)
{
    [Fact]
    public async Task Starred_customer_appears_in_the_menu_and_a_passivated_one_leaves_the_default_search()
    {
        await using var db = server.OpenDb();
        // A seeded customer: it is searched by Business ID, and other journeys (the TOP import) add customers without one.
        var customer = await db.Customers.Where(c => !c.IsPassive && c.Segment == Segment.C && c.BusinessId != null)
            .OrderByDescending(c => c.Id).Select(c => new { c.Id, c.Name, c.BusinessId }).FirstAsync();

        var page = await server.SignInAsync("Janne Koskela");
        await page.GotoAsync($"/customers/{customer.Id}");
        await PortaaliServer.WaitForInteractiveAsync(page);
        await page.GetByTestId("favourite").ClickAsync();
        await Expect(page.GetByTestId("nav-favourites")).ToContainTextAsync(customer.Name);

        await page.GetByTestId("passivate").ClickAsync();
        await page.Locator("#prompt-text").FillAsync("Toiminta lopetettu");
        await page.GetByTestId("prompt-confirm").ClickAsync();
        await Expect(page.GetByTestId("passive-chip")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("passivation-info")).ToContainTextAsync("Toiminta lopetettu");

        await page.GetByRole(AriaRole.Link, new() { Name = "Asiakkaat" }).First.ClickAsync();
        await page.Locator("#customer-search").FillAsync(customer.BusinessId!);
        await Expect(page.GetByTestId("customer-grid")).ToContainTextAsync("Hakuehdoilla ei löytynyt asiakkaita");
        await page.GetByLabel("Näytä passiiviset").CheckAsync();
        // While the grid reloads it may briefly hold the previous rows; it must settle on the one passive match.
        await Expect(page.GetByTestId("customer-link")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("customer-link")).ToHaveTextAsync(customer.Name);
    }

    [Fact]
    public async Task Switching_to_english_translates_the_app_and_is_remembered()
    {
        var page = await server.SignInAsync("Tiina Hakala");
        await page.GetByTestId("culture-menu").ClickAsync();
        await page.GetByTestId("culture-en").ClickAsync();
        await Expect(page.Locator("#desktop-heading")).ToHaveTextAsync("Desktop");
        await Expect(page.GetByTestId("signed-in-role")).ToHaveTextAsync("Account manager");

        await page.ReloadAsync();
        await Expect(page.Locator("#desktop-heading")).ToHaveTextAsync("Desktop");
        await page.GetByRole(AriaRole.Link, new() { Name = "Customers" }).First.ClickAsync();
        await Expect(page.Locator("#customers-heading")).ToHaveTextAsync("Customers");

        // Dates keep the Finnish shape, with English day names (the circuit formats them, after the first render too).
        await page.GotoAsync("/calendar");
        await PortaaliServer.WaitForInteractiveAsync(page);
        await Expect(page.GetByTestId("calendar-day-head").First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^Mon \d{1,2}\.\d{1,2}\.$"));
        var monday = await page.GetByTestId("calendar-day-head").First.TextContentAsync();
        await page.GetByTestId("calendar-next").ClickAsync();
        await Expect(page.GetByTestId("calendar-day-head").First).Not.ToHaveTextAsync(monday!);
        await Expect(page.GetByTestId("calendar-day-head").First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^Mon \d{1,2}\.\d{1,2}\.$"));
    }
}
