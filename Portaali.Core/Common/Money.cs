using System.Globalization;
using System.Text.RegularExpressions;

namespace Portaali.Core.Common;

/// <summary>The outcome of reading a typed amount: the value, or a message in the UI language saying what is wrong.</summary>
public readonly record struct AmountParse(decimal? Value, string? Error)
{
    public bool IsValid => Error is null;
}

/// <summary>
/// Euro amounts and other decimals (quantities, VAT rates) as people type them in either language, and euros as Portaali
/// prints them. Amounts are <see cref="decimal"/> in code and whole cents in the database, never floating point.
/// <para>Reading: spaces (also non-breaking) and a trailing or leading "€"/"EUR" are ignored. The UI language's decimal
/// separator is the decimal point; the other separator is a thousands separator when it groups digits by three
/// ("1,500" in English, "1.500" in Finnish), otherwise it too is the decimal point ("1,5" in English is 1.5).
/// When both appear, the last one is the decimal point. More decimals than allowed is refused, not rounded.</para>
/// </summary>
public static partial class Money
{
    public const long MaxCents = 100_000_000_000; // a billion euros: far past any training, short of overflow in sums

    public static decimal FromCents(long cents) => cents / 100m;

    /// <summary>Euros to whole cents, half a cent rounded away from zero (as invoices round).</summary>
    public static long ToCents(decimal euros) => (long)Math.Round(euros * 100m, MidpointRounding.AwayFromZero);

    /// <summary>"1 234,50 €" in Finnish, "€1,234.50" in English (the culture's own currency pattern, with the euro sign);
    /// <paramref name="decimals"/> 0 for whole euros, as a company's revenue is read ("1 234 567 €").</summary>
    public static string Format(decimal euros, CultureInfo? culture = null, int decimals = 2)
    {
        var c = (CultureInfo)(culture ?? CultureInfo.CurrentCulture).Clone();
        c.NumberFormat.CurrencySymbol = "€";
        c.NumberFormat.CurrencyDecimalDigits = decimals;
        return euros.ToString("C", c);
    }

    public static string FormatCents(long cents, CultureInfo? culture = null) => Format(FromCents(cents), culture);

    /// <summary>A decimal with at most <paramref name="maxDecimals"/> digits after the point, printed for an input field
    /// in the culture ("1234,5" / "1234.5"; no thousands separators, so it reads back the same).</summary>
    public static string ForInput(decimal value, int maxDecimals = 2, CultureInfo? culture = null) =>
        value.ToString("0." + new string('#', maxDecimals), culture ?? CultureInfo.CurrentCulture);

    [GeneratedRegex(@"^[+-]?\d[\d.,]*$|^[+-]?[.,]\d+$")]
    private static partial Regex Shape();

    /// <summary>Reads a typed amount (euros by default: two decimals, not negative).</summary>
    public static AmountParse Parse(string? text, CultureInfo? culture = null, int maxDecimals = 2,
        decimal min = 0, decimal max = MaxCents / 100m, bool required = true)
    {
        culture ??= CultureInfo.CurrentCulture;
        if (string.IsNullOrWhiteSpace(text))
            return required ? Fail("AmountRequired") : new AmountParse(null, null);
        var s = Regex.Replace(text, @"[\s\u00a0\u202f]", "").Replace('\u2212', '-');
        s = Regex.Replace(s, "(?i)^(€|eur)|(€|eur)$", "");
        if (!Shape().IsMatch(s)) return Fail("AmountNotUnderstood", text.Trim());

        var sign = s.StartsWith('-') ? -1m : 1m;
        s = s.TrimStart('+', '-');
        var dec = culture.NumberFormat.NumberDecimalSeparator == "," ? ',' : '.';
        var other = dec == ',' ? '.' : ',';
        string integer, fraction;
        var lastDec = s.LastIndexOf(dec);
        var lastOther = s.LastIndexOf(other);
        if (lastDec >= 0 && lastOther >= 0)
        {
            var point = Math.Max(lastDec, lastOther);
            var group = s[point] == dec ? other : dec;
            (integer, fraction) = (s[..point], s[(point + 1)..]);
            if (fraction.Contains(dec) || fraction.Contains(other) || !IsGrouped(integer, group))
                return Fail("AmountNotUnderstood", text.Trim());
            integer = integer.Replace(group.ToString(), "");
        }
        else if (lastDec >= 0 || lastOther >= 0)
        {
            var sep = lastDec >= 0 ? dec : other;
            var parts = s.Split(sep);
            if (sep == other && parts.Length >= 2 && IsGrouped(s, sep))
                (integer, fraction) = (s.Replace(sep.ToString(), ""), "");
            else if (parts.Length == 2)
                (integer, fraction) = (parts[0], parts[1]);
            else return Fail("AmountNotUnderstood", text.Trim());
        }
        else (integer, fraction) = (s, "");

        if (fraction.Length > maxDecimals)
            return maxDecimals == 0 ? Fail("AmountWholeNumber", text.Trim()) : Fail("AmountTooManyDecimals", text.Trim(), maxDecimals);
        if (integer.Length == 0) integer = "0";
        if (integer.Length > 15) return Fail("AmountTooLarge", Format(max, culture));
        var value = sign * decimal.Parse(fraction.Length == 0 ? integer : integer + "." + fraction, CultureInfo.InvariantCulture);
        if (value < min) return min == 0 ? Fail("AmountNegative") : Fail("AmountTooSmall", min.ToString(culture));
        if (value > max) return Fail("AmountTooLarge", max.ToString("#,0.##", culture));
        return new AmountParse(value, null);
    }

    /// <summary>"1.234.567" or "12,345": groups of exactly three digits after a first group of one to three.</summary>
    private static bool IsGrouped(string digits, char group)
    {
        var parts = digits.Split(group);
        return parts.Length >= 2 && parts[0].Length is >= 1 and <= 3 && parts.Skip(1).All(p => p.Length == 3) && parts.All(p => p.All(char.IsAsciiDigit));
    }

    private static AmountParse Fail(string key, params object[] args) => new(null, CoreText.Get(key, args));
}
