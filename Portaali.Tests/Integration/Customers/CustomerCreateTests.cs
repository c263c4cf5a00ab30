using Microsoft.EntityFrameworkCore;
using Portaali.Core.Common;
using Portaali.Core.Customers;
using Portaali.Core.Segments;
using Portaali.Core.Users;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Customers;

public class CustomerCreateTests : HarnessTest
{
    [Fact]
    public async Task New_customer_is_stored_cleaned_in_segment_c_with_its_creator_responsible()
    {
        var minna = await H.SignInAsAsync(UserGroup.AccountManager);
        using var _ = UiCulture.Finnish();

        var id = await H.Customers.CreateAsync(new CustomerEdit
        {
            Name = "  Espoon Sähkötyö Oy ", BusinessId = "737546-2", MunicipalityCode = "049", Phone = " 09 123 4567 ",
            Email = "", VisitingStreet = "Tekniikantie 1", VisitingCity = "Espoo", SizeClass = 3,
        });

        var customer = await H.Customers.GetAsync(id);
        Assert.Equal("Espoon Sähkötyö Oy", customer.Name);
        Assert.Equal("0737546-2", customer.BusinessId);
        Assert.Equal("09 123 4567", customer.Phone);
        Assert.Null(customer.Email);
        Assert.Equal("Espoo", customer.MunicipalityName);
        Assert.Equal("Uusimaa", customer.Region);
        Assert.Equal(Segment.C, customer.Segment);
        Assert.Equal(minna.DisplayName, Assert.Single(customer.Responsibles).Name);
        var history = Assert.Single(customer.SegmentHistory);
        Assert.Equal(("Uusi asiakas", minna.DisplayName), (history.Reason, history.ChangedBy));

        // The search column is lower-cased so that ä/ö searches work in SQLite.
        await using var db = H.Db();
        Assert.Equal("espoon sähkötyö oy", (await db.Customers.SingleAsync()).NameSearch);
    }

    [Fact]
    public async Task Invalid_customer_is_refused_with_every_field_error_and_nothing_is_stored()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        using var _ = UiCulture.Finnish();

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            H.Customers.CreateAsync(new CustomerEdit { Name = "", BusinessId = "0737546-3", SizeClass = 10 }));

        Assert.Equal(["Name", "BusinessId", "SizeClass"], error.Errors.Select(e => e.Field));
        Assert.Contains("Nimi on pakollinen.", error.Message);
        await using var db = H.Db();
        Assert.False(await db.Customers.AnyAsync());
    }

    [Fact]
    public async Task Opening_a_customer_that_does_not_exist_says_so()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        using var _ = UiCulture.Finnish();

        var error = await Assert.ThrowsAsync<NotFoundException>(() => H.Customers.GetAsync(999));
        Assert.StartsWith("Asiakasta ei löytynyt", error.Message);
    }
}
