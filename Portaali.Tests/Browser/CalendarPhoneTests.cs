using Microsoft.EntityFrameworkCore;
using Portaali.Core.Calendar;
using Portaali.Web.Components.Pages.Calendar;
using static Microsoft.Playwright.Assertions;

namespace Portaali.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class CalendarPhoneTests(PortaaliServer server)
{
    [Fact]
    public async Task On_a_phone_an_account_manager_reads_the_days_activities_on_the_screen_and_moves_to_the_next_day()
    {
        await using var db = server.OpenDb();
        var from = HelsinkiTime.Today(TimeProvider.System);
        var planned = (await db.Activities.AsNoTracking()
                .Where(a => a.Participants.Any(p => p.User!.DisplayName == "Minna Lehtonen") && a.LocalDate >= from && a.LocalDate <= from.AddDays(28))
                .Select(a => new { a.Id, a.LocalDate, a.StartsAtUtc, a.Title, Type = a.Type!.Name }).ToListAsync())
            .OrderBy(a => a.StartsAtUtc).ThenBy(a => a.Id).ToList();
        var day = planned.Select(a => a.LocalDate).First(d => planned.Any(a => a.LocalDate == d.AddDays(1)));
        var first = planned.First(a => a.LocalDate == day);
        var nextDays = planned.First(a => a.LocalDate == day.AddDays(1));

        var page = await server.SignInAsync("Minna Lehtonen");
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync($"/calendar?date={day:yyyy-MM-dd}");
        await PortaaliServer.WaitForInteractiveAsync(page);

        var entries = page.GetByTestId("calendar-agenda-entry");
        await Expect(entries).ToHaveCountAsync(planned.Count(a => a.LocalDate == day));
        var card = entries.First;
        await Expect(card.GetByTestId("calendar-agenda-time")).ToContainTextAsync(HelsinkiTime.ToLocal(first.StartsAtUtc).ToString("HH.mm"));
        await Expect(card.GetByTestId("calendar-agenda-title")).ToHaveTextAsync(EntryLook.Title(first.Title, first.Type));
        await Expect(page.GetByTestId("calendar-week")).ToBeHiddenAsync();
        // Every line of every card lies inside the 390 px screen and nothing makes the page scroll sideways.
        Assert.True(await page.EvaluateAsync<bool>("""
            [...document.querySelectorAll('[data-testid=calendar-agenda-entry], [data-testid=calendar-agenda-entry] span')]
                .every(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.left >= 0 && r.right <= 390; })
            """), "an activity of the day reaches past the phone's screen");
        Assert.True(await page.EvaluateAsync<int>("document.scrollingElement.scrollWidth") <= 390, "the calendar is wider than the phone");

        await page.GetByTestId("calendar-next-day").ClickAsync();

        await Expect(page.GetByTestId("calendar-agenda-day")).ToHaveAttributeAsync("data-date", day.AddDays(1).ToString("yyyy-MM-dd"));
        await Expect(entries).ToHaveCountAsync(planned.Count(a => a.LocalDate == day.AddDays(1)));
        await Expect(entries.First.GetByTestId("calendar-agenda-title")).ToHaveTextAsync(EntryLook.Title(nextDays.Title, nextDays.Type));
    }
}
