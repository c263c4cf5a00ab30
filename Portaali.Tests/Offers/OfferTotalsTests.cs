using Portaali.Core.Common;
using Portaali.Core.Offers;
using Portaali.Tests.Support;

namespace Portaali.Tests.Offers;

/// <summary>An offer's euros in decimal: each line rounded to the cent as an invoice prints it, its VAT from that rounded sum,
/// and the total the sum of what the lines print.</summary>
public class OfferTotalsTests
{
    [Theory]
    [InlineData("1.5", 9999, "0", 14999, 0)]          // 1,5 × 99,99 = 149,985 → 149,99 (half a cent away from zero)
    [InlineData("1.5", 9999, "25.5", 14999, 3825)]    // 25,5 % of 149,99 = 38,24745 → 38,25
    [InlineData("1", 10000, "25.5", 10000, 2550)]
    [InlineData("3", 33333, "24", 99999, 24000)]      // 24 % of 999,99 = 239,9976 → 240,00
    [InlineData("0.33", 1001, "14", 330, 46)]         // 0,33 × 10,01 = 3,3033 → 3,30; 14 % → 0,462 → 0,46
    [InlineData("12", 125050, "0", 1500600, 0)]
    public void Line_total_and_its_vat_are_rounded_to_the_cent(string quantity, long unitPriceCents, string vatRate, long exVatCents, long vatCents)
    {
        var t = OfferRules.LineTotal(decimal.Parse(quantity, System.Globalization.CultureInfo.InvariantCulture), unitPriceCents,
            decimal.Parse(vatRate, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(new LineTotals(exVatCents, vatCents), t);
    }

    [Fact]
    public void Hundred_small_lines_sum_what_each_line_prints_not_a_rounded_grand_total()
    {
        var lines = Enumerable.Range(0, 100).Select(_ => new OfferLineEdit { Description = "Tuntiopetus", Quantity = 0.33m, UnitPrice = 10.01m, VatRate = 24m }).ToList();

        var total = OfferRules.Total(lines);

        // Each line prints 3,30 + 0,79 VAT; the grand total is 330,00 + 79,00, not 24 % of 330,33 (79,28).
        Assert.Equal(33_000, total.ExVatCents);
        Assert.Equal(7_900, total.VatCents);
    }

    [Fact]
    public void Vat_free_training_and_a_taxed_line_add_up_separately()
    {
        List<OfferLineEdit> lines =
        [
            new() { Description = "Työnjohtajakoulutus", Quantity = 12, UnitPrice = 1250.50m, VatRate = 0 },
            new() { Description = "Kurssimateriaali", Quantity = 12, UnitPrice = 39.90m, VatRate = 25.5m },
        ];

        var total = OfferRules.Total(lines);

        Assert.Equal(1_500_600 + 47_880, total.ExVatCents);
        Assert.Equal(12_209, total.VatCents); // 25,5 % of 478,80 = 122,094 → 122,09
        Assert.Equal("15 606,89 €", Money.FormatCents(total.ExVatCents + total.VatCents, System.Globalization.CultureInfo.GetCultureInfo("fi-FI")).Replace('\u00a0', ' '));
        Assert.Equal("€15,606.89", Money.FormatCents(total.ExVatCents + total.VatCents, System.Globalization.CultureInfo.GetCultureInfo("en-US")));
    }

    [Fact]
    public void Form_problems_are_named_by_field_and_line()
    {
        using var _ = UiCulture.Finnish();
        var edit = new OfferEdit
        {
            Title = " ", AccountManagerId = 3, ValidUntil = new DateOnly(2026, 3, 1),
            Lines = [new() { Description = "Koulutus", Quantity = 1, UnitPrice = 100 }, new() { Description = "", Quantity = 0, UnitPrice = 1.005m, VatRate = 101 }],
        };

        var errors = OfferRules.Validate(edit, today: new DateOnly(2026, 3, 10), isNew: true);

        Assert.Contains(errors, e => e.Field == "Title" && e.Message == "Anna tarjoukselle otsikko.");
        Assert.Contains(errors, e => e.Field == "ValidUntil" && e.Message == "Voimassaolopäivä on jo mennyt.");
        Assert.DoesNotContain(errors, e => e.Field == "Lines[0]");
        Assert.Equal(4, errors.Count(e => e.Field == "Lines[1]")); // description, quantity, price with three decimals, VAT over 100
        Assert.Contains(errors, e => e.Field == "Lines[1]" && e.Message.StartsWith("Rivi 2:", StringComparison.Ordinal));
    }

    [Fact]
    public void An_offer_without_lines_is_refused()
    {
        using var _ = UiCulture.English();
        var errors = OfferRules.Validate(new OfferEdit { Title = "Esimiestyön valmennus", AccountManagerId = 3, ValidUntil = new DateOnly(2026, 4, 1) },
            new DateOnly(2026, 3, 10), isNew: true);

        Assert.Equal("Lines", Assert.Single(errors).Field);
    }
}
