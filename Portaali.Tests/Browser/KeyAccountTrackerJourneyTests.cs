using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace Portaali.Tests.Browser;

/// <summary>Management opens the tracker on the demo data and an account's scorecard from its row, in both languages.</summary>
[Collection(BrowserCollection.Name)]
public class KeyAccountTrackerJourneyTests(PortaaliServer server)
{
    [Theory]
    [InlineData("fi", "Tuloskortti")]
    [InlineData("en", "Scorecard")]
    public async Task Management_opens_a_key_accounts_scorecard_from_the_tracker(string culture, string heading)
    {
        await using var db = server.OpenDb();
        var keyAccounts = await db.Customers.CountAsync(c => c.Segment == Portaali.Core.Segments.Segment.A && !c.IsPassive);
        var page = await server.SignInAsync("Riitta Halonen", culture);

        await page.GotoAsync("/key-accounts");
        await PortaaliServer.WaitForInteractiveAsync(page);
        await Expect(page.GetByTestId("tracker-row")).ToHaveCountAsync(keyAccounts);
        await Expect(page.GetByTestId("manager-work-table")).ToBeVisibleAsync();

        await page.GetByTestId("tracker-scorecard").First.ClickAsync();
        await Expect(page.GetByTestId("scorecard")).ToBeVisibleAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync(heading);
        await Expect(page.GetByTestId("scorecard-measure")).ToHaveCountAsync(5);
        await Expect(page.GetByTestId("scorecard-edit")).ToBeVisibleAsync();
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
    }
}
