using MudBlazor;
using MudBlazor.Utilities;
using Portaali.Web.Components.Layout;

namespace Portaali.Tests.Components.Layout;

/// <summary>
/// Every text/background pair the app draws from its palette passes WCAG AA (4.5:1; 3:1 for the focus outline), in the
/// light and the dark theme: a colour picked later that fails makes this red before axe or a user finds it.
/// </summary>
public class PaletteContrastTests
{
    public static TheoryData<string> Themes => new() { "light", "dark" };

    [Theory]
    [MemberData(nameof(Themes))]
    public void Every_text_the_palette_draws_passes_4_5_to_1_on_what_it_is_drawn_on(string theme)
    {
        Palette p = theme == "dark" ? PortaaliTheme.Theme.PaletteDark : PortaaliTheme.Theme.PaletteLight;
        var surfaces = new Dictionary<string, MudColor>
        {
            ["background"] = p.Background,
            ["surface"] = p.Surface,
            ["striped row"] = Over(p.TableStriped, p.Surface),
            ["hovered row"] = Over(p.TableHover, p.Surface),
        };
        var pairs = new List<(string What, MudColor Text, MudColor Back, double Minimum)>();
        foreach (var (name, back) in surfaces)
        {
            pairs.Add(($"text on {name}", p.TextPrimary, back, 4.5));
            pairs.Add(($"secondary text on {name}", p.TextSecondary, back, 4.5));
            pairs.Add(($"link (primary) on {name}", p.Primary, back, 4.5));
            pairs.Add(($"focus outline (primary) on {name}", p.Primary, back, 3));
        }
        pairs.Add(("app bar text", p.AppbarText, p.AppbarBackground, 4.5));
        pairs.Add(("nav menu text", p.DrawerText, p.DrawerBackground, 4.5));
        pairs.Add(("nav menu link (primary, the page one is on)", p.Primary, p.DrawerBackground, 4.5));
        var colours = new (string Name, MudColor Colour, MudColor ContrastText, MudColor Darken)[]
        {
            ("primary", p.Primary, p.PrimaryContrastText, p.PrimaryDarken), ("secondary", p.Secondary, p.SecondaryContrastText, p.SecondaryDarken),
            ("info", p.Info, p.InfoContrastText, p.InfoDarken), ("success", p.Success, p.SuccessContrastText, p.SuccessDarken),
            ("warning", p.Warning, p.WarningContrastText, p.WarningDarken), ("error", p.Error, p.ErrorContrastText, p.ErrorDarken),
        };
        foreach (var (name, colour, contrastText, darken) in colours)
        {
            // Filled chips, buttons and alerts: the contrast text on the colour (the demo marker is a filled warning chip).
            pairs.Add(($"{name} filled: its text on it", contrastText, colour, 4.5));
            foreach (var (surfaceName, back) in surfaces.Where(s => s.Key is "background" or "surface" or "striped row"))
            {
                // Outlined and text chips and buttons: the colour as text, on the page or on the colour's own faint tint.
                pairs.Add(($"{name} outlined on {surfaceName}", colour, back, 4.5));
                var tint = Over(colour.SetAlpha(p.HoverOpacity), back);
                pairs.Add(($"{name} text chip / outlined button on its tint over {surfaceName}", colour, tint, 4.5));
                // Standard alerts: the "darken" tone on the colour's tint.
                pairs.Add(($"{name} alert text on its tint over {surfaceName}", darken, tint, 4.5));
            }
        }

        var failing = pairs.Select(x => (x.What, Ratio: Ratio(Over(x.Text, x.Back), x.Back), x.Minimum, x.Text, x.Back))
            .Where(x => x.Ratio < x.Minimum)
            .Select(x => $"{x.What}: {x.Text.Value} on {x.Back.Value} is {x.Ratio:0.00}:1, needs {x.Minimum}:1").ToList();
        Assert.True(failing.Count == 0, $"The {theme} palette fails WCAG AA:\n" + string.Join("\n", failing));
    }

    [Fact]
    public void The_ratio_matches_the_WCAG_examples()
    {
        Assert.Equal(21, Ratio(new MudColor("#000000"), new MudColor("#ffffff")), 2);
        // MudBlazor's default orange under white text, as axe measured it on the demo marker before the palette changed.
        Assert.InRange(Ratio(new MudColor("#ffffff"), new MudColor("#ff9800")), 2.15, 2.16);
        Assert.InRange(Ratio(new MudColor("#727373"), new MudColor("#f6f8f9")), 4.45, 4.47);
    }

    /// <summary>A colour with transparency as it shows on an opaque background.</summary>
    private static MudColor Over(MudColor top, MudColor back)
    {
        var a = top.A / 255.0;
        byte Mix(byte t, byte b) => (byte)Math.Round(t * a + b * (1 - a));
        return new MudColor(Mix(top.R, back.R), Mix(top.G, back.G), Mix(top.B, back.B), (byte)255);
    }

    /// <summary>WCAG 2.1 contrast ratio: (lighter relative luminance + 0.05) / (darker + 0.05).</summary>
    private static double Ratio(MudColor a, MudColor b)
    {
        double la = Luminance(a), lb = Luminance(b);
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(MudColor c)
    {
        static double Channel(byte v)
        {
            var s = v / 255.0;
            return s <= 0.03928 ? s / 12.92 : Math.Pow((s + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * Channel(c.R) + 0.7152 * Channel(c.G) + 0.0722 * Channel(c.B);
    }
}
