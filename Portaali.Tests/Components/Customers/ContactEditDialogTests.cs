using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using Portaali.Core.Contacts;
using Portaali.Core.Users;
using Portaali.Web.Components.Pages.Customers;

namespace Portaali.Tests.Components.Customers;

public class ContactEditDialogTests : ComponentHarness
{
    private async Task<(int CustomerId, IDialogReference Dialog)> AddContactDialogAsync(ContactEdit? edit = null)
    {
        await SignInAsync(UserGroup.AccountManager);
        var customerId = await AddCustomerAsync("Rakennus Virtanen Oy");
        var dialog = await ShowDialogAsync(new DialogParameters<ContactEditDialog>
        {
            { d => d.CustomerId, customerId }, { d => d.Edit, edit ?? new ContactEdit() },
        });
        return (customerId, dialog);
    }

    private Task ClickSaveAsync() => Providers.Find("[data-testid=save-contact]").ClickAsync(new MouseEventArgs());

    private Task<int> ContactCountAsync() => WithDbAsync(db => db.Contacts.CountAsync());

    [Fact]
    public async Task Empty_first_and_last_name_show_their_required_messages_and_nothing_is_saved()
    {
        var (_, dialog) = await AddContactDialogAsync();

        await ClickSaveAsync();

        Providers.WaitForAssertion(() =>
        {
            Assert.Contains("Etunimi on pakollinen.", Providers.Markup);
            Assert.Contains("Sukunimi on pakollinen.", Providers.Markup);
        });
        Assert.Equal(0, await ContactCountAsync());
        Assert.False(dialog.Result.IsCompleted);
    }

    [Fact]
    public async Task Only_the_missing_name_is_reported()
    {
        var (_, dialog) = await AddContactDialogAsync();
        Providers.Find("#contact-firstname").Input("Maija");

        await ClickSaveAsync();

        Providers.WaitForAssertion(() => Assert.Contains("Sukunimi on pakollinen.", Providers.Markup));
        Assert.DoesNotContain("Etunimi on pakollinen.", Providers.Markup);
        Assert.Equal(0, await ContactCountAsync());
        Assert.False(dialog.Result.IsCompleted);
    }

    [Fact]
    public async Task Malformed_email_shows_the_email_message_and_nothing_is_saved()
    {
        var (_, dialog) = await AddContactDialogAsync(new ContactEdit { FirstName = "Maija", LastName = "Virtanen" });
        Providers.Find("#contact-email").Input("maija.virtanen@");

        await ClickSaveAsync();

        Providers.WaitForAssertion(() => Assert.Contains("Sähköpostiosoite ei ole kelvollinen", Providers.Markup));
        Assert.Equal(0, await ContactCountAsync());
        Assert.False(dialog.Result.IsCompleted);
    }

    [Fact]
    public async Task Valid_contact_is_saved_for_the_customer()
    {
        var (customerId, dialog) = await AddContactDialogAsync(new ContactEdit { FirstName = "Maija", LastName = "Virtanen" });
        Providers.Find("#contact-email").Input("maija.virtanen@virtanen.fi");

        await ClickSaveAsync();

        var result = await dialog.Result.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(result!.Canceled);
        var saved = await WithDbAsync(db => db.Contacts.SingleAsync());
        Assert.Equal((customerId, "Maija", "Virtanen", "maija.virtanen@virtanen.fi"), (saved.CustomerId, saved.FirstName, saved.LastName, saved.Email));
    }
}
