using Portaali.Core.Activities;
using Portaali.Core.Calendar;
using Portaali.Web.Components.Pages.Calendar;

namespace Portaali.Tests.Components.Calendar;

/// <summary>The week grid's lane layout of one day (07–19), without rendering: heights, lanes and widths.</summary>
public class WeekLayoutTests
{
    private static readonly DateOnly Day = new(2026, 12, 3);

    [Fact]
    public void A_15_minute_call_is_drawn_tall_enough_for_three_readable_lines()
    {
        var placed = Place(Entry(1, 9, 0, 15)).Single();

        Assert.Equal(WeekLayout.MinHeightPx, placed.HeightPx);
        Assert.True(placed.HeightPx >= 3 * 14, "time and type, title and customer each need a 14 px line");
        Assert.Equal(2 * WeekLayout.HourPx, placed.TopPx); // 9.00 is two hours below 7.00
        Assert.Equal(1, placed.Columns);
    }

    [Fact]
    public void A_long_visit_is_as_tall_as_it_lasts()
    {
        var placed = Place(Entry(1, 10, 30, 90)).Single();

        Assert.Equal((3.5 * WeekLayout.HourPx, 1.5 * WeekLayout.HourPx), (placed.TopPx, placed.HeightPx));
    }

    [Fact]
    public void Two_overlapping_activities_share_the_width_side_by_side()
    {
        var placed = Place(Entry(1, 9, 0, 90), Entry(2, 9, 30, 60));

        Assert.Equal([(1, 0, 2), (2, 1, 2)], Lanes(placed));
    }

    [Fact]
    public void Three_overlapping_activities_get_a_third_of_the_width_each()
    {
        var placed = Place(Entry(1, 9, 0, 120), Entry(2, 9, 15, 60), Entry(3, 10, 0, 60));

        Assert.Equal([(1, 0, 3), (2, 1, 3), (3, 2, 3)], Lanes(placed));
    }

    [Fact]
    public void A_chain_where_a_overlaps_b_and_b_overlaps_c_is_one_group_and_c_reuses_a_lane()
    {
        // A 9–10, B 9.30–11, C 10.30–11.30: A and C never meet, so C takes A's lane, but all three are half wide.
        var placed = Place(Entry(1, 9, 0, 60), Entry(2, 9, 30, 90), Entry(3, 10, 30, 60));

        Assert.Equal([(1, 0, 2), (2, 1, 2), (3, 0, 2)], Lanes(placed));
    }

    [Fact]
    public void Activities_that_only_touch_do_not_overlap_and_keep_the_full_width()
    {
        var placed = Place(Entry(1, 9, 0, 60), Entry(2, 10, 0, 60), Entry(3, 11, 0, 120));

        Assert.Equal([(1, 0, 1), (2, 0, 1), (3, 0, 1)], Lanes(placed));
        Assert.Equal(placed[0].TopPx + placed[0].HeightPx, placed[1].TopPx);
    }

    [Fact]
    public void An_overlap_in_the_morning_does_not_narrow_the_afternoon()
    {
        var placed = Place(Entry(1, 9, 0, 60), Entry(2, 9, 0, 60), Entry(3, 14, 0, 60));

        Assert.Equal([(1, 0, 2), (2, 1, 2), (3, 0, 1)], Lanes(placed));
    }

    [Fact]
    public void Short_calls_a_quarter_apart_sit_side_by_side_rather_than_over_each_other()
    {
        // 9.00 and 9.15 last 15 minutes each, but their readable boxes (46 px ≈ 58 min) would cover each other.
        var placed = Place(Entry(1, 9, 0, 15), Entry(2, 9, 15, 15));

        Assert.Equal([(1, 0, 2), (2, 1, 2)], Lanes(placed));
    }

    [Fact]
    public void An_activity_late_in_the_evening_stays_inside_the_day_column()
    {
        var placed = Place(Entry(1, 18, 50, 15), Entry(2, 21, 0, 60)).ToList();

        var bottom = 12 * WeekLayout.HourPx;
        Assert.All(placed, p => Assert.InRange(p.TopPx + p.HeightPx, 0, bottom));
        Assert.All(placed, p => Assert.Equal(WeekLayout.MinHeightPx, p.HeightPx));
    }

    private static IReadOnlyList<PlacedEntry> Place(params CalendarEntry[] entries) => WeekLayout.Place(entries, 7, 19);

    private static List<(int Id, int Column, int Columns)> Lanes(IEnumerable<PlacedEntry> placed) =>
        placed.Select(p => (p.Entry.Id, p.Column, p.Columns)).OrderBy(p => p.Id).ToList();

    private static CalendarEntry Entry(int id, int hour, int minute, int minutes) =>
        new(id, Day.ToDateTime(new TimeOnly(hour, minute)), minutes, $"Toimenpide {id}", "Käynti", "#2e7d32", ActivityStatus.Open, false, "Asiakas Oy", []);
}
