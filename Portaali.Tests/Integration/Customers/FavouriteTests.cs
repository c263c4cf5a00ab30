using Portaali.Core.Customers;
using Portaali.Core.Users;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Customers;

public class FavouriteTests : HarnessTest
{
    [Fact]
    public async Task Toggling_adds_a_favourite_and_toggling_again_removes_it()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        var customer = await H.AddCustomerAsync("Vantaan Leipomo Oy");

        Assert.True(await H.Customers.ToggleFavouriteAsync(customer.Id));
        Assert.Equal([new PersonRef(customer.Id, "Vantaan Leipomo Oy")], await H.Customers.GetFavouritesAsync());
        Assert.True((await H.Customers.GetAsync(customer.Id)).IsFavourite);

        Assert.False(await H.Customers.ToggleFavouriteAsync(customer.Id));
        Assert.Empty(await H.Customers.GetFavouritesAsync());
        Assert.False((await H.Customers.GetAsync(customer.Id)).IsFavourite);
    }

    [Fact]
    public async Task Favourites_are_listed_by_name_and_belong_to_their_user()
    {
        var minna = await H.CreateUserAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var janne = await H.CreateUserAsync(UserGroup.AccountManager, "Janne Koskela");
        var bakery = await H.AddCustomerAsync("Vantaan Leipomo Oy");
        var electric = await H.AddCustomerAsync("Espoon Sähkötyö Oy");
        var garage = await H.AddCustomerAsync("Keravan Autokorjaamo Oy");

        H.SignInAs(minna);
        await H.Customers.ToggleFavouriteAsync(bakery.Id);
        await H.Customers.ToggleFavouriteAsync(electric.Id);
        H.SignInAs(janne);
        await H.Customers.ToggleFavouriteAsync(garage.Id);

        H.SignInAs(minna);
        Assert.Equal(["Espoon Sähkötyö Oy", "Vantaan Leipomo Oy"], (await H.Customers.GetFavouritesAsync()).Select(f => f.Name));
        Assert.False((await H.Customers.GetAsync(garage.Id)).IsFavourite);
        H.SignInAs(janne);
        Assert.Equal(["Keravan Autokorjaamo Oy"], (await H.Customers.GetFavouritesAsync()).Select(f => f.Name));
    }
}
