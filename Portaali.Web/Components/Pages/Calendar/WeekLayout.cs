using Portaali.Core.Calendar;

namespace Portaali.Web.Components.Pages.Calendar;

/// <summary>Where one activity sits in its day column: its lane among the overlapping ones, and its top and height in pixels.</summary>
public record PlacedEntry(CalendarEntry Entry, int Column, int Columns, double TopPx, double HeightPx);

/// <summary>
/// The week grid's lane layout of one day. Each activity is as tall as it lasts, but never shorter than
/// <see cref="MinHeightPx"/> (three lines: time and type, title, customer). Activities whose boxes overlap form a group
/// that splits the column's width: each takes the leftmost lane free at its start, and every member of the group is as
/// wide as the group has lanes, so no card is drawn over another and a day without overlaps keeps full-width cards.
/// </summary>
public static class WeekLayout
{
    public const int HourPx = 48;
    public const int MinHeightPx = 46;

    public static IReadOnlyList<PlacedEntry> Place(IEnumerable<CalendarEntry> day, int startHour, int endHour)
    {
        var dayPx = (endHour - startHour) * HourPx;
        var boxes = day.OrderBy(e => e.StartsLocal).ThenByDescending(e => e.DurationMinutes).ThenBy(e => e.Id)
            .Select(e => Box(e, startHour, dayPx)).ToList();

        var placed = new List<PlacedEntry>(boxes.Count);
        var group = new List<(CalendarEntry Entry, double Top, double Height, int Column)>();
        var laneBottoms = new List<double>();
        var groupBottom = double.MinValue;
        foreach (var (entry, top, height) in boxes)
        {
            // A box that starts at or below everything drawn so far opens a new group (touching is not overlapping).
            if (top >= groupBottom) Flush();
            var column = laneBottoms.FindIndex(bottom => bottom <= top);
            if (column < 0) { column = laneBottoms.Count; laneBottoms.Add(0); }
            laneBottoms[column] = top + height;
            groupBottom = Math.Max(groupBottom, top + height);
            group.Add((entry, top, height, column));
        }
        Flush();
        return placed;

        void Flush()
        {
            placed.AddRange(group.Select(g => new PlacedEntry(g.Entry, g.Column, laneBottoms.Count, g.Top, g.Height)));
            group.Clear();
            laneBottoms.Clear();
            groupBottom = double.MinValue;
        }
    }

    /// <summary>The card's box: activities before or after the shown hours are pinned to the column's top or bottom edge.</summary>
    private static (CalendarEntry Entry, double Top, double Height) Box(CalendarEntry e, int startHour, int dayPx)
    {
        var height = Math.Max(e.DurationMinutes * HourPx / 60.0, MinHeightPx);
        var minutes = (e.StartsLocal.Hour - startHour) * 60 + e.StartsLocal.Minute;
        var top = Math.Clamp(minutes * HourPx / 60.0, 0, Math.Max(0, dayPx - MinHeightPx));
        return (e, top, Math.Min(height, Math.Max(dayPx - top, MinHeightPx)));
    }
}
