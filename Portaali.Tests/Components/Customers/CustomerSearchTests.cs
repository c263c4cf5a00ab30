using Microsoft.EntityFrameworkCore;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;
using Portaali.Core.Customers;
using Portaali.Core.Segments;
using Portaali.Core.Users;
using Portaali.Web.Components.Pages.Customers;

namespace Portaali.Tests.Components.Customers;

public class CustomerSearchTests : ComponentHarness
{
    private const string MineBusinessId = "0737546-2";
    private const string OthersBusinessId = "0112038-9";

    private async Task SeedAsync()
    {
        var me = await SignInAsync(UserGroup.AccountManager, "Maija Myyjä");
        var colleague = await AddUserAsync(UserGroup.AccountManager, "Kalle Kollega");
        await AddCustomerAsync("Rakennus Virtanen Oy", MineBusinessId, responsibleUserId: me.Id, municipalityCode: "091");
        await AddCustomerAsync("Kahvila Aalto Oy", OthersBusinessId, responsibleUserId: colleague.Id, municipalityCode: "049");
        await AddCustomerAsync("Metalli Mäkinen Oy", "1927400-1");
        await AddCustomerAsync("Lopettanut Konepaja Oy", BusinessId.Create("2345678"), passive: true, responsibleUserId: me.Id);
    }

    private static IReadOnlyList<string> Rows(IRenderedComponent<CustomerSearch> page) =>
        page.FindAll("[data-testid=customer-link]").Select(a => a.TextContent.Trim()).ToList();

    private async Task<IRenderedComponent<CustomerSearch>> RenderSearchAsync()
    {
        await SeedAsync();
        var page = RenderWithProviders<CustomerSearch>();
        page.WaitForAssertion(() => Assert.NotEmpty(Rows(page)));
        return page;
    }

    [Fact]
    public async Task Grid_lists_the_active_customers_and_leaves_out_passive_ones()
    {
        var page = await RenderSearchAsync();

        Assert.Equal(["Kahvila Aalto Oy", "Metalli Mäkinen Oy", "Rakennus Virtanen Oy"], Rows(page));
    }

    [Fact]
    public async Task Typing_a_business_id_narrows_the_rows_to_that_customer()
    {
        var page = await RenderSearchAsync();

        page.Find("#customer-search").Input(OthersBusinessId);

        page.WaitForAssertion(() => Assert.Equal(["Kahvila Aalto Oy"], Rows(page)));
    }

    [Fact]
    public async Task Typing_a_name_fragment_narrows_the_rows_regardless_of_case()
    {
        var page = await RenderSearchAsync();

        page.Find("#customer-search").Input("VIRTA");

        page.WaitForAssertion(() => Assert.Equal(["Rakennus Virtanen Oy"], Rows(page)));
    }

    [Fact]
    public async Task A_search_that_matches_nothing_says_so()
    {
        var page = await RenderSearchAsync();

        page.Find("#customer-search").Input("Olematon Yritys");

        page.WaitForAssertion(() =>
        {
            Assert.Empty(Rows(page));
            Assert.Contains("Hakuehdoilla ei löytynyt asiakkaita.", page.Markup);
        });
    }

    [Fact]
    public async Task Searching_from_a_later_page_shows_the_matches_from_the_first_page()
    {
        await SeedAsync();
        for (var i = 1; i <= 30; i++) await AddCustomerAsync($"Asiakas {i:00} Oy");
        var page = RenderWithProviders<CustomerSearch>();
        page.WaitForAssertion(() => Assert.Equal(25, Rows(page).Count));
        await page.Find("button[aria-label='Seuraava sivu']").ClickAsync(new MouseEventArgs());
        page.WaitForAssertion(() => Assert.Equal(8, Rows(page).Count));

        page.Find("#customer-search").Input("Virtanen");

        page.WaitForAssertion(() => Assert.Equal(["Rakennus Virtanen Oy"], Rows(page)));
    }

    [Fact]
    public async Task Passive_customers_appear_marked_passive_only_when_the_show_passive_switch_is_on()
    {
        var page = await RenderSearchAsync();
        Assert.DoesNotContain("Lopettanut Konepaja Oy", Rows(page));
        Assert.Contains("Näytä passiiviset", page.Markup);

        page.Find("[data-testid=show-passive]").Change(true);

        page.WaitForAssertion(() => Assert.Contains("Lopettanut Konepaja Oy", Rows(page)));
        var passiveRow = page.FindAll("tr").Single(r => r.TextContent.Contains("Lopettanut Konepaja Oy"));
        Assert.Contains("Passiivinen", passiveRow.TextContent);
        Assert.Equal(4, Rows(page).Count);
    }

    [Fact]
    public async Task Only_mine_shows_only_the_customers_the_signed_in_user_is_responsible_for()
    {
        var page = await RenderSearchAsync();
        Assert.Contains("Vain omat asiakkaat", page.Markup);

        page.Find("[data-testid=only-mine]").Change(true);

        page.WaitForAssertion(() => Assert.Equal(["Rakennus Virtanen Oy"], Rows(page)));
    }

    [Fact]
    public async Task The_search_is_kept_in_the_address_so_coming_back_finds_the_same_list()
    {
        var page = await RenderSearchAsync();
        var navigation = Services.GetRequiredService<NavigationManager>();

        page.Find("#customer-search").Input("Virtanen");
        page.Find("[data-testid=show-passive]").Change(true);

        page.WaitForAssertion(() =>
        {
            Assert.Equal(["Rakennus Virtanen Oy"], Rows(page));
            var address = JSInterop.Invocations["Blazor.navigateTo"][^1]; // the address is replaced, without a new history entry
            Assert.Contains("q=Virtanen", (string)address.Arguments[0]!);
            Assert.Contains("passive=true", (string)address.Arguments[0]!);
            Assert.True(((NavigationOptions)address.Arguments[1]!).ReplaceHistoryEntry);
        });

        navigation.NavigateTo("/customers?q=konepaja&passive=true");
        var back = RenderWithProviders<CustomerSearch>();
        back.WaitForAssertion(() => Assert.Equal(["Lopettanut Konepaja Oy"], Rows(back)));
        Assert.Equal("konepaja", back.Find("#customer-search").GetAttribute("value"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_browser_that_stops_answering_leaves_the_address_as_it_was_and_the_search_goes_on(bool callTimesOut)
    {
        Services.AddSingleton<NavigationManager>(new DisconnectedBrowserNavigation());
        var address = JSInterop.SetupVoid("Blazor.navigateTo", _ => true);
        if (callTimesOut) address.SetCanceled();
        else address.SetException(new JSDisconnectedException("The circuit has disconnected."));
        var page = await RenderSearchAsync();

        page.Find("#customer-search").Input("Virtanen");
        page.WaitForAssertion(() => Assert.Equal(["Rakennus Virtanen Oy"], Rows(page)));
        page.Find("[data-testid=show-passive]").Change(true);
        page.Find("#customer-search").Input("Konepaja");

        page.WaitForAssertion(() => Assert.Equal(["Lopettanut Konepaja Oy"], Rows(page)));
    }

    /// <summary>
    /// NavigationManager as it is in a circuit whose browser no longer answers: the navigation's call to the browser fails.
    /// The real one reports that failure to the circuit, which ends it; here it reaches the caller, where bUnit reports it.
    /// </summary>
    private sealed class DisconnectedBrowserNavigation : NavigationManager
    {
        public DisconnectedBrowserNavigation() => Initialize("http://localhost/", "http://localhost/customers");

        protected override void NavigateToCore(string uri, NavigationOptions options) =>
            throw new JSDisconnectedException("JavaScript interop calls cannot be issued at this time.");
    }

    [Fact]
    public async Task Clicking_the_municipality_header_sorts_by_municipality_name()
    {
        var page = await RenderSearchAsync(); // Virtanen in Helsinki (091), Aalto in Espoo (049), Mäkinen without a municipality

        var header = page.FindAll("th").Single(th => th.TextContent.Contains("Kunta"));
        await header.QuerySelector(".sortable-column-header")!.ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.Equal(["Metalli Mäkinen Oy", "Kahvila Aalto Oy", "Rakennus Virtanen Oy"], Rows(page)));
    }

    [Fact]
    public async Task Clicking_a_sorted_header_again_sorts_descending_and_a_third_time_back_by_name()
    {
        var page = await RenderSearchAsync();
        IElementLike Header() => new(page.FindAll("th").Single(th => th.TextContent.Contains("Kunta")));

        await Header().Button.ClickAsync(new MouseEventArgs());
        page.WaitForAssertion(() => Assert.Equal(["Metalli Mäkinen Oy", "Kahvila Aalto Oy", "Rakennus Virtanen Oy"], Rows(page)));
        Assert.Equal("ascending", Header().Cell.GetAttribute("aria-sort"));

        await Header().Button.ClickAsync(new MouseEventArgs());
        page.WaitForAssertion(() => Assert.Equal(["Rakennus Virtanen Oy", "Kahvila Aalto Oy", "Metalli Mäkinen Oy"], Rows(page)));
        Assert.Equal("descending", Header().Cell.GetAttribute("aria-sort"));

        await Header().Button.ClickAsync(new MouseEventArgs());
        page.WaitForAssertion(() => Assert.Equal(["Kahvila Aalto Oy", "Metalli Mäkinen Oy", "Rakennus Virtanen Oy"], Rows(page)));
        Assert.Null(Header().Cell.GetAttribute("aria-sort"));
        Assert.Equal("button", Header().Button.TagName.ToLowerInvariant()); // reachable and pressed from the keyboard
    }

    private sealed record IElementLike(AngleSharp.Dom.IElement Cell)
    {
        public AngleSharp.Dom.IElement Button => Cell.QuerySelector("button.sortable-column-header")!;
    }

    [Fact]
    public async Task The_pager_says_which_rows_are_shown_stops_at_the_last_page_and_shows_more_rows_per_page()
    {
        await SeedAsync();
        for (var i = 1; i <= 30; i++) await AddCustomerAsync($"Asiakas {i:00} Oy");
        var page = RenderWithProviders<CustomerSearch>();
        page.WaitForAssertion(() => Assert.Equal(25, Rows(page).Count));
        Assert.Equal("1–25 / 33", page.Find("[data-testid=pager-info]").TextContent.Trim());
        Assert.True(page.Find("button[aria-label='Edellinen sivu']").HasAttribute("disabled"));

        await page.Find("button[aria-label='Viimeinen sivu']").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.Equal("26–33 / 33", page.Find("[data-testid=pager-info]").TextContent.Trim()));
        Assert.Equal(8, Rows(page).Count);
        Assert.True(page.Find("button[aria-label='Seuraava sivu']").HasAttribute("disabled"));

        page.Find("[data-testid=pager-size]").Change("50");

        page.WaitForAssertion(() => Assert.Equal(33, Rows(page).Count));
        Assert.Equal("1–33 / 33", page.Find("[data-testid=pager-info]").TextContent.Trim());
    }

    private Task AddNumberedCustomersAsync(int count) => WithDbAsync(db =>
    {
        for (var i = 0; i < count; i++)
            db.Customers.Add(new Customer { Name = $"Asiakas {i:0000} Oy", NameSearch = $"asiakas {i:0000} oy", CreatedAt = DateTime.UtcNow });
        return db.SaveChangesAsync();
    });

    [Fact]
    public async Task A_thousand_matches_are_counted_exactly_with_finnish_digit_grouping()
    {
        await SignInAsync(UserGroup.AccountManager);
        await AddNumberedCustomersAsync(1000);

        var page = RenderWithProviders<CustomerSearch>();

        page.WaitForAssertion(() => Assert.Equal("1\u00a0000 asiakasta", page.Find("[data-testid=customer-count]").TextContent)); // not "1,000"
        Assert.Empty(page.FindAll("[data-testid=customer-count-hint]"));
    }

    [Theory]
    [InlineData("fi-FI", "fi", "yli 1\u00a0000 asiakasta", "Osumia on yli 1\u00a0000: tarkenna hakua")]
    [InlineData("en-US", "en", "over 1,000 customers", "There are over 1,000 matches: narrow the search")]
    public async Task Over_a_thousand_matches_say_over_a_thousand_and_ask_to_narrow_the_search(string culture, string uiCulture,
        string count, string hint)
    {
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo(culture);
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo(uiCulture);
        await SignInAsync(UserGroup.AccountManager);
        await AddNumberedCustomersAsync(1030);

        var page = RenderWithProviders<CustomerSearch>();

        page.WaitForAssertion(() => Assert.Equal(count, page.Find("[data-testid=customer-count]").TextContent));
        Assert.StartsWith(hint, page.Find("[data-testid=customer-count-hint]").TextContent);
        Assert.Equal(25, Rows(page).Count);
        Assert.Equal("Asiakas 0000 Oy", Rows(page)[0]);
    }

    [Fact]
    public async Task Switching_to_only_mine_on_a_later_page_starts_from_the_first_page()
    {
        await SeedAsync();
        var me = await WithDbAsync(db => db.Users.Where(u => u.DisplayName == "Maija Myyjä").Select(u => u.Id).SingleAsync());
        for (var i = 1; i <= 30; i++) await AddCustomerAsync($"Asiakas {i:00} Oy", responsibleUserId: me);
        var page = RenderWithProviders<CustomerSearch>();
        page.WaitForAssertion(() => Assert.Equal(25, Rows(page).Count));
        await page.Find("button[aria-label='Seuraava sivu']").ClickAsync(new MouseEventArgs());
        page.WaitForAssertion(() => Assert.Equal(8, Rows(page).Count));

        page.Find("[data-testid=only-mine]").Change(true);

        page.WaitForAssertion(() => Assert.Equal(25, Rows(page).Count)); // 31 of mine: the first 25, not the last 6
        Assert.Equal("Asiakas 01 Oy", Rows(page)[0]);
    }

    [Fact]
    public async Task A_name_with_markup_and_ampersands_shows_as_written_and_every_cell_keeps_its_phone_label()
    {
        // The cells are drawn as markup strings (CustomerListMarkup): every value must be encoded there, as Blazor encodes text.
        await SignInAsync(UserGroup.AccountManager);
        const string name = "<script>alert('x')</script> Ääliö & Öljy <b>Oy</b>";
        var id = await AddCustomerAsync(name, "0737546-2", passive: true, municipalityCode: "091");
        await WithDbAsync(db => db.Customers.Where(c => c.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Segment, Segment.B).SetProperty(c => c.SizeClass, 4).SetProperty(c => c.Revenue, 1_234_567m)));

        var page = RenderWithProviders<CustomerSearch>();
        page.Find("[data-testid=show-passive]").Change(true);
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=customer-link]")));

        var link = page.Find("[data-testid=customer-link]");
        Assert.Equal(name, link.TextContent);
        Assert.Equal($"/customers/{id}", link.GetAttribute("href"));
        Assert.Empty(page.FindAll("[data-testid=customer-grid] script, [data-testid=customer-grid] b"));
        var cells = page.FindAll("[data-testid=customer-grid] tbody td");
        Assert.Equal(["Nimi", "Y-tunnus", "Kunta", "Segmentti", "Kokoluokka", "Liikevaihto"], cells.Select(c => c.GetAttribute("data-label")));
        Assert.Equal("Passiivinen", cells[0].QuerySelector(".mud-chip")?.TextContent);
        Assert.Equal(["0737546-2", "Helsinki", "B – kasvava", "20–49 hlö", "1 234 567 €"],
            cells.Skip(1).Select(c => c.TextContent.Replace('\u00a0', ' ').Replace('\u202f', ' ')));
    }
}
