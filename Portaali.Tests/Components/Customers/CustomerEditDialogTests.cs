using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portaali.Core.Customers;
using Portaali.Core.Users;
using Portaali.Web.Components.Pages.Customers;

namespace Portaali.Tests.Components.Customers;

public class CustomerEditDialogTests : ComponentHarness
{
    private const string NokiaId = "0737546-2";

    private Task<IDialogReference> AddCustomerDialogAsync(string name = "") =>
        ShowDialogAsync(new DialogParameters<CustomerEditDialog> { { d => d.Edit, new CustomerEdit { Name = name } } });

    private Task ClickSaveAsync() => Providers.Find("[data-testid=save-customer]").ClickAsync(new MouseEventArgs());

    private Task<List<string>> CustomerNamesAsync() =>
        WithDbAsync(db => db.Customers.OrderBy(c => c.Id).Select(c => c.Name).ToListAsync());

    [Fact]
    public async Task Business_id_with_a_wrong_check_digit_is_refused_in_Finnish_and_nothing_is_saved()
    {
        await SignInAsync(UserGroup.AccountManager);
        var dialog = await AddCustomerDialogAsync("Uusi Yritys Oy");

        Providers.Find("#customer-businessid").Input("0737546-3");
        await ClickSaveAsync();

        Providers.WaitForAssertion(() => Assert.Contains("Y-tunnuksen tarkistusmerkki ei täsmää", Providers.Markup));
        Assert.Empty(await CustomerNamesAsync());
        Assert.False(dialog.Result.IsCompleted);
    }

    [Fact]
    public async Task Size_class_12_is_refused_with_the_rule_not_quietly_saved_as_9()
    {
        await SignInAsync(UserGroup.AccountManager);
        var dialog = await AddCustomerDialogAsync("Uusi Yritys Oy");

        Providers.Find("#customer-sizeclass").Change("12");
        await ClickSaveAsync();

        Providers.WaitForAssertion(() => Assert.Contains("Kokoluokka on 0–9 (0 = ei tiedossa).", Providers.Markup));
        Assert.Equal("12", Providers.Find("#customer-sizeclass").GetAttribute("value"));
        Assert.Empty(await CustomerNamesAsync());
        Assert.False(dialog.Result.IsCompleted);
    }

    [Fact]
    public async Task Empty_name_shows_the_required_message_and_nothing_is_saved()
    {
        await SignInAsync(UserGroup.AccountManager);
        var dialog = await AddCustomerDialogAsync();

        await ClickSaveAsync();

        Providers.WaitForAssertion(() => Assert.Contains("Nimi on pakollinen.", Providers.Markup));
        Assert.Empty(await CustomerNamesAsync());
        Assert.False(dialog.Result.IsCompleted);
    }

    [Fact]
    public async Task Existing_business_id_shows_the_possible_duplicate_and_save_anyway_then_creates_the_customer()
    {
        await SignInAsync(UserGroup.AccountManager);
        await AddCustomerAsync("Nokia Oyj", NokiaId, municipalityCode: "049");
        var dialog = await AddCustomerDialogAsync("Nokia Solutions");
        Providers.Find("#customer-businessid").Input(NokiaId);

        await ClickSaveAsync();

        Providers.WaitForAssertion(() =>
        {
            var warning = Providers.Find("[data-testid=duplicates]");
            Assert.Contains("Mahdolliset kaksoiskappaleet", warning.TextContent);
            Assert.Contains("Nokia Oyj", warning.TextContent);
            Assert.Contains(NokiaId, warning.TextContent);
            Assert.Equal("Tallenna silti", Providers.Find("[data-testid=save-customer]").TextContent.Trim());
        });
        Assert.Equal(["Nokia Oyj"], await CustomerNamesAsync());

        await ClickSaveAsync();

        var result = await dialog.Result.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(result!.Canceled);
        Assert.Equal(["Nokia Oyj", "Nokia Solutions"], await CustomerNamesAsync());
        var created = await WithDbAsync(db => db.Customers.SingleAsync(c => c.Name == "Nokia Solutions"));
        Assert.Equal(created.Id, result.Data);
        Assert.Equal(NokiaId, created.BusinessId);
    }

    [Fact]
    public async Task A_new_customer_without_duplicates_is_saved_on_the_first_press()
    {
        await SignInAsync(UserGroup.AccountManager);
        await AddCustomerAsync("Nokia Oyj", NokiaId);
        var dialog = await AddCustomerDialogAsync("Kahvila Aalto Oy");
        Providers.Find("#customer-businessid").Input("0112038-9");

        await ClickSaveAsync();

        var result = await dialog.Result.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(result!.Canceled);
        Assert.Equal(["Nokia Oyj", "Kahvila Aalto Oy"], await CustomerNamesAsync());
    }

    [Fact]
    public async Task Saving_over_someone_elses_newer_save_shows_the_conflict_keeps_their_value_and_saves_after_reload()
    {
        await SignInAsync(UserGroup.AccountManager);
        var id = await AddCustomerAsync("Rakennus Virtanen Oy", NokiaId);
        var customers = Services.GetRequiredService<CustomerService>();
        var loaded = (await customers.GetAsync(id)).ToEdit();
        var dialog = await ShowDialogAsync(new DialogParameters<CustomerEditDialog> { { d => d.Edit, loaded }, { d => d.CustomerId, id } });

        // Someone else saves the same customer after this dialog loaded it.
        var theirs = (await customers.GetAsync(id)).ToEdit();
        theirs.Name = "Virtanen Rakennus Oy";
        await customers.UpdateAsync(id, theirs);

        Providers.Find("#customer-name").Input("Rakennus Virtanen ja Pojat Oy");
        await ClickSaveAsync();

        Providers.WaitForAssertion(() =>
        {
            var conflict = Providers.Find("[data-testid=conflict]");
            Assert.Contains("Joku muu tallensi tämän asiakkaan sillä välin", conflict.TextContent);
            Assert.Equal("Lataa uudelleen", Providers.Find("[data-testid=reload]").TextContent.Trim());
        });
        Assert.False(dialog.Result.IsCompleted);
        Assert.Equal(["Virtanen Rakennus Oy"], await CustomerNamesAsync());

        await Providers.Find("[data-testid=reload]").ClickAsync(new MouseEventArgs());

        Providers.WaitForAssertion(() =>
        {
            Assert.Empty(Providers.FindAll("[data-testid=conflict]"));
            Assert.Equal("Virtanen Rakennus Oy", Providers.Find("#customer-name").GetAttribute("value"));
        });

        Providers.Find("#customer-name").Input("Virtanen Rakennus ja Pojat Oy");
        await ClickSaveAsync();

        var result = await dialog.Result.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(result!.Canceled);
        Assert.Equal(["Virtanen Rakennus ja Pojat Oy"], await CustomerNamesAsync());
    }
}
