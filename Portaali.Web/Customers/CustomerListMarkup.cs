using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Portaali.Core.Common;
using Portaali.Core.Customers;
using Portaali.Core.Segments;
using Portaali.Web.Components.Shared;

namespace Portaali.Web.Customers;

/// <summary>
/// The customer view's rows as markup strings, one per row: drawn as elements, a row was about 55 render-tree frames (a
/// class and a <c>data-label</c> per cell, the chips' nested spans), and with an <c>@onclick</c> row and a span keeping the
/// link's click from it still a dozen, so 25 rows kept the page's buffers at 1,024 frames, twice in every open tab
/// (docs/benchmarks-circuits.md). A row is now one frame: its click is app.js's (<c>data-row-href</c>), not a server
/// event. The HTML is what the elements drew. Every value is encoded with <see cref="HtmlEncoder.Default"/>, as Blazor's
/// prerender encodes text and attributes; the fixed texts (the <c>data-label</c> headers a phone shows beside each value,
/// the chips) are encoded once per culture.
/// </summary>
public static class CustomerListMarkup
{
    private const string Cell = "<td class=\"mud-table-cell\" data-label=\"";
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;
    private static readonly ConcurrentDictionary<string, Texts> ByCulture = new();

    private sealed record Texts(string Name, string BusinessId, string Municipality, IReadOnlyDictionary<Segment, string> SegmentCells,
        string SizeClass, string Revenue, string PassiveChip);

    /// <summary>
    /// A customer's row: the name as a plain <c>&lt;a href&gt;</c> with MudLink's classes (Blazor's router follows it), the
    /// grey "passive" chip after a passive customer's name, then business id, municipality, segment chip, size class and
    /// revenue. A click elsewhere in the row opens the customer too (<c>data-row-href</c>, app.js).
    /// </summary>
    public static MarkupString Row(CustomerRow row, IStringLocalizer texts)
    {
        var t = For(texts);
        var href = "/customers/" + row.Id.ToString(CultureInfo.InvariantCulture);
        var html = new StringBuilder(1024)
            .Append("<tr class=\"mud-table-row\" style=\"cursor:pointer\" data-row-href=\"").Append(href).Append("\">")
            .Append(t.Name)
            .Append("<a href=\"").Append(href)
            .Append("\" class=\"mud-typography mud-link mud-primary-text mud-link-underline-hover mud-typography-body1\" data-testid=\"customer-link\">")
            .Append(Html.Encode(row.Name)).Append("</a>")
            .Append(row.IsPassive ? t.PassiveChip : "").Append("</td>")
            .Append(t.BusinessId).Append(Html.Encode(row.BusinessId ?? "")).Append("</td>")
            .Append(t.Municipality).Append(Html.Encode(row.MunicipalityName ?? "")).Append("</td>")
            .Append(t.SegmentCells[row.Segment])
            .Append(t.SizeClass).Append(Html.Encode(texts["SizeClassShort_" + row.SizeClass])).Append("</span></td>")
            .Append(t.Revenue).Append(row.Revenue is { } revenue ? Html.Encode(Money.Format(revenue, decimals: 0)) : "").Append("</span></td>")
            .Append("</tr>");
        return new MarkupString(html.ToString());
    }

    // Resource texts follow the UI culture; the cache holds one set per language the app speaks.
    private static Texts For(IStringLocalizer texts) => ByCulture.GetOrAdd(CultureInfo.CurrentUICulture.Name, _ => Build(texts));

    private static Texts Build(IStringLocalizer texts)
    {
        string Opening(string label, string? style = null) =>
            Cell + Html.Encode(texts[label]) + (style is null ? "\">" : "\" style=\"" + style + "\">");
        return new Texts(
            Opening("Name"),
            Opening("BusinessId"),
            Opening("Municipality"),
            Enum.GetValues<Segment>().ToDictionary(s => s,
                s => Opening("Segment") + SegmentChip.Markup(s, texts) + "</td>"),
            Opening("SizeClass") + "<span data-testid=\"customer-size\">",
            Opening("Revenue", "text-align:right;white-space:nowrap") + "<span data-testid=\"customer-revenue\">",
            SegmentChip.ChipHtml(Color.Default, texts["Passive"], "ml-2"));
    }
}
