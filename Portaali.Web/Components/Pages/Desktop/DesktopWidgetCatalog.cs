namespace Portaali.Web.Components.Pages.Desktop;

/// <summary>Which component renders a widget key. A service rather than the static map so a test can put in a slow or a
/// failing widget; the app registers the one over <see cref="DesktopWidgets.Components"/>.</summary>
public class DesktopWidgetCatalog(IReadOnlyDictionary<string, Type> components)
{
    public DesktopWidgetCatalog() : this(DesktopWidgets.Components) { }

    public Type? ComponentFor(string key) => components.GetValueOrDefault(key);
}
