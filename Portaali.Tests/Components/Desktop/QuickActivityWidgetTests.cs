using System.Text.Json;
using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portaali.Core.Activities;
using Portaali.Core.Desktops;
using Portaali.Core.Users;
using Portaali.Tests.Support;
using Portaali.Web.Components.Pages.Desktop.Widgets;

namespace Portaali.Tests.Components.Desktop;

/// <summary>The desktop's quick "log an activity" form: it creates the activity through Core with the user taking part,
/// reads durations as people type them in either language, shows Core's messages and never loses a typed memo.</summary>
public class QuickActivityWidgetTests : ComponentHarness
{
    /// <summary>Wednesday 11 March 2026, 10.07 in Helsinki.</summary>
    private readonly FixedClock clock = new(new DateTimeOffset(2026, 3, 11, 8, 7, 0, TimeSpan.Zero));

    public QuickActivityWidgetTests() => Services.AddSingleton<TimeProvider>(clock);

    private IRenderedComponent<QuickActivityWidget> RenderForm()
    {
        var placement = WidgetPlacement.New(WidgetRegistry.Find(WidgetRegistry.QuickActivity)!);
        var widget = RenderWithProviders<QuickActivityWidget>(p => p.Add(w => w.Placement, placement));
        widget.WaitForAssertion(() => Assert.NotEmpty(widget.FindAll("#quick-memo")));
        return widget;
    }

    private async Task ChooseTypeAsync(IRenderedComponent<QuickActivityWidget> widget, string name)
    {
        await widget.InvokeAsync(widget.FindComponents<MudSelect<int>>().Single().Instance.OpenMenu);
        Providers.WaitForAssertion(() => Assert.NotEmpty(Providers.FindAll(".mud-popover-open .mud-list-item")));
        Providers.FindAll(".mud-popover-open .mud-list-item").Single(o => o.TextContent.Trim() == name).Click();
    }

    private static string Value(IRenderedComponent<QuickActivityWidget> widget, string id)
    {
        var element = widget.Find(id);
        return element.GetAttribute("value") ?? element.TextContent;
    }

    [Theory]
    [InlineData("fi-FI", "1,5", "Sisäinen palaveri", "Toimenpide tallennettu: Tiimin viikkopalaveri.")]
    [InlineData("fi-FI", "1.5", "Sisäinen palaveri", "Toimenpide tallennettu: Tiimin viikkopalaveri.")]
    [InlineData("en-US", "1,5", "Internal meeting", "Activity saved: Tiimin viikkopalaveri.")]
    [InlineData("en-US", "1.5", "Internal meeting", "Activity saved: Tiimin viikkopalaveri.")]
    public async Task Logs_an_activity_with_the_user_taking_part_says_so_and_clears(string culture, string duration, string type, string saved)
    {
        UiCulture.Set(culture);
        var minna = await SignInAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var widget = RenderForm();

        await ChooseTypeAsync(widget, type);
        widget.Find("#quick-title").Input("Tiimin viikkopalaveri");
        widget.Find("#quick-duration").Input(duration);
        widget.Find("#quick-memo").Input("Käytiin läpi viikon asiakkaat.");
        widget.Find("button[data-testid=quick-save]").Click();

        widget.WaitForAssertion(() => Assert.Contains(saved, widget.Find("[data-testid=quick-saved]").TextContent));
        var activity = await WithDbAsync(db => db.Activities.AsNoTracking().Include(a => a.Participants).SingleAsync());
        Assert.Equal(("Tiimin viikkopalaveri", 90, "Käytiin läpi viikon asiakkaat."), (activity.Title, activity.DurationMinutes, activity.Memo));
        Assert.Equal([minna.Id], activity.Participants.Select(p => p.UserId));
        // Today at the last quarter hour in Helsinki (10.00 = 08.00 UTC).
        Assert.Equal(new DateTime(2026, 3, 11, 8, 0, 0), activity.StartsAtUtc);
        Assert.NotEmpty(widget.FindAll("[data-testid=quick-saved-open]"));
        widget.WaitForAssertion(() => Assert.Equal("", Value(widget, "#quick-title")));
        Assert.Equal("", Value(widget, "#quick-memo"));
        Assert.Equal("1 h", Value(widget, "#quick-duration"));
    }

    [Fact]
    public async Task A_visit_is_logged_on_the_customer_picked_by_name()
    {
        await SignInAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var virtanen = await AddCustomerAsync("Virtasen Kuljetus Oy");
        await AddCustomerAsync("Vanha Virtanen Oy", passive: true);
        var widget = RenderForm();

        widget.Find("#quick-customer").Input("virta");
        Providers.WaitForAssertion(() => Assert.NotEmpty(Providers.FindAll(".mud-popover-open .mud-list-item")));
        Assert.Equal(["Virtasen Kuljetus Oy"], Providers.FindAll(".mud-popover-open .mud-list-item").Select(o => o.TextContent.Trim()));
        Providers.FindAll(".mud-popover-open .mud-list-item").Single().Click();
        await ChooseTypeAsync(widget, "Käynti");
        widget.Find("#quick-title").Input("Käynti Virtasella");
        widget.Find("button[data-testid=quick-save]").Click();

        widget.WaitForAssertion(() => Assert.NotEmpty(widget.FindAll("[data-testid=quick-saved]")));
        Assert.Equal(virtanen, await WithDbAsync(db => db.Activities.Select(a => a.CustomerId).SingleAsync()));
    }

    [Fact]
    public async Task Core_refusal_is_shown_and_the_typed_memo_survives_escape_and_the_error()
    {
        await SignInAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var widget = RenderForm();

        await ChooseTypeAsync(widget, "Käynti");
        widget.Find("#quick-memo").Input("Tavoite: uusi koulutustarve");
        widget.Find("#quick-memo").KeyDown(new KeyboardEventArgs { Key = "Escape" });
        widget.Find("button[data-testid=quick-save]").Click();

        widget.WaitForAssertion(() => Assert.NotEmpty(widget.FindAll("[data-testid=quick-errors]")));
        var errors = widget.Find("[data-testid=quick-errors]").TextContent;
        Assert.Contains("Otsikko on pakollinen", errors);
        Assert.Contains("Käynti", errors); // a visit needs a customer, in Core's words
        Assert.Equal("Tavoite: uusi koulutustarve", Value(widget, "#quick-memo"));
        Assert.Equal(0, await WithDbAsync(db => db.Activities.CountAsync()));
    }

    [Fact]
    public async Task An_ambiguous_duration_is_refused_in_the_field_and_nothing_is_saved()
    {
        UiCulture.Set("en-US");
        await SignInAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var widget = RenderForm();

        await ChooseTypeAsync(widget, "Internal meeting");
        widget.Find("#quick-title").Input("Palaveri");
        widget.Find("#quick-duration").Input("1,500");
        widget.Find("button[data-testid=quick-save]").Click();

        widget.WaitForAssertion(() => Assert.Contains("ambiguous", widget.Find("[data-testid=quick-duration]").Closest(".mud-input-control")!.TextContent));
        Assert.Equal(0, await WithDbAsync(db => db.Activities.CountAsync()));
        Assert.Empty(widget.FindAll("[data-testid=quick-saved]"));
    }

    [Fact]
    public async Task Typed_work_is_kept_in_the_browser_and_brought_back_when_the_desktop_opens_again()
    {
        var minna = await SignInAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var drafts = JSInterop.SetupModule("./drafts.js");
        drafts.Mode = JSRuntimeMode.Loose;
        var widget = RenderForm();

        widget.Find("#quick-memo").Input("Muistiinpano, jota ei saa hukata");
        widget.WaitForAssertion(() => Assert.Contains(drafts.Invocations["saveModel"],
            i => i.Arguments[0] as string == $"{minna.Id}:quick-activity" && (i.Arguments[2] as string ?? "").Contains("Muistiinpano, jota ei saa hukata")));

        // The desktop opens again (a reload, a restarted server): this browser still has the draft, with the title typed last.
        var stored = JsonSerializer.Serialize(new
        {
            model = drafts.Invocations["saveModel"].Last().Arguments[2] as string,
            fields = new Dictionary<string, string> { ["quick-title"] = "Soitto Virtaselle" },
            savedAt = clock.GetUtcNow().ToUnixTimeMilliseconds(),
        });
        drafts.Setup<string?>("read", _ => true).SetResult(stored);
        var again = RenderForm();

        again.WaitForAssertion(() => Assert.Equal("Muistiinpano, jota ei saa hukata", Value(again, "#quick-memo")));
        Assert.Equal("Soitto Virtaselle", Value(again, "#quick-title"));
    }
}
