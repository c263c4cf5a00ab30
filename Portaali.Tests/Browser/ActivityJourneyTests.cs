using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portaali.Core.Activities;
using Portaali.Core.Calendar;
using Portaali.Core.Segments;
using static Microsoft.Playwright.Assertions;

namespace Portaali.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class ActivityJourneyTests(PortaaliServer server)
{
    [Fact]
    public async Task Visit_logged_with_a_colleague_reaches_her_open_list_and_calendar_and_counts_for_both_when_marked_ok()
    {
        await using var db = server.OpenDb();
        var customer = await db.Customers.Where(c => !c.IsPassive && c.Segment == Segment.B)
            .OrderBy(c => c.Id).Skip(3).Select(c => new { c.Id, c.Name }).FirstAsync();
        var day = HelsinkiTime.Today(TimeProvider.System).AddDays(1);
        var week = IsoWeek.Of(day);
        var hoursUrl = $"/hours?year={week.Year}&week={week.Week}";
        var title = "Käynti: e2e-koulutustarpeet " + Guid.NewGuid().ToString("N")[..6];

        var minna = await server.SignInAsync("Minna Lehtonen");
        await minna.GotoAsync(hoursUrl);
        var minnaBefore = await HoursAsync(minna);

        await minna.GotoAsync($"/customers/{customer.Id}");
        await PortaaliServer.WaitForInteractiveAsync(minna);
        await minna.GetByRole(AriaRole.Tab, new() { Name = "Toimenpiteet" }).ClickAsync();
        await minna.GetByTestId("add-activity").ClickAsync();
        await minna.GetByTestId("activity-type").ClickAsync();
        await Option(minna, "Käynti").ClickAsync();
        await Expect(minna.Locator("#activity-memo")).ToHaveValueAsync(new Regex("^Tavoite"));
        await minna.Locator("#activity-title").FillAsync(title);
        await minna.Locator("#activity-date").FillAsync(day.ToString("d.M.yyyy", CultureInfo.InvariantCulture));
        await minna.Locator("#activity-date").PressAsync("Tab");
        await minna.Locator("#activity-time").FillAsync("10:00");
        await minna.Locator("#activity-time").PressAsync("Tab");
        await minna.GetByTestId("activity-participants").ClickAsync();
        await Option(minna, "Janne Koskela").ClickAsync();
        await minna.Keyboard.PressAsync("Escape");
        await minna.GetByTestId("save-activity").ClickAsync();
        await Expect(minna.GetByTestId("activity-dialog")).ToHaveCountAsync(0);
        var row = minna.GetByTestId("customer-activities").Locator("tr").Filter(new() { HasText = title });
        await Expect(row).ToContainTextAsync("Hoitamatta");

        var janne = await server.SignInAsync("Janne Koskela");
        await janne.GotoAsync("/activities/open");
        var openRow = janne.GetByTestId("my-open-activities").Locator("tr").Filter(new() { HasText = title });
        await Expect(openRow).ToContainTextAsync(customer.Name);
        await janne.GotoAsync($"/calendar?date={day:yyyy-MM-dd}");
        // The card names the type once: the title's own "Käynti: " is not repeated after the type line.
        var card = janne.GetByTestId("calendar-entry").Filter(new() { HasText = title["Käynti: ".Length..] });
        await Expect(card).ToBeVisibleAsync();
        await Expect(card).Not.ToContainTextAsync("Käynti: ");
        await janne.GotoAsync(hoursUrl);
        var janneBefore = await HoursAsync(janne);

        await janne.GotoAsync("/activities/open");
        await PortaaliServer.WaitForInteractiveAsync(janne); // a click on the prerendered button would be lost
        await openRow.GetByTestId("mark-done").ClickAsync();
        await Expect(openRow).ToHaveCountAsync(0);

        await janne.GotoAsync(hoursUrl);
        await Expect(janne.GetByTestId("hours-activities").Locator("tr").Filter(new() { HasText = title })).ToContainTextAsync("OK");
        Assert.Equal(janneBefore + 1, await HoursAsync(janne));
        await minna.GotoAsync(hoursUrl);
        await Expect(minna.GetByTestId("hours-activities")).ToContainTextAsync(title);
        Assert.Equal(minnaBefore + 1, await HoursAsync(minna));
    }

    [Fact]
    public async Task Dropped_email_from_a_contact_becomes_an_email_activity_on_that_customer()
    {
        await using var db = server.OpenDb();
        var contact = await db.Contacts.Where(c => c.Email != null && !c.Customer!.IsPassive && c.Customer.Segment == Segment.C)
            .OrderBy(c => c.Id).Skip(7).Select(c => new { c.Email, c.FullName, c.CustomerId, CustomerName = c.Customer!.Name }).FirstAsync();
        var subject = "Kysely työpaikkaohjaajakoulutuksesta " + Guid.NewGuid().ToString("N")[..6];
        var eml = Path.Combine(Path.GetTempPath(), $"portaali-{Guid.NewGuid():N}.eml");
        await File.WriteAllTextAsync(eml,
            $"From: {contact.FullName} <{contact.Email}>\r\nTo: minna.lehtonen@omnia-demo.fi\r\nSubject: {subject}\r\n" +
            $"Date: Mon, 16 Nov 2026 09:15:00 +0200\r\nMessage-ID: <{Guid.NewGuid():N}@e2e.test>\r\nMIME-Version: 1.0\r\n" +
            "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\nHei, voisitteko kertoa syksyn ryhmistä?\r\n");

        var page = await server.SignInAsync("Minna Lehtonen");
        await page.GotoAsync("/activities");
        await PortaaliServer.WaitForInteractiveAsync(page);
        await page.GetByTestId("import-email").ClickAsync();
        await Expect(page.GetByTestId("email-drop-zone")).ToBeVisibleAsync();
        await page.GetByTestId("email-import-dialog").Locator("input[type=file]").SetInputFilesAsync(eml);
        await Expect(page.GetByTestId("email-proposal")).ToContainTextAsync(contact.CustomerName);
        await page.GetByTestId("email-continue").ClickAsync();

        await Expect(page.Locator("#activity-title")).ToHaveValueAsync(subject);
        await Expect(page.Locator("#activity-memo")).ToHaveValueAsync(new Regex("syksyn ryhmistä"));
        await page.GetByTestId("save-activity").ClickAsync();
        await Expect(page.GetByTestId("activity-dialog")).ToHaveCountAsync(0);

        await page.GotoAsync($"/customers/{contact.CustomerId}");
        await PortaaliServer.WaitForInteractiveAsync(page);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Toimenpiteet" }).ClickAsync();
        var row = page.GetByTestId("customer-activities").Locator("tr").Filter(new() { HasText = subject });
        await Expect(row).ToContainTextAsync("Sähköposti");
        File.Delete(eml);
    }

    [Fact]
    public async Task Customer_link_in_my_open_activities_opens_the_customer_and_back_returns_to_the_list()
    {
        var page = await server.SignInAsync("Minna Lehtonen");
        await page.GotoAsync("/activities/open");
        await PortaaliServer.WaitForInteractiveAsync(page);
        var link = page.GetByTestId("my-open-activities").Locator("a[href^='/customers/']").First;
        var customerName = (await link.TextContentAsync())!.Trim();

        await link.ClickAsync();

        await Expect(page.GetByTestId("customer-name")).ToHaveTextAsync(customerName);
        await Expect(page.GetByTestId("activity-dialog")).ToHaveCountAsync(0); // the row under the link did not open its activity
        await page.GoBackAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/activities/open$"));
    }

    [Fact]
    public async Task Dragging_a_planned_visit_to_another_day_in_the_week_view_moves_it()
    {
        await using var db = server.OpenDb();
        var from = HelsinkiTime.Today(TimeProvider.System).AddDays(9);
        var planned = await db.Activities
            .Where(a => a.Participants.Any(p => p.User!.DisplayName == "Elina Rasi") && a.Status == ActivityStatus.Open && a.LocalDate >= from
                && a.StartsAtUtc.Hour >= 6 && a.StartsAtUtc.Hour <= 14)
            .OrderBy(a => a.StartsAtUtc).Select(a => new { a.Id, a.Title, a.LocalDate, a.StartsAtUtc, a.DurationMinutes }).FirstAsync();
        var startsLocal = HelsinkiTime.ToLocal(planned.StartsAtUtc);
        // Another day of the same ISO week, at the first hour from 14 o'clock on where the moved visit meets none of her
        // activities: the demo base follows the date, and on some days a call at 14.15 covered the 14 o'clock slot.
        var targetDay = planned.LocalDate.DayOfWeek == DayOfWeek.Sunday ? planned.LocalDate.AddDays(-1) : planned.LocalDate.AddDays(1);
        var busy = (await db.Activities
            .Where(a => a.Participants.Any(p => p.User!.DisplayName == "Elina Rasi") && a.LocalDate == targetDay)
            .Select(a => new { a.StartsAtUtc, a.DurationMinutes }).ToListAsync())
            .Select(a => (From: HelsinkiTime.ToLocal(a.StartsAtUtc).TimeOfDay, To: HelsinkiTime.ToLocal(a.StartsAtUtc).TimeOfDay + TimeSpan.FromMinutes(Math.Max(a.DurationMinutes, 30))))
            .ToList();
        var hour = Enumerable.Range(14, 4).Concat(Enumerable.Range(8, 6)).First(h =>
        {
            var from = TimeSpan.FromHours(h);
            var to = from + TimeSpan.FromMinutes(startsLocal.Minute + Math.Max(planned.DurationMinutes, 60));
            return !busy.Any(b => b.From < to && from < b.To);
        });

        var page = await server.SignInAsync("Elina Rasi");
        await page.GotoAsync($"/calendar?date={planned.LocalDate:yyyy-MM-dd}");
        await PortaaliServer.WaitForInteractiveAsync(page);
        var entry = page.Locator($"[data-testid=calendar-entry][data-activity-id='{planned.Id}']");
        await entry.DragToAsync(page.Locator($"[data-slot='{targetDay:yyyy-MM-dd}T{hour:00}']"));
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Siirretty");

        await page.ReloadAsync();
        await PortaaliServer.WaitForInteractiveAsync(page);
        await Expect(page.Locator($"[data-testid=calendar-day][data-date='{targetDay:yyyy-MM-dd}']").Locator($"[data-activity-id='{planned.Id}']"))
            .ToContainTextAsync($"{hour}.{startsLocal.Minute:00}");
        await using var after = server.OpenDb();
        Assert.Equal(targetDay, (await after.Activities.SingleAsync(a => a.Id == planned.Id)).LocalDate);
    }

    [Fact]
    public async Task Team_meeting_view_moves_between_weeks_with_the_arrow_keys()
    {
        var page = await server.SignInAsync("Arto Miettinen");
        await page.GotoAsync("/team-meeting");
        await PortaaliServer.WaitForInteractiveAsync(page);
        var current = IsoWeek.Of(HelsinkiTime.Today(TimeProvider.System));
        await Expect(page.GetByTestId("tm-week")).ToContainTextAsync($"viikko {current.Week}/{current.Year}");
        await Expect(page.GetByTestId("tm-member")).ToHaveCountAsync(6);
        await Expect(page.GetByTestId("tm-member").First).ToContainTextAsync("Arto Miettinen");

        await page.GetByTestId("team-meeting").PressAsync("ArrowLeft");
        var previous = current.Previous;
        await Expect(page.GetByTestId("tm-week")).ToContainTextAsync($"viikko {previous.Week}/{previous.Year}");
    }

    private static ILocator Option(IPage page, string text) =>
        page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextRegex = new Regex("^\\s*" + Regex.Escape(text) + "\\s*$") }).First;

    private static async Task<double> HoursAsync(IPage page)
    {
        var text = await page.GetByTestId("hours-done").InnerTextAsync();
        return double.Parse(text.Replace(" h", "").Replace(',', '.').Trim(), CultureInfo.InvariantCulture);
    }
}
