using MudBlazor;

namespace Portaali.Web.Components.Layout;

public static class PortaaliTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#00566b", Secondary = "#c75000", AppbarBackground = "#00566b", Background = "#f6f8f9",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#4fb3c9", Secondary = "#ff9a4d", AppbarBackground = "#10252b",
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "6px" },
    };
}
