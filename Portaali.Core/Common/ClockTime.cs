using System.Globalization;
using System.Text.RegularExpressions;

namespace Portaali.Core.Common;

/// <summary>The outcome of reading a typed time of day: the time, or a message in the UI language saying what is wrong.</summary>
public readonly record struct ClockTimeParse(TimeOnly? Time, string? Error)
{
    public bool IsValid => Error is null;
}

/// <summary>Times of day as people type them in Finnish or English and as Portaali prints them: "9", "9.30", "09:30",
/// "klo 14.15", "1415", "2.30 pm", "9 AM". A dot and a colon both separate hours from minutes in either language.</summary>
public static partial class ClockTime
{
    [GeneratedRegex(@"^(?:klo\.?\s*|kello\s+|at\s+)?(?<h>\d{1,2})(?:[.:](?<m>\d{2}))?\s*(?<ampm>a\.?\s?m\.?|p\.?\s?m\.?)?$")]
    private static partial Regex HoursMinutes();

    [GeneratedRegex(@"^(?:klo\.?\s*|kello\s+|at\s+)?(?<h>\d{1,2})(?<m>\d{2})\s*(?<ampm>a\.?\s?m\.?|p\.?\s?m\.?)?$")]
    private static partial Regex Compact();

    /// <summary>Reads a typed time of day; an hour past 23, a minute past 59 or an AM/PM hour past 12 is refused.</summary>
    public static ClockTimeParse Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return Fail("TimeRequired");
        var typed = text.Trim();
        var s = Regex.Replace(typed.ToLowerInvariant(), @"\s+", " ");
        var match = HoursMinutes().Match(s) is { Success: true } m ? m : Compact().Match(s);
        if (!match.Success) return Fail("TimeNotUnderstood", typed);

        var hour = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        if (match.Groups["ampm"].Success)
        {
            if (hour is < 1 or > 12) return Fail("TimeNotUnderstood", typed);
            var pm = match.Groups["ampm"].Value.StartsWith('p');
            hour = hour % 12 + (pm ? 12 : 0);
        }
        if (hour > 23 || minute > 59) return Fail("TimeNotUnderstood", typed);
        return new(new TimeOnly(hour, minute), null);
    }

    /// <summary>The time in the culture's short time format: "9.30" in Finnish, "9:30 AM" in American English.</summary>
    public static string Format(TimeOnly time, CultureInfo? culture = null) =>
        time.ToString("t", culture ?? CultureInfo.CurrentCulture);

    /// <summary>"9.30–11.00" (an en dash) in the culture's format.</summary>
    public static string FormatRange(TimeOnly start, TimeOnly end, CultureInfo? culture = null) =>
        Format(start, culture) + "\u2013" + Format(end, culture);

    private static ClockTimeParse Fail(string key, params object?[] args) => new(null, CoreText.Get(key, args));
}
