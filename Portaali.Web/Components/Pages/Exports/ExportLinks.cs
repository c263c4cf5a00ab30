namespace Portaali.Web.Components.Pages.Exports;

/// <summary>The addresses of the exports: the page and a finished file's download.</summary>
public static class ExportLinks
{
    public const string Page = "/exports";
    public static string Download(int id) => Portaali.Web.Exports.ExportDownloadEndpoint.PathOf(id);
}
