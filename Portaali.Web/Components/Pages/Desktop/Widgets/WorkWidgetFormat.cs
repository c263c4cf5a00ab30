using System.Globalization;
using Portaali.Core.Desktops;

namespace Portaali.Web.Components.Pages.Desktop.Widgets;

/// <summary>What the everyday-work widgets share: how many rows fit a widget's height, and dates, times and hours printed
/// in the user's culture (Helsinki time is already applied by Core).</summary>
public static class WorkWidgetFormat
{
    /// <summary>The list rows that fit: one desktop row (~160 px) holds about three, two about eight, three about twelve.</summary>
    public static int Rows(WidgetPlacement placement) => placement.Height switch
    {
        <= 1 => 3,
        2 => 8,
        _ => 12,
    };

    public static string Date(DateOnly date) => date.ToString("d", CultureInfo.CurrentCulture);
    public static string Date(DateTime local) => local.ToString("d", CultureInfo.CurrentCulture);
    public static string Time(DateTime local) => local.ToString("t", CultureInfo.CurrentCulture);
    public static string When(DateTime local) => $"{Date(local)} {Time(local)}";

    /// <summary>Hours as people read them in the culture: "1,5 h" in Finnish, "1.5 h" in English.</summary>
    public static string Hours(double hours) => hours.ToString("0.##", CultureInfo.CurrentCulture) + " h";

    /// <summary>The weekday and date, e.g. "maanantai 9.3.2026" or "Monday 3/9/2026".</summary>
    public static string Day(DateOnly date) =>
        $"{CultureInfo.CurrentCulture.DateTimeFormat.GetDayName(date.DayOfWeek)} {Date(date)}";
}
