using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portaali.Core.Segments;
using Portaali.Core.Suggestions;
using static Microsoft.Playwright.Assertions;

namespace Portaali.Tests.Browser;

/// <summary>The pages people open on a phone (390×844): nothing wider than the screen, every button on it.</summary>
[Collection(BrowserCollection.Name)]
public class PhoneLayoutTests(PortaaliServer server)
{
    private const int Width = 390;

    [Fact]
    public async Task On_a_phone_suggestions_team_meeting_and_activity_headers_fit_the_screen_and_a_suggestion_can_be_accepted()
    {
        const string raise = "Puhelintesti: kolme tilausta vuodessa", quiet = "Puhelintesti: ei yhteyttä kahteen vuoteen";
        int customerId;
        await using (var db = server.OpenDb())
        {
            customerId = await db.Customers.Where(c => c.Segment == Segment.C && !c.IsPassive && c.Responsibles.Any(r => r.User!.DisplayName == "Minna Lehtonen"))
                .OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
            db.Suggestions.AddRange(
                new Suggestion { CustomerId = customerId, Kind = SuggestionKind.SegmentB, Code = "PHONE-TEST", Reason = raise, CreatedAt = DateTime.UtcNow },
                new Suggestion { CustomerId = customerId, Kind = SuggestionKind.ConsiderPassivation, Code = "PHONE-TEST", Reason = quiet, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        var page = await server.SignInAsync("Minna Lehtonen");
        await page.SetViewportSizeAsync(Width, 844);
        try
        {
            await OpenAsync(page, "/suggestions");
            var raiseRow = page.GetByTestId("suggestions").Locator("tr").Filter(new() { HasText = raise });
            var quietRow = page.GetByTestId("suggestions").Locator("tr").Filter(new() { HasText = quiet });
            foreach (var button in new[] { raiseRow.GetByTestId("suggestion-accept"), raiseRow.GetByTestId("suggestion-dismiss"), quietRow.GetByTestId("suggestion-dismiss") })
                await AssertInsideScreenAsync(button);
            await AssertNothingWiderAsync(page, "/suggestions");
            await raiseRow.GetByTestId("suggestion-accept").ClickAsync();
            await Expect(raiseRow).ToHaveCountAsync(0);
            await using (var db = server.OpenDb())
                Assert.Equal(Segment.B, await db.Customers.Where(c => c.Id == customerId).Select(c => c.Segment).SingleAsync());

            await OpenAsync(page, "/team-meeting");
            await Expect(page.GetByTestId("tm-member").First).ToBeVisibleAsync();
            await AssertNothingWiderAsync(page, "/team-meeting");
            var title = (await page.GetByTestId("tm-week").BoundingBoxAsync())!;
            foreach (var arrow in new[] { page.GetByTestId("tm-prev"), page.GetByTestId("tm-next") })
            {
                var box = await AssertInsideScreenAsync(arrow);
                var overlaps = box.X < title.X + title.Width && title.X < box.X + box.Width && box.Y < title.Y + title.Height && title.Y < box.Y + box.Height;
                Assert.False(overlaps, $"the week title {title.X},{title.Y} {title.Width}×{title.Height} overlaps an arrow at {box.X},{box.Y}");
            }

            foreach (var path in new[] { "/activities/open", "/activities", "/activities/feedback" })
            {
                await OpenAsync(page, path);
                await Expect(page.GetByTestId("page-header")).ToBeVisibleAsync();
                foreach (var button in await page.GetByTestId("page-header").Locator("button, a, .mud-chip").AllAsync())
                    await AssertInsideScreenAsync(button, path);
                await AssertNothingWiderAsync(page, path);
            }
        }
        finally
        {
            // The shared demo database keeps its segments for the journeys after this one.
            await using var db = server.OpenDb();
            await db.Customers.Where(c => c.Id == customerId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Segment, Segment.C));
            await db.Suggestions.Where(s => s.Code == "PHONE-TEST").ExecuteDeleteAsync();
            await page.Context.CloseAsync();
        }
    }

    private static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await PortaaliServer.WaitForInteractiveAsync(page);
    }

    private static async Task<LocatorBoundingBoxResult> AssertInsideScreenAsync(ILocator element, string where = "")
    {
        await Expect(element).ToBeVisibleAsync();
        var box = (await element.BoundingBoxAsync())!;
        Assert.True(box.X >= 0 && box.X + box.Width <= Width + 0.5,
            $"{where} \"{await element.InnerTextAsync()}\" spans {box.X:0}–{box.X + box.Width:0} px of a {Width} px screen");
        return box;
    }

    private static async Task AssertNothingWiderAsync(IPage page, string path) =>
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= Width, $"{path} is wider than the {Width} px screen");
}
