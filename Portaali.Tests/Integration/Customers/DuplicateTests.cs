using Microsoft.EntityFrameworkCore;
using Portaali.Core.Customers;
using Portaali.Core.Users;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Customers;

public class DuplicateTests : HarnessTest
{
    [Theory]
    [InlineData("0737546-2")]
    [InlineData("737546-2")] // typed without the leading zero
    public async Task Same_business_id_is_a_duplicate_wherever_the_customer_is(string typed)
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        var existing = await H.AddCustomerAsync("Nokia Oyj", "0737546-2", "049");

        var found = await H.Customers.FindDuplicatesAsync("Aivan Eri Nimi Oy", typed, "837");

        var candidate = Assert.Single(found);
        Assert.Equal(existing.Id, candidate.Id);
        Assert.Equal(DuplicateReason.SameBusinessId, candidate.Reason);
        Assert.Equal("Espoo", candidate.MunicipalityName);
    }

    [Fact]
    public async Task Similar_name_in_the_same_municipality_is_a_duplicate()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        var existing = await H.AddCustomerAsync("Virtasen Kuljetus Oy", null, "091");
        await H.AddCustomerAsync("Vantaan Leipomo Oy", null, "091");

        var found = await H.Customers.FindDuplicatesAsync("Virtasen Kuljetsu Ky", null, "091");

        var candidate = Assert.Single(found);
        Assert.Equal(existing.Id, candidate.Id);
        Assert.Equal(DuplicateReason.SimilarNameSameMunicipality, candidate.Reason);
    }

    [Fact]
    public async Task Similar_name_in_another_municipality_is_not_a_duplicate()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        await H.AddCustomerAsync("Virtasen Kuljetus Oy", null, "092"); // Vantaa

        Assert.Empty(await H.Customers.FindDuplicatesAsync("Virtasen Kuljetus Oy", null, "091"));
    }

    [Fact]
    public async Task Customer_matching_both_ways_is_listed_once_as_same_business_id()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        await H.AddCustomerAsync("Virtasen Kuljetus Oy", "0737546-2", "091");

        var candidate = Assert.Single(await H.Customers.FindDuplicatesAsync("Virtasen Kuljetus Ky", "0737546-2", "091"));
        Assert.Equal(DuplicateReason.SameBusinessId, candidate.Reason);
    }

    [Fact]
    public async Task Passive_duplicate_is_shown_and_marked_passive()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        await H.AddCustomerAsync("Virtasen Kuljetus Oy", null, "091", passive: true);

        Assert.True(Assert.Single(await H.Customers.FindDuplicatesAsync("Virtasen Kuljetus", null, "091")).IsPassive);
    }

    [Fact]
    public async Task Customer_being_edited_is_not_its_own_duplicate()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        var self = await H.AddCustomerAsync("Virtasen Kuljetus Oy", "0737546-2", "091");

        Assert.Empty(await H.Customers.FindDuplicatesAsync("Virtasen Kuljetus Oy", "0737546-2", "091", excludeId: self.Id));
    }

    [Theory]
    [InlineData("Metallityö Oy", "Metallityo Oy")]
    [InlineData("Oy Metalli Ab", "Metalli Oy")]
    [InlineData("Virtasen Kuljetus ja Muutto Oy", "Virtasen Kuljetus")] // the new name inside the old
    [InlineData("Kuljetus Virtanen", "Kuljetus Virtanen Etelä-Suomi Oy")] // the old name inside the new
    [InlineData("Rakennus-Äijät Ky", "RAKENNUS ÄIJÄT OY")]
    [InlineData("Laine", "Laine Oy")]
    public async Task Near_miss_names_in_the_same_municipality_are_duplicates(string existing, string typed)
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        var customer = await H.AddCustomerAsync(existing, null, "091");
        await H.AddCustomerAsync("Vantaan Leipomo Oy", null, "091");

        Assert.Equal([customer.Id], (await H.Customers.FindDuplicatesAsync(typed, null, "091")).Select(d => d.Id));
    }

    [Theory]
    [InlineData("Metallityö Oy")] [InlineData("Metalli Oy")] [InlineData("Ab Metallityöt")] [InlineData("Metallitöy Oy")]
    [InlineData("Virtasen Kuljetus")] [InlineData("Kuljetus Virtanen Etelä-Suomi Oy")] [InlineData("Oy Ab")] [InlineData("K")]
    [InlineData("Lainen Oy")] [InlineData("Leipomo Vantaan")] [InlineData("Hyvä Ruoka")] [InlineData("metalli-työ")]
    public async Task Duplicate_check_finds_exactly_the_customers_the_similar_name_rule_accepts(string typed)
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        string[] names =
        [
            "Metallityö Oy", "Metallityöt Ab", "Metalli-Työ Ky", "Oy Metalli Ab", "Metallitie Oy", "Metsätyö Oy", "Virtasen Kuljetus ja Muutto Oy",
            "Kuljetus Virtanen", "Laine Oy", "Laineet Oy", "Lainen", "Vantaan Leipomo Oy", "Hyvä Ruoka Oy", "Hyvät Ruoat Tmi", "Oy Ab", "K-Market",
            "Kk", "Ruoka", "Etelä-Suomen Kuljetus Oy", "Metallityöt ja Hitsaus Oy",
        ];
        var ids = new Dictionary<int, string>();
        foreach (var name in names) ids[(await H.AddCustomerAsync(name, null, "091")).Id] = name;
        await H.AddCustomerAsync(typed, null, "092"); // another municipality is never a candidate

        var found = (await H.Customers.FindDuplicatesAsync(typed, null, "091")).Select(d => d.Id).Order().ToList();

        Assert.Equal(ids.Where(c => CustomerRules.AreSimilarNames(typed, c.Value)).Select(c => c.Key).Order(), found);
    }

    [Fact]
    public async Task Customer_saved_without_a_comparable_name_is_still_compared()
    {
        // A row written by SQL outside the app (a bulk load) has no stored comparable name: it is compared all the same.
        await H.SignInAsAsync(UserGroup.AccountManager);
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy", null, "091");
        await using (var db = H.Db())
            await db.Customers.Where(c => c.Id == customer.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.ComparableName, (string?)null));

        Assert.Equal([customer.Id], (await H.Customers.FindDuplicatesAsync("Virtasen Kuljetsu Ky", null, "091")).Select(d => d.Id));
    }

    [Fact]
    public async Task Renamed_customer_is_compared_by_its_new_name()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy", null, "091");
        var details = await H.Customers.GetAsync(customer.Id);

        await H.Customers.UpdateAsync(customer.Id, new CustomerEdit { Name = "Mäkelän Puutarha Oy", MunicipalityCode = "091", Version = details.Version });

        Assert.Empty(await H.Customers.FindDuplicatesAsync("Virtasen Kuljetus", null, "091"));
        Assert.Equal([customer.Id], (await H.Customers.FindDuplicatesAsync("Makelän Puutarha", null, "091")).Select(d => d.Id));
    }
}
