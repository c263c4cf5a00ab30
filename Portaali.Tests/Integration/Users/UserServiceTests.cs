using Portaali.Core.Common;
using Portaali.Core.Users;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Users;

public class UserServiceTests : HarnessTest
{
    [Fact]
    public async Task Administrator_sees_a_users_responsible_customers_by_name()
    {
        var minna = await H.CreateUserAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var bakery = await H.AddCustomerAsync("Vantaan Leipomo Oy");
        var electric = await H.AddCustomerAsync("Espoon Sähkötyö Oy");
        await H.AddCustomerAsync("Keravan Autokorjaamo Oy");
        await H.SignInAsAsync(UserGroup.Administrator);

        await H.Users.AddResponsibilityAsync(minna.Id, bakery.Id);
        await H.Users.AddResponsibilityAsync(minna.Id, electric.Id);
        await H.Users.AddResponsibilityAsync(minna.Id, electric.Id); // twice is harmless

        Assert.Equal(["Espoon Sähkötyö Oy", "Vantaan Leipomo Oy"], (await H.Users.GetResponsibleCustomersAsync(minna.Id)).Select(c => c.Name));
        Assert.Equal(2, (await H.Users.ListAllAsync()).Single(u => u.Id == minna.Id).ResponsibleCount);

        await H.Users.RemoveResponsibilityAsync(minna.Id, bakery.Id);
        Assert.Equal(["Espoon Sähkötyö Oy"], (await H.Users.GetResponsibleCustomersAsync(minna.Id)).Select(c => c.Name));
    }

    [Fact]
    public async Task Account_manager_cannot_administer_users()
    {
        var minna = await H.SignInAsAsync(UserGroup.AccountManager);

        await Assert.ThrowsAsync<ForbiddenException>(() => H.Users.ListAllAsync());
        await Assert.ThrowsAsync<ForbiddenException>(() => H.Users.UpdateAsync(minna.Id, UserGroup.Administrator, true));
        Assert.Equal(UserGroup.AccountManager, (await H.Users.FindActiveAsync(minna.Id))!.Group);
    }

    [Fact]
    public async Task Administrator_cannot_remove_their_own_administrator_rights()
    {
        var sari = await H.SignInAsAsync(UserGroup.Administrator);
        using var _ = UiCulture.Finnish();

        var error = await Assert.ThrowsAsync<DomainException>(() => H.Users.UpdateAsync(sari.Id, UserGroup.Management, true));

        Assert.Equal("Et voi poistaa omia pääkäyttäjän oikeuksiasi.", error.Message);
        Assert.Equal(UserGroup.Administrator, (await H.Users.FindActiveAsync(sari.Id))!.Group);
    }

    [Fact]
    public async Task Deactivated_user_can_no_longer_sign_in()
    {
        var minna = await H.CreateUserAsync(UserGroup.AccountManager, "Minna Lehtonen");
        await H.SignInAsAsync(UserGroup.Administrator);

        await H.Users.UpdateAsync(minna.Id, UserGroup.AccountManager, isActive: false);

        Assert.Null(await H.Users.FindActiveAsync(minna.Id));
        Assert.DoesNotContain(await H.Users.ListActiveAsync(), u => u.Id == minna.Id);
    }
}
