using Microsoft.EntityFrameworkCore;
using Portaali.Core.Activities;
using Portaali.Core.Calendar;
using static Microsoft.Playwright.Assertions;

namespace Portaali.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class CalendarDragConflictTests(PortaaliServer server)
{
    [Fact]
    public async Task Dragging_a_card_a_colleague_has_edited_since_the_calendar_opened_is_a_conflict_and_keeps_her_edit()
    {
        await using var db = server.OpenDb();
        var from = HelsinkiTime.Today(TimeProvider.System).AddDays(9);
        var planned = await db.Activities
            .Where(a => a.Participants.Any(p => p.User!.DisplayName == "Petteri Nurmi") && a.Status == ActivityStatus.Open && a.LocalDate >= from
                && a.StartsAtUtc.Hour >= 6 && a.StartsAtUtc.Hour <= 14)
            .OrderBy(a => a.StartsAtUtc).Select(a => new { a.Id, a.LocalDate, a.StartsAtUtc }).FirstAsync();
        var targetDay = planned.LocalDate.DayOfWeek == DayOfWeek.Sunday ? planned.LocalDate.AddDays(-1) : planned.LocalDate.AddDays(1);

        var page = await server.SignInAsync("Petteri Nurmi");
        await page.GotoAsync($"/calendar?date={planned.LocalDate:yyyy-MM-dd}");
        await PortaaliServer.WaitForInteractiveAsync(page);
        var entry = page.Locator($"[data-testid=calendar-entry][data-activity-id='{planned.Id}']");
        await Expect(entry).ToBeVisibleAsync();

        // A colleague saves the activity after Petteri's calendar showed it.
        var colleaguesTitle = "Käynti siirretty asiakkaan pyynnöstä " + Guid.NewGuid().ToString("N")[..6];
        await using (var colleague = server.OpenDb())
        {
            var activity = await colleague.Activities.SingleAsync(a => a.Id == planned.Id);
            activity.Title = colleaguesTitle;
            activity.SearchText = ActivityRules.SearchForm(activity.Title, activity.Memo);
            activity.UpdatedByName = "Elina Rasi";
            activity.Version = Guid.NewGuid();
            await colleague.SaveChangesAsync();
        }

        await entry.DragToAsync(page.Locator($"[data-slot='{targetDay:yyyy-MM-dd}T14']"));

        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Joku muu tallensi tämän toimenpiteen sillä välin");
        // The calendar reloaded: the card shows the colleague's title, still on its own day.
        await Expect(page.Locator($"[data-testid=calendar-day][data-date='{planned.LocalDate:yyyy-MM-dd}']").Locator($"[data-activity-id='{planned.Id}']"))
            .ToContainTextAsync(colleaguesTitle);
        await using var after = server.OpenDb();
        var saved = await after.Activities.AsNoTracking().SingleAsync(a => a.Id == planned.Id);
        Assert.Equal((colleaguesTitle, planned.LocalDate, planned.StartsAtUtc), (saved.Title, saved.LocalDate, saved.StartsAtUtc));
    }
}
