using Microsoft.EntityFrameworkCore;
using Portaali.Core.Common;
using Portaali.Core.Selections;
using Portaali.Core.Users;
using Portaali.Core.Data;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Selections;

/// <summary>Saved selections on a real database: who may change and open them, the Version check, copies, favourites,
/// deleting one another selection uses, and the members added and gone since the last export.</summary>
public class SelectionServiceTests
{
    protected virtual DatabaseProvider DatabaseProvider => DatabaseProvider.Sqlite;

    private static SelectionDefinition InEspoo(SelectionTarget target = SelectionTarget.Customers) =>
        new(target, new CriteriaGroup { Children = [new MunicipalityCriterion { Codes = ["049"] }] });

    private static SelectionSave NewSave(string name, SelectionDefinition? definition = null, bool shared = false) =>
        new() { Name = name, Definition = definition ?? InEspoo(), IsShared = shared };

    [Fact]
    public async Task Saving_a_new_selection_trims_its_name_keeps_its_criteria_and_stars_it()
    {
        await using var h = await CoreHarness.CreateAsync(provider: DatabaseProvider);
        await h.SignInAsAsync(UserGroup.SalesAndMarketing);
        var service = h.Service<SelectionService>();

        var id = await service.SaveAsync(NewSave("  Espoon yritykset  ", InEspoo() with { Purpose = SelectionPurpose.Email, IncludeLeft = true }));

        var details = await service.GetAsync(id);
        Assert.Equal("Espoon yritykset", details.Name);
        Assert.True(details.CanEdit);
        Assert.True(details.IsFavourite);
        Assert.Equal(SelectionPurpose.Email, details.Definition.Purpose);
        Assert.True(details.Definition.IncludeLeft);
        Assert.Equal(["049"], Assert.IsType<MunicipalityCriterion>(Assert.Single(details.Definition.Criteria.Children)).Codes);
        Assert.Equal(["Espoon yritykset"], (await service.FavouritesAsync()).Select(f => f.Name));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_selection_needs_a_name(string name)
    {
        await using var h = await CoreHarness.CreateAsync(provider: DatabaseProvider);
        await h.SignInAsAsync(UserGroup.SalesAndMarketing);
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => h.Service<SelectionService>().SaveAsync(NewSave(name)));
        Assert.Equal("Name", Assert.Single(error.Errors).Field);
    }

    [Fact]
    public async Task A_name_over_200_characters_is_refused()
    {
        await using var h = await CoreHarness.CreateAsync(provider: DatabaseProvider);
        await h.SignInAsAsync(UserGroup.SalesAndMarketing);
        var service = h.Service<SelectionService>();
        await Assert.ThrowsAsync<ValidationFailedException>(() => service.SaveAsync(NewSave(new string('a', 201))));
        Assert.True(await service.SaveAsync(NewSave(new string('a', 200))) > 0);
    }

    [Fact]
    public async Task Only_the_owner_or_an_administrator_changes_a_shared_selection_and_others_may_open_and_copy_it()
    {
        await using var h = await CoreHarness.CreateAsync(provider: DatabaseProvider);
        var owner = await h.SignInAsAsync(UserGroup.SalesAndMarketing);
        var service = h.Service<SelectionService>();
        var shared = await service.SaveAsync(NewSave("Jaettu", shared: true));
        var personal = await service.SaveAsync(NewSave("Oma"));
        var version = (await service.GetAsync(shared)).Version;

        h.SignInAs(await h.CreateUserAsync(UserGroup.AccountManager, "Toinen Myyjä"));
        var seen = await service.GetAsync(shared);
        Assert.False(seen.CanEdit);
        Assert.Equal(owner.DisplayName, seen.OwnerName);
        Assert.Equal(["Jaettu"], (await service.ListAsync()).Select(s => s.Name));
        await Assert.ThrowsAsync<ForbiddenException>(() => service.GetAsync(personal));
        await Assert.ThrowsAsync<ForbiddenException>(() => service.RenameAsync(shared, "Kaapattu", version));
        await Assert.ThrowsAsync<ForbiddenException>(() => service.DeleteAsync(shared));
        await Assert.ThrowsAsync<ForbiddenException>(() => service.SetSharedAsync(shared, false, version));
        await Assert.ThrowsAsync<ForbiddenException>(() => service.SaveAsync(new SelectionSave
            { Id = shared, Name = "Muutettu", Definition = InEspoo(), Version = version }));

        var copy = await service.CopyAsync(shared, "Oma kopio");
        var copied = await service.GetAsync(copy);
        Assert.True(copied.CanEdit);
        Assert.False(copied.IsShared);
        Assert.True(copied.IsFavourite);
        Assert.Equal(["049"], Assert.IsType<MunicipalityCriterion>(Assert.Single(copied.Definition.Criteria.Children)).Codes);

        await h.SignInAsAsync(UserGroup.Administrator);
        await service.RenameAsync(shared, "Pääkäyttäjän nimeämä", version);
        Assert.Equal("Pääkäyttäjän nimeämä", (await service.GetAsync(shared)).Name);
    }

    [Fact]
    public async Task A_stale_version_gets_the_conflict_message_and_the_newer_save_stays()
    {
        await using var h = await CoreHarness.CreateAsync(provider: DatabaseProvider);
        await h.SignInAsAsync(UserGroup.SalesAndMarketing);
        var service = h.Service<SelectionService>();
        var id = await service.SaveAsync(NewSave("Alkuperäinen"));
        var loaded = await service.GetAsync(id);

        await service.SaveAsync(new SelectionSave { Id = id, Name = "Ensin tallennettu", Definition = loaded.Definition, Version = loaded.Version });
        var error = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => service.SaveAsync(
            new SelectionSave { Id = id, Name = "Myöhässä", Definition = InEspoo(SelectionTarget.Contacts), Version = loaded.Version }));
        Assert.Equal(CoreText.Get("SelectionConflict"), error.Message);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => service.RenameAsync(id, "Myöhässä", loaded.Version));

        var now = await service.GetAsync(id);
        Assert.Equal("Ensin tallennettu", now.Name);
        Assert.Equal(SelectionTarget.Customers, now.Definition.Target);
    }

    [Fact]
    public async Task Renaming_and_sharing_change_the_version_so_an_older_copy_of_the_page_conflicts()
    {
        await using var h = await CoreHarness.CreateAsync(provider: DatabaseProvider);
        await h.SignInAsAsync(UserGroup.SalesAndMarketing);
        var service = h.Service<SelectionService>();
        var id = await service.SaveAsync(NewSave("Nimi"));
        var v1 = (await service.GetAsync(id)).Version;

        var v2 = await service.SetSharedAsync(id, true, v1);
        Assert.True((await service.GetAsync(id)).IsShared);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => service.RenameAsync(id, "Uusi", v1));
        await service.RenameAsync(id, "  Uusi nimi ", v2);
        Assert.Equal("Uusi nimi", (await service.GetAsync(id)).Name);
    }

    [Fact]
    public async Task Deleting_a_selection_another_uses_through_member_of_is_refused_naming_it()
    {
        await using var h = await CoreHarness.CreateAsync(provider: DatabaseProvider);
        await h.SignInAsAsync(UserGroup.SalesAndMarketing);
        var service = h.Service<SelectionService>();
        var used = await service.SaveAsync(NewSave("Espoo"));
        var other = await service.SaveAsync(NewSave("Ei käytä", new SelectionDefinition(SelectionTarget.Customers,
            new CriteriaGroup { Children = [new MemberOfCriterion { SelectionId = used * 10 + 1 }] })));
        await service.SaveAsync(NewSave("Espoo ilman B-asiakkaita", new SelectionDefinition(SelectionTarget.Customers,
            new CriteriaGroup { Children = [new CriteriaGroup { Operator = GroupOperator.Or, Children = [new MemberOfCriterion { SelectionId = used }] }] })));

        var error = await Assert.ThrowsAsync<DomainException>(() => service.DeleteAsync(used));
        Assert.Contains("Espoo ilman B-asiakkaita", error.Message);
        Assert.DoesNotContain("Ei käytä", error.Message);
        Assert.Equal("Espoo", (await service.GetAsync(used)).Name);

        await service.DeleteAsync(other);
        await Assert.ThrowsAsync<NotFoundException>(() => service.GetAsync(other));
        Assert.DoesNotContain("Ei käytä", (await service.FavouritesAsync()).Select(f => f.Name));
    }

    [Fact]
    public async Task Favourites_hold_own_and_shared_selections_and_toggle_off()
    {
        await using var h = await CoreHarness.CreateAsync(provider: DatabaseProvider);
        await h.SignInAsAsync(UserGroup.SalesAndMarketing);
        var service = h.Service<SelectionService>();
        var shared = await service.SaveAsync(NewSave("B Jaettu", shared: true));
        var personal = await service.SaveAsync(NewSave("A Oma"));

        h.SignInAs(await h.CreateUserAsync(UserGroup.Communications));
        Assert.Empty(await service.FavouritesAsync());
        Assert.True(await service.ToggleFavouriteAsync(shared));
        await Assert.ThrowsAsync<ForbiddenException>(() => service.ToggleFavouriteAsync(personal));
        var mine = await service.SaveAsync(NewSave("C Viestinnän"));
        Assert.Equal(["B Jaettu", "C Viestinnän"], (await service.FavouritesAsync()).Select(f => f.Name));
        Assert.False(await service.ToggleFavouriteAsync(mine));
        Assert.Equal(["B Jaettu"], (await service.FavouritesAsync()).Select(f => f.Name));
    }

    [Fact]
    public async Task Changes_since_the_export_list_the_customers_added_and_gone_between_two_exports()
    {
        await using var h = await CoreHarness.CreateAsync(provider: DatabaseProvider);
        await h.SignInAsAsync(UserGroup.SalesAndMarketing);
        var service = h.Service<SelectionService>();
        var engine = h.Service<SelectionEngine>();
        var stays = await h.AddCustomerAsync("Pysyvä Oy", municipalityCode: "049");
        var leaves = await h.AddCustomerAsync("Muuttava Oy", municipalityCode: "049");
        var passivated = await h.AddCustomerAsync("Lopettava Oy", municipalityCode: "049");
        await h.AddCustomerAsync("Helsingin Oy", municipalityCode: "091");
        var id = await service.SaveAsync(NewSave("Espoo"));
        Assert.Null((await service.ChangesSinceExportAsync(id)).LastExportedAtUtc);

        var firstExport = new DateTime(2026, 3, 10, 8, 0, 0, DateTimeKind.Utc);
        await RecordExportAsync(h, engine, id, firstExport);
        var afterFirst = await service.GetAsync(id);
        Assert.Equal(firstExport, afterFirst.LastExportedAtUtc);
        Assert.Equal(3, afterFirst.LastExportedCount);
        var unchanged = await service.ChangesSinceExportAsync(id);
        Assert.Equal((0, 0), (unchanged.AddedCount, unchanged.GoneCount));

        var arrives = await h.AddCustomerAsync("Uusi Espoolainen Oy", municipalityCode: "049");
        await using (var db = h.Db())
        {
            await db.Customers.Where(c => c.Id == leaves.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.MunicipalityCode, "091"));
            await db.Customers.Where(c => c.Id == passivated.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.IsPassive, true));
        }

        var changes = await service.ChangesSinceExportAsync(id);
        Assert.Equal(firstExport, changes.LastExportedAtUtc);
        Assert.Equal(1, changes.AddedCount);
        Assert.Equal([arrives.Id], changes.Added.Select(m => m.CustomerId));
        Assert.Equal(2, changes.GoneCount);
        Assert.Equal(["Lopettava Oy", "Muuttava Oy"], changes.Gone.Select(m => m.CustomerName));

        var secondExport = firstExport.AddDays(1);
        await RecordExportAsync(h, engine, id, secondExport);
        var afterSecond = await service.ChangesSinceExportAsync(id);
        Assert.Equal(secondExport, afterSecond.LastExportedAtUtc);
        Assert.Equal((0, 0), (afterSecond.AddedCount, afterSecond.GoneCount));
        Assert.Equal(2, (await service.GetAsync(id)).LastExportedCount);
        await using var check = h.Db();
        Assert.Equal([stays.Id, arrives.Id], await check.SelectionExportMembers.Where(m => m.SelectionId == id)
            .OrderBy(m => m.MemberId).Select(m => m.MemberId).ToListAsync());
    }

    [Fact]
    public async Task Changes_since_the_export_cap_the_rows_at_fifty_but_count_them_all()
    {
        await using var h = await CoreHarness.CreateAsync(provider: DatabaseProvider);
        await h.SignInAsAsync(UserGroup.SalesAndMarketing);
        var service = h.Service<SelectionService>();
        var id = await service.SaveAsync(NewSave("Espoo"));
        await RecordExportAsync(h, h.Service<SelectionEngine>(), id, CoreHarness.Now.UtcDateTime);
        for (var i = 0; i < 55; i++) await h.AddCustomerAsync($"Yritys {i:00} Oy", municipalityCode: "049");

        var changes = await service.ChangesSinceExportAsync(id);
        Assert.Equal(55, changes.AddedCount);
        Assert.Equal(SelectionService.ChangesShown, changes.Added.Count);
        Assert.Equal("Yritys 00 Oy", changes.Added[0].CustomerName);
    }

    /// <summary>What the export does when it has written the file: snapshot the members in its own context and save.</summary>
    private static async Task RecordExportAsync(CoreHarness h, SelectionEngine engine, int id, DateTime at)
    {
        await using var db = h.Db();
        var members = await engine.SavedMemberIdsAsync(db, id, CancellationToken.None);
        await SelectionService.RecordExportAsync(db, id, members, at, CancellationToken.None);
        await db.SaveChangesAsync();
    }
}
