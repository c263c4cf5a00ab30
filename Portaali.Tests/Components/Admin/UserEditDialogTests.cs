using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using Portaali.Core.Users;
using Portaali.Web.Components.Pages.Admin;

namespace Portaali.Tests.Components.Admin;

public class UserEditDialogTests : ComponentHarness
{
    private Task ClickSaveAsync() => Providers.Find("[data-testid=save-user]").ClickAsync(new MouseEventArgs());

    [Fact]
    public async Task Administrator_adds_a_user_from_user_admin()
    {
        await SignInAsync(UserGroup.Administrator);
        var dialog = await ShowDialogAsync(new DialogParameters<UserEditDialog>());
        Providers.Find("#user-name").Input("Outi Uusi");
        Providers.Find("#user-email").Input("Outi.Uusi@aikuisopisto.fi");

        await ClickSaveAsync();

        var result = await dialog.Result.WaitAsync(TimeSpan.FromSeconds(30));
        var saved = await WithDbAsync(db => db.Users.SingleAsync(u => u.Id == (int)result!.Data!));
        Assert.Equal(("Outi Uusi", "Outi.Uusi@aikuisopisto.fi", UserGroup.AccountManager, true), (saved.DisplayName, saved.Email, saved.Group, saved.IsActive));
    }

    [Fact]
    public async Task An_e_mail_another_user_has_is_shown_on_the_field_and_nothing_is_saved()
    {
        await SignInAsync(UserGroup.Administrator);
        var minna = await AddUserAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var dialog = await ShowDialogAsync(new DialogParameters<UserEditDialog>());
        Providers.Find("#user-name").Input("Toinen Minna");
        Providers.Find("#user-email").Input(minna.Email.ToUpperInvariant());

        await ClickSaveAsync();

        Providers.WaitForAssertion(() => Assert.Contains($"Sähköposti {minna.Email.ToUpperInvariant()} on jo toisella käyttäjällä.", Providers.Markup));
        Assert.False(dialog.Result.IsCompleted);
        Assert.Equal(0, await WithDbAsync(db => db.Users.CountAsync(u => u.DisplayName == "Toinen Minna")));
    }

    [Fact]
    public async Task Empty_name_and_e_mail_show_their_required_messages()
    {
        await SignInAsync(UserGroup.Administrator);
        var dialog = await ShowDialogAsync(new DialogParameters<UserEditDialog>());

        await ClickSaveAsync();

        Providers.WaitForAssertion(() =>
        {
            Assert.Contains("Nimi on pakollinen.", Providers.Markup);
            Assert.Contains("Sähköposti on pakollinen.", Providers.Markup);
        });
        Assert.False(dialog.Result.IsCompleted);
    }

    [Fact]
    public async Task Escape_on_a_typed_new_user_asks_before_the_typing_is_thrown_away()
    {
        await SignInAsync(UserGroup.Administrator);
        var dialog = await ShowDialogAsync(new DialogParameters<UserEditDialog>());
        Providers.Find("#user-name").Input("Outi Uusi");

        _ = Providers.FindComponent<Portaali.Web.Components.Shared.EditDialog>().Instance.OnEscapeAsync();

        Providers.WaitForAssertion(() => Assert.Contains("Hylätäänkö muutokset?", Providers.Markup));
        await Providers.FindAll("button").Single(b => b.TextContent.Trim() == "Jatka muokkausta").ClickAsync(new MouseEventArgs());
        Providers.WaitForAssertion(() => Assert.DoesNotContain("Hylätäänkö muutokset?", Providers.Markup));
        Assert.False(dialog.Result.IsCompleted);
        Assert.Equal("Outi Uusi", Providers.Find("#user-name").GetAttribute("value"));
    }
}
