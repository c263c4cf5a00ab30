using System.Text.RegularExpressions;

namespace Portaali.Core.Customers;

/// <summary>The Finnish Business ID (Y-tunnus): seven digits, a hyphen and a check digit.</summary>
public static partial class BusinessId
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2];

    [GeneratedRegex(@"^\d{7}-\d$")]
    private static partial Regex Shape();

    /// <summary>The check digit for seven digits, or null when no check digit exists (remainder 1).</summary>
    public static int? CheckDigit(string sevenDigits)
    {
        var sum = 0;
        for (var i = 0; i < 7; i++) sum += (sevenDigits[i] - '0') * Weights[i];
        var remainder = sum % 11;
        return remainder switch { 0 => 0, 1 => null, _ => 11 - remainder };
    }

    public static bool HasValidShape(string? value) => value is not null && Shape().IsMatch(value);

    public static bool IsValid(string? value) =>
        HasValidShape(value) && CheckDigit(value![..7]) == value[8] - '0';

    /// <summary>Accepts the common ways people type it: spaces around, a six-digit body without the leading zero.</summary>
    public static string? Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var trimmed = value.Trim().Replace(" ", "");
        if (Regex.IsMatch(trimmed, @"^\d{6}-\d$")) trimmed = "0" + trimmed;
        if (Regex.IsMatch(trimmed, @"^\d{8}$")) trimmed = trimmed[..7] + "-" + trimmed[7];
        return trimmed;
    }

    public static string Create(string sevenDigits) =>
        $"{sevenDigits}-{CheckDigit(sevenDigits) ?? throw new ArgumentException("No check digit exists for " + sevenDigits)}";
}
