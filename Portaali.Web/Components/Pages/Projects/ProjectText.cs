using System.Globalization;

namespace Portaali.Web.Components.Pages.Projects;

/// <summary>A funding period in the user's culture: "1.9.2026–31.8.2028", an open end left blank.</summary>
public static class ProjectText
{
    public static string Period(DateOnly? starts, DateOnly? ends) => (starts, ends) switch
    {
        (null, null) => "",
        _ => $"{starts?.ToString("d", CultureInfo.CurrentCulture)}–{ends?.ToString("d", CultureInfo.CurrentCulture)}",
    };
}
