using Microsoft.EntityFrameworkCore;
using Portaali.Core.Auditing;
using Portaali.Core.Campaigns;
using Portaali.Core.Common;
using Portaali.Core.Selections;
using Portaali.Core.Users;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Campaigns;

/// <summary>Members come from saved selections and lists, one by one, and move through the steps.</summary>
public class CampaignMemberTests : HarnessTest
{
    private CampaignService Campaigns => H.Service<CampaignService>();

    [Fact]
    public async Task A_customer_selection_adds_the_customers_active_contacts_once_and_leaves_existing_members_at_their_step()
    {
        var user = await H.SignInAsAsync(UserGroup.SalesAndMarketing);
        var espooA = await H.AddCustomerAsync("Espoon Kone Oy", municipalityCode: "049");
        var espooB = await H.AddCustomerAsync("Espoon Sähkö Oy", municipalityCode: "049");
        var passive = await H.AddCustomerAsync("Lopettanut Oy", municipalityCode: "049", passive: true);
        var helsinki = await H.AddCustomerAsync("Helsingin Valimo Oy", municipalityCode: "091");
        await H.AddContactAsync(espooA.Id, "Aino", "Aalto");
        await H.AddContactAsync(espooA.Id, "Bertta", "Berg");
        await H.AddContactAsync(espooA.Id, "Lähtenyt", "Pois", p => p.HasLeft = true);
        await H.AddContactAsync(espooB.Id, "Cecilia", "Carlsson");
        await H.AddContactAsync(passive.Id, "Passiivi", "Asiakas");
        await H.AddContactAsync(helsinki.Id, "Helsinki", "Henkilö");
        var espoo = await H.SaveSelectionAsync("Espoo", SelectionTarget.Customers,
            new CriteriaGroup { Children = [new MunicipalityCriterion { Codes = ["049"] }] }, user.Id);
        var campaign = await H.NewCampaignAsync("Kevätseminaari");

        var first = await Campaigns.AddFromSelectionAsync(campaign, espoo);

        Assert.Equal(new MembersAdded(3, 0, 0), first);
        Assert.Equal([("Aino", CampaignStep.Added), ("Bertta", CampaignStep.Added), ("Cecilia", CampaignStep.Added)], await H.MembersAsync(campaign));

        await Campaigns.SetStepAsync(campaign, [await H.MemberIdAsync(campaign, "Aino")], CampaignStep.Registered);
        await H.AddContactAsync(espooB.Id, "Daniel", "Dahl");
        var second = await Campaigns.AddFromSelectionAsync(campaign, espoo);

        Assert.Equal(new MembersAdded(1, 3, 0), second);
        Assert.Equal([("Aino", CampaignStep.Registered), ("Bertta", CampaignStep.Added), ("Cecilia", CampaignStep.Added), ("Daniel", CampaignStep.Added)],
            await H.MembersAsync(campaign));
    }

    [Fact]
    public async Task The_next_campaign_leaves_out_those_who_registered_but_did_not_attend_the_previous_one()
    {
        var user = await H.SignInAsAsync(UserGroup.Communications);
        var customer = await H.AddCustomerAsync("Vantaan Logistiikka Oy");
        var came = await H.AddContactAsync(customer.Id, "Tuli", "Paikalle");
        var absent = await H.AddContactAsync(customer.Id, "Jäi", "Pois");
        var invited = await H.AddContactAsync(customer.Id, "Kutsuttu", "Vain");
        var left = await H.AddContactAsync(customer.Id, "Lähti", "Firmasta", p => p.HasLeft = true);
        var list = await H.SaveStaticListAsync("Logistiikan yhteyshenkilöt", SelectionTarget.Contacts, [came.Id, absent.Id, invited.Id, left.Id], user.Id);
        var autumn = await H.NewCampaignAsync("Syysseminaari");
        await Campaigns.AddFromSelectionAsync(autumn, list);
        await Campaigns.SetStepAsync(autumn, [await H.MemberIdAsync(autumn, "Tuli"), await H.MemberIdAsync(autumn, "Jäi")], CampaignStep.Registered);
        await Campaigns.SetStepAsync(autumn, [await H.MemberIdAsync(autumn, "Tuli")], CampaignStep.Attended);
        await Campaigns.SetStepAsync(autumn, [await H.MemberIdAsync(autumn, "Jäi")], CampaignStep.Absent);
        await Campaigns.SetStepAsync(autumn, [await H.MemberIdAsync(autumn, "Kutsuttu")], CampaignStep.Invited);
        var spring = await H.NewCampaignAsync("Kevätseminaari");

        var result = await Campaigns.AddFromSelectionAsync(spring, list, CampaignExclusion.RegisteredButAbsent(autumn));

        Assert.Equal(new MembersAdded(2, 0, 1), result);
        Assert.Equal([("Kutsuttu", CampaignStep.Added), ("Tuli", CampaignStep.Added)], await H.MembersAsync(spring));
    }

    [Fact]
    public async Task One_contact_is_added_by_hand_only_once_and_removed_members_are_gone()
    {
        await H.SignInAsAsync(UserGroup.SalesAndMarketing);
        var customer = await H.AddCustomerAsync("Keravan Puu Oy");
        var pekka = await H.AddContactAsync(customer.Id, "Pekka", "Puuseppä", p => p.Email = "pekka@puu.fi");
        var campaign = await H.NewCampaignAsync("Messut", CampaignKind.Mailing);

        var found = await H.Service<CampaignQueries>().SearchContactsAsync(campaign, "puuseppä");
        Assert.Equal(["Pekka Puuseppä"], found.Select(c => c.Name));
        Assert.True(await Campaigns.AddContactAsync(campaign, pekka.Id));
        Assert.False(await Campaigns.AddContactAsync(campaign, pekka.Id));
        Assert.True((await H.Service<CampaignQueries>().SearchContactsAsync(campaign, "pekka@")).Single().AlreadyMember);

        Assert.Equal(1, await Campaigns.RemoveMembersAsync(campaign, [await H.MemberIdAsync(campaign, "Pekka")]));
        Assert.Empty(await H.MembersAsync(campaign));
    }

    [Fact]
    public async Task A_step_change_stamps_time_and_name_in_bulk_and_a_move_back_is_written_to_the_customers_history()
    {
        var user = await H.SignInAsAsync(UserGroup.SalesAndMarketing);
        var customer = await H.AddCustomerAsync("Porvoon Paino Oy");
        foreach (var name in new[] { "Anna", "Eero", "Outi" }) await H.AddContactAsync(customer.Id, name, "Porvoo");
        var list = await H.SaveStaticListAsync("Painot", SelectionTarget.Customers, [customer.Id], user.Id);
        var campaign = await H.NewCampaignAsync("Avoimet ovet");
        await Campaigns.AddFromSelectionAsync(campaign, list);
        var anna = await H.MemberIdAsync(campaign, "Anna");
        var eero = await H.MemberIdAsync(campaign, "Eero");
        H.Clock.Advance(TimeSpan.FromHours(2));

        Assert.Equal(2, await Campaigns.SetStepAsync(campaign, [anna, eero], CampaignStep.Registered));
        Assert.Equal(0, await Campaigns.SetStepAsync(campaign, [anna], CampaignStep.Registered));

        var rows = (await H.Service<CampaignQueries>().MembersAsync(new CampaignMemberQuery(campaign) { Step = CampaignStep.Registered })).Items;
        Assert.Equal(["Anna Porvoo", "Eero Porvoo"], rows.Select(r => r.ContactName));
        Assert.All(rows, r => Assert.Equal((CoreHarness.Now.UtcDateTime.AddHours(2), user.DisplayName), (r.StepChangedAtUtc, r.StepChangedByName)));
        await using (var db = H.Db()) Assert.Empty(await db.AuditEntries.Where(a => a.EntityType == "CampaignMember").ToListAsync());

        await Campaigns.SetStepAsync(campaign, [eero], CampaignStep.Invited);

        Assert.Equal([("Anna", CampaignStep.Registered), ("Eero", CampaignStep.Invited), ("Outi", CampaignStep.Added)], await H.MembersAsync(campaign));
        await using var check = H.Db();
        var entry = await check.AuditEntries.SingleAsync(a => a.EntityType == "CampaignMember");
        Assert.Equal((customer.Id, eero, "CampaignStepCorrected", user.DisplayName), (entry.CustomerId, entry.EntityId, entry.Action, entry.UserName));
        Assert.Contains(new FieldChange("CampaignStep", "Registered", "Invited"), AuditLog.ParseChanges(entry.Changes));
        Assert.Contains(new FieldChange("Campaign", null, "Avoimet ovet"), AuditLog.ParseChanges(entry.Changes));
    }

    [Fact]
    public async Task Results_count_each_step_and_the_funnel_shares()
    {
        var user = await H.SignInAsAsync(UserGroup.Management);
        var customer = await H.AddCustomerAsync("Lahden Lasi Oy");
        var ids = new List<int>();
        for (var i = 0; i < 10; i++) ids.Add((await H.AddContactAsync(customer.Id, $"Henkilö{i:00}", "Lasi")).Id);
        var list = await H.SaveStaticListAsync("Lasi", SelectionTarget.Contacts, ids, user.Id);
        var campaign = await H.NewCampaignAsync("Lasipäivä");
        await Campaigns.AddFromSelectionAsync(campaign, list);
        var members = (await H.Service<CampaignQueries>().MembersAsync(new CampaignMemberQuery(campaign))).Items.Select(m => m.MemberId).ToList();
        await Campaigns.SetStepAsync(campaign, members[..8], CampaignStep.Invited);
        await Campaigns.SetStepAsync(campaign, members[..4], CampaignStep.Registered);
        await Campaigns.SetStepAsync(campaign, members[..3], CampaignStep.Attended);
        await Campaigns.SetStepAsync(campaign, members[3..4], CampaignStep.Absent);

        var results = await H.Service<CampaignQueries>().ResultsAsync(campaign);

        Assert.Equal([2, 4, 0, 3, 1], results.Steps.Select(s => s.Count));
        Assert.Equal([10, 8, 4, 3], results.Funnel.Select(f => f.Count));
        Assert.Equal(0.5m, results.RegisteredShare);
        Assert.Equal(0.75m, results.AttendedShare);
        var summary = (await H.Service<CampaignQueries>().ListAsync()).Items.Single();
        Assert.Equal((10, 4, 0, 3, 1), (summary.Members, summary.Invited, summary.Registered, summary.Attended, summary.Absent));
    }

    [Fact]
    public async Task Campaigns_are_for_those_who_run_them()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        await Assert.ThrowsAsync<ForbiddenException>(() => H.NewCampaignAsync("Ei oikeutta"));
        await Assert.ThrowsAsync<ForbiddenException>(() => H.Service<CampaignQueries>().ListAsync());
    }

    [Fact]
    public async Task Someone_elses_personal_selection_cannot_fill_a_campaign_but_a_shared_one_can()
    {
        var owner = await H.SignInAsAsync(UserGroup.SalesAndMarketing);
        var customer = await H.AddCustomerAsync("Järvenpään Jäähalli Oy");
        await H.AddContactAsync(customer.Id, "Jussi", "Jää");
        var personal = await H.SaveStaticListAsync("Oma lista", SelectionTarget.Customers, [customer.Id], owner.Id);
        await H.SignInAsAsync(UserGroup.Communications);
        var campaign = await H.NewCampaignAsync("Jäätapahtuma");

        await Assert.ThrowsAsync<NotFoundException>(() => Campaigns.AddFromSelectionAsync(campaign, personal));
        await Assert.ThrowsAsync<NotFoundException>(() => Campaigns.CreateFromSelectionAsync(new CampaignEdit { Name = "Toinen" }, personal));
        Assert.Empty(await H.MembersAsync(campaign));

        await using (var db = H.Db())
            await db.Selections.Where(s => s.Id == personal).ExecuteUpdateAsync(u => u.SetProperty(s => s.IsShared, true));
        Assert.Equal(1, (await Campaigns.AddFromSelectionAsync(campaign, personal)).Added);
    }
}
