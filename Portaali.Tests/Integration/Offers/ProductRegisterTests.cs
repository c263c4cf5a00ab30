using Microsoft.EntityFrameworkCore;
using Portaali.Core.Common;
using Portaali.Core.Offers;
using Portaali.Core.Users;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Offers;

public class ProductRegisterTests : HarnessTest
{
    private async Task<int> AddGroupAsync(string fi = "Logistiikka", string en = "Logistics") =>
        await H.Products.CreateGroupAsync(new ProductGroupEdit { NameFi = fi, NameEn = en });

    private async Task<int> AddProductAsync(int groupId, string fi, string en, decimal price = 180m, decimal vat = 0m, params int[] people) =>
        await H.Products.CreateAsync(new ProductEdit { GroupId = groupId, NameFi = fi, NameEn = en, ListPrice = price, VatRate = vat, ResponsibleIds = [.. people] });

    private async Task<int> OfferWithProductAsync(int productId, int times = 1)
    {
        var customer = await H.AddCustomerAsync($"Vantaan Kuljetus {Guid.NewGuid():N} Oy");
        await H.SignInAsAsync(UserGroup.AccountManager);
        var edit = await H.Offers.NewAsync(customer.Id);
        edit.Title = "Trukkikortit varastolle";
        edit.Lines = Enumerable.Range(0, times).Select(_ => new OfferLineEdit { ProductId = productId, Quantity = 4, UnitPrice = 180m }).ToList();
        return await H.Offers.CreateAsync(customer.Id, edit);
    }

    [Fact]
    public async Task Only_administrators_and_the_product_manager_keep_the_register()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        await Assert.ThrowsAsync<ForbiddenException>(() => AddGroupAsync());
        await Assert.ThrowsAsync<ForbiddenException>(() => H.Products.ListForAdminAsync());

        await H.SignInAsAsync(UserGroup.ProductManager);
        var group = await AddGroupAsync();
        var product = await AddProductAsync(group, "Trukinkuljettajan koulutus", "Forklift driver training");

        await H.SignInAsAsync(UserGroup.Management);
        await Assert.ThrowsAsync<ForbiddenException>(() => H.Products.GetForEditAsync(product));
        await Assert.ThrowsAsync<ForbiddenException>(() => H.Products.SetRetiredAsync(product, Guid.Empty, true));

        await H.SignInAsAsync(UserGroup.DeputyAdministrator);
        var row = Assert.Single(Assert.Single(await H.Products.ListForAdminAsync()).Products);
        Assert.Equal(("Trukinkuljettajan koulutus", "Forklift driver training", 180m, false), (row.NameFi, row.NameEn, row.ListPrice, row.IsRetired));
        await H.SignInAsAsync(UserGroup.AccountManager);
        Assert.Equal(["Trukinkuljettajan koulutus"], (await H.Products.ListForOfferAsync()).Select(p => p.NameFi));
    }

    [Fact]
    public async Task A_retired_product_stays_on_its_old_offer_but_no_new_line_can_choose_it()
    {
        await H.SignInAsAsync(UserGroup.ProductManager);
        var product = await AddProductAsync(await AddGroupAsync(), "Trukinkuljettajan koulutus", "Forklift driver training");
        var offerId = await OfferWithProductAsync(product);
        await H.SignInAsAsync(UserGroup.ProductManager);
        var version = (await H.Products.GetForEditAsync(product)).Version!.Value;

        await H.Products.SetRetiredAsync(product, version, retired: true);

        await H.SignInAsAsync(UserGroup.AccountManager);
        Assert.Empty(await H.Products.ListForOfferAsync());
        var old = await H.Offers.GetAsync(offerId);
        Assert.Equal(product, Assert.Single(old.Lines).ProductId);
        Assert.Equal(720m, old.Total);
        var customer = await H.AddCustomerAsync("Keravan Varasto Oy");
        var edit = await H.Offers.NewAsync(customer.Id);
        edit.Title = "Uusi tarjous";
        edit.Lines = [new OfferLineEdit { ProductId = product, Quantity = 1, UnitPrice = 180m }];
        using (UiCulture.Finnish())
        {
            var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => H.Offers.CreateAsync(customer.Id, edit));
            Assert.Contains("Tuote ”Trukinkuljettajan koulutus” on poistettu käytöstä", refused.Message);
        }
    }

    [Fact]
    public async Task A_product_on_an_offer_cannot_be_deleted_only_retired_and_an_unused_one_can()
    {
        await H.SignInAsAsync(UserGroup.Administrator);
        var group = await AddGroupAsync();
        var used = await AddProductAsync(group, "Trukinkuljettajan koulutus", "Forklift driver training");
        var typo = await AddProductAsync(group, "Trukinkuljetajan koulutus", "Forklfit training");
        await OfferWithProductAsync(used);
        await H.SignInAsAsync(UserGroup.Administrator);

        using (UiCulture.Finnish())
        {
            var refused = await Assert.ThrowsAsync<DomainException>(async () =>
                await H.Products.DeleteAsync(used, (await H.Products.GetForEditAsync(used)).Version!.Value));
            Assert.Equal("Tuote on tarjouksilla (1), joten sitä ei voi poistaa. Poista se käytöstä; vanhat tarjoukset säilyvät ennallaan.", refused.Message);
        }
        await H.Products.DeleteAsync(typo, (await H.Products.GetForEditAsync(typo)).Version!.Value);

        Assert.Equal([used], Assert.Single(await H.Products.ListForAdminAsync()).Products.Select(p => p.Id));
    }

    [Fact]
    public async Task A_field_with_products_cannot_be_deleted_only_retired_which_hides_its_products_from_new_lines()
    {
        await H.SignInAsAsync(UserGroup.ProductManager);
        var logistics = await AddGroupAsync();
        var empty = await AddGroupAsync("Kielet ja kotoutuminen", "Language and integration");
        var product = await AddProductAsync(logistics, "Trukinkuljettajan koulutus", "Forklift driver training");

        using (UiCulture.English())
        {
            var refused = await Assert.ThrowsAsync<DomainException>(() => H.Products.DeleteGroupAsync(logistics));
            Assert.Equal("The field of education has products (1), so it cannot be deleted. Retire it instead.", refused.Message);
        }
        await H.Products.DeleteGroupAsync(empty);
        await H.Products.SetGroupRetiredAsync(logistics, retired: true);

        Assert.Empty(await H.Products.ListForOfferAsync());
        var version = (await H.Products.GetForEditAsync(product)).Version!.Value;
        version = await H.Products.SetRetiredAsync(product, version, retired: true);
        using (UiCulture.Finnish())
        {
            var restore = await Assert.ThrowsAsync<DomainException>(() => H.Products.SetRetiredAsync(product, version, retired: false));
            Assert.Equal("Palauta ensin tuotteen koulutusala käyttöön.", restore.Message);
            var added = await Assert.ThrowsAsync<ValidationFailedException>(() => AddProductAsync(logistics, "Uusi", "New"));
            Assert.Equal("Koulutusala on poistettu käytöstä, eikä siihen voi lisätä tuotteita.", Assert.Single(added.Errors).Message);
        }
        await H.Products.SetGroupRetiredAsync(logistics, retired: false);
        await H.Products.SetRetiredAsync(product, version, retired: false);
        Assert.Equal([product], (await H.Products.ListForOfferAsync()).Select(p => p.Id));
        Assert.Equal([logistics], (await H.Products.ListForAdminAsync()).Select(g => g.Id));
    }

    [Fact]
    public async Task Names_are_unique_within_a_field_whatever_the_letter_case_also_for_a_and_o_with_dots()
    {
        await H.SignInAsAsync(UserGroup.ProductManager);
        var languages = await AddGroupAsync("Kielet ja kotoutuminen", "Language and integration");
        var care = await AddGroupAsync("Sosiaali- ja terveysala", "Social and health care");
        await AddProductAsync(languages, "Äidinkielen tuki työpaikalla", "Mother tongue support at work");

        using (UiCulture.Finnish())
        {
            var refused = await Assert.ThrowsAsync<ValidationFailedException>(() =>
                AddProductAsync(languages, "  ÄIDINKIELEN   TUKI työpaikalla ", "Finnish at work"));
            Assert.Equal(("NameFi", "Koulutusalalla on jo tuote ”ÄIDINKIELEN TUKI työpaikalla”."), (refused.Errors[0].Field, refused.Errors[0].Message));
            // "ä" typed as "a" + combining diaeresis is the same letter.
            var decomposed = await Assert.ThrowsAsync<ValidationFailedException>(() =>
                AddProductAsync(languages, "A\u0308idinkielen tuki työpaikalla", "Other"));
            Assert.Equal("NameFi", Assert.Single(decomposed.Errors).Field);
            var english = await Assert.ThrowsAsync<ValidationFailedException>(() => AddProductAsync(languages, "Suomi työssä", "MOTHER TONGUE SUPPORT AT WORK"));
            Assert.Equal("NameEn", Assert.Single(english.Errors).Field);
            var group = await Assert.ThrowsAsync<ValidationFailedException>(() => AddGroupAsync("SOSIAALI- JA TERVEYSALA", "Care"));
            Assert.Equal("Koulutusala ”SOSIAALI- JA TERVEYSALA” on jo olemassa.", Assert.Single(group.Errors).Message);
        }

        // Another field may have a training of the same name, and a product keeps its own name when it is saved again.
        var other = await AddProductAsync(care, "Äidinkielen tuki työpaikalla", "Mother tongue support at work");
        var edit = await H.Products.GetForEditAsync(other);
        edit.ListPrice = 200m;
        await H.Products.UpdateAsync(other, edit);
        Assert.Equal(200m, (await H.Products.GetForEditAsync(other)).ListPrice);
    }

    [Fact]
    public async Task A_product_saved_by_someone_else_in_between_is_not_overwritten()
    {
        await H.SignInAsAsync(UserGroup.ProductManager);
        var product = await AddProductAsync(await AddGroupAsync(), "Trukinkuljettajan koulutus", "Forklift driver training");
        var mine = await H.Products.GetForEditAsync(product);
        var theirs = await H.Products.GetForEditAsync(product);
        theirs.ListPrice = 190m;
        await H.Products.UpdateAsync(product, theirs);

        mine.ListPrice = 250m;
        using (UiCulture.Finnish())
        {
            var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => H.Products.UpdateAsync(product, mine));
            Assert.Equal("Joku muu muutti tuotetta sillä välin. Sulje ja avaa tuote uudelleen.", conflict.Message);
        }
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => H.Products.SetRetiredAsync(product, mine.Version!.Value, true));

        var saved = await H.Products.GetForEditAsync(product);
        Assert.Equal(190m, saved.ListPrice);
        Assert.NotEqual(theirs.Version, saved.Version);
    }

    [Fact]
    public async Task The_register_counts_the_offers_each_product_is_on_and_lists_its_people()
    {
        var kalle = await H.CreateUserAsync(UserGroup.ProductManager, "Kalle Ojala");
        var helena = await H.CreateUserAsync(UserGroup.PedagogicalManager, "Helena Vuorinen");
        H.SignInAs(kalle);
        var group = await AddGroupAsync();
        var forklift = await AddProductAsync(group, "Trukinkuljettajan koulutus", "Forklift driver training", 180m, 0m, helena.Id, kalle.Id);
        var unused = await AddProductAsync(group, "Varastotyön perusteet", "Warehouse basics");
        await OfferWithProductAsync(forklift, times: 2); // twice on one offer is still one offer
        await OfferWithProductAsync(forklift);

        H.SignInAs(kalle);
        var rows = Assert.Single(await H.Products.ListForAdminAsync()).Products.ToDictionary(p => p.Id);

        Assert.Equal(2, rows[forklift].OfferCount);
        Assert.Equal(0, rows[unused].OfferCount);
        Assert.Equal(["Helena Vuorinen", "Kalle Ojala"], rows[forklift].Responsibles.Select(p => p.Name));
        await H.SignInAsAsync(UserGroup.AccountManager);
        Assert.Equal(["Helena Vuorinen", "Kalle Ojala"], (await H.Products.ListForOfferAsync()).Single(p => p.Id == forklift).ResponsibleNames);
    }

    [Fact]
    public async Task Only_active_users_become_content_responsible_and_one_already_named_may_stay()
    {
        var helena = await H.CreateUserAsync(UserGroup.PedagogicalManager, "Helena Vuorinen");
        var leaver = await H.CreateUserAsync(UserGroup.ProjectOperations, "Lähtevä Työntekijä");
        await H.SignInAsAsync(UserGroup.ProductManager);
        var group = await AddGroupAsync();
        var product = await AddProductAsync(group, "Trukinkuljettajan koulutus", "Forklift driver training", 180m, 0m, leaver.Id);
        await using (var db = H.Db()) await db.Users.Where(u => u.Id == leaver.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false));

        var edit = await H.Products.GetForEditAsync(product);
        edit.ResponsibleIds.Add(helena.Id);
        await H.Products.UpdateAsync(product, edit);
        Assert.Equal([helena.Id, leaver.Id], (await H.Products.GetForEditAsync(product)).ResponsibleIds.Order());

        using (UiCulture.Finnish())
        {
            var refused = await Assert.ThrowsAsync<ValidationFailedException>(() =>
                AddProductAsync(group, "Varastotyön perusteet", "Warehouse basics", 100m, 0m, leaver.Id));
            Assert.Equal("Sisältövastaavaksi voi valita vain aktiivisen käyttäjän.", Assert.Single(refused.Errors).Message);
        }
        edit = await H.Products.GetForEditAsync(product);
        edit.ResponsibleIds = [helena.Id];
        await H.Products.UpdateAsync(product, edit);
        Assert.Equal([helena.Id], (await H.Products.GetForEditAsync(product)).ResponsibleIds);
    }

    [Fact]
    public async Task Prices_and_vat_rates_are_checked_in_core_whatever_the_form_sends()
    {
        await H.SignInAsAsync(UserGroup.ProductManager);
        var group = await AddGroupAsync();
        using var _ = UiCulture.English();

        var cents = await Assert.ThrowsAsync<ValidationFailedException>(() => AddProductAsync(group, "Kurssi", "Course", 10.005m));
        Assert.Equal("The list price must be zero or more, with at most two decimals.", Assert.Single(cents.Errors).Message);
        var negative = await Assert.ThrowsAsync<ValidationFailedException>(() => AddProductAsync(group, "Kurssi", "Course", -1m));
        Assert.Equal("ListPrice", Assert.Single(negative.Errors).Field);
        var vat = await Assert.ThrowsAsync<ValidationFailedException>(() => AddProductAsync(group, "Kurssi", "Course", 10m, 101m));
        Assert.Equal("The VAT rate must be 0–100 %, with at most two decimals.", Assert.Single(vat.Errors).Message);
        var blank = await Assert.ThrowsAsync<ValidationFailedException>(() => AddProductAsync(group, " ", "", 10m));
        Assert.Equal(["NameFi", "NameEn"], blank.Errors.Select(e => e.Field));

        var ok = await AddProductAsync(group, "Kokoustila ja tekniikka", "Meeting room and AV", 1234.5m, 25.5m);
        await using var db = H.Db();
        var saved = await db.Products.SingleAsync(p => p.Id == ok);
        Assert.Equal((123450L, 25.5m), (saved.ListPriceCents, saved.VatRate));
    }
}
