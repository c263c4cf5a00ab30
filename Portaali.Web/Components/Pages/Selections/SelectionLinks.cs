using Portaali.Core.Selections;

namespace Portaali.Web.Components.Pages.Selections;

/// <summary>Where a saved selection or list opens: a dynamic selection in the builder, a static list on its own page.</summary>
public static class SelectionLinks
{
    public static string Open(SelectionSummary selection) => Open(selection.Id, selection.Kind);

    public static string Open(int id, SelectionKind kind) => kind == SelectionKind.Static ? $"/lists/{id}" : $"/selections/{id}";
}
