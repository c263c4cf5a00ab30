using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Portaali.Core.Common;
using Portaali.Core.Desktops;
using Portaali.Core.Users;
using Portaali.Web.Components.Pages.Desktop;

namespace Portaali.Tests.Components.Desktop;

/// <summary>The desktop page and its editor. Every widget key renders a quiet stand-in that shows its key, so the editor is
/// tested apart from the widgets' own data; a test swaps in a slow or a failing widget where it needs one.</summary>
public class DesktopPageTests : ComponentHarness
{
    private readonly Dictionary<string, Type> components = WidgetRegistry.All.ToDictionary(w => w.Key, _ => typeof(QuietWidget));
    private readonly SlowGate gate = new();

    public DesktopPageTests()
    {
        Services.AddSingleton(new DesktopWidgetCatalog(components));
        Services.AddSingleton(gate);
    }

    private static string[] Keys(IRenderedComponent<DesktopPage> page) =>
        [.. page.FindAll("[data-testid=desktop-widget]").Select(e => e.GetAttribute("data-key") ?? "")];

    private static AngleSharp.Dom.IElement Frame(IRenderedComponent<DesktopPage> page, string key) =>
        page.FindAll("[data-testid=desktop-widget]").Single(e => e.GetAttribute("data-key") == key);

    private static void Click(IRenderedComponent<DesktopPage> page, string key, string tool) =>
        page.FindAll("[data-testid=desktop-widget]").Single(e => e.GetAttribute("data-key") == key)
            .QuerySelector($"[data-testid={tool}]")!.Click();

    private async Task<string[]> SavedKeysAsync() =>
        [.. (await Services.GetRequiredService<DesktopService>().GetMineAsync()).Layout.Widgets.Select(w => w.Key)];

    [Fact]
    public async Task The_editor_moves_resizes_removes_and_adds_widgets_and_each_change_is_saved_and_announced()
    {
        await SignInAsync(UserGroup.AccountManager);
        var page = RenderWithProviders<DesktopPage>();
        string[] start = [WidgetRegistry.MyWeek, WidgetRegistry.MyHours, WidgetRegistry.MyOpenActivities, WidgetRegistry.MyCustomers,
            WidgetRegistry.CarePlanBreaches, WidgetRegistry.Suggestions];
        page.WaitForAssertion(() => Assert.Equal(start, Keys(page)));
        Assert.Empty(page.FindAll("[data-testid=widget-later]"));

        page.Find("[data-testid=desktop-edit]").Click();
        Assert.Equal("Siirrä myöhemmäksi: Oma viikko", Frame(page, WidgetRegistry.MyWeek).QuerySelector("[data-testid=widget-later]")!.GetAttribute("aria-label"));
        Click(page, WidgetRegistry.MyWeek, "widget-later");
        page.WaitForAssertion(() => Assert.Equal(WidgetRegistry.MyHours, Keys(page)[0]));
        page.WaitForAssertion(() => Assert.Equal("Oma viikko siirretty paikalle 2/6.", page.Find("[data-testid=desktop-announcement]").TextContent));
        Assert.Equal(Keys(page), await SavedKeysAsync());

        Click(page, WidgetRegistry.Suggestions, "widget-earlier");
        page.WaitForAssertion(() => Assert.Equal(WidgetRegistry.Suggestions, Keys(page)[4]));

        Click(page, WidgetRegistry.MyHours, "widget-wider");
        page.WaitForAssertion(() => Assert.Equal("6 saraketta × 1 riviä", Frame(page, WidgetRegistry.MyHours).QuerySelector("[data-testid=widget-size]")!.TextContent));
        Click(page, WidgetRegistry.MyHours, "widget-taller");
        page.WaitForAssertion(() => Assert.Equal("6 saraketta × 2 riviä", Frame(page, WidgetRegistry.MyHours).QuerySelector("[data-testid=widget-size]")!.TextContent));
        Assert.Contains("--w: 6; --h: 2", Frame(page, WidgetRegistry.MyHours).ParentElement!.GetAttribute("style"));

        Click(page, WidgetRegistry.MyCustomers, "widget-remove");
        page.WaitForAssertion(() => Assert.DoesNotContain(WidgetRegistry.MyCustomers, Keys(page)));

        page.Find("[data-testid=desktop-add]").Click();
        Providers.WaitForAssertion(() => Assert.NotEmpty(Providers.FindAll("[data-testid=add-widget-option]")));
        Providers.FindAll("[data-testid=add-widget-option]").Single(e => e.GetAttribute("data-key") == WidgetRegistry.MyProjects).Click();
        page.WaitForAssertion(() => Assert.Equal(WidgetRegistry.MyProjects, Keys(page)[^1]));

        string[] expected = [WidgetRegistry.MyHours, WidgetRegistry.MyWeek, WidgetRegistry.MyOpenActivities, WidgetRegistry.Suggestions,
            WidgetRegistry.CarePlanBreaches, WidgetRegistry.MyProjects];
        Assert.Equal(expected, Keys(page));
        var saved = (await Services.GetRequiredService<DesktopService>().GetMineAsync()).Layout.Widgets;
        Assert.Equal(expected, saved.Select(w => w.Key));
        Assert.Equal((6, 2), (saved[0].Width, saved[0].Height));
    }

    [Fact]
    public async Task A_marketing_user_is_not_offered_the_key_account_tracker_nor_everyones_breaches()
    {
        await SignInAsync(UserGroup.SalesAndMarketing);
        var page = RenderWithProviders<DesktopPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(Keys(page)));
        page.Find("[data-testid=desktop-edit]").Click();

        page.Find("[data-testid=desktop-add]").Click();
        Providers.WaitForAssertion(() => Assert.NotEmpty(Providers.FindAll("[data-testid=add-widget-option]")));
        var offered = Providers.FindAll("[data-testid=add-widget-option]").Select(e => e.GetAttribute("data-key")).ToList();
        Assert.Contains(WidgetRegistry.CustomerBaseCharts, offered);
        Assert.Contains(WidgetRegistry.Campaigns, offered);
        Assert.DoesNotContain(WidgetRegistry.KeyAccountTracker, offered);
        Assert.DoesNotContain(WidgetRegistry.PendingProposals, offered);

        Providers.FindAll("[data-testid=add-widget-option]").Single(e => e.GetAttribute("data-key") == WidgetRegistry.CarePlanBreaches).Click();
        page.WaitForAssertion(() => Assert.Equal(WidgetRegistry.CarePlanBreaches, Keys(page)[^1]));
        // The scope select offers only "mine".
        var scope = page.FindComponents<MudBlazor.MudSelect<string>>().Single(s => s.Instance.Label == "Kenen asiakkaat");
        await page.InvokeAsync(scope.Instance.OpenMenu);
        page.WaitForAssertion(() => Assert.Equal(["mine"], Providers.FindComponents<MudBlazor.MudSelectItem<string>>().Select(i => i.Instance.Value)));
    }

    [Fact]
    public async Task A_failing_widget_shows_its_error_and_a_slow_one_holds_none_of_the_others()
    {
        components[WidgetRegistry.MyWeek] = typeof(FailingWidget);
        components[WidgetRegistry.MyHours] = typeof(SlowWidget);
        await SignInAsync(UserGroup.AccountManager);

        var page = RenderWithProviders<DesktopPage>();

        page.WaitForAssertion(() => Assert.Contains("Kalenteri ei vastaa.", Frame(page, WidgetRegistry.MyWeek).TextContent));
        Assert.NotNull(Frame(page, WidgetRegistry.MyWeek).QuerySelector("[data-testid=widget-retry]"));
        foreach (var key in new[] { WidgetRegistry.MyOpenActivities, WidgetRegistry.MyCustomers, WidgetRegistry.CarePlanBreaches, WidgetRegistry.Suggestions })
            Assert.Contains($"sisältö: {key}", Frame(page, key).TextContent);
        Assert.DoesNotContain("valmis", Frame(page, WidgetRegistry.MyHours).TextContent);
        Assert.Equal("Oma viikko", Frame(page, WidgetRegistry.MyWeek).QuerySelector("h2")!.TextContent);

        gate.Release();
        page.WaitForAssertion(() => Assert.Contains("Hidas osa valmis", Frame(page, WidgetRegistry.MyHours).TextContent));
        Assert.Contains("Kalenteri ei vastaa.", Frame(page, WidgetRegistry.MyWeek).TextContent);
    }

    [Fact]
    public async Task Reset_asks_first_and_brings_back_the_role_default()
    {
        await SignInAsync(UserGroup.AccountManager);
        var desktops = Services.GetRequiredService<DesktopService>();
        var mine = await desktops.GetMineAsync();
        await desktops.SaveMineAsync(new DesktopLayout([mine.Layout.Widgets[2]]), null);
        var page = RenderWithProviders<DesktopPage>();
        page.WaitForAssertion(() => Assert.Equal([WidgetRegistry.MyOpenActivities], Keys(page)));

        page.Find("[data-testid=desktop-edit]").Click();
        page.Find("[data-testid=desktop-reset]").Click();
        Providers.WaitForAssertion(() => Assert.Contains("Omat muutoksesi työpöytään poistetaan", Providers.Markup));
        Providers.FindAll("button").Single(b => b.TextContent.Trim() == "Palauta").Click();

        page.WaitForAssertion(() => Assert.Equal(6, Keys(page).Length));
        Assert.False((await desktops.GetMineAsync()).IsCustomised);
    }

    [Fact]
    public async Task A_save_from_another_tab_first_is_told_and_the_desktop_reloads_with_it()
    {
        await SignInAsync(UserGroup.AccountManager);
        var page = RenderWithProviders<DesktopPage>();
        page.WaitForAssertion(() => Assert.Equal(6, Keys(page).Length));
        page.Find("[data-testid=desktop-edit]").Click();

        var desktops = Services.GetRequiredService<DesktopService>();
        var other = await desktops.GetMineAsync();
        await desktops.SaveMineAsync(new DesktopLayout([other.Layout.Widgets[5]]), other.Version); // the other tab

        Click(page, WidgetRegistry.MyWeek, "widget-later");
        page.WaitForAssertion(() => Assert.Equal([WidgetRegistry.Suggestions], Keys(page)));
        Assert.Contains("Työpöytäsi tallennettiin sillä välin muualla", page.Find("[data-testid=desktop-announcement]").TextContent);
        Assert.Contains("Työpöytäsi tallennettiin sillä välin muualla", Providers.Markup);
        Assert.Equal([WidgetRegistry.Suggestions], await SavedKeysAsync());
    }

    [Fact]
    public async Task A_newer_role_default_is_announced_and_may_be_kept_or_taken()
    {
        await SignInAsync(UserGroup.AccountManager);
        var desktops = Services.GetRequiredService<DesktopService>();
        var mine = await desktops.GetMineAsync();
        await desktops.SaveMineAsync(new DesktopLayout([mine.Layout.Widgets[0]]), null);
        // Then an administrator designs the account managers' default (written as it is stored).
        await WithDbAsync(db =>
        {
            db.RoleDesktops.Add(new RoleDesktop { Group = UserGroup.AccountManager, LayoutJson = new DesktopLayout([.. mine.Layout.Widgets.Take(2)]).ToJson(),
                Version = 1, ChangedByName = "Ylläpitäjä", ChangedAtUtc = DateTime.UtcNow });
            return db.SaveChangesAsync();
        });

        var page = RenderWithProviders<DesktopPage>();
        page.WaitForAssertion(() => Assert.Contains("Roolisi oletustyöpöytä on muuttunut", page.Find("[data-testid=newer-role-default]").TextContent));
        Assert.Equal([WidgetRegistry.MyWeek], Keys(page));

        page.Find("[data-testid=keep-mine]").Click();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=newer-role-default]")));
        Assert.Equal([WidgetRegistry.MyWeek], Keys(page));
        Assert.False((await desktops.GetMineAsync()).NewerRoleDefault);
    }

    /// <summary>Stands in for a widget: shows which key it renders.</summary>
    public sealed class QuietWidget : ComponentBase
    {
        [Parameter] public WidgetPlacement Placement { get; set; } = default!;
        protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, $"sisältö: {Placement.Key}");
    }

    /// <summary>A widget whose service refuses, as Core does.</summary>
    public sealed class FailingWidget : ComponentBase
    {
        [Parameter] public WidgetPlacement Placement { get; set; } = default!;
        protected override async Task OnInitializedAsync()
        {
            await Task.Yield();
            throw new DomainException("Kalenteri ei vastaa.");
        }
    }

    public sealed class SlowGate
    {
        private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public Task Released => released.Task;
        public void Release() => released.TrySetResult();
    }

    /// <summary>A widget whose data takes until the test releases it.</summary>
    public sealed class SlowWidget : ComponentBase
    {
        [Parameter] public WidgetPlacement Placement { get; set; } = default!;
        [Inject] private SlowGate Gate { get; set; } = default!;
        private bool loaded;
        protected override async Task OnInitializedAsync()
        {
            await Gate.Released;
            loaded = true;
        }
        protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, loaded ? "Hidas osa valmis" : "");
    }
}
