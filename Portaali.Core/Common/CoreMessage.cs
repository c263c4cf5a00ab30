using System.Globalization;
using System.Text.Json;

namespace Portaali.Core.Common;

/// <summary>
/// A text Core makes now and someone reads later, perhaps in the other language: a CoreText key and its arguments,
/// stored as JSON and rendered in the reader's culture (dates as d.M.yyyy or M/d/yyyy, money as "1 234,50 €" or "€1,234.50").
/// Arguments are typed so they print in either culture: <see cref="Date"/>, <see cref="Cents"/>, <see cref="Text"/>
/// (another key, e.g. "never"), or a number or string as is.
/// </summary>
public sealed record CoreMessage(string Key, IReadOnlyList<string> Args)
{
    private const string DatePrefix = "d:", CentsPrefix = "c:", TextPrefix = "t:", PlainPrefix = "s:";

    public static CoreMessage Of(string key, params object?[] args) => new(key, [.. args.Select(Encode)]);

    public static object Date(DateOnly? day, string keyWhenMissing) => day is { } d ? d : new TextArg(keyWhenMissing);
    public static object Cents(long cents) => new CentsArg(cents);

    public string ToJson() => JsonSerializer.Serialize(new[] { Key }.Concat(Args));

    public static CoreMessage? FromJson(string? json)
    {
        if (string.IsNullOrEmpty(json)) return null;
        try
        {
            var parts = JsonSerializer.Deserialize<string[]>(json);
            return parts is { Length: > 0 } ? new CoreMessage(parts[0], parts[1..]) : null;
        }
        catch (JsonException) { return null; }
    }

    /// <summary>The text in <paramref name="culture"/> (by default the current UI culture's words, the current culture's formats).</summary>
    public string Render(CultureInfo? culture = null)
    {
        var words = culture ?? CultureInfo.CurrentUICulture;
        var formats = culture ?? CultureInfo.CurrentCulture;
        var format = CoreText.Manager.GetString(Key, words) ?? Key;
        return string.Format(formats, format, [.. Args.Select(a => Decode(a, words, formats))]);
    }

    /// <summary>The stored message in the reader's language, or the stored text for rows made before messages were kept.</summary>
    public static string Render(string? json, string storedText) => FromJson(json)?.Render() ?? storedText;

    private static string Encode(object? arg) => arg switch
    {
        DateOnly d => DatePrefix + d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        CentsArg c => CentsPrefix + c.Cents.ToString(CultureInfo.InvariantCulture),
        TextArg t => TextPrefix + t.Key,
        IFormattable f => PlainPrefix + f.ToString(null, CultureInfo.InvariantCulture),
        _ => PlainPrefix + arg,
    };

    private static object Decode(string arg, CultureInfo words, CultureInfo formats) => arg[..2] switch
    {
        DatePrefix => DateOnly.ParseExact(arg[2..], "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("d", formats),
        CentsPrefix => Money.FormatCents(long.Parse(arg[2..], CultureInfo.InvariantCulture), formats),
        TextPrefix => CoreText.Manager.GetString(arg[2..], words) ?? arg[2..],
        _ => arg[2..],
    };

    private sealed record CentsArg(long Cents);
    private sealed record TextArg(string Key);
}
