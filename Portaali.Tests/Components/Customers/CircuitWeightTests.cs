using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Portaali.Core.Segments;
using Portaali.Core.Users;
using Portaali.Web.Components.Pages.Customers;

namespace Portaali.Tests.Components.Customers;

/// <summary>
/// Every live component of a page is server memory for as long as the tab stays open (docs/benchmarks-circuits.md:
/// ≤ 500 KB per circuit). The layout around every page, the customer view with a full page of 25 rows, and a customer's
/// page stay under the bounds measured when they were made lighter, so none can silently grow back into a component per
/// cell, link or tab.
/// </summary>
public class CircuitWeightTests : ComponentHarness
{
    private const int LayoutBound = 34; // 32 when measured (administrator); ~150 with MudNavGroups, MudNavLinks, an AuthorizeView per link, tooltips and MudHidden
    private const int CustomerViewBound = 46; // 43 when measured; 137 as a MudDataGrid, 276 with a component per cell
    private const int CustomerPageBound = 28; // 26 when measured, the details tab open; 61 with MudTabs

    [Fact]
    public async Task The_layout_around_every_page_keeps_few_live_components()
    {
        await SignInAsync(UserGroup.Administrator); // the longest menu
        await AddCustomerAsync("Äänekosken Kuljetus Oy");

        var layout = Render<Portaali.Web.Components.Layout.MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(_ => { })));
        layout.WaitForAssertion(() => Assert.NotEmpty(layout.FindAll("a.mud-nav-link[href='/admin/users']")));

        var components = layout.FindComponents<IComponent>();
        Assert.True(components.Count <= LayoutBound, Breakdown(components));
    }

    [Fact]
    public async Task The_customer_view_with_25_rows_keeps_few_live_components()
    {
        await SignInAsync(UserGroup.AccountManager);
        for (var i = 1; i <= 30; i++) await AddCustomerAsync($"Äänekosken Kuljetus {i:00} Oy", municipalityCode: i % 2 == 0 ? "091" : null);
        await WithDbAsync(db => db.Customers.Where(c => c.Id % 3 == 0)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Segment, Segment.B).SetProperty(c => c.Revenue, 125_000m).SetProperty(c => c.SizeClass, 4)));

        var page = RenderWithProviders<CustomerSearch>();
        page.WaitForAssertion(() => Assert.Equal(25, page.FindAll("[data-testid=customer-link]").Count));

        var components = page.FindComponents<IComponent>();
        Assert.True(components.Count <= CustomerViewBound, Breakdown(components));
    }

    [Fact]
    public async Task A_customers_page_keeps_few_live_components()
    {
        await SignInAsync(UserGroup.AccountManager);
        var id = await AddCustomerAsync("Äänekosken Kuljetus Oy", "0737546-2", municipalityCode: "091");

        var page = RenderWithProviders<CustomerPage>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => Assert.Equal("Äänekosken Kuljetus Oy", page.Find("[data-testid=customer-name]").TextContent.Trim()));

        var components = page.FindComponents<IComponent>();
        Assert.True(components.Count <= CustomerPageBound, Breakdown(components));
    }

    private static string Breakdown(IReadOnlyList<IRenderedComponent<IComponent>> components) =>
        $"{components.Count} live components: " + string.Join(", ", components
            .GroupBy(c => c.Instance.GetType().Name).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} × {g.Count()}"));
}
