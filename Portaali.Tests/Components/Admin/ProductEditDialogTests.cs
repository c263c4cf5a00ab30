using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using Portaali.Core.Customers;
using Portaali.Core.Offers;
using Portaali.Core.Users;
using Portaali.Web.Components.Pages.Admin.Products;

namespace Portaali.Tests.Components.Admin;

public class ProductEditDialogTests : ComponentHarness
{
    private Task ClickSaveAsync() => Providers.Find("[data-testid=save-product]").ClickAsync(new MouseEventArgs());

    private async Task<ProductGroupAdminRow> AddGroupAsync(string fi = "Logistiikka", string en = "Logistics")
    {
        var group = new ProductGroup { NameFi = fi, NameEn = en };
        await WithDbAsync(db => { db.ProductGroups.Add(group); return db.SaveChangesAsync(); });
        return new ProductGroupAdminRow(group.Id, fi, en, false, []);
    }

    private Task<IDialogReference> ShowNewAsync(ProductGroupAdminRow group, params PersonRef[] people) =>
        ShowDialogAsync(new DialogParameters<ProductEditDialog>
        {
            { d => d.Edit, new ProductEdit { GroupId = group.Id } }, { d => d.Groups, [group] }, { d => d.People, people },
        });

    private async Task ChooseAsync<T>(string label, string option)
    {
        var select = Providers.FindComponents<MudSelect<T>>().Single(s => s.Instance.Label == label);
        await Providers.InvokeAsync(select.Instance.OpenMenu);
        Providers.FindAll(".mud-popover-open .mud-list-item").Single(o => o.TextContent.Trim() == option).Click();
    }

    /// <summary>The helper lines under the fields as read on screen (the culture's non-breaking spaces read as spaces).</summary>
    private IEnumerable<string> HelperTexts() =>
        Providers.FindAll(".mud-input-helper-text").Select(e => e.TextContent.Replace('\u00a0', ' ').Replace('\u202f', ' ').Trim());

    private Task<Product> SavedAsync(int id) =>
        WithDbAsync(db => db.Products.AsNoTracking().Include(p => p.Responsibles).SingleAsync(p => p.Id == id));

    [Fact]
    public async Task Product_manager_adds_a_training_typed_the_finnish_way_with_vat_and_a_content_responsible()
    {
        await SignInAsync(UserGroup.ProductManager);
        var helena = await AddUserAsync(UserGroup.PedagogicalManager, "Helena Vuorinen");
        var group = await AddGroupAsync();
        var dialog = await ShowNewAsync(group, new PersonRef(helena.Id, helena.DisplayName));
        Providers.Find("#product-name-fi").Input("Kokoustila ja tekniikka");
        Providers.Find("#product-name-en").Input("Meeting room and AV");
        Providers.Find("#product-price").Input("1 234,50 €");
        Providers.WaitForAssertion(() => Assert.Contains("Tallennetaan: 1 234,50 €", HelperTexts()));
        await ChooseAsync<decimal>("ALV", "25,5 %");
        await ChooseAsync<int>("Sisältövastaavat", "Helena Vuorinen");

        await ClickSaveAsync();

        var result = await dialog.Result.WaitAsync(TimeSpan.FromSeconds(30));
        var saved = await SavedAsync((int)result!.Data!);
        Assert.Equal(("Kokoustila ja tekniikka", "Meeting room and AV", group.Id, 123450L, 25.5m, false),
            (saved.NameFi, saved.NameEn, saved.ProductGroupId, saved.ListPriceCents, saved.VatRate, saved.IsRetired));
        Assert.Equal([helena.Id], saved.Responsibles.Select(r => r.UserId));
    }

    [Fact]
    public async Task In_english_a_comma_groups_thousands_and_the_point_is_the_decimal_point()
    {
        CultureInfo.CurrentCulture = new CultureInfo("en-US");
        CultureInfo.CurrentUICulture = new CultureInfo("en");
        await SignInAsync(UserGroup.Administrator);
        var dialog = await ShowNewAsync(await AddGroupAsync());
        Providers.Find("#product-name-fi").Input("Trukinkuljettajan koulutus");
        Providers.Find("#product-name-en").Input("Forklift driver training");
        Providers.Find("#product-price").Input("1,234.50");
        Providers.WaitForAssertion(() => Assert.Contains("Will be saved as €1,234.50", HelperTexts()));

        await ClickSaveAsync();

        var result = await dialog.Result.WaitAsync(TimeSpan.FromSeconds(30));
        var saved = await SavedAsync((int)result!.Data!);
        Assert.Equal((123450L, 0m), (saved.ListPriceCents, saved.VatRate));
    }

    [Fact]
    public async Task A_price_with_three_decimals_is_shown_on_the_field_and_nothing_is_saved()
    {
        await SignInAsync(UserGroup.ProductManager);
        var dialog = await ShowNewAsync(await AddGroupAsync());
        Providers.Find("#product-name-fi").Input("Ensiapu EA1");
        Providers.Find("#product-name-en").Input("First aid 1");
        Providers.Find("#product-price").Input("12,345");

        await ClickSaveAsync();

        Providers.WaitForAssertion(() => Assert.Contains("”12,345”: enintään 2 desimaalia.", Providers.Markup));
        Assert.False(dialog.Result.IsCompleted);
        Assert.Equal(0, await WithDbAsync(db => db.Products.CountAsync()));
        Assert.Equal("12,345", Providers.Find("#product-price").GetAttribute("value"));
    }

    [Fact]
    public async Task A_name_the_field_already_has_is_shown_on_the_name_and_nothing_is_saved()
    {
        await SignInAsync(UserGroup.ProductManager);
        var group = await AddGroupAsync("Sosiaali- ja terveysala", "Social and health care");
        await WithDbAsync(db =>
        {
            db.Products.Add(new Product { ProductGroupId = group.Id, NameFi = "Ensiapu EA1", NameEn = "First aid 1", ListPriceCents = 18000 });
            return db.SaveChangesAsync();
        });
        var dialog = await ShowNewAsync(group);
        Providers.Find("#product-name-fi").Input("ENSIAPU EA1");
        Providers.Find("#product-name-en").Input("First aid, level 1");
        Providers.Find("#product-price").Input("180");

        await ClickSaveAsync();

        Providers.WaitForAssertion(() => Assert.Contains("Koulutusalalla on jo tuote ”ENSIAPU EA1”.", Providers.Markup));
        Assert.False(dialog.Result.IsCompleted);
        Assert.Equal(1, await WithDbAsync(db => db.Products.CountAsync()));
    }

    [Fact]
    public async Task An_edit_saved_by_someone_else_meanwhile_is_refused_with_a_message_and_the_dialog_stays_open()
    {
        await SignInAsync(UserGroup.ProductManager);
        var group = await AddGroupAsync();
        var product = new Product { ProductGroupId = group.Id, NameFi = "Trukinkuljettajan koulutus", NameEn = "Forklift driver training", ListPriceCents = 18000 };
        await WithDbAsync(db => { db.Products.Add(product); return db.SaveChangesAsync(); });
        var edit = new ProductEdit { GroupId = group.Id, NameFi = product.NameFi, NameEn = product.NameEn, ListPrice = 180m, Version = product.Version };
        var dialog = await ShowDialogAsync(new DialogParameters<ProductEditDialog>
        {
            { d => d.ProductId, product.Id }, { d => d.Edit, edit }, { d => d.Groups, [group] }, { d => d.People, [] },
        });
        Assert.Equal("180", Providers.Find("#product-price").GetAttribute("value"));
        await WithDbAsync(db => db.Products.Where(p => p.Id == product.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ListPriceCents, 19000).SetProperty(p => p.Version, Guid.NewGuid())));
        Providers.Find("#product-price").Input("250");

        await ClickSaveAsync();

        Providers.WaitForAssertion(() => Assert.Contains("Joku muu muutti tuotetta sillä välin.", Providers.Markup));
        Assert.False(dialog.Result.IsCompleted);
        Assert.Equal(19000, (await SavedAsync(product.Id)).ListPriceCents);
    }
}
