using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Portaali.Core.Segments;
using Portaali.Core.Users;
using Portaali.Tests.Support;
using Portaali.Web.Components.Pages.CustomerBase;
using Portaali.Web.Components.Pages.Customers;

namespace Portaali.Tests.Components.CustomerBase;

/// <summary>The customer-base page's tables link to the drilled customer list, and the list shows why it is what it is.</summary>
public class CustomerBasePageTests : ComponentHarness
{
    public CustomerBasePageTests() => Services.AddSingleton<TimeProvider>(new FixedClock(CoreHarness.Now)); // 10.3.2026

    private async Task SeedAsync()
    {
        var b1 = await AddCustomerAsync("Espoon Kone Oy", municipalityCode: "049");
        var b2 = await AddCustomerAsync("Helsingin Hoiva Oy", municipalityCode: "091");
        await AddCustomerAsync("Tampereen Tekniikka Oy", municipalityCode: "837");
        await AddCustomerAsync("Lopettanut Oy", passive: true, municipalityCode: "837");
        await WithDbAsync(async db =>
        {
            foreach (var customer in db.Customers.Where(c => c.Id == b1 || c.Id == b2)) customer.Segment = Segment.B;
            db.SegmentChanges.Add(new SegmentChange
            {
                CustomerId = b1, From = Segment.C, To = Segment.B, Reason = "Kasvaa", ChangedByName = "Testi",
                ChangedAt = new DateTime(2026, 2, 1, 10, 0, 0, DateTimeKind.Utc),
            });
            await db.SaveChangesAsync();
        });
    }

    private static AngleSharp.Dom.IElement LinkIn(IRenderedComponent<CustomerBasePage> page, string table, string text) =>
        page.Find($"[data-testid=customer-base-{table}]").QuerySelectorAll("a").First(a => a.TextContent.Trim() == text);

    [Fact]
    public async Task Each_table_label_links_to_the_customer_list_with_its_filter()
    {
        await SignInAsync(UserGroup.Management);
        await SeedAsync();

        var page = RenderWithProviders<CustomerBasePage>();

        page.WaitForAssertion(() => Assert.Contains("3 aktiivista asiakasta", page.Find("[data-testid=customer-base-total]").TextContent));
        Assert.Equal("/customers?segment=B", LinkIn(page, "Segment", "B – kasvava").GetAttribute("href"));
        var row = LinkIn(page, "Segment", "B – kasvava").Closest("tr")!;
        Assert.Equal("2", row.QuerySelectorAll("td")[1].TextContent.Trim());
        Assert.Equal("/customers?region=Pirkanmaa", LinkIn(page, "Region", "Pirkanmaa").GetAttribute("href"));
        Assert.Equal("/customers?size=0", LinkIn(page, "SizeClass", "ei tiedossa").GetAttribute("href"));
        Assert.Equal("/customers?industry=unknown", LinkIn(page, "Industry", "Toimiala ei tiedossa").GetAttribute("href"));
        var move = page.Find("[data-testid=movement-link]");
        Assert.Equal("/customers?moved=C-B&since=2026-01-01&until=2026-03-10", move.GetAttribute("href"));
        Assert.Equal("1 – C – perus → B – kasvava", move.GetAttribute("aria-label"));
    }

    [Theory]
    [InlineData("fi-FI", "fi", "Siirtymät 1.1.2026–10.3.2026: 1 eri asiakasta")]
    [InlineData("en-US", "en", "Moves 1/1/2026–3/10/2026: 1 different customers")]
    public async Task The_period_prints_in_the_users_culture(string culture, string uiCulture, string caption)
    {
        await SignInAsync(UserGroup.Management);
        await SeedAsync();
        System.Globalization.CultureInfo.CurrentCulture = new(culture);
        System.Globalization.CultureInfo.CurrentUICulture = new(uiCulture);

        var page = RenderWithProviders<CustomerBasePage>();

        page.WaitForAssertion(() => Assert.Equal(caption, page.Find("[data-testid=segment-movements] caption").TextContent.Trim()));
    }

    [Fact]
    public async Task Including_passive_customers_carries_into_the_links()
    {
        await SignInAsync(UserGroup.Management);
        await SeedAsync();
        var page = RenderWithProviders<CustomerBasePage>();
        page.WaitForAssertion(() => Assert.Contains("3 aktiivista", page.Find("[data-testid=customer-base-total]").TextContent));

        page.Find("[data-testid=customer-base-passive]").Change(true);

        page.WaitForAssertion(() => Assert.Contains("4 asiakasta", page.Find("[data-testid=customer-base-total]").TextContent));
        Assert.Equal("/customers?passive=true&region=Pirkanmaa", LinkIn(page, "Region", "Pirkanmaa").GetAttribute("href"));
    }

    [Fact]
    public async Task A_drilled_list_shows_its_filters_as_chips_that_can_be_removed()
    {
        await SignInAsync(UserGroup.Management);
        await SeedAsync();
        Services.GetRequiredService<NavigationManager>().NavigateTo("/customers?region=Uusimaa&moved=C-B&since=2026-01-01&until=2026-03-10");

        var page = RenderWithProviders<CustomerSearch>();

        IReadOnlyList<string> Rows() => page.FindAll("[data-testid=customer-link]").Select(a => a.TextContent.Trim()).ToList();
        page.WaitForAssertion(() => Assert.Equal(["Espoon Kone Oy"], Rows()));
        var chips = page.FindAll("[data-testid=customer-filter-chip]").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["Maakunta: Uusimaa", "Segmentti: C – perus → B – kasvava (1.1.2026–10.3.2026)"], chips);
        Assert.Equal("/customers/export.xlsx?region=Uusimaa&moved=C-B&since=2026-01-01&until=2026-03-10",
            page.Find("[data-testid=export-customers]").GetAttribute("href"));

        page.FindAll("[data-testid=customer-filter-chip] button").Last().Click();

        page.WaitForAssertion(() => Assert.Equal(["Espoon Kone Oy", "Helsingin Hoiva Oy"], Rows()));
        Assert.Equal(["Maakunta: Uusimaa"], page.FindAll("[data-testid=customer-filter-chip]").Select(c => c.TextContent.Trim()));
        Assert.Equal("/customers/export.xlsx?region=Uusimaa", page.Find("[data-testid=export-customers]").GetAttribute("href"));
    }

    [Fact]
    public async Task Account_managers_get_no_export_button()
    {
        await SignInAsync(UserGroup.AccountManager);
        await SeedAsync();

        var page = RenderWithProviders<CustomerSearch>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=customer-link]")));
        Assert.Empty(page.FindAll("[data-testid=export-customers]"));
    }
}
