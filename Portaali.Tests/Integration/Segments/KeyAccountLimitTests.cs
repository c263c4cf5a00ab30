using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portaali.Core.Common;
using Portaali.Core.Customers;
using Portaali.Core.Segments;
using Portaali.Core.Users;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Segments;

/// <summary>At most five active customers are key accounts (segment A), whichever path would add one.</summary>
public class KeyAccountLimitTests : HarnessTest
{
    private const string FiveNames = "Avainasiakas 1 Oy, Avainasiakas 2 Oy, Avainasiakas 3 Oy, Avainasiakas 4 Oy, Avainasiakas 5 Oy";

    private static string LimitMessage(string names) =>
        $"A-segmentissä voi olla enintään 5 aktiivista asiakasta. Nyt siinä ovat {names}. Siirrä ensin joku niistä pois A-segmentistä.";

    private async Task<List<Customer>> AddKeyAccountsAsync(int count)
    {
        var keyAccounts = new List<Customer>();
        for (var i = 1; i <= count; i++) keyAccounts.Add(await H.AddCustomerAsync($"Avainasiakas {i} Oy", segment: Segment.A));
        return keyAccounts;
    }

    private async Task<List<string>> ActiveKeyAccountsAsync()
    {
        await using var db = H.Db();
        return await db.Customers.Where(c => c.Segment == Segment.A && !c.IsPassive).OrderBy(c => c.Name).Select(c => c.Name).ToListAsync();
    }

    [Fact]
    public async Task Passivating_a_key_account_approving_another_and_reactivating_the_first_is_refused_naming_the_five()
    {
        await H.SignInAsAsync(UserGroup.Management);
        using var _ = UiCulture.Finnish();
        var keyAccounts = await AddKeyAccountsAsync(5);
        var bakery = await H.AddCustomerAsync("Vantaan Leipomo Oy", segment: Segment.B);
        await H.Customers.PassivateAsync(keyAccounts[0].Id, "Yhteistyö tauolla");
        await H.Segments.ChangeAsync(bakery.Id, Segment.A, "Yhteistyösopimus");

        var error = await Assert.ThrowsAsync<KeyAccountLimitException>(() => H.Customers.ReactivateAsync(keyAccounts[0].Id));

        Assert.Equal(LimitMessage("Avainasiakas 2 Oy, Avainasiakas 3 Oy, Avainasiakas 4 Oy, Avainasiakas 5 Oy, Vantaan Leipomo Oy"), error.Message);
        Assert.True((await H.Customers.GetAsync(keyAccounts[0].Id)).IsPassive);
        Assert.Equal(5, (await ActiveKeyAccountsAsync()).Count);
    }

    [Fact]
    public async Task The_limit_message_is_in_english_too()
    {
        await H.SignInAsAsync(UserGroup.Management);
        using var _ = UiCulture.English();
        await AddKeyAccountsAsync(5);
        var bakery = await H.AddCustomerAsync("Vantaan Leipomo Oy", segment: Segment.B);

        var error = await Assert.ThrowsAsync<KeyAccountLimitException>(() => H.Segments.ChangeAsync(bakery.Id, Segment.A, "Big order"));

        Assert.Equal($"Segment A holds at most 5 active customers. It now holds {FiveNames}. Move one of them out of segment A first.", error.Message);
    }

    [Fact]
    public async Task Management_reactivates_a_passive_key_account_into_b_when_a_is_full_and_the_history_says_so()
    {
        var riitta = await H.CreateUserAsync(UserGroup.Management, "Riitta Halonen");
        H.SignInAs(riitta);
        using var _ = UiCulture.Finnish();
        await AddKeyAccountsAsync(5);
        var former = await H.AddCustomerAsync("Entinen Avainasiakas Oy", segment: Segment.A, passive: true);

        await H.Customers.ReactivateAsync(former.Id, Segment.B);

        var details = await H.Customers.GetAsync(former.Id);
        Assert.False(details.IsPassive);
        Assert.Equal(Segment.B, details.Segment);
        var change = Assert.Single(details.SegmentHistory);
        Assert.Equal((Segment.A, Segment.B, "Aktivoitu uudelleen", "Riitta Halonen"), ((Segment)change.From!, change.To, change.Reason, change.ChangedBy));
        Assert.Equal(5, (await ActiveKeyAccountsAsync()).Count);
    }

    [Fact]
    public async Task Account_manager_cannot_reactivate_a_key_account_out_of_a()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        using var _ = UiCulture.Finnish();
        await AddKeyAccountsAsync(5);
        var former = await H.AddCustomerAsync("Entinen Avainasiakas Oy", segment: Segment.A, passive: true);

        var error = await Assert.ThrowsAsync<ForbiddenException>(() => H.Customers.ReactivateAsync(former.Id, Segment.B));

        Assert.Equal("Vain johto voi siirtää avainasiakkaan pois A-segmentistä.", error.Message);
        var details = await H.Customers.GetAsync(former.Id);
        Assert.True(details.IsPassive);
        Assert.Equal(Segment.A, details.Segment);
    }

    [Fact]
    public async Task Reactivating_a_key_account_with_room_in_a_keeps_it_there()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        await AddKeyAccountsAsync(4);
        var former = await H.AddCustomerAsync("Entinen Avainasiakas Oy", segment: Segment.A, passive: true);

        await H.Customers.ReactivateAsync(former.Id);

        Assert.Equal(Segment.A, (await H.Customers.GetAsync(former.Id)).Segment);
        Assert.Equal(5, (await ActiveKeyAccountsAsync()).Count);
    }

    [Fact]
    public async Task Merging_a_key_account_duplicate_into_a_b_survivor_keeps_the_key_account()
    {
        var admin = await H.CreateUserAsync(UserGroup.Administrator, "Sari Lindqvist");
        var keyAccounts = await AddKeyAccountsAsync(4);
        var duplicate = await H.AddCustomerAsync("Virtasen Kuljetus", segment: Segment.A);
        var survivor = await H.AddCustomerAsync("Virtasen Kuljetus Oy", "0737546-2", segment: Segment.B);
        H.SignInAs(admin);
        using var _ = UiCulture.Finnish();

        await H.Customers.MergeAsync(duplicate.Id, survivor.Id);

        var merged = await H.Customers.GetAsync(survivor.Id);
        Assert.Equal(Segment.A, merged.Segment);
        var change = merged.SegmentHistory[0];
        Assert.Equal((Segment.B, Segment.A, "Yhdistetty asiakas Virtasen Kuljetus oli A-segmentissä", "Sari Lindqvist"),
            ((Segment)change.From!, change.To, change.Reason, change.ChangedBy));
        Assert.Equal([.. keyAccounts.Select(k => k.Name), "Virtasen Kuljetus Oy"], await ActiveKeyAccountsAsync());
    }

    [Fact]
    public async Task Merging_two_key_accounts_leaves_one()
    {
        await AddKeyAccountsAsync(3);
        var duplicate = await H.AddCustomerAsync("Virtasen Kuljetus", segment: Segment.A);
        var survivor = await H.AddCustomerAsync("Virtasen Kuljetus Oy", "0737546-2", segment: Segment.A);
        await H.SignInAsAsync(UserGroup.Administrator);

        await H.Customers.MergeAsync(duplicate.Id, survivor.Id);

        Assert.Equal(Segment.A, (await H.Customers.GetAsync(survivor.Id)).Segment);
        Assert.Equal(4, (await ActiveKeyAccountsAsync()).Count);
    }

    [Fact]
    public async Task Merging_a_passive_key_account_into_an_active_survivor_is_refused_when_five_are_active()
    {
        await AddKeyAccountsAsync(5);
        var duplicate = await H.AddCustomerAsync("Virtasen Kuljetus", segment: Segment.A, passive: true);
        var survivor = await H.AddCustomerAsync("Virtasen Kuljetus Oy", "0737546-2");
        await H.AddContactAsync(duplicate.Id, "Liisa", "Virtanen");
        await H.SignInAsAsync(UserGroup.Administrator);
        using var _ = UiCulture.Finnish();

        var error = await Assert.ThrowsAsync<KeyAccountLimitException>(() => H.Customers.MergeAsync(duplicate.Id, survivor.Id));

        Assert.Equal(LimitMessage(FiveNames), error.Message);
        Assert.Single((await H.Customers.GetAsync(duplicate.Id)).Contacts); // nothing moved: the merge is all or nothing
        Assert.Equal(Segment.C, (await H.Customers.GetAsync(survivor.Id)).Segment);
        Assert.Equal(5, (await ActiveKeyAccountsAsync()).Count);
    }

    [Fact]
    public async Task Merging_an_active_duplicate_into_a_passive_key_account_does_not_make_a_sixth()
    {
        await AddKeyAccountsAsync(5);
        var duplicate = await H.AddCustomerAsync("Virtasen Kuljetus", segment: Segment.B);
        var survivor = await H.AddCustomerAsync("Virtasen Kuljetus Oy", "0737546-2", segment: Segment.A, passive: true);
        await H.SignInAsAsync(UserGroup.Administrator);

        await H.Customers.MergeAsync(duplicate.Id, survivor.Id);

        var merged = await H.Customers.GetAsync(survivor.Id);
        Assert.True(merged.IsPassive);
        Assert.Equal(5, (await ActiveKeyAccountsAsync()).Count);
    }

    [Fact]
    public async Task Two_approvals_at_the_same_time_leave_five_key_accounts()
    {
        await H.SignInAsAsync(UserGroup.Management);
        await AddKeyAccountsAsync(4);
        var bakery = await H.AddCustomerAsync("Vantaan Leipomo Oy", segment: Segment.B);
        var electric = await H.AddCustomerAsync("Espoon Sähkötyö Oy", segment: Segment.B);

        var results = await Task.WhenAll(
            Task.Run(() => Outcome(H.Segments.ChangeAsync(bakery.Id, Segment.A, "Yhteistyösopimus"))),
            Task.Run(() => Outcome(H.Segments.ChangeAsync(electric.Id, Segment.A, "Yhteistyösopimus"))));

        Assert.Equal(1, results.Count(ok => ok));
        Assert.Equal(5, (await ActiveKeyAccountsAsync()).Count);

        static async Task<bool> Outcome(Task approval)
        {
            try { await approval; return true; }
            catch (KeyAccountLimitException) { return false; }
        }
    }
}

/// <summary>The cap under SQLite's own writer lock: a colleague's write meeting SQLite's BUSY while an approval holds the
/// database. About SQLite's locking, so SQLite only; <see cref="KeyAccountWriterTests"/> covers two writers on both providers.</summary>
public class KeyAccountLimitSqliteLockTests : HarnessTest
{
    [Fact]
    public async Task An_approval_that_lands_between_the_check_and_the_save_cannot_make_a_sixth_key_account()
    {
        await H.SignInAsAsync(UserGroup.Management);
        using var _ = UiCulture.Finnish();
        for (var i = 1; i <= 4; i++) await H.AddCustomerAsync($"Avainasiakas {i} Oy", segment: Segment.A);
        var bakery = await H.AddCustomerAsync("Vantaan Leipomo Oy", segment: Segment.B);
        var electric = await H.AddCustomerAsync("Espoon Sähkötyö Oy", segment: Segment.B);

        // A colleague's approval of another customer reaches the database while this approval is between its check and its save.
        var colleagueWaited = false;
        H.Clock.OnNextRead(() =>
        {
            using var other = H.Db();
            other.Database.SetCommandTimeout(1); // how long the colleague waits for the lock before giving up
            var row = other.Customers.Single(c => c.Id == electric.Id);
            row.Segment = Segment.A;
            row.Version = Guid.NewGuid();
            try { other.SaveChanges(); }
            catch (Exception e) when ((e as SqliteException ?? e.InnerException as SqliteException)?.SqliteErrorCode == 5) { colleagueWaited = true; }
        });

        await H.Segments.ChangeAsync(bakery.Id, Segment.A, "Yhteistyösopimus");

        Assert.True(colleagueWaited, "SQLite serialises the writers: the colleague's approval waits for this one");
        var retry = await Assert.ThrowsAsync<KeyAccountLimitException>(() => H.Segments.ChangeAsync(electric.Id, Segment.A, "Yhteistyösopimus"));
        Assert.Contains("Vantaan Leipomo Oy", retry.Message);
        await using var db = H.Db();
        Assert.Equal(5, await db.Customers.CountAsync(c => c.Segment == Segment.A && !c.IsPassive));
    }
}
