using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portaali.Tests.Browser;

/// <summary>A person who only uses the keyboard: past the menu with the skip link, into an edit dialog and back out.</summary>
[Collection(BrowserCollection.Name)]
public class KeyboardTests(PortaaliServer server)
{
    private const string FocusInDialog = "document.activeElement?.closest('.mud-dialog') !== null";
    /// <summary>Inside the dialog, or in a list one of its fields opened (MudBlazor draws those outside the dialog).</summary>
    private const string FocusWithDialog = "document.activeElement?.closest('.mud-dialog-container, .mud-popover') != null";

    [Fact]
    public async Task The_skip_link_leads_to_the_page_an_edit_dialog_keeps_the_focus_and_Escape_returns_it_to_the_button()
    {
        var page = await server.SignInAsync("Minna Lehtonen");
        await page.GotoAsync("/activities/open");
        await PortaaliServer.WaitForInteractiveAsync(page);

        // The first Tab on the page lands on the skip link, which shows itself; Enter moves on to the page's own content.
        await page.Keyboard.PressAsync("Tab");
        var skip = page.GetByTestId("skip-link");
        await Expect(skip).ToBeFocusedAsync();
        await Expect(skip).ToHaveTextAsync("Siirry sisältöön");
        await Expect(skip).ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#main-content")).ToBeFocusedAsync();

        // The next Tab is the page's first control (not the app bar or the menu): the new activity button. Enter opens it.
        await page.Keyboard.PressAsync("Tab");
        var add = page.GetByTestId("add-activity");
        await Expect(add).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".mud-dialog[data-edit-dialog=ready]")).ToHaveCountAsync(1);
        await PortaaliServer.WaitUntilAsync(page, FocusInDialog);

        // Tab goes round the dialog's controls and never leaves it for the page behind.
        for (var i = 0; i < 30; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            // The trap moves the focus from its edge back to the first control a moment after the key: wait for it to settle.
            try { await PortaaliServer.WaitUntilAsync(page, FocusWithDialog, 5_000); }
            catch (TimeoutException) { Assert.Fail($"Tab {i + 1} left the dialog for {await page.EvaluateAsync<string>("document.activeElement?.outerHTML.slice(0, 120) ?? 'nothing'")}"); }
        }

        // Escape closes the untouched dialog, and the focus is back on the button that opened it.
        await page.Keyboard.PressAsync("Escape");
        if (await page.Locator(".mud-popover-open").CountAsync() > 0) await page.Keyboard.PressAsync("Escape"); // a list the last Tab opened closes first
        await Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
        await Expect(add).ToBeFocusedAsync();
    }
}
