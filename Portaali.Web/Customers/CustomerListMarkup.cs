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
/// The customer view's row cells as markup strings: drawn as elements, a row was about 55 render-tree frames (a class and
/// a <c>data-label</c> per cell, the chips' nested spans), so 25 rows needed a 2,048-frame buffer, kept twice in every
/// open tab (docs/benchmarks-circuits.md). The HTML is what the elements drew. Every value is encoded with
/// <see cref="HtmlEncoder.Default"/>, as Blazor's prerender encodes text and attributes; the fixed texts (the
/// <c>data-label</c> headers a phone shows beside each value, the chips) are encoded once per culture.
/// </summary>
public static class CustomerListMarkup
{
    private const string Cell = "<td class=\"mud-table-cell\" data-label=\"";
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;
    private static readonly ConcurrentDictionary<string, Texts> ByCulture = new();

    private sealed record Texts(string BusinessId, string Municipality, IReadOnlyDictionary<Segment, string> SegmentCells,
        string SizeClass, string Revenue, MarkupString PassiveChip);

    /// <summary>The name cell's link: a plain <c>&lt;a href&gt;</c> with MudLink's classes, which Blazor's router follows.</summary>
    public static MarkupString Link(CustomerRow row) => new(string.Concat(
        "<a href=\"/customers/", row.Id.ToString(CultureInfo.InvariantCulture),
        "\" class=\"mud-typography mud-link mud-primary-text mud-link-underline-hover mud-typography-body1\" data-testid=\"customer-link\">",
        Html.Encode(row.Name), "</a>"));

    /// <summary>The grey "passive" chip after a passive customer's name.</summary>
    public static MarkupString PassiveChip(IStringLocalizer texts) => For(texts).PassiveChip;

    /// <summary>The row's cells after the name: business id, municipality, segment chip, size class and revenue.</summary>
    public static MarkupString Cells(CustomerRow row, IStringLocalizer texts)
    {
        var t = For(texts);
        var html = new StringBuilder(640)
            .Append(t.BusinessId).Append(Html.Encode(row.BusinessId ?? "")).Append("</td>")
            .Append(t.Municipality).Append(Html.Encode(row.MunicipalityName ?? "")).Append("</td>")
            .Append(t.SegmentCells[row.Segment])
            .Append(t.SizeClass).Append(Html.Encode(texts["SizeClassShort_" + row.SizeClass])).Append("</span></td>")
            .Append(t.Revenue).Append(row.Revenue is { } revenue ? Html.Encode(Money.Format(revenue, decimals: 0)) : "").Append("</span></td>");
        return new MarkupString(html.ToString());
    }

    // Resource texts follow the UI culture; the cache holds one set per language the app speaks.
    private static Texts For(IStringLocalizer texts) => ByCulture.GetOrAdd(CultureInfo.CurrentUICulture.Name, _ => Build(texts));

    private static Texts Build(IStringLocalizer texts)
    {
        string Opening(string label) => Cell + Html.Encode(texts[label]) + "\">";
        string Chip(Color colour, string label, string extraClass) =>
            $"<span class=\"{SegmentChip.ChipClass(colour)} {extraClass}\"><span class=\"mud-chip-content\">{Html.Encode(label)}</span></span>";
        return new Texts(
            Opening("BusinessId"),
            Opening("Municipality"),
            Enum.GetValues<Segment>().ToDictionary(s => s,
                s => Opening("Segment") + Chip(SegmentChip.Colour(s), texts["Segment_" + s], "segment-chip") + "</td>"),
            Opening("SizeClass") + "<span data-testid=\"customer-size\">",
            Cell + Html.Encode(texts["Revenue"]) + "\" style=\"text-align:right;white-space:nowrap\"><span data-testid=\"customer-revenue\">",
            new MarkupString(Chip(Color.Default, texts["Passive"], "ml-2")));
    }
}
