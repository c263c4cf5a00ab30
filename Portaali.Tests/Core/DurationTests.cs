using System.Globalization;
using Portaali.Core.Common;

namespace Portaali.Tests.Core;

/// <summary>Typed durations read the same in Finnish and English: either decimal separator is hours, h/min forms work,
/// and what could mean two things is refused with a message in the reader's language.</summary>
public class DurationTests
{
    public static readonly TheoryData<string> Cultures = new() { "fi-FI", "en-US" };

    public static readonly TheoryData<string, string, int> Accepted = Cross(
        ("1,5", 90), ("1.5", 90), ("1 h 30 min", 90), ("1h30", 90), ("1h30m", 90), ("1 h 30", 90), ("1:30", 90), ("90 min", 90),
        ("0,25", 15), ("0.25", 15), ("45 min", 45), ("45min", 45), ("2", 120), ("2 h", 120), ("2h", 120), ("2 t", 120),
        ("1,5 h", 90), ("1.5h", 90), ("0,1", 6), (",5", 30), ("0,250", 15), ("1,25", 75), ("24", 1440), ("24 h", 1440),
        ("0", 0), ("0 min", 0), ("  1,5  ", 90), ("1 H 30 MIN", 90), ("1\u00a0h\u00a030\u00a0min", 90), ("3 tuntia", 180),
        ("20 minuuttia", 20), ("2 hours", 120), ("0:45", 45), ("0,33", 20));

    [Theory, MemberData(nameof(Accepted))]
    public void Hours_with_either_separator_and_h_min_forms_are_read_in_both_languages(string culture, string typed, int minutes)
    {
        using var _ = Culture(culture);
        var result = Duration.Parse(typed);
        Assert.Null(result.Error);
        Assert.Equal(minutes, result.Minutes);
    }

    public static readonly TheoryData<string, string, string, string> Refused = new()
    {
        { "fi-FI", "1,500", "monitulkintainen", "1,500" }, { "en-US", "1,500", "ambiguous", "1,500" },
        { "fi-FI", "1.000", "monitulkintainen", "1.000" }, { "en-US", "1.000", "ambiguous", "1.000" },
        { "fi-FI", "1,5,0", "monitulkintainen", "1,5,0" }, { "en-US", "1,5,0", "ambiguous", "1,5,0" },
        { "en-US", "1,000.5", "ambiguous", "1,000.5" }, { "fi-FI", "12,345 h", "monitulkintainen", "12,345" },
        { "fi-FI", "25", "enintään 24 h", "" }, { "en-US", "25", "at most 24 h", "" },
        { "fi-FI", "1500 min", "enintään 24 h", "" }, { "en-US", "24 h 1 min", "at most 24 h", "" },
        { "fi-FI", "-1", "negatiivinen", "" }, { "en-US", "-0,5", "negative", "" }, { "en-US", "−2 h", "negative", "" },
        { "fi-FI", "", "Kirjoita kesto", "" }, { "en-US", "   ", "Type a duration", "" },
        { "fi-FI", "puolitoista", "ei tunnistettu", "puolitoista" }, { "en-US", "1.5 days", "not a duration", "1.5 days" },
        { "en-US", "1 h 75 min", "0–59", "" }, { "fi-FI", "1:75", "0–59", "" }, { "fi-FI", "1,5 min", "kokonaisina", "" },
        { "en-US", "1.", "not a duration", "1." }, { "fi-FI", "1,5 h 30 min", "ei tunnistettu", "" },
        { "en-US", "99999999999999999999", "not a duration", "" },
    };

    [Theory, MemberData(nameof(Refused))]
    public void Ambiguous_out_of_range_and_unreadable_durations_are_refused_with_a_message_in_the_ui_language(
        string culture, string typed, string messagePart, string echoed)
    {
        using var _ = Culture(culture);
        var result = Duration.Parse(typed);
        Assert.Null(result.Minutes);
        Assert.False(result.IsValid);
        Assert.Contains(messagePart, result.Error);
        Assert.Contains(echoed, result.Error);
    }

    [Theory, MemberData(nameof(Cultures))]
    public void Zero_is_refused_where_it_is_not_allowed(string culture)
    {
        using var _ = Culture(culture);
        Assert.Equal(0, Duration.Parse("0").Minutes);
        var refused = Duration.Parse("0 min", allowZero: false);
        Assert.Null(refused.Minutes);
        Assert.Contains(culture == "fi-FI" ? "nolla" : "zero", refused.Error);
        Assert.Contains(culture == "fi-FI" ? "enintään 8 h" : "at most 8 h", Duration.Parse("9", maxMinutes: 480).Error);
    }

    [Theory, MemberData(nameof(Cultures))]
    public void A_duration_prints_as_hours_and_minutes_that_read_back_to_the_same_minutes(string culture)
    {
        using var _ = Culture(culture);
        Assert.Equal("1 h 30 min", Duration.Format(90));
        Assert.Equal("45 min", Duration.Format(45));
        Assert.Equal("2 h", Duration.Format(120));
        Assert.Equal("0 min", Duration.Format(0));
        Assert.Equal("24 h", Duration.Format(1440));
        foreach (var minutes in new[] { 0, 1, 15, 45, 59, 60, 61, 90, 135, 600, 1439, 1440 })
            Assert.Equal(minutes, Duration.Parse(Duration.Format(minutes)).Minutes);
    }

    [Fact]
    public void Summed_hours_print_with_the_readers_decimal_separator()
    {
        using (Culture("fi-FI")) Assert.Equal("37,5 h", Duration.FormatHours(37.5));
        using (Culture("en-US")) Assert.Equal("37.5 h", Duration.FormatHours(37.5));
        using (Culture("fi-FI")) Assert.Equal("1,25 h", Duration.FormatHours(1.25));
        using (Culture("en-US")) Assert.Equal("8 h", Duration.FormatHours(8));
    }

    private static TheoryData<string, string, int> Cross(params (string Typed, int Minutes)[] cases)
    {
        var data = new TheoryData<string, string, int>();
        foreach (var culture in new[] { "fi-FI", "en-US" })
            foreach (var (typed, minutes) in cases) data.Add(culture, typed, minutes);
        return data;
    }

    /// <summary>Both the number culture and the UI language, as a signed-in user of that language has them.</summary>
    private static IDisposable Culture(string name)
    {
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
        return new Restore(() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui));
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
