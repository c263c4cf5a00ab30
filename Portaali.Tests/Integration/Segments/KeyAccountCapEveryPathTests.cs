using Microsoft.EntityFrameworkCore;
using Portaali.Core.Customers;
using Portaali.Core.Segments;
using Portaali.Core.Users;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Segments;

/// <summary>Every path that can make an active A account refuses a sixth and saves nothing: an approved proposal, a direct
/// change by management, reactivating a passive A customer, merging an A duplicate. Imports never set a segment or
/// reactivate (they create customers in C and only suggest B), so they have no path to A.</summary>
public class KeyAccountCapEveryPathTests : HarnessTest
{
    private async Task AddFiveKeyAccountsAsync()
    {
        for (var i = 1; i <= global::Portaali.Core.Segments.KeyAccounts.Max; i++) await H.AddCustomerAsync($"Avainasiakas {i} Oy", segment: Segment.A);
    }

    /// <summary>What a refused path must leave untouched: the count, and no segment history or change-history row.</summary>
    private async Task<(int active, int changes, int audits)> SnapshotAsync()
    {
        await using var db = H.Db();
        return (await db.Customers.CountAsync(c => c.Segment == Segment.A && !c.IsPassive),
            await db.SegmentChanges.CountAsync(), await db.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task Approval_of_a_sixth_is_refused_and_saves_nothing()
    {
        await AddFiveKeyAccountsAsync();
        var bakery = await H.AddCustomerAsync("Vantaan Leipomo Oy", segment: Segment.B);
        await H.SignInAsAsync(UserGroup.Management);
        var proposals = H.Service<KeyAccountProposalService>();
        var id = await proposals.ProposeAsync(bakery.Id, "Paljon tilauksia");
        var version = (await proposals.ForCustomerAsync(bakery.Id)).Pending!.Version;
        var before = await SnapshotAsync();

        await Assert.ThrowsAsync<KeyAccountLimitException>(() => proposals.ApproveAsync(id, null, version));

        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal(id, Assert.Single((await proposals.ListPendingAsync()).Items).Id); // still waiting
    }

    [Fact]
    public async Task Direct_change_by_management_is_refused_and_saves_nothing()
    {
        await AddFiveKeyAccountsAsync();
        var bakery = await H.AddCustomerAsync("Vantaan Leipomo Oy", segment: Segment.B);
        await H.SignInAsAsync(UserGroup.Management);
        var before = await SnapshotAsync();

        await Assert.ThrowsAsync<KeyAccountLimitException>(() => H.Segments.ChangeAsync(bakery.Id, Segment.A, "Suora muutos"));

        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal(Segment.B, (await H.Customers.GetAsync(bakery.Id)).Segment);
    }

    [Fact]
    public async Task Reactivating_a_passive_a_customer_is_refused_and_saves_nothing()
    {
        await AddFiveKeyAccountsAsync();
        var former = await H.AddCustomerAsync("Entinen Avainasiakas Oy", segment: Segment.A, passive: true, configure: c => c.PassivationReason = "Tauolla");
        await H.SignInAsAsync(UserGroup.Management);
        var before = await SnapshotAsync();

        await Assert.ThrowsAsync<KeyAccountLimitException>(() => H.Customers.ReactivateAsync(former.Id));

        Assert.Equal(before, await SnapshotAsync());
        var details = await H.Customers.GetAsync(former.Id);
        Assert.True(details.IsPassive);
        Assert.Equal("Tauolla", details.PassivationReason);
    }

    [Fact]
    public async Task Merging_an_a_duplicate_into_a_survivor_is_refused_and_saves_nothing()
    {
        await AddFiveKeyAccountsAsync();
        var duplicate = await H.AddCustomerAsync("Virtasen Kuljetus", segment: Segment.A, passive: true);
        var survivor = await H.AddCustomerAsync("Virtasen Kuljetus Oy", "0737546-2", segment: Segment.B);
        await H.AddContactAsync(duplicate.Id, "Liisa", "Virtanen");
        await H.SignInAsAsync(UserGroup.Administrator);
        var before = await SnapshotAsync();

        await Assert.ThrowsAsync<KeyAccountLimitException>(() => H.Customers.MergeAsync(duplicate.Id, survivor.Id));

        Assert.Equal(before, await SnapshotAsync());
        Assert.Single((await H.Customers.GetAsync(duplicate.Id)).Contacts);
        Assert.Equal(Segment.B, (await H.Customers.GetAsync(survivor.Id)).Segment);
    }

    [Fact]
    public async Task Customer_creation_starts_in_c_so_it_cannot_add_a_key_account()
    {
        await AddFiveKeyAccountsAsync();
        await H.SignInAsAsync(UserGroup.Management);

        var id = await H.Customers.CreateAsync(new CustomerEdit { Name = "Uusi Oy", MunicipalityCode = "091" });

        Assert.Equal(Segment.C, (await H.Customers.GetAsync(id)).Segment);
        Assert.Equal(global::Portaali.Core.Segments.KeyAccounts.Max, (await SnapshotAsync()).active);
    }
}
