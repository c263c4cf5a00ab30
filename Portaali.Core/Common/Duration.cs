using System.Globalization;
using System.Text.RegularExpressions;

namespace Portaali.Core.Common;

/// <summary>The outcome of reading a typed duration: whole minutes, or a message in the UI language saying what is wrong.</summary>
public readonly record struct DurationParse(int? Minutes, string? Error)
{
    public bool IsValid => Error is null;
}

/// <summary>
/// Durations as people type them and as Portaali prints them. Either decimal separator is hours in either language
/// ("1,5" and "1.5" are 1 h 30 min), and so are "1 h 30 min", "1h30", "1:30", "90 min" and "45 min". A number that
/// looks like thousands ("1,500", "1.000") or has several separators ("1,5,0") is refused rather than guessed at.
/// </summary>
public static partial class Duration
{
    /// <summary>The longest duration of one activity.</summary>
    public const int MaxMinutes = 24 * 60;

    private const string HourUnit = "h|t|tunti|tuntia|tuntii|hour|hours|hr|hrs";
    private const string MinuteUnit = "min|mins|minute|minutes|minuutti|minuuttia|m";
    // A number as typed: digits with any run of '.' or ',' groups; whether it is a plain decimal is checked after.
    private const string Number = @"\d*(?:[.,]\d*)*\d";

    [GeneratedRegex($@"^(?<n>{Number})\s*(?:{HourUnit})?$")]
    private static partial Regex HoursOnly();

    [GeneratedRegex($@"^(?<n>{Number})\s*(?:{MinuteUnit})$")]
    private static partial Regex MinutesOnly();

    [GeneratedRegex($@"^(?<h>\d+)\s*(?:{HourUnit})\s*(?<m>\d+)\s*(?:{MinuteUnit})?$")]
    private static partial Regex HoursAndMinutes();

    [GeneratedRegex(@"^(?<h>\d+):(?<m>\d{2})$")]
    private static partial Regex Clock();

    /// <summary>Reads a typed duration into whole minutes (hours are rounded to the nearest minute), refusing what is
    /// ambiguous, negative, longer than <paramref name="maxMinutes"/> or, unless allowed, zero.</summary>
    public static DurationParse Parse(string? text, bool allowZero = true, int maxMinutes = MaxMinutes)
    {
        if (string.IsNullOrWhiteSpace(text)) return Fail("DurationRequired");
        var typed = text.Trim();
        var s = Regex.Replace(typed.ToLowerInvariant(), @"\s+", " ").Replace('\u2212', '-');
        if (s.StartsWith('-')) return Fail("DurationNegative");

        decimal? minutes = null;
        if (Clock().Match(s) is { Success: true } clock)
        {
            if (!TryMinutePart(clock.Groups["m"].Value, out var m)) return Fail("DurationMinutesPart");
            minutes = Whole(clock.Groups["h"].Value) * 60 + m;
        }
        else if (HoursAndMinutes().Match(s) is { Success: true } both)
        {
            if (!TryMinutePart(both.Groups["m"].Value, out var m)) return Fail("DurationMinutesPart");
            minutes = Whole(both.Groups["h"].Value) * 60 + m;
        }
        else if (MinutesOnly().Match(s) is { Success: true } mins)
        {
            if (NumberProblem(mins.Groups["n"].Value, typed) is { } problem) return problem;
            var value = Decimal(mins.Groups["n"].Value);
            if (value != decimal.Truncate(value)) return Fail("DurationWholeMinutes");
            minutes = value;
        }
        else if (HoursOnly().Match(s) is { Success: true } hours)
        {
            if (NumberProblem(hours.Groups["n"].Value, typed) is { } problem) return problem;
            minutes = Math.Round(Decimal(hours.Groups["n"].Value) * 60, MidpointRounding.AwayFromZero);
        }
        if (minutes is not { } total) return Fail("DurationNotUnderstood", typed);

        if (total > maxMinutes) return Fail("DurationTooLong", Format(maxMinutes));
        if (total == 0 && !allowZero) return Fail("DurationZero");
        return new((int)total, null);
    }

    /// <summary>A duration as Portaali shows it, the same in Finnish and English: "1 h 30 min", "2 h", "45 min".</summary>
    public static string Format(int minutes)
    {
        if (minutes < 0) return "-" + Format(-minutes);
        var (h, m) = (minutes / 60, minutes % 60);
        return h == 0 ? $"{m} min" : m == 0 ? $"{h} h" : $"{h} h {m} min";
    }

    /// <summary>A sum of hours (a week's work) in the reader's number format: "37,5 h" in Finnish, "37.5 h" in English.</summary>
    public static string FormatHours(double hours) => HoursNumber(hours) + " h";

    /// <summary>The number of <see cref="FormatHours"/> alone, for layouts that print the unit apart.</summary>
    public static string HoursNumber(double hours) => hours.ToString("0.##", CultureInfo.CurrentCulture);

    // One separator at most, and not one followed by exactly three digits after a non-zero whole part: "1,500" is
    // 1.5 to a Finn and 1500 to an American, so neither reading is safe. "0,250" and "1,25" are not in doubt.
    private static DurationParse? NumberProblem(string number, string typed)
    {
        var separators = number.Count(c => c is '.' or ',');
        if (separators > 1) return Fail("DurationAmbiguous", typed);
        if (separators == 1)
        {
            var parts = number.Split('.', ',');
            if (parts[1].Length == 3 && parts[0].Length > 0 && parts[0].TrimStart('0').Length > 0) return Fail("DurationAmbiguous", typed);
        }
        return number.Length > 12 ? Fail("DurationNotUnderstood", typed) : null;
    }

    private static bool TryMinutePart(string digits, out decimal minutes)
    {
        minutes = digits.Length <= 2 ? Whole(digits) : 60;
        return minutes < 60;
    }

    private static decimal Whole(string digits) => digits.Length > 9 ? decimal.MaxValue / 100 : decimal.Parse(digits, CultureInfo.InvariantCulture);

    private static decimal Decimal(string number) =>
        decimal.Parse(number.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    private static DurationParse Fail(string key, params object?[] args) => new(null, CoreText.Get(key, args));
}
