using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Portaali.Web.Components.Shared;

public static class AddressExtensions
{
    /// <summary>
    /// Writes a page's state (a search and its filters) into the address, replacing the history entry, so Back and a
    /// bookmark find it again. Best-effort: a browser that does not answer (a dropped connection) keeps its old address and
    /// the page goes on. <see cref="NavigationManager.NavigateTo(string, bool, bool)"/> cannot be used for this: it sends the
    /// same call without waiting, and a failed call is reported to the circuit, which ends it, beyond any caller's catch.
    /// </summary>
    public static async Task ReplaceQueryInAddressAsync(this NavigationManager navigation, IJSRuntime js,
        IReadOnlyDictionary<string, object?> parameters)
    {
        var uri = navigation.GetUriWithQueryParameters(parameters);
        if (uri == navigation.Uri) return;
        try
        {
            // Blazor's public navigateTo: the same navigation NavigateTo asks for, and the router hears of the new address.
            await js.InvokeVoidAsync("Blazor.navigateTo", uri, new NavigationOptions { ReplaceHistoryEntry = true });
        }
        catch (JSDisconnectedException)
        {
            // The circuit has lost its browser for good; there is no address left to update.
        }
        catch (OperationCanceledException)
        {
            // The browser did not answer in time (the connection dropped), or the circuit is closing.
        }
    }
}
