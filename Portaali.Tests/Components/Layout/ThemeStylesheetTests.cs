using Bunit;
using MudBlazor;
using MudBlazor.Services;
using Portaali.Tests.Support;
using Portaali.Web.Components.Layout;

namespace Portaali.Tests.Components.Layout;

/// <summary>
/// The theme's CSS is two static files (wwwroot/theme-light.css, theme-dark.css), not a MudThemeProvider in the layout,
/// which drew ~23 KB of CSS into every open tab's render tree (docs/benchmarks-circuits.md). The files must be exactly what
/// MudThemeProvider draws for <see cref="PortaaliTheme"/>: a colour changed in PortaaliTheme (or a MudBlazor upgrade)
/// turns this red until the files are redrawn: <c>PORTAALI_WRITE_THEME=1 dotnet test --filter ThemeStylesheetTests</c>.
/// </summary>
public class ThemeStylesheetTests : BunitContext
{
    public static TheoryData<bool> Modes => new() { false, true };

    [Theory]
    [MemberData(nameof(Modes))]
    public void The_static_theme_stylesheet_is_what_MudThemeProvider_draws(bool dark)
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        var provider = Render<MudThemeProvider>(p => p.Add(t => t.Theme, PortaaliTheme.Theme).Add(t => t.IsDarkMode, dark));
        var drawn = string.Join("\n", provider.FindAll("style").Select(s => s.TextContent.Trim())) + "\n";
        var path = SourceTree.PathOf("Portaali.Web", "wwwroot", dark ? "theme-dark.css" : "theme-light.css");

        if (Environment.GetEnvironmentVariable("PORTAALI_WRITE_THEME") == "1") File.WriteAllText(path, drawn);

        Assert.Contains("--mud-palette-primary:", drawn);
        Assert.True(File.Exists(path) && File.ReadAllText(path) == drawn,
            $"{path} is not what MudThemeProvider draws for PortaaliTheme; redraw it with PORTAALI_WRITE_THEME=1 (see this test's summary).");
    }
}
