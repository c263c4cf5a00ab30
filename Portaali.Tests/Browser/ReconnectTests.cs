using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portaali.Tests.Browser;

/// <summary>
/// The server crashes (kill -9) under a signed-in user: the reconnect dialog says so in the UI language, one state at a
/// time, looking like the app; once the server is back the page recovers and works. Each test leaves the server running.
/// </summary>
[Collection(RestartingBrowserCollection.Name)]
public partial class ReconnectTests(PortaaliServer server)
{
    [GeneratedRegex(@"^Yhteys palvelimeen katkesi\. Yhdistetään uudelleen…$|^Yhteys ei vielä palannut\. Uusi yritys \d+ sekunnin kuluttua\.$")]
    private static partial Regex FinnishReconnecting();

    [GeneratedRegex(@"^The connection to the server was lost\. Reconnecting…$|^Still no connection\. Trying again in \d+ seconds\.$")]
    private static partial Regex EnglishReconnecting();

    private const string Surface = "getComputedStyle(document.documentElement).getPropertyValue('--mud-palette-surface').trim()";

    [Fact]
    public async Task When_the_server_crashes_the_reconnect_dialog_shows_the_current_state_in_finnish_and_the_page_recovers()
    {
        var page = await server.SignInAsync("Petteri Nurmi");

        var dialog = await KillAndReadDialogAsync(page);

        Assert.Matches(FinnishReconnecting(), Assert.Single(dialog.VisibleTexts));
        AssertLooksLikeTheApp(dialog);
        await ExpectRecoveredAndWorkingAsync(page);
    }

    [Fact]
    public async Task In_english_and_dark_mode_the_dialog_speaks_english_on_the_dark_surface()
    {
        var page = await server.SignInAsync("Kalle Ojala", "en");
        var lightSurface = await page.EvaluateAsync<string>(Surface);
        await page.GetByTestId("dark-mode").ClickAsync();
        await PortaaliServer.WaitUntilAsync(page, $"{Surface} !== '{lightSurface}'");

        var dialog = await KillAndReadDialogAsync(page);

        Assert.Matches(EnglishReconnecting(), Assert.Single(dialog.VisibleTexts));
        AssertLooksLikeTheApp(dialog);
        Assert.NotEqual("rgb(255, 255, 255)", dialog.Background); // the dark surface, not a white box
        await ExpectRecoveredAndWorkingAsync(page);
        await page.GetByTestId("dark-mode").ClickAsync(); // back to light for any later test of this user
        await PortaaliServer.WaitUntilAsync(page, $"{Surface} === '{lightSurface}'");
    }

    /// <summary>Kills the server and reads the dialog once it shows; the server is started again whatever happens.</summary>
    private async Task<DialogLook> KillAndReadDialogAsync(IPage page)
    {
        // The app marks the page interactive when a circuit first renders it; without the mark, only a reloaded page or a
        // resumed circuit can set it again, so the old page's elements are never taken for a recovered one.
        await page.EvaluateAsync("() => document.body.removeAttribute('data-interactive')");
        try
        {
            await server.KillAsync();
            var modal = page.Locator("#components-reconnect-modal");
            await Expect(modal).ToBeVisibleAsync();
            // One snapshot of every text at once, so a state change between reads cannot mix two states.
            var json = await modal.EvaluateAsync<string>("""
                d => {
                    const css = getComputedStyle(d), box = d.getBoundingClientRect();
                    const probe = document.createElement('div');
                    probe.style.cssText = 'background: var(--mud-palette-surface); color: var(--mud-palette-text-primary); display: none';
                    document.body.appendChild(probe);
                    const expected = getComputedStyle(probe);
                    const button = getComputedStyle(d.querySelector('button'));
                    const primary = document.createElement('div');
                    primary.style.cssText = 'background: var(--mud-palette-primary); display: none';
                    document.body.appendChild(primary);
                    const look = {
                        visibleTexts: [...d.querySelectorAll('p, button')].filter(e => e.checkVisibility()).map(e => e.innerText.trim()),
                        position: css.position, fontFamily: css.fontFamily,
                        background: css.backgroundColor, color: css.color,
                        surface: expected.backgroundColor, textPrimary: expected.color,
                        buttonBackground: button.backgroundColor, primary: getComputedStyle(primary).backgroundColor,
                        buttonRadius: button.borderRadius,
                        centreX: box.left + box.width / 2, centreY: box.top + box.height / 2,
                        viewportX: innerWidth / 2, viewportY: innerHeight / 2,
                    };
                    probe.remove(); primary.remove();
                    return JSON.stringify(look);
                }
                """);
            return JsonSerializer.Deserialize<DialogLook>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        }
        finally
        {
            await server.StartAgainAsync();
        }
    }

    private static void AssertLooksLikeTheApp(DialogLook look)
    {
        Assert.Equal("fixed", look.Position);
        Assert.InRange(look.CentreX, look.ViewportX - 40, look.ViewportX + 40);
        Assert.InRange(look.CentreY, look.ViewportY - 40, look.ViewportY + 40);
        Assert.StartsWith("Roboto", look.FontFamily);
        Assert.Equal(look.Surface, look.Background);
        Assert.Equal(look.TextPrimary, look.Color);
        Assert.Equal(look.Primary, look.ButtonBackground);
        Assert.NotEqual("0px", look.ButtonRadius);
    }

    /// <summary>The page reloads or resumes on its own, and answers again: the theme switch goes to the server and back.</summary>
    private static async Task ExpectRecoveredAndWorkingAsync(IPage page)
    {
        await WaitUntilRecoveredAsync(page);
        var surface = await page.EvaluateAsync<string>(Surface);
        await page.GetByTestId("dark-mode").ClickAsync();
        await PortaaliServer.WaitUntilAsync(page, $"{Surface} !== '{surface}'");
        await page.GetByTestId("dark-mode").ClickAsync();
        await PortaaliServer.WaitUntilAsync(page, $"{Surface} === '{surface}'");
    }

    /// <summary>Until the page has reloaded (or resumed) and a circuit has rendered it again.</summary>
    private static async Task WaitUntilRecoveredAsync(IPage page)
    {
        // After the quick retries Blazor waits up to 30 s between attempts; a restart here can take most of a minute.
        await page.WaitForSelectorAsync("body[data-interactive='true']", new() { Timeout = 120_000 });
        await Expect(page.Locator("#components-reconnect-modal")).ToBeHiddenAsync();
    }

    private sealed record DialogLook(
        string[] VisibleTexts, string Position, string FontFamily, string Background, string Color, string Surface, string TextPrimary,
        string ButtonBackground, string Primary, string ButtonRadius, double CentreX, double CentreY, double ViewportX, double ViewportY);
}
