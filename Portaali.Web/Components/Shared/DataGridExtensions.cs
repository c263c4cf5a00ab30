using MudBlazor;

namespace Portaali.Web.Components.Shared;

public static class DataGridExtensions
{
    /// <summary>Reloads a server-paged grid after its criteria changed, from the first page: page 2 of the old list is not
    /// what anyone asked for. Moving to the first page loads it by itself.</summary>
    public static Task ReloadFromFirstPageAsync<T>(this MudDataGrid<T> grid)
    {
        if (grid.CurrentPage == 0) return grid.ReloadServerData();
        grid.NavigateTo(Page.First);
        return Task.CompletedTask;
    }
}
