using Portaali.Core.Activities;
using Portaali.Core.Calendar;
using Portaali.Core.Common;
using Portaali.Tests.Support;

namespace Portaali.Tests.Activities;

public class ActivityRulesTests
{
    private static readonly TypeOption Visit = new(5, "Käynti", ActivityReferenceData.Visit, "#2e7d32", true, false);
    private static readonly TypeOption Planning = new(12, "Suunnittelu", ActivityReferenceData.Planning, "#827717", false, false);

    [Fact]
    public void Future_visit_starts_open_and_past_call_is_done()
    {
        var now = new DateTime(2026, 3, 10, 11, 30, 0);
        Assert.Equal(ActivityStatus.Open, ActivityRules.DefaultStatus(now.AddDays(2), now, needsResolution: false));
        Assert.Equal(ActivityStatus.Done, ActivityRules.DefaultStatus(now.AddHours(-2), now, needsResolution: false));
    }

    [Fact]
    public void Negative_feedback_starts_open_even_when_it_already_happened()
    {
        var now = new DateTime(2026, 3, 10, 11, 30, 0);
        Assert.Equal(ActivityStatus.Open, ActivityRules.DefaultStatus(now.AddDays(-1), now, needsResolution: true));
    }

    [Fact]
    public void Closing_negative_feedback_without_a_note_is_refused_and_with_a_note_allowed()
    {
        using var _ = UiCulture.Finnish();
        var missing = ActivityRules.CheckResolution(ActivityStatus.Open, ActivityStatus.Done, needsResolution: true, note: "  ");
        Assert.NotNull(missing);
        Assert.Contains("selvityksen", missing!.Message);
        Assert.Null(ActivityRules.CheckResolution(ActivityStatus.Open, ActivityStatus.Done, true, "Hyvityslasku lähetetty."));
        Assert.Null(ActivityRules.CheckResolution(ActivityStatus.Open, ActivityStatus.Done, needsResolution: false, note: null));
        Assert.Null(ActivityRules.CheckResolution(ActivityStatus.Open, ActivityStatus.InProgress, true, null));
    }

    [Fact]
    public void Changing_the_type_is_refused_with_a_clear_message()
    {
        using var _ = UiCulture.English();
        var error = Assert.Throws<DomainException>(() => ActivityRules.EnsureTypeUnchanged(5, 11));
        Assert.Contains("cannot be changed", error.Message);
        ActivityRules.EnsureTypeUnchanged(5, 5);
    }

    [Fact]
    public void Visit_without_customer_or_title_names_both_problems()
    {
        using var _ = UiCulture.Finnish();
        var errors = ActivityRules.Validate(new ActivityEdit { TypeId = 5, Title = " ", Date = new DateTime(2026, 3, 12) }, Visit, null);
        Assert.Contains(errors, e => e.Field == "CustomerId" && e.Message.Contains("Käynti"));
        Assert.Contains(errors, e => e.Field == "Title");
    }

    [Fact]
    public void Planning_needs_no_customer()
    {
        var errors = ActivityRules.Validate(new ActivityEdit { TypeId = 12, Title = "Viikon suunnittelu", Date = new DateTime(2026, 3, 9) }, Planning, null);
        Assert.Empty(errors);
    }

    [Fact]
    public void Duration_over_a_day_and_missing_date_are_refused()
    {
        var errors = ActivityRules.Validate(new ActivityEdit { TypeId = 12, Title = "x", DurationMinutes = 25 * 60 }, Planning, null);
        Assert.Contains(errors, e => e.Field == "DurationMinutes");
        Assert.Contains(errors, e => e.Field == "Date");
    }

    [Theory]
    [InlineData(2027, 1, 1, 2026, 53)]
    [InlineData(2026, 12, 31, 2026, 53)]
    [InlineData(2027, 1, 4, 2027, 1)]
    [InlineData(2024, 12, 30, 2025, 1)]
    [InlineData(2026, 3, 10, 2026, 11)]
    public void Iso_week_follows_finnish_week_numbers_across_year_boundaries(int y, int m, int d, int isoYear, int week) =>
        Assert.Equal(new IsoWeek(isoYear, week), IsoWeek.Of(new DateOnly(y, m, d)));

    [Fact]
    public void Year_2026_has_53_iso_weeks_and_2025_has_52()
    {
        Assert.Equal(53, IsoWeek.WeeksIn(2026));
        Assert.Equal(52, IsoWeek.WeeksIn(2025));
        Assert.Equal(new IsoWeek(2027, 1), new IsoWeek(2026, 53).Next);
        Assert.Equal(new IsoWeek(2026, 53), new IsoWeek(2027, 1).Previous);
        Assert.Equal(new DateOnly(2026, 12, 28), new IsoWeek(2026, 53).Monday);
    }

    [Fact]
    public void Late_evening_utc_is_already_the_next_day_in_helsinki()
    {
        // 22:30 UTC on Sunday 2026-12-27 is 00:30 on Monday in Helsinki (UTC+2): week 53, not 52.
        Assert.Equal(new IsoWeek(2026, 53), IsoWeek.OfUtc(new DateTime(2026, 12, 27, 22, 30, 0, DateTimeKind.Utc)));
        Assert.Equal(new DateTime(2026, 7, 1, 7, 0, 0), HelsinkiTime.ToUtc(new DateTime(2026, 7, 1, 10, 0, 0)));
        Assert.Equal(new DateTime(2026, 1, 15, 8, 0, 0), HelsinkiTime.ToUtc(new DateTime(2026, 1, 15, 10, 0, 0)));
    }

    [Fact]
    public void Search_words_drop_like_wildcards_quotes_and_trailing_punctuation()
    {
        Assert.Equal(["oppisopimus", "syksy"], ActivityRules.SearchWords("  Oppisopimus  SYKSY% "));
        Assert.Equal(["koulutus", "oy:n", "e-kirje", "eu"], ActivityRules.SearchWords("\"koulutus*\" (Oy:n) e-kirje, EU."));
        Assert.Empty(ActivityRules.SearchWords("   "));
        Assert.Empty(ActivityRules.SearchWords("\" * %_ ( ) - :"));
    }

    [Fact]
    public void Full_text_query_quotes_every_indexable_word_and_requires_all()
    {
        Assert.Equal("\"koulu\" AND \"käynti\"", ActivityRules.FullTextQuery(ActivityRules.SearchWords("KOULU eu käynti")));
        Assert.Null(ActivityRules.FullTextQuery(ActivityRules.SearchWords("eu ok")));
        // A decomposed ä (a + combining diaeresis, as some keyboards send it) becomes the one letter the index holds.
        Assert.Equal(["käynti"], ActivityRules.SearchWords("ka\u0308ynti"));
    }

    [Fact]
    public void Ics_text_is_escaped_and_long_lines_folded_at_75_octets()
    {
        var ics = IcsWriter.Write("Portaali – Minna", [new IcsEvent(7, new DateTime(2026, 3, 12, 8, 0, 0), 90,
            "Käynti; tavoite, sovitut asiat", "Tavoite\nSovitut asiat " + new string('ä', 80), "Käynti", "Virtasen Kuljetus Oy",
            ActivityStatus.Open, new DateTime(2026, 3, 1), new DateTime(2026, 3, 1))], new DateTime(2026, 3, 10, 9, 30, 0));
        Assert.Contains("SUMMARY:Käynti\\; tavoite\\, sovitut asiat – Virtasen Kuljetus Oy", ics.Replace("\r\n ", ""));
        Assert.Contains("DTSTART:20260312T080000Z\r\n", ics);
        Assert.Contains("DTEND:20260312T093000Z\r\n", ics);
        Assert.All(ics.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, line));
        Assert.EndsWith("END:VCALENDAR\r\n", ics);
    }
}
