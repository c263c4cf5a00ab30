using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Components;
using Portaali.Core.Customers;

namespace Portaali.Web.Customers;

/// <summary>
/// The municipality filter's options, an <c>&lt;option&gt;</c> per municipality sorted by name, as one markup string built
/// once per culture and shared by every open tab. Drawn as elements they were three render-tree frames each, kept twice
/// (the renderer's current and next buffers) in every tab (docs/benchmarks-circuits.md). The select's value is still set
/// by Blazor, which applies it after a select's children, markup included, are in the page.
/// </summary>
public static class MunicipalityOptions
{
    private static readonly ConcurrentDictionary<string, MarkupString> ByCulture = new();

    /// <summary>The options in the current culture's alphabetical order (Ä and Ö after Z in Finnish).</summary>
    public static MarkupString Markup => ByCulture.GetOrAdd(CultureInfo.CurrentCulture.Name, _ => Build());

    private static MarkupString Build()
    {
        var html = new StringBuilder();
        foreach (var m in Municipalities.All.OrderBy(m => m.Name, StringComparer.CurrentCulture))
            html.Append("<option value=\"").Append(HtmlEncoder.Default.Encode(m.Code)).Append("\">")
                .Append(HtmlEncoder.Default.Encode(m.Name)).Append("</option>");
        return new MarkupString(html.ToString());
    }
}
