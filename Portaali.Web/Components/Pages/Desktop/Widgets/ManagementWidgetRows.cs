using Portaali.Core.Desktops;

namespace Portaali.Web.Components.Pages.Desktop.Widgets;

/// <summary>How many list rows fit a widget of management's, marketing's or the administrator's desktop: a row of the
/// grid holds about three lines of a dense list, two rows eight, three twelve; a summary line and the "all …" link take
/// their share.</summary>
public static class ManagementWidgetRows
{
    public static int Lines(WidgetPlacement placement) => placement.Height switch { <= 1 => 3, 2 => 8, _ => 12 };

    /// <summary>The rows left for the list once <paramref name="reserved"/> lines (summary, link) are taken; at least one.</summary>
    public static int Fit(WidgetPlacement placement, int reserved = 2) => Math.Max(1, Lines(placement) - reserved);
}
