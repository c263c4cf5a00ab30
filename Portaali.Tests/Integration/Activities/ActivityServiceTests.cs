using Microsoft.EntityFrameworkCore;
using Portaali.Core.Activities;
using Portaali.Core.Common;
using Portaali.Core.Users;
using Portaali.Tests.Support;
using static Portaali.Tests.Integration.Activities.ActivityTestData;

namespace Portaali.Tests.Integration.Activities;

public class ActivityServiceTests : HarnessTest
{
    // The harness clock is Tuesday 2026-03-10 09:30 UTC = 11:30 in Helsinki.
    private static readonly DateTime Tomorrow10 = new(2026, 3, 11, 10, 0, 0);
    private static readonly DateTime Yesterday14 = new(2026, 3, 9, 14, 0, 0);

    [Fact]
    public async Task Migration_brings_the_fifteen_activity_types_and_the_visit_template()
    {
        await using var db = H.Db();
        Assert.Equal(15, await db.ActivityTypes.CountAsync());
        var template = await db.ActivityTemplates.SingleAsync(t => t.ActivityTypeId == Visit);
        Assert.StartsWith("Tavoite", template.Body);
        Assert.Contains("Sovitut asiat", template.Body);
        Assert.True((await db.ActivityKeywords.SingleAsync(k => k.Id == Negative)).NeedsResolution);
    }

    [Fact]
    public async Task Future_visit_is_stored_open_in_helsinki_time_with_its_iso_week()
    {
        var me = await H.SignInAsAsync(UserGroup.AccountManager);
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy");
        var id = await H.Activities.CreateAsync(Edit(Visit, customer.Id, "Käynti: koulutustarpeet", Tomorrow10, 90));

        var details = await H.Activities.GetAsync(id);
        Assert.Equal(ActivityStatus.Open, details.Edit.Status);
        Assert.Equal(new TimeSpan(10, 0, 0), details.Edit.StartTime);
        Assert.Equal([me.Id], details.Edit.ParticipantIds);
        await using var db = H.Db();
        var stored = await db.Activities.SingleAsync();
        Assert.Equal(new DateTime(2026, 3, 11, 8, 0, 0), stored.StartsAtUtc);
        Assert.Equal((2026, 11), (stored.IsoYear, stored.IsoWeek));
    }

    [Fact]
    public async Task Passivated_customer_rejects_new_activity()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        var customer = await H.AddCustomerAsync("Lopettanut Oy", passive: true);
        using var _ = UiCulture.Finnish();

        var error = await Assert.ThrowsAsync<DomainException>(() => H.Activities.CreateAsync(Edit(Call, customer.Id, "Soitto", Yesterday14)));
        Assert.Contains("Lopettanut Oy on passiivinen", error.Message);
        await using var db = H.Db();
        Assert.Equal(0, await db.Activities.CountAsync());
    }

    [Fact]
    public async Task Type_cannot_be_changed_through_the_service()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy");
        var id = await H.Activities.CreateAsync(Edit(Call, customer.Id, "Soitto: tarjous", Yesterday14, 15));
        var edit = (await H.Activities.GetAsync(id)).Edit;
        edit.TypeId = Visit;

        await Assert.ThrowsAsync<DomainException>(() => H.Activities.UpdateAsync(id, edit));
        await using var db = H.Db();
        Assert.Equal(Call, (await db.Activities.SingleAsync()).ActivityTypeId);
    }

    [Fact]
    public async Task Negative_feedback_stays_open_until_resolved_with_a_note()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy");
        var id = await H.Activities.CreateAsync(Edit(Feedback, customer.Id, "Laskussa virhe", Yesterday14, 15, keyword: Negative));
        var details = await H.Activities.GetAsync(id);
        Assert.Equal(ActivityStatus.Open, details.Edit.Status);

        await Assert.ThrowsAsync<ValidationFailedException>(() => H.Activities.SetStatusAsync(id, ActivityStatus.Done, null, details.Edit.Version));
        await H.Activities.SetStatusAsync(id, ActivityStatus.Done, "Hyvityslasku lähetetty.", details.Edit.Version);

        var closed = await H.Activities.GetAsync(id);
        Assert.Equal(ActivityStatus.Done, closed.Edit.Status);
        Assert.Equal("Hyvityslasku lähetetty.", closed.Edit.ResolutionNote);
        Assert.NotNull(closed.ResolvedAtUtc);
    }

    [Fact]
    public async Task Contact_of_another_customer_cannot_be_attached()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        var mine = await H.AddCustomerAsync("Virtasen Kuljetus Oy");
        var other = await H.AddCustomerAsync("Muu Oy");
        var stranger = await H.AddContactAsync(other.Id, "Outi", "Ulkopuolinen");

        await Assert.ThrowsAsync<ValidationFailedException>(() =>
            H.Activities.CreateAsync(Edit(Visit, mine.Id, "Käynti", Tomorrow10, contacts: [stranger.Id])));
    }

    [Fact]
    public async Task Customer_independent_planning_is_allowed_but_a_call_needs_a_customer()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        var id = await H.Activities.CreateAsync(Edit(Planning, null, "Viikon suunnittelu", Yesterday14));
        Assert.True(id > 0);
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => H.Activities.CreateAsync(Edit(Call, null, "Soitto", Yesterday14)));
        Assert.Contains(error.Errors, e => e.Field == "CustomerId");
    }

    [Fact]
    public async Task Colleague_attached_sees_it_in_open_activities_overdue_first_until_marked_ok()
    {
        var minna = await H.CreateUserAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var janne = await H.CreateUserAsync(UserGroup.AccountManager, "Janne Koskela");
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy");
        H.SignInAs(minna);
        var future = await H.Activities.CreateAsync(Edit(Visit, customer.Id, "Käynti yhdessä", Tomorrow10, participants: [minna.Id, janne.Id]));
        var overdue = await H.Activities.CreateAsync(Edit(Call, customer.Id, "Soittamatta jäänyt", Yesterday14, participants: [janne.Id],
            status: ActivityStatus.Open));
        await H.Activities.CreateAsync(Edit(Call, customer.Id, "Hoidettu soitto", Yesterday14, participants: [janne.Id]));

        H.SignInAs(janne);
        var open = (await H.Activities.MyOpenAsync()).Items;
        Assert.Equal([overdue, future], open.Select(r => r.Id));
        Assert.True(open[0].IsOverdue);
        Assert.False(open[1].IsOverdue);
        Assert.Contains("Minna Lehtonen", open[1].Participants);

        await H.Activities.SetStatusAsync(future, ActivityStatus.Done, null, open[1].Version);
        Assert.Equal([overdue], (await H.Activities.MyOpenAsync()).Items.Select(r => r.Id));
        H.SignInAs(minna);
        Assert.Empty((await H.Activities.MyOpenAsync()).Items);
    }

    [Fact]
    public async Task Stale_edit_is_a_conflict_not_a_silent_overwrite()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy");
        var id = await H.Activities.CreateAsync(Edit(Visit, customer.Id, "Käynti", Tomorrow10));
        var first = (await H.Activities.GetAsync(id)).Edit;
        var second = first.Copy();
        first.Title = "Käynti: ensimmäinen";
        await H.Activities.UpdateAsync(id, first);
        second.Title = "Käynti: toinen";

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => H.Activities.UpdateAsync(id, second));
        Assert.Equal("Käynti: ensimmäinen", (await H.Activities.GetAsync(id)).Edit.Title);
    }

    [Fact]
    public async Task Merging_a_duplicate_moves_its_activities_to_the_survivor()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        var survivor = await H.AddCustomerAsync("Virtasen Kuljetus Oy");
        var duplicate = await H.AddCustomerAsync("Virtasen Kuljetus");
        await H.Activities.CreateAsync(Edit(Call, duplicate.Id, "Soitto kaksoiskappaleelle", Yesterday14));

        await H.SignInAsAsync(UserGroup.Administrator);
        await H.Customers.MergeAsync(duplicate.Id, survivor.Id);

        Assert.Equal("Soitto kaksoiskappaleelle", Assert.Single((await H.Activities.ListForCustomerAsync(survivor.Id)).Items).Title);
    }

    [Fact]
    public async Task Only_administrators_keep_types_keywords_and_templates()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        await Assert.ThrowsAsync<ForbiddenException>(() => H.ActivitySetup.AddTypeAsync("Messut", "#123456", false));

        await H.SignInAsAsync(UserGroup.Administrator);
        var id = await H.ActivitySetup.AddTypeAsync("Messut", "#123456", false);
        await H.ActivitySetup.AddKeywordAsync(id, "Rekrytointimessut", false);
        await H.ActivitySetup.UpdateTypeAsync(id, "Messut ja tapahtumat", "#123456", false, retired: true);

        var form = await H.Activities.GetFormDataAsync();
        var type = form.Types.Single(t => t.Id == id);
        Assert.Equal("Messut ja tapahtumat", type.Name);
        Assert.True(type.IsRetired);
        Assert.Contains(form.Keywords, k => k.TypeId == id && k.Name == "Rekrytointimessut");
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => H.Activities.CreateAsync(Edit(id, null, "Messut", Yesterday14)));
        Assert.Contains(error.Errors, e => e.Field == "TypeId");
    }
}
