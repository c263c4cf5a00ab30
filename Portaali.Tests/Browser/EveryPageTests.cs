using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portaali.Tests.Browser;

/// <summary>
/// Opens every page as the people who use it, in both languages, and fails on what they would see as breakage:
/// the "an error has occurred" bar, a failure in the server log, or a page that never becomes interactive.
/// </summary>
[Collection(BrowserCollection.Name)]
public class EveryPageTests(PortaaliServer server)
{
    private static readonly string[] EveryonesPages =
        ["/", "/customers", "/projects", "/activities/open", "/calendar", "/hours", "/team-meeting", "/activities", "/activities/feedback", "/suggestions", "/service-orders", "/sales", "/sales/targets",
         "/care-plans", "/care-plans/monitor", "/selections", "/selections/new", "/exports"];
    /// <summary>Management's view of the key accounts: management, the customer relationship manager, administrators.</summary>
    private static readonly string[] KeyAccountFollowersPages = ["/key-accounts"];
    /// <summary>The customer-base analysis: the key-account followers and sales and marketing.</summary>
    private static readonly string[] CustomerBasePages = ["/customer-base"];
    /// <summary>Campaigns (<c>RunCampaigns</c>): the same people here, since communications has no demo user.</summary>
    private static readonly string[] CampaignPages = ["/campaigns", "/campaigns/new"];
    private static readonly string[] AdministratorsPages = ["/admin/classifications", "/admin/users", "/admin/imports", "/admin/activities", "/admin/offer-template", "/admin/products", "/sales/billing", "/admin/desktops", "/admin/usage"];

    [Theory]
    // axe runs for an administrator and an account manager, each in both languages and both themes (every page is seen
    // in Finnish and English, light and dark); management and marketing open their own pages and desktops.
    [InlineData("Sari Lindqvist", "fi", false, Rights.Administrator | Rights.FollowsKeyAccounts | Rights.MarketsOrAnalyses, Visit.LoadsEachPage | Visit.ChecksAccessibility)]
    [InlineData("Sari Lindqvist", "en", true, Rights.Administrator | Rights.FollowsKeyAccounts | Rights.MarketsOrAnalyses, Visit.ChecksAccessibility)]
    [InlineData("Minna Lehtonen", "fi", true, Rights.None, Visit.ChecksAccessibility)]
    [InlineData("Minna Lehtonen", "en", false, Rights.None, Visit.ChecksAccessibility)]
    [InlineData("Riitta Halonen", "en", false, Rights.FollowsKeyAccounts | Rights.MarketsOrAnalyses, Visit.OwnPagesOnly)]
    [InlineData("Henna Sundström", "fi", false, Rights.MarketsOrAnalyses, Visit.OwnPagesOnly)]
    public async Task Every_page_opens_without_an_error(string user, string culture, bool dark, Rights rights, Visit visit)
    {
        bool administrator = rights.HasFlag(Rights.Administrator), followsKeyAccounts = rights.HasFlag(Rights.FollowsKeyAccounts),
            marketsOrAnalyses = rights.HasFlag(Rights.MarketsOrAnalyses), loadsEachPage = visit.HasFlag(Visit.LoadsEachPage),
            checksAccessibility = visit.HasFlag(Visit.ChecksAccessibility);
        await using var db = server.OpenDb();
        var keyAccount = await db.Customers.Where(c => c.Segment == Portaali.Core.Segments.Segment.A).Select(c => c.Id).FirstAsync();
        var keyAccountPlan = await db.CarePlans.Where(p => p.Segment == Portaali.Core.Segments.Segment.A).Select(p => p.Id).FirstAsync();
        var pages = visit.HasFlag(Visit.OwnPagesOnly)
            // The desktop differs by role; the rest of everyone's pages are covered by the runs above.
            ? ["/", .. followsKeyAccounts ? KeyAccountFollowersPages.Append($"/key-accounts/{keyAccount}") : [], .. marketsOrAnalyses ? CustomerBasePages.Concat(CampaignPages) : []]
            : EveryonesPages.Append($"/customers/{keyAccount}").Append($"/care-plans/{keyAccountPlan}")
                .Concat(followsKeyAccounts ? KeyAccountFollowersPages.Append($"/key-accounts/{keyAccount}") : [])
                .Concat(marketsOrAnalyses ? CustomerBasePages.Concat(CampaignPages) : [])
                .Concat(administrator ? AdministratorsPages : []).ToList();
        if (!visit.HasFlag(Visit.OwnPagesOnly))
        {
            if (await db.Projects.OrderBy(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync() is { } projectId) pages.Add($"/projects/{projectId}");
            // An offer page, once the demo data (or an earlier test) has one: accepted ones show their order too.
            if (await db.Offers.OrderByDescending(o => o.Order != null).Select(o => (int?)o.Id).FirstOrDefaultAsync() is { } offerId) pages.Add($"/offers/{offerId}");
        }
        // The theme is the user's own setting: set as they would have left it, and put back for the other tests.
        var displayName = user;
        var darkBefore = await db.Users.Where(u => u.DisplayName == displayName).Select(u => u.PrefersDarkMode).SingleAsync();
        await db.Users.Where(u => u.DisplayName == displayName).ExecuteUpdateAsync(s => s.SetProperty(u => u.PrefersDarkMode, dark));
        try
        {
            await VisitAsync(user, culture, administrator, followsKeyAccounts, loadsEachPage, checksAccessibility, pages);
        }
        finally
        {
            await db.Users.Where(u => u.DisplayName == displayName).ExecuteUpdateAsync(s => s.SetProperty(u => u.PrefersDarkMode, darkBefore));
        }
    }

    [Flags]
    public enum Rights { None = 0, Administrator = 1, FollowsKeyAccounts = 2, MarketsOrAnalyses = 4 }

    [Flags]
    public enum Visit { None = 0, LoadsEachPage = 1, ChecksAccessibility = 2, OwnPagesOnly = 4 }

    private async Task VisitAsync(string user, string culture, bool administrator, bool followsKeyAccounts, bool loadsEachPage, bool checksAccessibility,
        List<string> pages)
    {
        var page = await server.SignInAsync(user, culture);
        var logStart = server.ServerLog().Length;
        // Whatever the Content-Security-Policy refuses (an inline script, a style, a connection) Chromium reports here.
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) lock (refused) refused.Add($"{page.Url}: {message.Text}");
        };
        var inaccessible = new List<string>();
        var otherLanguage = new List<string>();

        foreach (var path in pages)
        {
            if (loadsEachPage)
            {
                // The administrator's run loads every page from the server (the prerender, the scripts, a new circuit)...
                await page.GotoAsync(path);
                await PortaaliServer.WaitForInteractiveAsync(page);
            }
            else if (new Uri(page.Url).PathAndQuery != path) // the desktop is already open after signing in
            {
                // ...the others move through the app in one circuit, as people do: every page is still rendered with their
                // rights and language, without paying a full load each (the administrator's pages cover everyone's).
                var title = await page.TitleAsync();
                await page.EvaluateAsync("path => Blazor.navigateTo(path)", path);
                var expected = System.Text.Json.JsonSerializer.Serialize(path);
                await PortaaliServer.WaitUntilAsync(page, $"location.pathname + location.search === {expected} && document.title !== {System.Text.Json.JsonSerializer.Serialize(title)}");
            }
            await Expect(page.Locator("#blazor-error-ui"), $"{path} showed the error bar").ToBeHiddenAsync();
            await Expect(page.GetByTestId("page-error"), $"{path} failed and showed the page's error message").ToHaveCountAsync(0);
            if (checksAccessibility) inaccessible.AddRange((await Axe.SeriousViolationsAsync(page)).Select(v => $"{path}: {v}"));
            otherLanguage.AddRange((await Language.OtherLanguagesTextsAsync(page, culture)).Select(t => $"{path}: {t}"));
        }
        if (administrator)
        {
            // Hangfire's dashboard is no Blazor page: it has its own policy, and its scripts must still draw it.
            await page.GotoAsync("/jobs");
            await Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("Portaali – jobs"));
            // Chart.js sizes the realtime graph with a style: proof that the dashboard's scripts ran under its policy.
            await Expect(page.Locator("#realtimeGraph")).ToHaveAttributeAsync("style", new System.Text.RegularExpressions.Regex("width"));
        }
        else
        {
            await page.GotoAsync("/admin/users");
            await Expect(page.GetByTestId("forbidden")).ToBeVisibleAsync();
        }
        if (!followsKeyAccounts)
        {
            await page.GotoAsync("/key-accounts");
            await Expect(page.GetByTestId("forbidden")).ToBeVisibleAsync();
        }

        Assert.True(inaccessible.Count == 0, $"axe found serious or critical WCAG 2.1 AA violations ({culture}):\n" + string.Join("\n", inaccessible));
        Assert.True(otherLanguage.Count == 0, $"Texts of the other language on the {culture} pages:\n" + string.Join("\n", otherLanguage));
        lock (refused) Assert.True(refused.Count == 0, "The Content-Security-Policy refused:\n" + string.Join("\n", refused));
        var failures = server.ServerLog()[logStart..].Split('\n').Where(l => l.StartsWith("fail:") || l.StartsWith("crit:")).ToList();
        Assert.True(failures.Count == 0, "The server logged failures:\n" + server.ServerLog()[logStart..]);
    }

    [Fact]
    public async Task On_a_phone_the_app_bar_keeps_its_buttons_on_the_screen_and_the_week_scrolls_inside_its_box()
    {
        var page = await server.SignInAsync("Minna Lehtonen");
        await page.SetViewportSizeAsync(390, 844);
        foreach (var path in new[] { "/customers", "/calendar" })
        {
            await page.GotoAsync(path);
            await PortaaliServer.WaitForInteractiveAsync(page);
            foreach (var button in new[] { "culture-menu", "dark-mode", "sign-out" })
            {
                var box = await page.GetByTestId(button).BoundingBoxAsync();
                Assert.True(box is not null && box.X >= 0 && box.X + box.Width <= 390, $"{button} on {path} is off the screen: {box?.X}");
            }
            Assert.True(await page.EvaluateAsync<int>("document.scrollingElement.scrollWidth") <= 390, $"{path} is wider than the phone");
        }
    }
}
