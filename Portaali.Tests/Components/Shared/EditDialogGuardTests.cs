using Bunit;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using Portaali.Core.Contacts;
using Portaali.Core.Users;
using Portaali.Web.Components.Pages.Activities;
using Portaali.Web.Components.Pages.Customers;
using Portaali.Web.Components.Shared;

namespace Portaali.Tests.Components.Shared;

/// <summary>Escape, the close button and Cancel ask "Hylätäänkö muutokset?" before an edit dialog throws typed work away,
/// and close at once when nothing was changed.</summary>
public class EditDialogGuardTests : ComponentHarness
{
    private const string Question = "Hylätäänkö muutokset?";

    private async Task<IDialogReference> OpenActivityAsync()
    {
        await SignInAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var dialog = await ShowDialogAsync(new DialogParameters<ActivityDialog>());
        Providers.WaitForAssertion(() => Assert.NotEmpty(Providers.FindAll("#activity-memo")));
        return dialog;
    }

    private Task PressEscapeAsync() =>
        Providers.FindComponent<EditDialog>().Instance.OnEscapeAsync();

    private Task ClickAsync(string buttonText) =>
        Providers.FindAll("button").Single(b => b.TextContent.Trim() == buttonText).ClickAsync(new MouseEventArgs());

    [Fact]
    public async Task Escape_on_a_typed_memo_asks_and_keep_editing_keeps_the_memo_while_discard_closes()
    {
        var dialog = await OpenActivityAsync();
        Providers.Find("#activity-memo").Input("Sovittiin syksyn koulutuksista");

        _ = PressEscapeAsync();

        Providers.WaitForAssertion(() => Assert.Contains(Question, Providers.Markup));
        await ClickAsync("Jatka muokkausta");
        Providers.WaitForAssertion(() => Assert.DoesNotContain(Question, Providers.Markup));
        Assert.False(dialog.Result.IsCompleted);
        Assert.Contains("Sovittiin syksyn koulutuksista", Providers.Find("#activity-memo").GetAttribute("value") ?? Providers.Find("#activity-memo").TextContent);

        _ = PressEscapeAsync();
        Providers.WaitForAssertion(() => Assert.Contains(Question, Providers.Markup));
        await ClickAsync("Hylkää muutokset");

        Assert.True(await dialog.Result.WaitAsync(TimeSpan.FromSeconds(10)) is { Canceled: true });
        Providers.WaitForAssertion(() => Assert.Empty(Providers.FindAll("[data-testid=activity-dialog]")));
    }

    [Fact]
    public async Task Escape_on_an_untouched_dialog_closes_it_without_a_question()
    {
        var dialog = await OpenActivityAsync();

        await PressEscapeAsync();

        Assert.True(await dialog.Result.WaitAsync(TimeSpan.FromSeconds(10)) is { Canceled: true });
        Assert.DoesNotContain(Question, Providers.Markup);
    }

    [Fact]
    public async Task The_close_button_and_cancel_of_a_changed_contact_ask_first()
    {
        await SignInAsync(UserGroup.AccountManager);
        var customerId = await AddCustomerAsync("Rakennus Virtanen Oy");
        var dialog = await ShowDialogAsync(new DialogParameters<ContactEditDialog> { { d => d.CustomerId, customerId }, { d => d.Edit, new ContactEdit() } });
        Providers.WaitForAssertion(() => Assert.NotEmpty(Providers.FindAll("#contact-firstname")));
        Providers.Find("#contact-firstname").Input("Maija");

        // The click's handler waits for the answer, so the test answers without awaiting the click.
        _ = Providers.Find("[data-testid=dialog-close]").ClickAsync(new MouseEventArgs());
        Providers.WaitForAssertion(() => Assert.Contains(Question, Providers.Markup));
        await ClickAsync("Jatka muokkausta");
        Providers.WaitForAssertion(() => Assert.DoesNotContain(Question, Providers.Markup));

        _ = ClickAsync("Peruuta");
        Providers.WaitForAssertion(() => Assert.Contains(Question, Providers.Markup));
        await ClickAsync("Hylkää muutokset");
        Assert.True(await dialog.Result.WaitAsync(TimeSpan.FromSeconds(10)) is { Canceled: true });
    }

    [Fact]
    public async Task The_dialogs_own_escape_and_close_button_no_longer_close_it_unasked()
    {
        await OpenActivityAsync();
        var options = ((IMudDialogInstance)Providers.FindComponent<MudDialogContainer>().Instance).Options;
        Assert.False(options.CloseOnEscapeKey);
        Assert.False(options.CloseButton);
    }
}
