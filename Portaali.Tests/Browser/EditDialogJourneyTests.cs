using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portaali.Tests.Browser;

/// <summary>Typed work in an edit dialog is not thrown away by a stray Escape, nor by the server restarting under it.</summary>
[Collection(RestartingBrowserCollection.Name)]
public class EditDialogJourneyTests(PortaaliServer server)
{
    [Fact]
    public async Task Escape_on_a_typed_memo_asks_first_keep_editing_keeps_it_and_discard_closes()
    {
        const string memo = "Sovittiin syksyn työpaikkaohjaajakoulutuksesta";
        var page = await server.SignInAsync("Minna Lehtonen");
        await page.GotoAsync("/activities/open");
        await PortaaliServer.WaitForInteractiveAsync(page);

        await page.GetByTestId("add-activity").ClickAsync();
        await DialogReadyAsync(page);
        await page.Locator("#activity-memo").FillAsync(memo);
        await page.Locator("#activity-memo").PressAsync("Escape");

        var question = page.GetByText("Hylätäänkö muutokset?");
        await Expect(question).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Jatka muokkausta" }).ClickAsync();
        await Expect(question).ToHaveCountAsync(0);
        await Expect(page.Locator("#activity-memo")).ToHaveValueAsync(memo);

        // A click outside the dialog asks too.
        await page.Locator(".mud-overlay-dialog").ClickAsync(new() { Position = new() { X = 5, Y = 5 } });
        await Expect(question).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Jatka muokkausta" }).ClickAsync();
        // The question is gone before the next Escape, as a user sees it go: an Escape while it is still closing belongs
        // to it (the dialog asks once at a time), and the test would then click a button that is being removed.
        await Expect(question).ToHaveCountAsync(0);
        await Expect(page.Locator("#activity-memo")).ToHaveValueAsync(memo);

        await page.Locator("#activity-memo").PressAsync("Escape");
        await page.GetByRole(AriaRole.Button, new() { Name = "Hylkää muutokset" }).ClickAsync();
        await Expect(page.GetByTestId("activity-dialog")).ToHaveCountAsync(0);

        // Nothing typed: Escape just closes.
        await page.GetByTestId("add-activity").ClickAsync();
        await DialogReadyAsync(page);
        await page.Locator("#activity-title").FocusAsync();
        await page.Locator("#activity-title").PressAsync("Escape");
        await Expect(page.GetByTestId("activity-dialog")).ToHaveCountAsync(0);
        await Expect(question).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_new_activity_typed_before_a_server_restart_is_offered_back_after_the_page_reloads()
    {
        var title = "Soitto: luonnos " + Guid.NewGuid().ToString("N")[..6];
        const string memo = "Asiakas pyysi tarjousta kolmelle työnjohtajalle.\nSoitetaan uudelleen maanantaina.";
        var page = await server.SignInAsync("Janne Koskela");
        await page.GotoAsync("/activities/open");
        await PortaaliServer.WaitForInteractiveAsync(page);
        await page.GetByTestId("add-activity").ClickAsync();
        await DialogReadyAsync(page);
        await page.Locator("#activity-title").FillAsync(title);
        await page.Locator("#activity-memo").FillAsync(memo);

        await page.EvaluateAsync("() => window.beforeRestart = true");
        await server.RestartAsync();

        // The dead circuit cannot be resumed, so the page reloads itself once the server answers again.
        await PortaaliServer.WaitUntilAsync(page, "!window.beforeRestart && document.body.dataset.interactive === 'true'", 180_000);
        await PortaaliServer.WaitForInteractiveAsync(page);
        await page.GetByTestId("add-activity").ClickAsync();

        await Expect(page.GetByTestId("draft-offer")).ToContainTextAsync("Palautetaanko tallentamaton luonnos?");
        await Expect(page.Locator("#activity-title")).ToHaveValueAsync("");
        await page.GetByTestId("draft-restore").ClickAsync();
        await Expect(page.Locator("#activity-title")).ToHaveValueAsync(title);
        await Expect(page.Locator("#activity-memo")).ToHaveValueAsync(memo);
        await Expect(page.GetByTestId("draft-offer")).ToHaveCountAsync(0);

        // Discarding the restored work clears the draft: the next new activity offers nothing.
        await page.Locator("#activity-memo").PressAsync("Escape");
        await page.GetByRole(AriaRole.Button, new() { Name = "Hylkää muutokset" }).ClickAsync();
        await Expect(page.GetByTestId("activity-dialog")).ToHaveCountAsync(0);
        await page.GetByTestId("add-activity").ClickAsync();
        await Expect(page.Locator("#activity-memo")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("draft-offer")).ToHaveCountAsync(0);
        Assert.Equal(0, await page.EvaluateAsync<int>("() => Object.keys(localStorage).filter(k => k.startsWith('portaali-draft:')).length"));
    }

    /// <summary>The dialog's Escape and draft hooks are attached a moment after it appears; a key pressed before is not seen.</summary>
    private static Task DialogReadyAsync(IPage page) => Expect(page.Locator(".mud-dialog[data-edit-dialog=ready]")).ToHaveCountAsync(1);
}
