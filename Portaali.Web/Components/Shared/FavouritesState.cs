using Portaali.Core.Customers;
using Portaali.Core.Selections;

namespace Portaali.Web.Components.Shared;

/// <summary>Lets the navigation menu refresh its favourites when a customer page or the selection builder stars or
/// unstars one.</summary>
public class FavouritesState(CustomerService customers, SelectionService selections)
{
    public event Action? Changed;

    public Task<IReadOnlyList<PersonRef>> LoadAsync() => customers.GetFavouritesAsync();

    public async Task<bool> ToggleAsync(int customerId)
    {
        var isFavourite = await customers.ToggleFavouriteAsync(customerId);
        Changed?.Invoke();
        return isFavourite;
    }

    public Task<IReadOnlyList<SelectionSummary>> LoadSelectionsAsync() => selections.FavouritesAsync();

    public async Task<bool> ToggleSelectionAsync(int selectionId)
    {
        var isFavourite = await selections.ToggleFavouriteAsync(selectionId);
        Changed?.Invoke();
        return isFavourite;
    }

    /// <summary>A selection was saved, renamed or deleted: the menu's names may have changed.</summary>
    public void NotifyChanged() => Changed?.Invoke();
}
