using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portaali.Core.Common;
using Portaali.Core.Selections;
using Portaali.Core.Users;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Selections;

/// <summary>Static lists on a real SQLite file: freezing a selection, members by hand, combining, who may change what.</summary>
public class StaticListTests : HarnessTest, IDisposable
{
    private readonly CultureInfo culture = CultureInfo.CurrentCulture, uiCulture = CultureInfo.CurrentUICulture;

    public StaticListTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fi-FI");
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fi");
    }

    public void Dispose()
    {
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = uiCulture;
    }

    private StaticListService Lists => H.Service<StaticListService>();
    private StaticListBrowser Browser => H.Service<StaticListBrowser>();

    /// <summary>Writes a saved selection straight to the database (saving is the builder's part).</summary>
    private async Task<int> SaveSelectionAsync(string name, AppUser owner, SelectionTarget target, CriteriaGroup criteria,
        SelectionPurpose purpose = SelectionPurpose.General, bool shared = false)
    {
        await using var db = H.Db();
        var selection = new Selection
        {
            Name = name, Kind = SelectionKind.Dynamic, Target = target, Purpose = purpose, CriteriaJson = CriteriaJson.Write(criteria),
            OwnerUserId = owner.Id, IsShared = shared, CreatedAtUtc = CoreHarness.Now.UtcDateTime, UpdatedAtUtc = CoreHarness.Now.UtcDateTime,
        };
        db.Selections.Add(selection);
        await db.SaveChangesAsync();
        return selection.Id;
    }

    private async Task<int> ListOfAsync(string name, SelectionTarget target, params int[] members)
    {
        var id = await Lists.CreateAsync(name, target, SelectionPurpose.General);
        if (members.Length > 0) await Lists.AddMembersAsync(id, members);
        return id;
    }

    private async Task<List<int>> SavedMembersAsync(int id)
    {
        await using var db = H.Db();
        return (await (await H.Service<SelectionEngine>().SavedMemberIdsAsync(db, id, default)).ToListAsync()).Order().ToList();
    }

    private async Task<Selection> StoredAsync(int id)
    {
        await using var db = H.Db();
        return await db.Selections.AsNoTracking().SingleAsync(s => s.Id == id);
    }

    private static CriteriaGroup InEspoo => new() { Children = [new MunicipalityCriterion { Codes = ["049"] }] };

    [Fact]
    public async Task Freeze_keeps_the_members_of_that_moment_while_the_selection_moves_on()
    {
        var marketer = await H.SignInAsAsync(UserGroup.SalesAndMarketing);
        var a = await H.AddCustomerAsync("Espoon Kone Oy", municipalityCode: "049");
        var b = await H.AddCustomerAsync("Espoon Puu Oy", municipalityCode: "049");
        await H.AddCustomerAsync("Helsingin Sähkö Oy", municipalityCode: "091");
        var selection = await SaveSelectionAsync("Espoo", marketer, SelectionTarget.Customers, InEspoo, SelectionPurpose.Email);

        var listId = await Lists.FreezeAsync(selection, "Espoo maaliskuu");

        Assert.Equal([a.Id, b.Id], await SavedMembersAsync(listId));
        var list = await StoredAsync(listId);
        Assert.Equal(SelectionKind.Static, list.Kind);
        Assert.Equal(SelectionTarget.Customers, list.Target);
        Assert.Equal(SelectionPurpose.Email, list.Purpose);
        Assert.Equal(["049"], Assert.IsType<MunicipalityCriterion>(CriteriaJson.Read(list.CriteriaJson).Children.Single()).Codes);
        Assert.Equal("Jäädytetty poiminnasta \"Espoo\" 10.3.2026.", list.Description);
        Assert.Equal(marketer.Id, list.OwnerUserId);

        var c = await H.AddCustomerAsync("Espoon Uusi Oy", municipalityCode: "049");
        Assert.Equal([a.Id, b.Id, c.Id], await SavedMembersAsync(selection));
        Assert.Equal([a.Id, b.Id], await SavedMembersAsync(listId));
    }

    [Fact]
    public async Task Frozen_description_prints_the_date_in_english_too()
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-US");
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        var marketer = await H.SignInAsAsync(UserGroup.SalesAndMarketing);
        var selection = await SaveSelectionAsync("Espoo", marketer, SelectionTarget.Customers, InEspoo);

        var listId = await Lists.FreezeAsync(selection, "Espoo March");

        Assert.Equal("Frozen from \"Espoo\" on 3/10/2026.", (await StoredAsync(listId)).Description);
    }

    [Fact]
    public async Task A_contact_who_leaves_after_the_freeze_drops_out_of_the_members_but_stays_on_the_page_marked()
    {
        var marketer = await H.SignInAsAsync(UserGroup.SalesAndMarketing);
        var customer = await H.AddCustomerAsync("Espoon Kone Oy", municipalityCode: "049");
        var stays = await H.AddContactAsync(customer.Id, "Aino", "Aalto", p => p.Email = "aino@example.fi");
        var leaves = await H.AddContactAsync(customer.Id, "Lauri", "Lähtijä", p => p.Email = "lauri@example.fi");
        var selection = await SaveSelectionAsync("Espoo contacts", marketer, SelectionTarget.Contacts, InEspoo);
        var listId = await Lists.FreezeAsync(selection, "Jäädytetty");
        Assert.Equal([stays.Id, leaves.Id], await SavedMembersAsync(listId));

        await using (var db = H.Db())
            await db.Contacts.Where(p => p.Id == leaves.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.HasLeft, true));

        Assert.Equal([stays.Id], await SavedMembersAsync(listId));
        var page = await Browser.MembersAsync(listId, 0, 25);
        Assert.Equal(2, page.TotalCount);
        Assert.True(page.Items.Single(m => m.MemberId == leaves.Id).ContactLeft);
        var view = await Browser.GetAsync(listId);
        Assert.Equal((2, 1), (view.MemberCount, view.ReachedCount));
    }

    [Fact]
    public async Task An_opted_out_contact_stays_on_an_email_list_marked_but_is_not_reached()
    {
        await H.SignInAsAsync(UserGroup.SalesAndMarketing);
        var customer = await H.AddCustomerAsync("Espoon Kone Oy");
        var mailed = await H.AddContactAsync(customer.Id, "Aino", "Aalto", p => p.Email = "aino@example.fi");
        var optedOut = await H.AddContactAsync(customer.Id, "Eero", "Ei-Postia", p => { p.Email = "eero@example.fi"; p.NoMarketingEmail = true; });
        var noEmail = await H.AddContactAsync(customer.Id, "Niko", "Nettitön");
        var listId = await Lists.CreateAsync("Kutsu", SelectionTarget.Contacts, SelectionPurpose.Email);

        Assert.Equal(3, await Lists.AddMembersAsync(listId, [mailed.Id, optedOut.Id, noEmail.Id]));

        var view = await Browser.GetAsync(listId);
        Assert.Equal((3, 2, 1, 1), (view.MemberCount, view.ReachedCount, view.MissingEmailCount, view.NotMailedCount));
        Assert.Equal([mailed.Id, noEmail.Id], await SavedMembersAsync(listId));
        Assert.True((await Browser.MembersAsync(listId, 0, 25)).Items.Single(m => m.MemberId == optedOut.Id).NoMarketingEmail);
    }

    [Fact]
    public async Task Members_by_hand_skip_duplicates_and_refuse_passive_customers_and_unknown_ids_without_changing_the_list()
    {
        var marketer = await H.SignInAsAsync(UserGroup.SalesAndMarketing);
        var a = await H.AddCustomerAsync("Aalto Oy");
        var b = await H.AddCustomerAsync("Berg Oy");
        var passive = await H.AddCustomerAsync("Lopettanut Oy", passive: true);
        var listId = await Lists.CreateAsync("Käsin", SelectionTarget.Customers, SelectionPurpose.General);
        var created = await StoredAsync(listId);

        H.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await Lists.AddMembersAsync(listId, [a.Id, a.Id]));
        Assert.Equal(1, await Lists.AddMembersAsync(listId, [a.Id, b.Id]));
        Assert.Equal(0, await Lists.AddMembersAsync(listId, [b.Id]));
        var stamped = await StoredAsync(listId);
        Assert.NotEqual(created.Version, stamped.Version);
        Assert.Equal(CoreHarness.Now.UtcDateTime.AddHours(1), stamped.UpdatedAtUtc);
        Assert.Equal(marketer.DisplayName, stamped.UpdatedByName);

        var refused = await Assert.ThrowsAsync<DomainException>(() => Lists.AddMembersAsync(listId, [passive.Id]));
        Assert.Contains("Lopettanut Oy on passiivinen asiakas", refused.Message);
        var unknown = await Assert.ThrowsAsync<DomainException>(() => Lists.AddMembersAsync(listId, [99_999]));
        Assert.Contains("1 valituista asiakkaista ei löydy", unknown.Message);
        Assert.Equal([a.Id, b.Id], await SavedMembersAsync(listId));

        Assert.Equal(1, await Lists.RemoveMembersAsync(listId, [a.Id, 99_999]));
        Assert.Equal(0, await Lists.RemoveMembersAsync(listId, [a.Id]));
        Assert.Equal([b.Id], await SavedMembersAsync(listId));
    }

    [Fact]
    public async Task A_contact_list_refuses_a_contact_who_left_and_a_customer_id()
    {
        await H.SignInAsAsync(UserGroup.SalesAndMarketing);
        var customer = await H.AddCustomerAsync("Aalto Oy");
        var left = await H.AddContactAsync(customer.Id, "Lauri", "Lähtijä", p => p.HasLeft = true);
        var listId = await Lists.CreateAsync("Henkilöt", SelectionTarget.Contacts, SelectionPurpose.General);

        var refused = await Assert.ThrowsAsync<DomainException>(() => Lists.AddMembersAsync(listId, [left.Id]));
        Assert.Contains("Lauri Lähtijä on lähtenyt asiakkaalta", refused.Message);
        await Assert.ThrowsAsync<DomainException>(() => Lists.AddMembersAsync(listId, [customer.Id + 1000]));
        Assert.Empty(await SavedMembersAsync(listId));
    }

    [Fact]
    public async Task Combining_gives_union_intersection_and_minus_in_new_lists()
    {
        var marketer = await H.SignInAsAsync(UserGroup.SalesAndMarketing);
        var ids = new List<int>();
        foreach (var (name, town) in new[] { ("A Oy", "049"), ("B Oy", "049"), ("C Oy", "091"), ("D Oy", "091"), ("E Oy", "092") })
            ids.Add((await H.AddCustomerAsync(name, municipalityCode: town)).Id);
        var (a, b, c, d, e) = (ids[0], ids[1], ids[2], ids[3], ids[4]);
        var left = await ListOfAsync("Vasen", SelectionTarget.Customers, a, b, c);
        var right = await ListOfAsync("Oikea", SelectionTarget.Customers, b, c, d);
        var espoo = await SaveSelectionAsync("Espoo", marketer, SelectionTarget.Customers, InEspoo);

        var union = await Lists.CombineAsync(left, SetOperation.Union, right, "Yhdiste");
        var intersection = await Lists.CombineAsync(left, SetOperation.Intersection, right, "Leikkaus");
        var minus = await Lists.CombineAsync(left, SetOperation.Minus, right, "Erotus");
        var notEspoo = await Lists.CombineAsync(right, SetOperation.Minus, espoo, "Muut kuin Espoo");

        Assert.Equal([a, b, c, d], await SavedMembersAsync(union));
        Assert.Equal([b, c], await SavedMembersAsync(intersection));
        Assert.Equal([a], await SavedMembersAsync(minus));
        Assert.Equal([c, d], await SavedMembersAsync(notEspoo));
        Assert.DoesNotContain(e, await SavedMembersAsync(union));
        var stored = await StoredAsync(minus);
        Assert.Equal((SelectionKind.Static, "Erotus: \"Vasen\" ilman listan \"Oikea\" jäseniä."), (stored.Kind, stored.Description));
    }

    [Fact]
    public async Task Combining_a_customer_list_with_a_contact_list_is_refused()
    {
        await H.SignInAsAsync(UserGroup.SalesAndMarketing);
        var customers = await ListOfAsync("Asiakkaat", SelectionTarget.Customers);
        var contacts = await ListOfAsync("Henkilöt", SelectionTarget.Contacts);

        var refused = await Assert.ThrowsAsync<DomainException>(() => Lists.CombineAsync(customers, SetOperation.Union, contacts, "Sekaisin"));

        Assert.Contains("toinen listaa asiakkaita, toinen yhteyshenkilöitä", refused.Message);
        await using var db = H.Db();
        Assert.Equal(2, await db.Selections.CountAsync());
    }

    [Fact]
    public async Task Only_the_owner_or_an_administrator_changes_a_list_and_others_use_a_shared_one()
    {
        var owner = await H.SignInAsAsync(UserGroup.SalesAndMarketing);
        var customer = await H.AddCustomerAsync("Aalto Oy");
        var privateList = await ListOfAsync("Oma", SelectionTarget.Customers, customer.Id);
        var sharedList = await ListOfAsync("Jaettu", SelectionTarget.Customers, customer.Id);
        await using (var db = H.Db())
            await db.Selections.Where(s => s.Id == sharedList).ExecuteUpdateAsync(s => s.SetProperty(x => x.IsShared, true));

        var colleague = await H.CreateUserAsync(UserGroup.AccountManager, "Kaisa Kollega");
        H.SignInAs(colleague);
        await Assert.ThrowsAsync<NotFoundException>(() => Lists.AddMembersAsync(privateList, [customer.Id]));
        await Assert.ThrowsAsync<NotFoundException>(() => Lists.FreezeAsync(privateList, "Kopio"));
        await Assert.ThrowsAsync<NotFoundException>(() => Browser.GetAsync(privateList));
        var forbidden = await Assert.ThrowsAsync<ForbiddenException>(() => Lists.RemoveMembersAsync(sharedList, [customer.Id]));
        Assert.Contains("Vain listan omistaja", forbidden.Message);
        Assert.False((await Browser.GetAsync(sharedList)).CanEdit);
        var copy = await Lists.FreezeAsync(sharedList, "Kaisan kopio");
        var combined = await Lists.CombineAsync(sharedList, SetOperation.Union, copy, "Kaisan yhdiste");
        Assert.Equal(colleague.Id, (await StoredAsync(combined)).OwnerUserId);
        Assert.Equal(1, await Lists.RemoveMembersAsync(copy, [customer.Id]));

        await H.SignInAsAsync(UserGroup.Administrator);
        Assert.True((await Browser.GetAsync(privateList)).CanEdit);
        Assert.Equal(1, await Lists.RemoveMembersAsync(privateList, [customer.Id]));
        Assert.Equal([customer.Id], await SavedMembersAsync(sharedList));
    }

    [Fact]
    public async Task A_change_saved_by_someone_else_meanwhile_is_shown_as_a_conflict()
    {
        await H.SignInAsAsync(UserGroup.SalesAndMarketing);
        var customer = await H.AddCustomerAsync("Aalto Oy");
        var listId = await ListOfAsync("Kilpailu", SelectionTarget.Customers);
        // The service reads the clock between loading the list and saving it: another save lands exactly there.
        H.Clock.OnNextRead(() =>
        {
            using var db = H.Db();
            db.Selections.Where(s => s.Id == listId).ExecuteUpdate(s => s.SetProperty(x => x.Version, Guid.NewGuid()));
        });

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Lists.AddMembersAsync(listId, [customer.Id]));

        Assert.Contains("Joku muu muutti listaa", conflict.Message);
        Assert.Empty(await SavedMembersAsync(listId));
    }

    [Fact]
    public async Task A_dynamic_selection_is_not_edited_as_a_list_and_a_name_is_required()
    {
        var marketer = await H.SignInAsAsync(UserGroup.SalesAndMarketing);
        var selection = await SaveSelectionAsync("Espoo", marketer, SelectionTarget.Customers, InEspoo);

        await Assert.ThrowsAsync<DomainException>(() => Lists.AddMembersAsync(selection, [1]));
        var invalid = await Assert.ThrowsAsync<ValidationFailedException>(() => Lists.CreateAsync("  ", SelectionTarget.Customers, SelectionPurpose.General));
        Assert.Equal("Name", invalid.Errors.Single().Field);
    }

    [Fact]
    public async Task Freezing_and_combining_thousands_of_contacts_copies_every_one_and_the_page_reads_them_in_pages()
    {
        var marketer = await H.SignInAsAsync(UserGroup.SalesAndMarketing);
        var espoo = await H.AddCustomerAsync("Espoon Iso Oy", municipalityCode: "049");
        var helsinki = await H.AddCustomerAsync("Helsingin Iso Oy", municipalityCode: "091");
        await using (var db = H.Db())
        {
            foreach (var (customerId, count) in new[] { (espoo.Id, 6000), (helsinki.Id, 4000) })
                db.Contacts.AddRange(Enumerable.Range(1, count).Select(i => new Portaali.Core.Contacts.Contact
                {
                    CustomerId = customerId, FirstName = "Henkilö", LastName = $"{i:00000}", NameSearch = $"henkilö {i:00000}",
                    Email = $"h{customerId}.{i}@example.fi",
                }));
            await db.SaveChangesAsync();
        }
        var everyone = await SaveSelectionAsync("Kaikki", marketer, SelectionTarget.Contacts, new CriteriaGroup());
        var inEspoo = await SaveSelectionAsync("Espoo", marketer, SelectionTarget.Contacts, InEspoo);

        var frozen = await Lists.FreezeAsync(everyone, "Kaikki jäädytettynä");
        var notEspoo = await Lists.CombineAsync(frozen, SetOperation.Minus, inEspoo, "Muut kuin Espoo");

        Assert.Equal(10_000, (await SavedMembersAsync(frozen)).Count);
        Assert.Equal(4000, (await SavedMembersAsync(notEspoo)).Count);
        var page = await Browser.MembersAsync(notEspoo, 50, 25);
        Assert.Equal(4000, page.TotalCount);
        Assert.Equal(Enumerable.Range(51, 25).Select(i => $"Henkilö {i:00000}"), page.Items.Select(m => m.ContactName));
        Assert.All(page.Items, m => Assert.Equal("Helsingin Iso Oy", m.CustomerName));
    }

    [Fact]
    public async Task The_add_search_offers_active_records_not_yet_on_the_list()
    {
        await H.SignInAsAsync(UserGroup.SalesAndMarketing);
        var on = await H.AddCustomerAsync("Metalli Aalto Oy");
        var off = await H.AddCustomerAsync("Metalli Berg Oy");
        await H.AddCustomerAsync("Metalli Passiivinen Oy", passive: true);
        var listId = await ListOfAsync("Metallit", SelectionTarget.Customers, on.Id);

        var found = await Browser.CandidatesAsync(listId, "METALLI");

        Assert.Equal([off.Id], found.Select(f => f.Id));
    }
}
