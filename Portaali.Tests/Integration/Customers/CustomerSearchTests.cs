using Portaali.Core.Common;
using Portaali.Core.Customers;
using Portaali.Core.Users;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Customers;

public class CustomerSearchTests : HarnessTest
{
    private Task<PagedResult<CustomerRow>> Search(string? text, bool includePassive = false) =>
        H.Customers.SearchAsync(new CustomerQuery { Text = text, IncludePassive = includePassive });

    private static IEnumerable<string> Names(PagedResult<CustomerRow> result) => result.Items.Select(r => r.Name);

    private async Task SeedSmallBaseAsync()
    {
        await H.AddCustomerAsync("Espoon Sähkötyö Oy", "0737546-2", "049");
        var bakery = await H.AddCustomerAsync("Vantaan Leipomo Oy", "0112038-9", "092");
        await H.AddContactAsync(bakery.Id, "Päivi", "Hämäläinen");
        await H.AddCustomerAsync("Kukkakauppa Orvokki Ky", "1927400-1", "186"); // Järvenpää
        await H.AddCustomerAsync("Lopettanut Sähkö Oy", null, "091", passive: true);
        await H.AddCustomerAsync("Ahosen Logistiikka Oy", null, "091",
            configure: c => c.ExternalNumbers.Add(new ExternalNumber { System = "TOP", Number = "TOP-10042" }));
    }

    [Theory]
    [InlineData("sähkö")]
    [InlineData("SÄHKÖTYÖ")]
    [InlineData("espoon sÄhkÖ")]
    [InlineData("  Sähkötyö ")]
    public async Task Name_fragment_finds_customer_regardless_of_case_including_scandinavian_letters(string text)
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        await SeedSmallBaseAsync();

        Assert.Equal(["Espoon Sähkötyö Oy"], Names(await Search(text)));
    }

    [Theory]
    [InlineData("0737546-2")]
    [InlineData("737546-2")] // typed without the leading zero
    [InlineData("07375462")]
    public async Task Business_id_finds_its_customer(string text)
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        await SeedSmallBaseAsync();

        var row = Assert.Single((await Search(text)).Items);
        Assert.Equal("Espoon Sähkötyö Oy", row.Name);
        Assert.Equal("Espoo", row.MunicipalityName);
    }

    [Theory]
    [InlineData("Järvenpää")]
    [InlineData("järvenpää")]
    [InlineData("JÄRVEN")]
    public async Task Municipality_name_finds_customers_located_there(string text)
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        await SeedSmallBaseAsync();

        Assert.Equal(["Kukkakauppa Orvokki Ky"], Names(await Search(text)));
    }

    [Theory]
    [InlineData("hämäläinen")]
    [InlineData("Päivi Hämäläinen")]
    [InlineData("Hämäläinen Päivi")] // surname first, as Finns often write it
    public async Task Contact_name_finds_the_customer_the_contact_works_for(string text)
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        await SeedSmallBaseAsync();

        Assert.Equal(["Vantaan Leipomo Oy"], Names(await Search(text)));
    }

    [Fact]
    public async Task Words_of_a_name_match_in_any_order_but_all_must_match()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        await SeedSmallBaseAsync();

        Assert.Equal(["Vantaan Leipomo Oy"], Names(await Search("leipomo vantaan")));
        Assert.Empty(Names(await Search("leipomo orvokki")));
    }

    [Fact]
    public async Task External_customer_number_finds_its_customer()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        await SeedSmallBaseAsync();

        Assert.Equal(["Ahosen Logistiikka Oy"], Names(await Search("TOP-10042")));
    }

    [Fact]
    public async Task Passive_customers_are_hidden_unless_asked_for()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        await SeedSmallBaseAsync();

        Assert.Equal(["Espoon Sähkötyö Oy"], Names(await Search("sähkö")));

        var withPassive = await Search("sähkö", includePassive: true);
        Assert.Equal(["Espoon Sähkötyö Oy", "Lopettanut Sähkö Oy"], Names(withPassive));
        Assert.True(withPassive.Items.Single(r => r.Name == "Lopettanut Sähkö Oy").IsPassive);
        Assert.Equal(4, (await Search(null)).TotalCount);
        Assert.Equal(5, (await Search(null, includePassive: true)).TotalCount);
    }

    [Fact]
    public async Task Paging_returns_the_asked_page_and_the_total_count()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        for (var i = 30; i >= 1; i--) await H.AddCustomerAsync($"Asiakas {i:00} Oy");
        await H.AddCustomerAsync("Muu Yritys Oy");

        var page = await H.Customers.SearchAsync(new CustomerQuery { Text = "asiakas", Page = 1, PageSize = 10 });

        Assert.Equal(30, page.TotalCount);
        Assert.Equal(Enumerable.Range(11, 10).Select(i => $"Asiakas {i:00} Oy"), Names(page));

        var last = await H.Customers.SearchAsync(new CustomerQuery { Text = "asiakas", Page = 2, PageSize = 10, Descending = true });
        Assert.Equal(Enumerable.Range(1, 10).Reverse().Select(i => $"Asiakas {i:00} Oy"), Names(last));
    }

    [Fact]
    public async Task Sorting_by_revenue_puts_the_largest_first_when_descending()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        await H.AddCustomerAsync("Pieni Oy", configure: c => c.Revenue = 100_000m);
        await H.AddCustomerAsync("Suuri Oy", configure: c => c.Revenue = 9_000_000m);
        await H.AddCustomerAsync("Keskikokoinen Oy", configure: c => c.Revenue = 2_000_000m);

        // In Finnish, as the app runs: EF Core's decimal ordering parsed "9000000.0" with the fi-FI culture inside SQLite
        // and the exception ended the whole server process.
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("fi-FI");
        try
        {
            var result = await H.Customers.SearchAsync(new CustomerQuery { SortBy = CustomerSort.Revenue, Descending = true });
            Assert.Equal(["Suuri Oy", "Keskikokoinen Oy", "Pieni Oy"], Names(result));
            var ascending = await H.Customers.SearchAsync(new CustomerQuery { SortBy = CustomerSort.Revenue });
            Assert.Equal(["Pieni Oy", "Keskikokoinen Oy", "Suuri Oy"], Names(ascending));
        }
        finally { System.Globalization.CultureInfo.CurrentCulture = previous; }
    }

    [Fact]
    public async Task Sorting_by_municipality_follows_the_municipality_names_users_see()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        await H.AddCustomerAsync("Ensimmäinen Oy", municipalityCode: "092"); // Vantaa
        await H.AddCustomerAsync("Toinen Oy", municipalityCode: "106");      // Hyvinkää
        await H.AddCustomerAsync("Kolmas Oy", municipalityCode: "049");      // Espoo
        await H.AddCustomerAsync("Neljäs Oy", municipalityCode: "837");      // Tampere

        var ascending = await H.Customers.SearchAsync(new CustomerQuery { SortBy = CustomerSort.Municipality });
        var descending = await H.Customers.SearchAsync(new CustomerQuery { SortBy = CustomerSort.Municipality, Descending = true });

        Assert.Equal(["Espoo", "Hyvinkää", "Tampere", "Vantaa"], ascending.Items.Select(r => r.MunicipalityName));
        Assert.Equal(["Vantaa", "Tampere", "Hyvinkää", "Espoo"], descending.Items.Select(r => r.MunicipalityName));
    }

    [Fact]
    public async Task Only_mine_lists_just_the_customers_the_signed_in_user_is_responsible_for()
    {
        var minna = await H.CreateUserAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var janne = await H.CreateUserAsync(UserGroup.AccountManager, "Janne Koskela");
        var first = await H.AddCustomerAsync("Espoon Sähkötyö Oy");
        var second = await H.AddCustomerAsync("Vantaan Leipomo Oy");
        var janneOnly = await H.AddCustomerAsync("Keravan Konepaja Oy");
        await H.AddCustomerAsync("Kenenkään Oy");
        await H.AddResponsibleAsync(first.Id, minna.Id);
        await H.AddResponsibleAsync(second.Id, minna.Id);
        await H.AddResponsibleAsync(second.Id, janne.Id);
        await H.AddResponsibleAsync(janneOnly.Id, janne.Id);

        H.SignInAs(minna);
        var mine = await H.Customers.SearchAsync(new CustomerQuery { OnlyMine = true });
        Assert.Equal(["Espoon Sähkötyö Oy", "Vantaan Leipomo Oy"], Names(mine));
        Assert.Equal(2, mine.TotalCount);

        H.SignInAs(janne);
        Assert.Equal(["Keravan Konepaja Oy", "Vantaan Leipomo Oy"], Names(await H.Customers.SearchAsync(new CustomerQuery { OnlyMine = true })));
    }

    [Fact]
    public async Task Searching_without_signing_in_is_refused()
    {
        await H.AddCustomerAsync("Espoon Sähkötyö Oy");
        await Assert.ThrowsAsync<ForbiddenException>(() => Search("sähkö"));
    }
}
