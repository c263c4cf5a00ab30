using Portaali.Core.Auditing;
using Portaali.Core.Users;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Auditing;

public class AuditTrailTests : HarnessTest
{
    [Fact]
    public async Task Customer_update_records_each_changed_field_old_and_new_with_the_users_name()
    {
        var minna = await H.CreateUserAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var customer = await H.AddCustomerAsync("Vantaan Leipomo Oy", configure: c => { c.Phone = "09 100 1000"; c.SizeClass = 2; });
        H.SignInAs(minna);
        H.Clock.Advance(TimeSpan.FromHours(2));

        var form = (await H.Customers.GetAsync(customer.Id)).ToEdit();
        form.Phone = "09 111 1111";
        form.Email = "info@vantaanleipomo.fi";
        await H.Customers.UpdateAsync(customer.Id, form);

        var entry = Assert.Single(await H.Customers.GetAuditTrailAsync(customer.Id));
        Assert.Equal(("Minna Lehtonen", "Customer", "Updated"), (entry.UserName, entry.EntityType, entry.Action));
        Assert.Equal(CoreHarness.Now.UtcDateTime.AddHours(2), entry.At);
        Assert.Equal([new FieldChange("Phone", "09 100 1000", "09 111 1111"), new FieldChange("Email", null, "info@vantaanleipomo.fi")],
            entry.Changes);
    }

    [Fact]
    public async Task Saving_without_changes_leaves_no_trail_and_keeps_the_version()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        var customer = await H.AddCustomerAsync("Vantaan Leipomo Oy", configure: c => c.Phone = "09 100 1000");
        var form = (await H.Customers.GetAsync(customer.Id)).ToEdit();
        form.Phone = " 09 100 1000 "; // only whitespace differs

        var version = await H.Customers.UpdateAsync(customer.Id, form);

        Assert.Equal(form.Version, version);
        Assert.Empty(await H.Customers.GetAuditTrailAsync(customer.Id));
    }

    [Fact]
    public async Task Contact_changes_show_in_their_customers_trail_newest_first()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        var customer = await H.AddCustomerAsync("Vantaan Leipomo Oy");
        var contactId = await H.Contacts.CreateAsync(customer.Id, new() { FirstName = "Päivi", LastName = "Hämäläinen" });
        H.Clock.Advance(TimeSpan.FromMinutes(5));
        var form = await H.Contacts.GetForEditAsync(contactId);
        form.HasLeft = true;
        await H.Contacts.UpdateAsync(contactId, form);

        var trail = await H.Customers.GetAuditTrailAsync(customer.Id);

        Assert.Equal([("Contact", "Updated"), ("Contact", "Created")], trail.Select(a => (a.EntityType, a.Action)));
        Assert.Equal(new FieldChange("HasLeft", "0", "1"), Assert.Single(trail[0].Changes));
        Assert.Contains(new FieldChange("LastName", null, "Hämäläinen"), trail[1].Changes);
    }

    [Fact]
    public async Task Changing_responsible_people_records_the_names_before_and_after()
    {
        var minna = await H.CreateUserAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var janne = await H.CreateUserAsync(UserGroup.AccountManager, "Janne Koskela");
        var customer = await H.AddCustomerAsync("Vantaan Leipomo Oy");
        await H.AddResponsibleAsync(customer.Id, minna.Id);
        H.SignInAs(minna);

        await H.Customers.SetResponsiblesAsync(customer.Id, [janne.Id, minna.Id]);

        Assert.Equal(["Janne Koskela", "Minna Lehtonen"], (await H.Customers.GetAsync(customer.Id)).Responsibles.Select(r => r.Name));
        var entry = Assert.Single(await H.Customers.GetAuditTrailAsync(customer.Id));
        Assert.Equal(new FieldChange("Responsibles", "Minna Lehtonen", "Janne Koskela, Minna Lehtonen"), Assert.Single(entry.Changes));
    }
}
