using System.Globalization;

namespace Portaali.Tests.Support;

/// <summary>Switches the UI language for one test and restores it, so a message can be checked in the language users see.</summary>
public sealed class UiCulture : IDisposable
{
    private readonly CultureInfo previous = CultureInfo.CurrentUICulture;

    private UiCulture(string name) => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);

    public static UiCulture Finnish() => new("fi");
    public static UiCulture English() => new("en");

    public void Dispose() => CultureInfo.CurrentUICulture = previous;

    /// <summary>Switches both the number and date formats and the UI language ("fi-FI", "en-US") until disposed, for a
    /// test class that types and reads numbers in either culture.</summary>
    public static IDisposable Use(string culture) => new Both(culture);

    /// <summary>Switches both within a test already inside a <see cref="Use"/> scope, which restores them at its end.</summary>
    public static void Set(string culture)
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture[..2]);
    }

    private sealed class Both : IDisposable
    {
        private readonly CultureInfo culture = CultureInfo.CurrentCulture, uiCulture = CultureInfo.CurrentUICulture;

        public Both(string name) => Set(name);

        public void Dispose()
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }
}
