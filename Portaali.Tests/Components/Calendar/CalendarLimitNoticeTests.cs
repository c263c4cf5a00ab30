using System.Globalization;
using Bunit;
using Portaali.Core.Activities;
using Portaali.Core.Calendar;
using Portaali.Web.Components.Pages.Calendar;

namespace Portaali.Tests.Components.Calendar;

/// <summary>The calendar says when it shows only part of the entries, with the total or "over" the counted cap, and offers the narrower view.</summary>
public class CalendarLimitNoticeTests : ComponentHarness
{
    private static readonly CalendarView Limited = new(
        Enumerable.Range(1, CalendarService.MaxEntries).Select(i => new CalendarEntry(i, new DateTime(2026, 12, 1, 9, 0, 0), 30, $"Soitto {i}",
            "Soitto", "#0277bd", ActivityStatus.Open, false, null, ["Minna Lehtonen"])).ToList(), 54120);

    [Fact]
    public void In_finnish_a_limited_month_says_how_many_of_how_many_and_opens_the_week()
    {
        var weekAsked = false;
        var meAsked = false;
        var notice = Render<CalendarLimitNotice>(p => p.Add(c => c.View, Limited).Add(c => c.Week, new IsoWeek(2026, 49))
            .Add(c => c.ShowWeek, () => weekAsked = true).Add(c => c.OfferOnlyMe, true).Add(c => c.OnlyMe, () => meAsked = true));

        Assert.Equal("Kalenterissa näkyy 2 000 merkintää 54 120:stä. Valitse vähemmän ihmisiä tai lyhyempi jakso.",
            Spaced(notice.Find("[data-testid=calendar-limited-text]").TextContent));
        var week = notice.Find("[data-testid=calendar-limited-week]");
        Assert.Equal("Näytä viikko 49", week.TextContent.Trim());
        week.Click();
        Assert.True(weekAsked);
        var me = notice.Find("[data-testid=calendar-limited-me]");
        Assert.Equal("Näytä vain oma kalenteri", me.TextContent.Trim());
        me.Click();
        Assert.True(meAsked);
    }

    [Fact]
    public void In_english_a_limited_week_of_many_people_offers_only_ones_own()
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-US");
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

        var notice = Render<CalendarLimitNotice>(p => p.Add(c => c.View, Limited).Add(c => c.OfferOnlyMe, true));

        Assert.Equal("The calendar shows 2,000 of 54,120 entries. Choose fewer people or a shorter period.",
            notice.Find("[data-testid=calendar-limited-text]").TextContent);
        Assert.Empty(notice.FindAll("[data-testid=calendar-limited-week]"));
        Assert.Equal("Show only my calendar", notice.Find("[data-testid=calendar-limited-me]").TextContent.Trim());
    }

    [Fact]
    public void A_month_counted_only_up_to_the_cap_says_over_in_both_languages()
    {
        var over = Limited with { TotalCount = CalendarService.CountCap, TotalIsLowerBound = true };

        var finnish = Render<CalendarLimitNotice>(p => p.Add(c => c.View, over).Add(c => c.Week, new IsoWeek(2026, 49)));
        Assert.Equal("Kalenterissa näkyy 2 000 merkintää, mutta niitä on yli 10 000. Valitse vähemmän ihmisiä tai lyhyempi jakso.",
            Spaced(finnish.Find("[data-testid=calendar-limited-text]").TextContent));
        Assert.Single(finnish.FindAll("[data-testid=calendar-limited-week]"));

        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-US");
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        var english = Render<CalendarLimitNotice>(p => p.Add(c => c.View, over).Add(c => c.OfferOnlyMe, true));
        Assert.Equal("The calendar shows 2,000 of over 10,000 entries. Choose fewer people or a shorter period.",
            english.Find("[data-testid=calendar-limited-text]").TextContent);
    }

    [Fact]
    public void A_view_that_shows_everything_says_nothing()
    {
        var all = new CalendarView(Limited.Entries.Take(3).ToList(), 3);

        var notice = Render<CalendarLimitNotice>(p => p.Add(c => c.View, all).Add(c => c.Week, new IsoWeek(2026, 49)).Add(c => c.OfferOnlyMe, true));

        Assert.Empty(notice.FindAll("[data-testid=calendar-limited]"));
    }

    // Finnish groups thousands with a no-break space; the reader sees a space.
    private static string Spaced(string text) => text.Replace('\u00a0', ' ').Replace('\u202f', ' ');
}
