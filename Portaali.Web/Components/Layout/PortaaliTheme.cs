using MudBlazor;

namespace Portaali.Web.Components.Layout;

/// <summary>
/// The college's colours, chosen so that every text the app draws passes WCAG AA (4.5:1) against what it is drawn on,
/// in both themes; <c>PaletteContrastTests</c> computes the ratios and docs/accessibility.md lists them.
/// </summary>
public static class PortaaliTheme
{
    public static readonly MudTheme Theme = new()
    {
        // Light: dark tones carry white text when filled and read as text on white or the grey background when
        // outlined. The "darken" tones are the alerts' text on their tinted background.
        PaletteLight = new PaletteLight
        {
            Primary = "#00566b", PrimaryDarken = "#003f4f", PrimaryContrastText = "#ffffff",
            Secondary = "#b34700", SecondaryDarken = "#8a3b00", SecondaryContrastText = "#ffffff",
            Info = "#1565c0", InfoDarken = "#0d47a1", InfoContrastText = "#ffffff",
            Success = "#2e6b30", SuccessDarken = "#1b5e20", SuccessContrastText = "#ffffff",
            Warning = "#9a5b00", WarningDarken = "#7a4400", WarningContrastText = "#ffffff",
            Error = "#c62828", ErrorDarken = "#a31f1f", ErrorContrastText = "#ffffff",
            AppbarBackground = "#00566b", AppbarText = "#ffffff",
            Background = "#f6f8f9", Surface = "#ffffff",
            TextPrimary = "#212121", TextSecondary = "#5f6368",
            DrawerBackground = "#ffffff", DrawerText = "#212121", DrawerIcon = "#5f6368",
            ActionDefault = "#5f6368", TableStriped = "#00000005",
        },
        // Dark: light tones read as text on the dark surfaces and carry near-black text when filled (white on a light
        // tone would fail); the "darken" tones are lighter still, for the alerts' text and a filled button's hover.
        PaletteDark = new PaletteDark
        {
            Primary = "#66c9de", PrimaryDarken = "#99e0ec", PrimaryContrastText = "#0b1f24",
            Secondary = "#ffa060", SecondaryDarken = "#ffc08a", SecondaryContrastText = "#1a1a1a",
            Info = "#90caf9", InfoDarken = "#bbdefb", InfoContrastText = "#1a1a1a",
            Success = "#81c784", SuccessDarken = "#a5d6a7", SuccessContrastText = "#1a1a1a",
            Warning = "#ffb74d", WarningDarken = "#ffcc80", WarningContrastText = "#1a1a1a",
            Error = "#ffa59c", ErrorDarken = "#ffcdd2", ErrorContrastText = "#1a1a1a",
            AppbarBackground = "#10252b", AppbarText = "#ffffff",
            Background = "#32333d", Surface = "#373740",
            TextPrimary = "#e6e6e9", TextSecondary = "#b8b8bf",
            DrawerBackground = "#27272f", DrawerText = "#e6e6e9", DrawerIcon = "#c8c8cc",
            ActionDefault = "#c8c8cc",
            // MudBlazor's default (20 % white) made striped rows so light that links on them fell to 2.6:1.
            TableStriped = "#ffffff0a", TableHover = "#ffffff14",
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "6px" },
    };
}
