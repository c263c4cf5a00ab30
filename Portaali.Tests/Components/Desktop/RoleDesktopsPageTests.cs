using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portaali.Core.Desktops;
using Portaali.Core.Users;
using Portaali.Web.Components.Pages.Desktop;

namespace Portaali.Tests.Components.Desktop;

/// <summary>The administrator's role-default designer: the group's choices only, and a save that reaches its users.</summary>
public class RoleDesktopsPageTests : ComponentHarness
{
    public RoleDesktopsPageTests() => Services.AddSingleton(new DesktopWidgetCatalog());

    private static string[] Keys(IRenderedComponent<RoleDesktopsPage> page) =>
        [.. page.FindAll("[data-testid=desktop-widget]").Select(e => e.GetAttribute("data-key") ?? "")];

    [Fact]
    public async Task Designing_marketings_default_offers_no_key_account_tracker_and_the_saved_default_reaches_a_marketer()
    {
        var admin = await SignInAsync(UserGroup.Administrator, "Sari Suunnittelija");
        var page = RenderWithProviders<RoleDesktopsPage>();
        page.WaitForAssertion(() => Assert.Equal(6, Keys(page).Length)); // the account managers' default first
        Assert.Contains("Ohjelman oletus", page.Find("[data-testid=role-desktop-status]").TextContent);

        var group = page.FindComponent<MudSelect<UserGroup>>();
        await page.InvokeAsync(() => group.Instance.ValueChanged.InvokeAsync(UserGroup.SalesAndMarketing));
        page.WaitForAssertion(() => Assert.Equal([WidgetRegistry.Selections, WidgetRegistry.Campaigns, WidgetRegistry.CustomerBaseCharts], Keys(page)));

        page.Find("[data-testid=role-desktop-add]").Click();
        Providers.WaitForAssertion(() => Assert.NotEmpty(Providers.FindAll("[data-testid=add-widget-option]")));
        var offered = Providers.FindAll("[data-testid=add-widget-option]").Select(e => e.GetAttribute("data-key")).ToList();
        Assert.DoesNotContain(WidgetRegistry.KeyAccountTracker, offered);
        Providers.FindAll("[data-testid=add-widget-option]").Single(e => e.GetAttribute("data-key") == WidgetRegistry.OpenOffers).Click();
        page.WaitForAssertion(() => Assert.Equal(WidgetRegistry.OpenOffers, Keys(page)[^1]));
        page.FindAll("[data-testid=desktop-widget]")[0].QuerySelector("[data-testid=widget-remove]")!.Click();
        page.WaitForAssertion(() => Assert.Equal([WidgetRegistry.Campaigns, WidgetRegistry.CustomerBaseCharts, WidgetRegistry.OpenOffers], Keys(page)));

        page.Find("[data-testid=role-desktop-save]").Click();
        page.WaitForAssertion(() => Assert.Contains("Suunnitellut Sari Suunnittelija", page.Find("[data-testid=role-desktop-status]").TextContent));

        await SignInAsync(UserGroup.SalesAndMarketing, "Maija Markkinoija");
        var mine = await Services.GetRequiredService<DesktopService>().GetMineAsync();
        Assert.Equal([WidgetRegistry.Campaigns, WidgetRegistry.CustomerBaseCharts, WidgetRegistry.OpenOffers], mine.Layout.Widgets.Select(w => w.Key));
        Assert.Equal(admin.DisplayName, (await WithDbAsync(db => Task.FromResult(db.RoleDesktops.Single().ChangedByName))));
    }
}
