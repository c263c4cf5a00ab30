using System.Globalization;
using Portaali.Core.Calendar;

namespace Portaali.Web.Components.Pages.Calendar;

/// <summary>How a calendar card reads: text that stays legible on the activity type's colour, and its words said once.</summary>
public static class EntryLook
{
    /// <summary>Black or white, whichever contrasts more with the fill (WCAG relative luminance); black for a colour it cannot read.</summary>
    public static string TextOn(string fill)
    {
        if (!TryParse(fill, out var r, out var g, out var b)) return "#000000";
        var luminance = 0.2126 * Linear(r) + 0.7152 * Linear(g) + 0.0722 * Linear(b);
        // White's contrast (1.05 / (L + .05)) beats black's ((L + .05) / .05) below L ≈ 0.179.
        return luminance < 0.179 ? "#ffffff" : "#000000";
    }

    /// <summary>The title without a leading "type:" that repeats the type the card already names ("Käynti: Käynti: …").</summary>
    public static string Title(CalendarEntry e) => Title(e.Title, e.TypeName);

    public static string Title(string title, string typeName)
    {
        var prefix = typeName + ":";
        return title.StartsWith(prefix, StringComparison.CurrentCultureIgnoreCase) && title.Length > prefix.Length
            ? title[prefix.Length..].TrimStart()
            : title;
    }

    /// <summary>Start and end, as the card's first line shows them.</summary>
    public static string Time(CalendarEntry e) => $"{e.StartsLocal:HH:mm}–{e.EndsLocal:HH:mm}";

    private static bool TryParse(string hex, out int r, out int g, out int b)
    {
        r = g = b = 0;
        var s = hex.Trim().TrimStart('#');
        if (s.Length == 3) s = string.Concat(s.Select(c => $"{c}{c}"));
        if (s.Length is not (6 or 8)) return false;
        return int.TryParse(s[..2], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out r)
            && int.TryParse(s[2..4], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out g)
            && int.TryParse(s[4..6], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out b);
    }

    private static double Linear(int channel)
    {
        var c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }
}
