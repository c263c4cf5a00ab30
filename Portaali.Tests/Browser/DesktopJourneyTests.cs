using Microsoft.Playwright;
using Portaali.Core.Desktops;
using static Microsoft.Playwright.Assertions;

namespace Portaali.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class DesktopJourneyTests(PortaaliServer server)
{
    // No other journey changes her desktop, so she starts from the account managers' default.
    private const string AccountManager = "Elina Rasi";

    private static readonly string[] Default = [WidgetRegistry.MyWeek, WidgetRegistry.MyHours, WidgetRegistry.MyOpenActivities,
        WidgetRegistry.MyCustomers, WidgetRegistry.CarePlanBreaches, WidgetRegistry.Suggestions];

    private static Task<string[]> KeysAsync(IPage page) =>
        page.GetByTestId("desktop-widget").EvaluateAllAsync<string[]>("frames => frames.map(f => f.dataset.key)");

    private static ILocator Cell(IPage page, string key) =>
        page.GetByTestId("desktop-cell").Filter(new() { Has = page.Locator($"[data-key='{key}']") });

    [Fact]
    public async Task Account_manager_drags_and_resizes_a_widget_finds_it_so_after_a_reload_and_resets_to_the_role_default()
    {
        var page = await server.SignInAsync(AccountManager);
        await Expect(page.Locator("#desktop-heading")).ToHaveTextAsync("Työpöytä");
        await Expect(page.GetByTestId("desktop-widget")).ToHaveCountAsync(Default.Length);
        Assert.Equal(Default, await KeysAsync(page));
        await Expect(page.GetByTestId("widget-title").First).ToHaveTextAsync("Oma viikko");

        await page.GetByTestId("desktop-edit").ClickAsync();
        // "My customers" dragged onto the first place.
        await Cell(page, WidgetRegistry.MyCustomers).DragToAsync(Cell(page, WidgetRegistry.MyWeek));
        await Expect(page.GetByTestId("desktop-announcement")).ToHaveTextAsync("Omat asiakkaat siirretty paikalle 1/6.");
        string[] moved = [WidgetRegistry.MyCustomers, WidgetRegistry.MyWeek, WidgetRegistry.MyHours, WidgetRegistry.MyOpenActivities,
            WidgetRegistry.CarePlanBreaches, WidgetRegistry.Suggestions];
        Assert.Equal(moved, await KeysAsync(page));

        await page.GetByRole(AriaRole.Button, new() { Name = "Levennä: Omat asiakkaat" }).ClickAsync();
        await Expect(page.GetByTestId("desktop-announcement")).ToHaveTextAsync("Omat asiakkaat: leveys 8 saraketta, korkeus 2 riviä.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Korota: Omat asiakkaat" }).ClickAsync();
        await Expect(page.GetByTestId("desktop-announcement")).ToHaveTextAsync("Omat asiakkaat: leveys 8 saraketta, korkeus 3 riviä.");

        await page.ReloadAsync();
        await PortaaliServer.WaitForInteractiveAsync(page);
        await Expect(page.GetByTestId("desktop-widget")).ToHaveCountAsync(moved.Length);
        Assert.Equal(moved, await KeysAsync(page));
        await Expect(Cell(page, WidgetRegistry.MyCustomers)).ToHaveAttributeAsync("style", new System.Text.RegularExpressions.Regex("--w: 8; --h: 3"));
        var box = await Cell(page, WidgetRegistry.MyCustomers).BoundingBoxAsync();
        var neighbour = await Cell(page, WidgetRegistry.MyWeek).BoundingBoxAsync();
        Assert.True(box!.Height > neighbour!.Height, $"three rows ({box.Height}px) are taller than two ({neighbour.Height}px)");

        await page.GetByTestId("desktop-edit").ClickAsync();
        await page.GetByTestId("desktop-reset").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Palauta", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("desktop-announcement")).ToHaveTextAsync("Roolisi oletustyöpöytä palautettu.");
        Assert.Equal(Default, await KeysAsync(page));
        await page.ReloadAsync();
        await PortaaliServer.WaitForInteractiveAsync(page);
        await Expect(page.GetByTestId("desktop-widget")).ToHaveCountAsync(Default.Length);
        Assert.Equal(Default, await KeysAsync(page));
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
    }
}
