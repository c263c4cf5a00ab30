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
}
