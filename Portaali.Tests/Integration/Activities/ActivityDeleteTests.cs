using Microsoft.EntityFrameworkCore;
using Portaali.Core.Activities;
using Portaali.Core.Common;
using Portaali.Core.Data;
using Portaali.Core.Users;
using Portaali.Tests.Support;
using static Portaali.Tests.Integration.Activities.ActivityTestData;

namespace Portaali.Tests.Integration.Activities;

/// <summary>Deleting an activity: its creator while it is not OK, an administrator always, and the history keeps it.</summary>
public class ActivityDeleteTests : HarnessTest
{
    // The harness clock is Tuesday 2026-03-10 09:30 UTC = 11:30 in Helsinki.
    private static readonly DateTime Tomorrow10 = new(2026, 3, 11, 10, 0, 0);
    private static readonly DateTime Yesterday14 = new(2026, 3, 9, 14, 0, 0);

    private async Task<Guid> VersionAsync(int id) => (await H.Activities.GetAsync(id)).Edit.Version;

    [Fact]
    public async Task The_creator_deletes_a_called_off_visit_and_it_leaves_lists_search_and_calendar_but_not_the_history()
    {
        var minna = await H.CreateUserAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var janne = await H.CreateUserAsync(UserGroup.AccountManager, "Janne Koskela");
        H.SignInAs(minna);
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy");
        var id = await H.Activities.CreateAsync(Edit(Visit, customer.Id, "Käynti: trukkikoulutus", Tomorrow10, participants: [minna.Id, janne.Id],
            memo: "Tavoite: trukkikortit"));
        Assert.True((await H.Activities.GetAsync(id)).CanDelete);

        await H.Activities.DeleteAsync(id, await VersionAsync(id));

        await Assert.ThrowsAsync<NotFoundException>(() => H.Activities.GetAsync(id));
        Assert.Empty((await H.Activities.ListForCustomerAsync(customer.Id)).Items);
        Assert.Empty((await H.Activities.MyOpenAsync()).Items);
        Assert.Equal(0, (await H.Activities.BrowseAsync(new ActivityQuery { Text = "trukkikortit" })).TotalCount);
        await using (var db = H.Db())
        {
            Assert.Empty(await db.ActivityParticipants.ToListAsync());
            // FTS5's own check of SQLite's search index; PostgreSQL's trigram index is part of the table and cannot drift.
            if (H.Provider == DatabaseProvider.Sqlite)
                await db.Database.ExecuteSqlRawAsync("INSERT INTO \"ActivitySearch\"(\"ActivitySearch\", rank) VALUES ('integrity-check', 1)");
        }

        var row = (await H.Customers.GetAuditTrailAsync(customer.Id)).First();
        Assert.Equal(("Minna Lehtonen", "Activity", "Deleted"), (row.UserName, row.EntityType, row.Action));
        Assert.Equal("Käynti: trukkikoulutus", row.Changes.Single(c => c.Field == "ActivityTitle").Old);
        Assert.Equal("11.3.2026 10:00", row.Changes.Single(c => c.Field == "StartsAt").Old);
        Assert.Equal("Janne Koskela, Minna Lehtonen", row.Changes.Single(c => c.Field == "Participants").Old);
        Assert.All(row.Changes, c => Assert.Null(c.New));
    }

    [Fact]
    public async Task An_ok_activity_is_kept_from_its_creator_but_an_administrator_may_delete_it()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy");
        var id = await H.Activities.CreateAsync(Edit(Call, customer.Id, "Soitto", Yesterday14)); // in the past: OK

        Assert.False((await H.Activities.GetAsync(id)).CanDelete);
        await Assert.ThrowsAsync<ForbiddenException>(async () => await H.Activities.DeleteAsync(id, await VersionAsync(id)));
        Assert.Single((await H.Activities.ListForCustomerAsync(customer.Id)).Items);

        await H.SignInAsAsync(UserGroup.Administrator);
        Assert.True((await H.Activities.GetAsync(id)).CanDelete);
        await H.Activities.DeleteAsync(id, await VersionAsync(id));
        Assert.Empty((await H.Activities.ListForCustomerAsync(customer.Id)).Items);
    }

    [Fact]
    public async Task A_colleague_attached_to_the_activity_cannot_delete_it()
    {
        var minna = await H.CreateUserAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var janne = await H.CreateUserAsync(UserGroup.AccountManager, "Janne Koskela");
        H.SignInAs(minna);
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy");
        var id = await H.Activities.CreateAsync(Edit(Visit, customer.Id, "Käynti", Tomorrow10, participants: [minna.Id, janne.Id]));

        H.SignInAs(janne);
        Assert.False((await H.Activities.GetAsync(id)).CanDelete);
        await Assert.ThrowsAsync<ForbiddenException>(async () => await H.Activities.DeleteAsync(id, await VersionAsync(id)));
        Assert.Single((await H.Activities.MyOpenAsync()).Items);
    }

    [Fact]
    public async Task Deleting_what_someone_else_just_changed_is_a_conflict_and_keeps_the_activity()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy");
        var id = await H.Activities.CreateAsync(Edit(Visit, customer.Id, "Käynti", Tomorrow10));
        var seen = await VersionAsync(id);
        var edit = (await H.Activities.GetAsync(id)).Edit;
        edit.Title = "Käynti siirtyy viikolla";
        await H.Activities.UpdateAsync(id, edit);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => H.Activities.DeleteAsync(id, seen));
        Assert.Equal("Käynti siirtyy viikolla", (await H.Activities.GetAsync(id)).Edit.Title);
    }
}
