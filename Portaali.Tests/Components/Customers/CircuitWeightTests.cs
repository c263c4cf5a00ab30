using Bunit;
using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.RenderTree;
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
    // Each bound is the figure measured; one less fails (checked with bounds of 1, which all four tests then failed).
    private const int LayoutBound = 31; // 31 when measured (administrator); ~150 with MudNavGroups, MudNavLinks, an AuthorizeView per link, tooltips and MudHidden
    private const int CustomerViewBound = 6; // 6 below the page when measured; 137 as a MudDataGrid, 276 with a component per cell
    private const int CustomerPageBound = 14; // 14 when measured, the details tab open; 26 with MudGrid, MudSimpleTables, MudTexts and MudLinks; 61 with MudTabs
    private const int CustomerViewFrameBound = 362; // 362 when measured (a 512-frame buffer); 642 (1,024) with each row an element with a click; ~1,536 (2,048) with every cell an element

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
    public async Task The_customer_view_with_25_rows_draws_them_in_few_render_tree_frames()
    {
        await SignInAsync(UserGroup.AccountManager);
        for (var i = 1; i <= 30; i++) await AddCustomerAsync($"Äänekosken Kuljetus {i:00} Oy", "0737546-2", passive: i % 5 == 0, municipalityCode: "091");
        await WithDbAsync(db => db.Customers.Where(c => c.Id % 3 == 0)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Segment, Segment.B).SetProperty(c => c.Revenue, 125_000m).SetProperty(c => c.SizeClass, 4)));

        var page = RenderWithProviders<CustomerSearch>();
        page.Find("[data-testid=show-passive]").Change(true);
        page.WaitForAssertion(() => Assert.Equal(25, page.FindAll("[data-testid=customer-link]").Count));

        // The renderer keeps a component's frames in a buffer rented at the next power of two, twice (current and previous
        // render): at 1,536 frames the list held two 2,048-frame buffers, 160 KB per tab (docs/benchmarks-circuits.md).
        var (frames, buffer) = CurrentFrames(page.ComponentId);
        Assert.True(frames <= CustomerViewFrameBound, $"{frames} render-tree frames, in a buffer of {buffer}");
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

    // Renderer.GetCurrentRenderTreeFrames is protected (bUnit's renderer does not widen it); read through reflection. The
    // render-tree types are the framework's internals (BL0006), which is what this test measures.
#pragma warning disable BL0006
    private (int Frames, int Buffer) CurrentFrames(int componentId)
    {
        var frames = (ArrayRange<RenderTreeFrame>)typeof(Microsoft.AspNetCore.Components.RenderTree.Renderer).GetMethod("GetCurrentRenderTreeFrames", BindingFlags.Instance | BindingFlags.NonPublic)!
            .Invoke(Renderer, [componentId])!;
        return (frames.Count, frames.Array.Length);
    }
#pragma warning restore BL0006

    private static string Breakdown(IReadOnlyList<IRenderedComponent<IComponent>> components) =>
        $"{components.Count} live components: " + string.Join(", ", components
            .GroupBy(c => c.Instance.GetType().Name).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} × {g.Count()}"));
}
