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
}
