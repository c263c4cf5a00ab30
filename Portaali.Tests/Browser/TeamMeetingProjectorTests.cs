using System.Text.Json;
using Microsoft.Playwright;
using Portaali.Core.Calendar;
using static Microsoft.Playwright.Assertions;

namespace Portaali.Tests.Browser;

/// <summary>The team-meeting view as it is projected: a 1280×720 projector, read from the back of the room.</summary>
[Collection(BrowserCollection.Name)]
public class TeamMeetingProjectorTests(PortaaliServer server)
{
    private async Task<IPage> OpenOnProjectorAsync()
    {
        var page = await server.SignInAsync("Arto Miettinen");
        await page.SetViewportSizeAsync(1280, 720);
        await page.GotoAsync("/team-meeting");
        await PortaaliServer.WaitForInteractiveAsync(page);
        await Expect(page.GetByTestId("tm-member").First).ToBeVisibleAsync();
        if (Environment.GetEnvironmentVariable("PORTAALI_SCREENSHOTS") is { Length: > 0 } dir)
            await page.ScreenshotAsync(new() { Path = Path.Combine(dir, "team-meeting-1280x720.png") });
        return page;
    }

    [Fact]
    public async Task On_a_projector_the_week_heading_shows_whole_below_the_app_bar_and_the_arrow_keys_work()
    {
        var page = await OpenOnProjectorAsync();
        var current = IsoWeek.Of(HelsinkiTime.Today(TimeProvider.System));

        var heading = await page.GetByTestId("tm-week").BoundingBoxAsync();
        var appBar = await page.Locator(".mud-appbar").BoundingBoxAsync();
        Assert.NotNull(heading);
        Assert.NotNull(appBar);
        Assert.True(heading.Y >= appBar.Y + appBar.Height, $"heading top {heading.Y} is under the app bar ending at {appBar.Y + appBar.Height}");
        Assert.True(heading.Y + heading.Height <= 720, $"heading bottom {heading.Y + heading.Height} is below the screen");
        Assert.Equal(0, await page.EvaluateAsync<double>("window.scrollY"));

        // The keys work without clicking first: the view has the focus from the start.
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(page.GetByTestId("tm-week")).ToContainTextAsync($"viikko {current.Next.Week}/{current.Next.Year}");
        await page.Keyboard.PressAsync("ArrowLeft");
        await page.Keyboard.PressAsync("ArrowLeft");
        await Expect(page.GetByTestId("tm-week")).ToContainTextAsync($"viikko {current.Previous.Week}/{current.Previous.Year}");
        heading = await page.GetByTestId("tm-week").BoundingBoxAsync();
        Assert.True(heading!.Y >= appBar.Y + appBar.Height, "changing the week scrolled the heading under the app bar");
    }

    [Fact]
    public async Task Full_screen_gives_the_view_the_whole_projector_and_the_arrow_keys_still_change_the_week()
    {
        var page = await OpenOnProjectorAsync();
        var current = IsoWeek.Of(HelsinkiTime.Today(TimeProvider.System));

        await page.GetByTestId("tm-fullscreen").ClickAsync();
        // A selector, not WaitForFunction: Playwright polls a function with eval, which the app's CSP rightly refuses.
        await Expect(page.Locator("[data-testid=team-meeting]:fullscreen")).ToHaveCountAsync(1);
        var view = await page.GetByTestId("team-meeting").BoundingBoxAsync();
        Assert.Equal((0, 0, 1280, 720), ((int)view!.X, (int)view.Y, (int)view.Width, (int)view.Height));
        if (Environment.GetEnvironmentVariable("PORTAALI_SCREENSHOTS") is { Length: > 0 } dir)
            await page.ScreenshotAsync(new() { Path = Path.Combine(dir, "team-meeting-fullscreen.png") });

        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(page.GetByTestId("tm-week")).ToContainTextAsync($"viikko {current.Next.Week}/{current.Next.Year}");
        await page.Keyboard.PressAsync("f");
        await Expect(page.Locator(":fullscreen")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Every_text_of_the_view_is_large_and_contrasts_at_least_seven_to_one_with_what_is_behind_it()
    {
        var page = await OpenOnProjectorAsync();

        // For every element with its own text: font size and WCAG contrast against the first opaque background behind it.
        var texts = await page.EvaluateAsync<JsonElement>("""
            () => {
              const rgb = s => s.match(/[\d.]+/g).map(Number);
              const lum = ([r, g, b]) => { const f = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
                return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
              const background = el => { for (; el; el = el.parentElement) { const c = rgb(getComputedStyle(el).backgroundColor);
                if (c.length < 4 || c[3] > 0.9) { if (c.length >= 3 && !(c.length === 4 && c[3] === 0)) return c; } } return [255, 255, 255]; };
              const root = document.querySelector('[data-testid=team-meeting]');
              return [...root.querySelectorAll('*')]
                .filter(el => [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()) && el.getClientRects().length)
                .map(el => { const s = getComputedStyle(el); const a = lum(rgb(s.color)), b = lum(background(el));
                  return { text: el.textContent.trim().slice(0, 40), px: parseFloat(s.fontSize),
                           contrast: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) }; });
            }
            """);
        var measured = texts.EnumerateArray().Select(t => (Text: t.GetProperty("text").GetString(), Px: t.GetProperty("px").GetDouble(),
            Contrast: t.GetProperty("contrast").GetDouble())).ToList();

        Assert.True(measured.Count > 20, $"only {measured.Count} texts found");
        Assert.All(measured, t => Assert.True(t.Px >= 18, $"\"{t.Text}\" is {t.Px}px, too small to read on a projector"));
        Assert.All(measured, t => Assert.True(t.Contrast >= 7, $"\"{t.Text}\" has contrast {t.Contrast:0.0}:1"));
        Assert.True(measured.Single(t => t.Text!.StartsWith("Asiakkuustiimi – viikko", StringComparison.Ordinal)).Px >= 32);
    }
}
