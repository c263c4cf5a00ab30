using System.Globalization;
using System.Resources;

namespace Portaali.Core.Common;

/// <summary>Messages from Core rules in the current UI culture (Finnish by default, English switchable).</summary>
public static class CoreText
{
    private static readonly ResourceManager Resources =
        new("Portaali.Core.Resources.CoreText", typeof(CoreText).Assembly);

    public static string Get(string key, params object?[] args)
    {
        var text = Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;
        return args.Length == 0 ? text : string.Format(CultureInfo.CurrentCulture, text, args);
    }

    internal static ResourceManager Manager => Resources;

    /// <summary>The cultures stored texts are written in (Finnish) and the other one the UI offers.</summary>
    public static readonly CultureInfo Finnish = CultureInfo.GetCultureInfo("fi-FI"), English = CultureInfo.GetCultureInfo("en-US");

    /// <summary>A text in a given language, e.g. a system node's Finnish and English names made by a job.</summary>
    public static string In(CultureInfo culture, string key) => Resources.GetString(key, culture) ?? key;

    /// <summary>Whether the reader's UI is English: reference data then shows its English name where it has one.</summary>
    public static bool ReaderIsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
}
