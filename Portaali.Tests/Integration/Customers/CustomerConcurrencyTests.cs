using Microsoft.EntityFrameworkCore;
using Portaali.Core.Common;
using Portaali.Core.Users;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Customers;

public class CustomerConcurrencyTests : HarnessTest
{
    [Fact]
    public async Task Second_of_two_users_editing_the_same_customer_gets_a_conflict_and_the_first_save_stays()
    {
        var minna = await H.CreateUserAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var janne = await H.CreateUserAsync(UserGroup.AccountManager, "Janne Koskela");
        var customer = await H.AddCustomerAsync("Vantaan Leipomo Oy", configure: c => c.Phone = "09 100 1000");
        using var _ = UiCulture.Finnish();

        H.SignInAs(minna);
        var minnasForm = (await H.Customers.GetAsync(customer.Id)).ToEdit();
        H.SignInAs(janne);
        var jannesForm = (await H.Customers.GetAsync(customer.Id)).ToEdit();

        H.SignInAs(minna);
        minnasForm.Phone = "09 111 1111";
        await H.Customers.UpdateAsync(customer.Id, minnasForm);

        H.SignInAs(janne);
        jannesForm.Phone = "09 222 2222";
        var error = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => H.Customers.UpdateAsync(customer.Id, jannesForm));

        Assert.Equal("Joku muu tallensi tämän asiakkaan sillä välin. Lataa tiedot uudelleen ja tee muutoksesi sitten.", error.Message);
        Assert.Equal("09 111 1111", (await H.Customers.GetAsync(customer.Id)).Phone);
        Assert.DoesNotContain(await H.Customers.GetAuditTrailAsync(customer.Id), a => a.UserName == "Janne Koskela");
    }

    [Fact]
    public async Task After_reloading_the_second_user_can_save()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        var customer = await H.AddCustomerAsync("Vantaan Leipomo Oy");
        var stale = (await H.Customers.GetAsync(customer.Id)).ToEdit();
        var first = (await H.Customers.GetAsync(customer.Id)).ToEdit();
        first.Email = "info@vantaanleipomo.fi";
        var newVersion = await H.Customers.UpdateAsync(customer.Id, first);
        stale.Phone = "09 222 2222";
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => H.Customers.UpdateAsync(customer.Id, stale));

        var reloaded = (await H.Customers.GetAsync(customer.Id)).ToEdit();
        Assert.Equal(newVersion, reloaded.Version);
        reloaded.Phone = "09 222 2222";
        await H.Customers.UpdateAsync(customer.Id, reloaded);

        var saved = await H.Customers.GetAsync(customer.Id);
        Assert.Equal(("info@vantaanleipomo.fi", "09 222 2222"), (saved.Email, saved.Phone));
    }

    [Fact]
    public async Task Save_that_lands_between_loading_and_saving_is_not_overwritten()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        var customer = await H.AddCustomerAsync("Vantaan Leipomo Oy");
        var form = (await H.Customers.GetAsync(customer.Id)).ToEdit();
        form.Phone = "09 222 2222";

        // Another user's save commits after the service checked the version but before it wrote.
        H.Clock.OnNextRead(() =>
        {
            using var other = H.Db();
            var row = other.Customers.Single(c => c.Id == customer.Id);
            row.Phone = "09 111 1111";
            row.Version = Guid.NewGuid();
            other.SaveChanges();
        });

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => H.Customers.UpdateAsync(customer.Id, form));
        await using var db = H.Db();
        Assert.Equal("09 111 1111", (await db.Customers.SingleAsync()).Phone);
    }

    [Fact]
    public async Task Passivation_by_someone_else_makes_an_open_edit_stale()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        var customer = await H.AddCustomerAsync("Vantaan Leipomo Oy");
        var form = (await H.Customers.GetAsync(customer.Id)).ToEdit();
        await H.Customers.PassivateAsync(customer.Id, "Konkurssi");

        form.Phone = "09 222 2222";
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => H.Customers.UpdateAsync(customer.Id, form));
    }
}
