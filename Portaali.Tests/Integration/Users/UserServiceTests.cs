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

    [Fact]
    public async Task Administrator_adds_a_user_who_can_then_sign_in()
    {
        await H.SignInAsAsync(UserGroup.Administrator);

        var id = await H.Users.CreateAsync(new UserEdit { DisplayName = " Outi Uusi ", Email = " Outi.Uusi@Aikuisopisto.fi ", Group = UserGroup.ProductManager });

        var outi = await H.Users.FindActiveAsync(id);
        Assert.Equal(("Outi Uusi", "Outi.Uusi@Aikuisopisto.fi", UserGroup.ProductManager), (outi!.DisplayName, outi.Email, outi.Group));
        Assert.Contains(await H.Users.ListActiveAsync(), u => u.Id == id);
    }

    [Fact]
    public async Task An_e_mail_another_user_has_is_refused_in_any_letter_case()
    {
        await H.SignInAsAsync(UserGroup.Administrator);
        var minna = await H.Users.CreateAsync(new UserEdit { DisplayName = "Minna Lehtonen", Email = "Minna.Lehtonen@aikuisopisto.fi" });
        var other = await H.Users.CreateAsync(new UserEdit { DisplayName = "Toinen Minna", Email = "minna.l@aikuisopisto.fi" });
        using var _ = UiCulture.Finnish();

        var created = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            H.Users.CreateAsync(new UserEdit { DisplayName = "Kopio", Email = "MINNA.LEHTONEN@AIKUISOPISTO.FI" }));
        var edited = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            H.Users.UpdateAsync(other, new UserEdit { DisplayName = "Toinen Minna", Email = "minna.lehtonen@aikuisopisto.fi" }));

        Assert.Equal("Sähköposti MINNA.LEHTONEN@AIKUISOPISTO.FI on jo toisella käyttäjällä.", created.Errors.Single(e => e.Field == "Email").Message);
        Assert.Single(edited.Errors, e => e.Field == "Email");
        // A user keeps their own address when other fields change, in a new letter case too.
        await H.Users.UpdateAsync(minna, new UserEdit { DisplayName = "Minna Lehtonen-Koski", Email = "minna.lehtonen@aikuisopisto.fi", Group = UserGroup.Management });
        var changed = await H.Users.FindActiveAsync(minna);
        Assert.Equal(("Minna Lehtonen-Koski", "minna.lehtonen@aikuisopisto.fi", UserGroup.Management), (changed!.DisplayName, changed.Email, changed.Group));
    }

    [Theory]
    [InlineData("fi", "", "", "Nimi on pakollinen.", "Sähköposti on pakollinen.")]
    [InlineData("en", "Outi", "not-an-address", null, "The e-mail address is not valid (e.g. first.last@company.fi).")]
    public async Task A_user_needs_a_name_and_a_valid_e_mail(string culture, string name, string email, string? nameError, string emailError)
    {
        await H.SignInAsAsync(UserGroup.Administrator);
        using var _ = culture == "fi" ? UiCulture.Finnish() : UiCulture.English();

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => H.Users.CreateAsync(new UserEdit { DisplayName = name, Email = email }));

        Assert.Equal(nameError, error.Errors.SingleOrDefault(e => e.Field == "DisplayName")?.Message);
        Assert.Equal(emailError, error.Errors.Single(e => e.Field == "Email").Message);
    }

    [Fact]
    public async Task Account_manager_cannot_add_users()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        await Assert.ThrowsAsync<ForbiddenException>(() => H.Users.CreateAsync(new UserEdit { DisplayName = "Outi", Email = "outi@x.fi" }));
    }
}
