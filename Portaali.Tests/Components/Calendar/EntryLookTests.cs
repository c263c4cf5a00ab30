using System.Globalization;
using Portaali.Core.Activities;
using Portaali.Core.Calendar;
using Portaali.Web.Components.Pages.Calendar;

namespace Portaali.Tests.Components.Calendar;

/// <summary>A calendar card's letters stay readable on whatever colour an administrator gives the activity type.</summary>
public class EntryLookTests
{
    [Theory]
    [InlineData("#ffeb3b", "#000000")] // yellow
    [InlineData("#00c853", "#000000")] // bright green
    [InlineData("#1a237e", "#ffffff")] // indigo
    [InlineData("#e65100", "#000000")] // the seeded project work orange
    [InlineData("#fff", "#000000")]
    [InlineData("not a colour", "#000000")]
    public void Text_on_a_fill_is_black_or_white_by_its_luminance(string fill, string text) =>
        Assert.Equal(text, EntryLook.TextOn(fill));

    [Fact]
    public void Every_seeded_and_every_grey_fill_gets_text_of_at_least_4_5_to_1()
    {
        var fills = ActivityReferenceData.Types.Select(t => t.Color)
            .Concat(Enumerable.Range(0, 256).Select(v => $"#{v:x2}{v:x2}{v:x2}"));

        Assert.All(fills, fill => Assert.True(Contrast(fill, EntryLook.TextOn(fill)) >= 4.5, $"{fill}: {Contrast(fill, EntryLook.TextOn(fill)):0.00}"));
    }

    [Fact]
    public void A_title_that_begins_with_its_type_drops_the_repeat()
    {
        Assert.Equal("Koulutustarpeet 2027", EntryLook.Title(Entry("Käynti: Koulutustarpeet 2027", "Käynti")));
        Assert.Equal("Soitto takaisin", EntryLook.Title(Entry("Soitto takaisin", "Soitto")));
        Assert.Equal("Käynti:", EntryLook.Title(Entry("Käynti:", "Käynti")));
    }

    private static CalendarEntry Entry(string title, string type) =>
        new(1, new DateTime(2026, 12, 3, 9, 0, 0), 60, title, type, "#2e7d32", ActivityStatus.Open, false, null, []);

    private static double Contrast(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(string hex)
    {
        var s = hex.TrimStart('#');
        double Channel(int i)
        {
            var c = int.Parse(s.Substring(i, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * Channel(0) + 0.7152 * Channel(2) + 0.0722 * Channel(4);
    }
}
