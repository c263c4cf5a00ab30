using System.Globalization;
using Portaali.Core.Common;
using Portaali.Core.Offers;

namespace Portaali.Tests.Core;

/// <summary>Euro amounts read as people type them in Finnish and English, print in each language's own way, and are
/// computed in decimal to the cent: the total of an offer is the sum of what its lines print.</summary>
public class MoneyTests
{
    public static readonly TheoryData<string, string, decimal> Accepted = new()
    {
        { "fi-FI", "1234,50", 1234.50m }, { "fi-FI", "1 234,50", 1234.50m }, { "fi-FI", "1\u00a0234,50 €", 1234.50m },
        { "fi-FI", "1,5", 1.5m }, { "fi-FI", "1.5", 1.5m }, { "fi-FI", "1.500", 1500m }, { "fi-FI", "1.234.567,89", 1234567.89m },
        { "fi-FI", "€ 99", 99m }, { "fi-FI", "99 EUR", 99m }, { "fi-FI", ",5", 0.5m }, { "fi-FI", "0", 0m },
        { "en-US", "1234.50", 1234.50m }, { "en-US", "1,234.50", 1234.50m }, { "en-US", "€1,234.50", 1234.50m },
        { "en-US", "1,5", 1.5m }, { "en-US", "1.5", 1.5m }, { "en-US", "1,500", 1500m }, { "en-US", "1 234,50", 1234.50m },
        { "en-US", "12,345,678", 12345678m }, { "en-US", "  7  ", 7m },
    };

    [Theory, MemberData(nameof(Accepted))]
    public void Amounts_are_read_in_both_languages(string culture, string typed, decimal expected)
    {
        var result = Money.Parse(typed, CultureInfo.GetCultureInfo(culture));
        Assert.Null(result.Error);
        Assert.Equal(expected, result.Value);
    }

    public static readonly TheoryData<string, string, string> Refused = new()
    {
        { "fi-FI", "1,505", "enintään 2 desimaalia" }, { "en-US", "1.505", "at most 2 decimals" },
        { "fi-FI", "-5", "negatiivinen" }, { "en-US", "-5", "negative" },
        { "fi-FI", "", "Kirjoita summa" }, { "en-US", " ", "Type an amount" },
        { "fi-FI", "kymppi", "ei ole luku" }, { "en-US", "12a", "not a number" },
        { "fi-FI", "1,2,3", "ei ole luku" }, { "en-US", "1.2.3,4.5", "not a number" },
        { "en-US", "1,23,456.00", "not a number" }, { "fi-FI", "1 234,50,1", "ei ole luku" },
        { "fi-FI", "9999999999999999", "liian suuri" }, { "en-US", "2000000000", "too large" },
    };

    [Theory, MemberData(nameof(Refused))]
    public void What_is_not_an_amount_is_refused_with_a_message_in_the_readers_language(string culture, string typed, string message)
    {
        var c = CultureInfo.GetCultureInfo(culture);
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = c;
        try
        {
            var result = Money.Parse(typed, c);
            Assert.Null(result.Value);
            Assert.Contains(message, result.Error);
        }
        finally { CultureInfo.CurrentUICulture = previous; }
    }

    [Fact]
    public void Whole_numbers_and_optional_fields_follow_the_callers_rules()
    {
        var fi = CultureInfo.GetCultureInfo("fi-FI");
        Assert.Equal(12m, Money.Parse("12", fi, maxDecimals: 0).Value);
        Assert.NotNull(Money.Parse("12,5", fi, maxDecimals: 0).Error);
        Assert.Equal(25.5m, Money.Parse("25,5", fi, maxDecimals: 2, max: 100).Value);
        Assert.NotNull(Money.Parse("101", fi, max: 100).Error);
        var blank = Money.Parse("  ", fi, required: false);
        Assert.True(blank.IsValid);
        Assert.Null(blank.Value);
    }

    [Fact]
    public void Euros_print_in_each_languages_own_way_and_read_back()
    {
        var fi = CultureInfo.GetCultureInfo("fi-FI");
        var en = CultureInfo.GetCultureInfo("en-US");
        Assert.Equal("1 234,50 €", Normalised(Money.Format(1234.5m, fi)));
        Assert.Equal("€1,234.50", Money.Format(1234.5m, en));
        Assert.Equal(1234.5m, Money.Parse(Money.Format(1234.5m, fi), fi).Value);
        Assert.Equal(1234.5m, Money.Parse(Money.Format(1234.5m, en), en).Value);
        Assert.Equal("1234,5", Money.ForInput(1234.5m, 2, fi));
        Assert.Equal(1234.5m, Money.Parse(Money.ForInput(1234.5m, 2, en), en).Value);
    }

    /// <summary>ICU prints Finnish groups and the euro sign with no-break spaces (which kind varies by ICU version).</summary>
    private static string Normalised(string s) => s.Replace('\u00a0', ' ').Replace('\u202f', ' ');

    [Fact]
    public void Cents_round_half_away_from_zero()
    {
        Assert.Equal(1235, Money.ToCents(12.345m));
        Assert.Equal(1234, Money.ToCents(12.3449m));
        Assert.Equal(10, Money.ToCents(0.1m));
        Assert.Equal(0.1m + 0.2m, Money.FromCents(30));
    }

    [Fact]
    public void A_line_is_rounded_to_the_cent_before_its_vat_and_the_total_is_the_sum_of_the_lines()
    {
        // 3 × 33.335 would be 100.005; the unit price is already whole cents (33.34), so 3 × 33.34 = 100.02.
        var line = OfferRules.LineTotal(3m, Money.ToCents(33.335m), 25.5m);
        Assert.Equal(10002, line.ExVatCents);
        Assert.Equal(2551, line.VatCents); // 100.02 × 25.5 % = 25.5051 → 25.51
        var total = OfferRules.Total([
            new OfferLineEdit { Quantity = 1.5m, UnitPrice = 0.01m, VatRate = 0 },   // 0.015 → 0.02
            new OfferLineEdit { Quantity = 1.5m, UnitPrice = 0.01m, VatRate = 0 },   // again 0.02: lines round, not the sum
            new OfferLineEdit { Quantity = 12, UnitPrice = 1490m, VatRate = 0 },
        ]);
        Assert.Equal(4 + 17880_00, total.ExVatCents);
        Assert.Equal(0, total.VatCents);
    }

    [Fact]
    public void Ten_thousand_small_lines_add_up_exactly()
    {
        var lines = Enumerable.Range(0, 10_000).Select(_ => new OfferLineEdit { Quantity = 1, UnitPrice = 0.10m, VatRate = 24m }).ToList();
        var total = OfferRules.Total(lines);
        Assert.Equal(1000_00, total.ExVatCents);   // a double sum of 0.1 drifts; decimal cents do not
        Assert.Equal(10_000 * 2, total.VatCents);  // 0.10 × 24 % = 0.024 → 0.02 per line
    }
}
