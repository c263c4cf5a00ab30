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
}
