using Microsoft.EntityFrameworkCore;
using Portaali.Core.Classifications;
using Portaali.Core.Common;
using Portaali.Core.Contacts;
using Portaali.Core.Users;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Contacts;

public class ContactTests : HarnessTest
{
    [Fact]
    public async Task New_contact_is_stored_cleaned_and_shown_on_its_customer()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        var customer = await H.AddCustomerAsync("Vantaan Leipomo Oy");

        var id = await H.Contacts.CreateAsync(customer.Id, new ContactEdit
        {
            FirstName = " Päivi ", LastName = "Hämäläinen ", Title = "Toimitusjohtaja", Phone = "040 123 4567", Email = " ",
        });

        var row = Assert.Single((await H.Customers.GetAsync(customer.Id)).Contacts);
        Assert.Equal((id, "Päivi Hämäläinen", "Toimitusjohtaja", (string?)null), (row.Id, row.FullName, row.Title, row.Email));
        Assert.Equal(["Vantaan Leipomo Oy"], (await H.Customers.SearchAsync(new() { Text = "PÄIVI häm" })).Items.Select(r => r.Name));
    }

    [Fact]
    public async Task Contacts_who_left_are_listed_after_the_current_ones()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        var customer = await H.AddCustomerAsync("Vantaan Leipomo Oy");
        await H.AddContactAsync(customer.Id, "Aino", "Aaltonen", c => c.HasLeft = true);
        await H.AddContactAsync(customer.Id, "Ville", "Virtanen");
        await H.AddContactAsync(customer.Id, "Kari", "Korhonen");

        Assert.Equal(["Kari Korhonen", "Ville Virtanen", "Aino Aaltonen"],
            (await H.Customers.GetAsync(customer.Id)).Contacts.Select(c => c.FullName));
    }

    [Fact]
    public async Task Contact_role_is_shown_with_the_contact()
    {
        await H.SignInAsAsync(UserGroup.Administrator);
        var customer = await H.AddCustomerAsync("Vantaan Leipomo Oy");
        var contact = await H.AddContactAsync(customer.Id, "Päivi", "Hämäläinen");
        var roles = await H.Classifications.AddNodeAsync(ClassificationTarget.Contact, null, "Yhteyshenkilön rooli");
        var decisionMaker = await H.Classifications.AddNodeAsync(ClassificationTarget.Contact, roles, "Päättäjä");

        await H.Classifications.AssignToContactAsync(contact.Id, decisionMaker);

        Assert.Equal(["Päättäjä"], Assert.Single((await H.Customers.GetAsync(customer.Id)).Contacts).Roles);
        Assert.Equal("Yhteyshenkilön rooli › Päättäjä",
            Assert.Single(await H.Classifications.GetContactClassificationsAsync(contact.Id)).Path);
    }

    [Fact]
    public async Task Invalid_contact_is_refused_and_not_stored()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        using var _ = UiCulture.Finnish();
        var customer = await H.AddCustomerAsync("Vantaan Leipomo Oy");

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            H.Contacts.CreateAsync(customer.Id, new ContactEdit { FirstName = "Päivi", LastName = "", Email = "paivi@" }));

        Assert.Equal(["LastName", "Email"], error.Errors.Select(e => e.Field));
        Assert.Empty((await H.Customers.GetAsync(customer.Id)).Contacts);
    }

    [Fact]
    public async Task Second_of_two_users_editing_the_same_contact_gets_a_conflict_and_the_first_save_stays()
    {
        var minna = await H.CreateUserAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var janne = await H.CreateUserAsync(UserGroup.AccountManager, "Janne Koskela");
        var customer = await H.AddCustomerAsync("Vantaan Leipomo Oy");
        var contact = await H.AddContactAsync(customer.Id, "Päivi", "Hämäläinen");
        using var _ = UiCulture.Finnish();

        H.SignInAs(minna);
        var minnasForm = await H.Contacts.GetForEditAsync(contact.Id);
        H.SignInAs(janne);
        var jannesForm = await H.Contacts.GetForEditAsync(contact.Id);

        H.SignInAs(minna);
        minnasForm.Title = "Toimitusjohtaja";
        await H.Contacts.UpdateAsync(contact.Id, minnasForm);

        H.SignInAs(janne);
        jannesForm.Title = "Myyntipäällikkö";
        var error = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => H.Contacts.UpdateAsync(contact.Id, jannesForm));

        Assert.Equal("Joku muu tallensi tämän yhteyshenkilön sillä välin. Lataa tiedot uudelleen ja tee muutoksesi sitten.", error.Message);
        Assert.Equal("Toimitusjohtaja", (await H.Contacts.GetForEditAsync(contact.Id)).Title);
    }

    [Fact]
    public async Task Contact_save_that_lands_between_loading_and_saving_is_not_overwritten()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        var customer = await H.AddCustomerAsync("Vantaan Leipomo Oy");
        var contact = await H.AddContactAsync(customer.Id, "Päivi", "Hämäläinen");
        var form = await H.Contacts.GetForEditAsync(contact.Id);
        form.Title = "Myyntipäällikkö";

        H.Clock.OnNextRead(() =>
        {
            using var other = H.Db();
            var row = other.Contacts.Single(c => c.Id == contact.Id);
            row.Title = "Toimitusjohtaja";
            row.Version = Guid.NewGuid();
            other.SaveChanges();
        });

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => H.Contacts.UpdateAsync(contact.Id, form));
        await using var db = H.Db();
        Assert.Equal("Toimitusjohtaja", (await db.Contacts.SingleAsync()).Title);
    }
}
