using Microsoft.EntityFrameworkCore;
using Portaali.Core.Desktops;
using Portaali.Core.Users;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Desktops;

/// <summary>The customers a user opened lately: one row per customer with its latest time, the latest 20 kept, and a
/// merge that carries them to the surviving customer like favourites.</summary>
public class RecentCustomerTests : HarnessTest
{
    private RecentCustomerService Recent => H.Service<RecentCustomerService>();

    [Fact]
    public async Task Opening_again_moves_the_customer_to_the_top_without_a_second_row()
    {
        var minna = await H.CreateUserAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var virtanen = await H.AddCustomerAsync("Virtasen Kuljetus Oy");
        var koski = await H.AddCustomerAsync("Kosken Rakennus Oy");
        H.SignInAs(minna);

        await Recent.RecordOpenedAsync(virtanen.Id);
        H.Clock.Advance(TimeSpan.FromMinutes(5));
        await Recent.RecordOpenedAsync(koski.Id);
        Assert.Equal(["Kosken Rakennus Oy", "Virtasen Kuljetus Oy"], (await Recent.ListAsync(10)).Select(r => r.Name));

        H.Clock.Advance(TimeSpan.FromMinutes(5));
        await Recent.RecordOpenedAsync(virtanen.Id);
        var rows = await Recent.ListAsync(10);
        Assert.Equal(["Virtasen Kuljetus Oy", "Kosken Rakennus Oy"], rows.Select(r => r.Name));
        Assert.Equal(H.Clock.UtcNow.UtcDateTime, rows[0].OpenedAtUtc);
        await using var db = H.Db();
        Assert.Equal(2, await db.RecentCustomers.CountAsync());
    }

    [Fact]
    public async Task Only_the_latest_twenty_are_kept_per_user_and_another_users_rows_stay()
    {
        var minna = await H.CreateUserAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var janne = await H.CreateUserAsync(UserGroup.AccountManager, "Janne Koskela");
        var customers = new List<int>();
        for (var i = 1; i <= RecentCustomer.Kept + 3; i++) customers.Add((await H.AddCustomerAsync($"Asiakas {i:00} Oy")).Id);
        H.SignInAs(janne);
        await Recent.RecordOpenedAsync(customers[0]);

        H.SignInAs(minna);
        foreach (var id in customers)
        {
            H.Clock.Advance(TimeSpan.FromMinutes(1));
            await Recent.RecordOpenedAsync(id);
        }

        var kept = await Recent.ListAsync(RecentCustomer.Kept);
        Assert.Equal(20, RecentCustomer.Kept);
        Assert.Equal(Enumerable.Range(4, 20).Reverse().Select(i => $"Asiakas {i:00} Oy"), kept.Select(r => r.Name));
        await using var db = H.Db();
        Assert.Equal(RecentCustomer.Kept, await db.RecentCustomers.CountAsync(r => r.UserId == minna.Id));
        H.SignInAs(janne);
        Assert.Equal(["Asiakas 01 Oy"], (await Recent.ListAsync(5)).Select(r => r.Name));
    }

    [Fact]
    public async Task Merge_moves_recent_openings_to_the_survivor_keeping_one_row_with_the_later_time()
    {
        var admin = await H.CreateUserAsync(UserGroup.Administrator, "Sari Lindqvist");
        var minna = await H.CreateUserAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var janne = await H.CreateUserAsync(UserGroup.AccountManager, "Janne Koskela");
        var survivor = await H.AddCustomerAsync("Virtasen Kuljetus Oy", "0737546-2");
        var duplicate = await H.AddCustomerAsync("Virtasen Kuljetus");
        var other = await H.AddCustomerAsync("Kosken Rakennus Oy");

        // Minna opened both records, the duplicate last; Janne only the duplicate.
        H.SignInAs(minna);
        await Recent.RecordOpenedAsync(survivor.Id);
        H.Clock.Advance(TimeSpan.FromMinutes(1));
        await Recent.RecordOpenedAsync(other.Id);
        H.Clock.Advance(TimeSpan.FromMinutes(1));
        await Recent.RecordOpenedAsync(duplicate.Id);
        var minnasLatest = H.Clock.UtcNow.UtcDateTime;
        H.SignInAs(janne);
        await Recent.RecordOpenedAsync(duplicate.Id);

        H.SignInAs(admin);
        await H.Customers.MergeAsync(duplicate.Id, survivor.Id);

        H.SignInAs(minna);
        var minnas = await Recent.ListAsync(10);
        Assert.Equal(["Virtasen Kuljetus Oy", "Kosken Rakennus Oy"], minnas.Select(r => r.Name));
        Assert.Equal(minnasLatest, minnas[0].OpenedAtUtc);
        H.SignInAs(janne);
        Assert.Equal([survivor.Id], (await Recent.ListAsync(10)).Select(r => r.CustomerId));
        await using var db = H.Db();
        Assert.False(await db.RecentCustomers.AnyAsync(r => r.CustomerId == duplicate.Id));
    }
}
