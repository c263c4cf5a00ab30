using Portaali.Core.Customers;

namespace Portaali.Web.Components.Shared;

/// <summary>Lets the navigation menu refresh its favourites when a customer page stars or unstars one.</summary>
public class FavouritesState(CustomerService customers)
{
    public event Action? Changed;

    public Task<IReadOnlyList<PersonRef>> LoadAsync() => customers.GetFavouritesAsync();

    public async Task<bool> ToggleAsync(int customerId)
    {
        var isFavourite = await customers.ToggleFavouriteAsync(customerId);
        Changed?.Invoke();
        return isFavourite;
    }
}
