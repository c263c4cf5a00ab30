using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Portaali.Web.Components.Shared;

/// <summary>
/// MudIcon's markup for one of MudBlazor's <c>Icons.*</c> constants, drawn into the caller's render tree: a MudIcon is a
/// live component (~5 KB of server memory per open tab, docs/benchmarks-circuits.md), this is a few frames.
/// </summary>
public static class SvgIcon
{
    /// <param name="icon">One of MudBlazor's <c>Icons.*</c> constants: the app's own SVG markup, never user text.</param>
    /// <param name="size">MudBlazor's size class: small, medium or large.</param>
    /// <param name="extraClass">Further classes after MudIcon's, e.g. <c>mud-nav-link-icon</c>.</param>
    public static RenderFragment Of(string icon, string size = "medium", string? extraClass = null) => builder => Render(builder, icon, size, extraClass);

    private static void Render(RenderTreeBuilder builder, string icon, string size, string? extraClass)
    {
        builder.OpenElement(0, "svg");
        builder.AddAttribute(1, "class", extraClass is null
            ? $"mud-icon-root mud-svg-icon mud-icon-size-{size}"
            : $"mud-icon-root mud-svg-icon mud-icon-size-{size} {extraClass}");
        builder.AddAttribute(2, "focusable", "false");
        builder.AddAttribute(3, "viewBox", "0 0 24 24");
        builder.AddAttribute(4, "aria-hidden", "true");
        builder.AddMarkupContent(5, icon);
        builder.CloseElement();
    }
}
