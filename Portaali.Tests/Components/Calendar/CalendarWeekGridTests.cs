using System.Globalization;
using Bunit;
using Portaali.Core.Activities;
using Portaali.Core.Calendar;
using Portaali.Web.Components.Pages.Calendar;

namespace Portaali.Tests.Components.Calendar;

/// <summary>The week grid's cards: time, type, title and customer on each, the type named once, in Finnish and English.</summary>
public class CalendarWeekGridTests : ComponentHarness
{
    private static readonly DateOnly Monday = new(2026, 11, 30);

    private static readonly CalendarEntry Visit = new(1, new DateTime(2026, 12, 1, 9, 0, 0), 90, "Käynti: Koulutustarpeet 2027", "Käynti", "#2e7d32",
        ActivityStatus.Open, false, "Lahden Konepaja Oy", ["Minna Lehtonen"]);
    private static readonly CalendarEntry Call = new(2, new DateTime(2026, 12, 1, 9, 30, 0), 15, "Soitto: tarjouksen seuranta", "Soitto", "#0277bd",
        ActivityStatus.Done, false, "Päijät-Hämeen Puu Oy", ["Minna Lehtonen"]);

    [Fact]
    public void In_finnish_each_card_shows_its_time_type_title_and_customer_and_names_the_type_once()
    {
        var grid = Render<CalendarWeekGrid>(p => p.Add(c => c.Monday, Monday).Add(c => c.Entries, [Visit, Call]));

        var visit = Card(grid, Visit);
        Assert.Equal(("○ 09.00", "Käynti", "Koulutustarpeet 2027", "Lahden Konepaja Oy"), Lines(visit));
        Assert.Equal("09.00–10.30 · Käynti · Koulutustarpeet 2027 · Lahden Konepaja Oy · Hoitamatta · Minna Lehtonen", visit.GetAttribute("title"));
        // Its accessible name is its text (a screen reader hears the whole title, not the cut one) and the status.
        Assert.Equal(("button", null), (visit.GetAttribute("role"), visit.GetAttribute("aria-label")));
        Assert.Equal("○ 09.00 Käynti Koulutustarpeet 2027 Lahden Konepaja Oy Hoitamatta", Normalized(visit.TextContent));
        Assert.Single(Occurrences(visit.GetAttribute("title")!, "Käynti"));
        Assert.Equal("ti 1.12.", grid.FindAll("[data-testid=calendar-day-head]")[1].TextContent);

        var call = Card(grid, Call);
        Assert.Equal(("✓ 09.30", "Soitto", "tarjouksen seuranta", "Päijät-Hämeen Puu Oy"), Lines(call));
        // The two overlap: side by side, half the day's width each, the 15-minute call as tall as three lines.
        Assert.Contains("left:0%;width:calc(50% - 2px)", visit.GetAttribute("style"));
        Assert.Contains("left:50%;width:calc(50% - 2px)", call.GetAttribute("style"));
        Assert.Contains($"height:{WeekLayout.MinHeightPx}px", call.GetAttribute("style"));
        // Done is filled with the type's dark blue and lettered in white.
        Assert.Contains("background:#0277bd;border-color:#0277bd;color:#ffffff", call.GetAttribute("style"));
    }

    [Fact]
    public void In_english_the_card_reads_the_same_parts_with_english_status_and_day_names()
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-US");
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        var visit = Visit with { TypeName = "Visit", Title = "Visit: training needs 2027" };

        var grid = Render<CalendarWeekGrid>(p => p.Add(c => c.Monday, Monday).Add(c => c.Entries, [visit]));

        var card = Card(grid, visit);
        Assert.Equal(("○ 09:00", "Visit", "training needs 2027", "Lahden Konepaja Oy"), Lines(card));
        Assert.Equal("09:00–10:30 · Visit · training needs 2027 · Lahden Konepaja Oy · Open · Minna Lehtonen", card.GetAttribute("title"));
        Assert.Equal("Tue 1.12.", grid.FindAll("[data-testid=calendar-day-head]")[1].TextContent);
        Assert.Contains("width:calc(100% - 2px)", card.GetAttribute("style"));
    }

    private static AngleSharp.Dom.IElement Card(IRenderedComponent<CalendarWeekGrid> grid, CalendarEntry e) =>
        grid.Find($"[data-testid=calendar-day][data-date='{DateOnly.FromDateTime(e.StartsLocal):yyyy-MM-dd}'] [data-activity-id='{e.Id}']");

    private static (string Time, string Type, string Title, string Customer) Lines(AngleSharp.Dom.IElement card) =>
        (card.QuerySelector("[data-testid=calendar-entry-time]")!.TextContent, card.QuerySelector("[data-testid=calendar-entry-type]")!.TextContent,
         card.QuerySelector("[data-testid=calendar-entry-title]")!.TextContent, card.QuerySelector("[data-testid=calendar-entry-customer]")!.TextContent);

    private static string Normalized(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));

    private static IEnumerable<int> Occurrences(string text, string word)
    {
        for (var i = text.IndexOf(word, StringComparison.Ordinal); i >= 0; i = text.IndexOf(word, i + 1, StringComparison.Ordinal)) yield return i;
    }
}
