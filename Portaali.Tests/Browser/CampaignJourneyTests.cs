using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portaali.Tests.Browser;

/// <summary>The marketing user makes a campaign in the real app, in either language, and its page opens with the results
/// and the member tools; nothing fails in the server log.</summary>
[Collection(BrowserCollection.Name)]
public class CampaignJourneyTests(PortaaliServer server)
{
    [Theory]
    [InlineData("fi", "15.3.2027", "Tulokset")]
    [InlineData("en", "15.3.2027", "Results")] // the app keeps Finnish date formats in both UI languages
    public async Task The_marketing_user_creates_an_event_from_the_menu_and_its_page_shows_results_and_members(string culture, string date, string results)
    {
        var page = await server.SignInAsync("Henna Sundström", culture);
        var logStart = server.ServerLog().Length;
        var name = $"Kevätseminaari {culture} {Guid.NewGuid():N}"[..24];

        await page.GetByTestId("nav-marketing").ClickAsync();
        await page.GetByTestId("nav-campaigns").ClickAsync();
        await PortaaliServer.WaitForInteractiveAsync(page);
        await page.GetByTestId("new-campaign").ClickAsync();
        await PortaaliServer.WaitForInteractiveAsync(page);
        await page.Locator("#campaign-name").FillAsync(name);
        await page.Locator("#campaign-event-date").FillAsync(date);
        await page.GetByTestId("campaign-create").ClickAsync();

        await Expect(page.GetByTestId("campaign-title")).ToHaveTextAsync(name);
        await Expect(page.GetByTestId("campaign-date")).ToContainTextAsync(date);
        await Expect(page.GetByTestId("campaign-results")).ToContainTextAsync(results);
        await Expect(page.GetByTestId("campaign-funnel").Locator("tbody tr")).ToHaveCountAsync(4);
        await using (var db = server.OpenDb())
            Assert.Equal(new DateOnly(2027, 3, 15), await db.Campaigns.Where(c => c.Name == name).Select(c => c.EventDate).SingleAsync());

        var failures = server.ServerLog()[logStart..].Split('\n').Where(l => l.StartsWith("fail:") || l.StartsWith("crit:")).ToList();
        Assert.True(failures.Count == 0, "The server logged failures:\n" + server.ServerLog()[logStart..]);
    }
}
