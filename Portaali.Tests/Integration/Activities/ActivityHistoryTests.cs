using Portaali.Core.Activities;
using Portaali.Core.Auditing;
using Portaali.Core.Common;
using Portaali.Core.Users;
using Portaali.Tests.Support;
using static Portaali.Tests.Integration.Activities.ActivityTestData;

namespace Portaali.Tests.Integration.Activities;

/// <summary>A customer's activities in its change history (Muutoshistoria): who created, edited, closed or resolved what.</summary>
public class ActivityHistoryTests : HarnessTest
{
    // The harness clock is Tuesday 2026-03-10 09:30 UTC = 11:30 in Helsinki.
    private static readonly DateTime Tomorrow10 = new(2026, 3, 11, 10, 0, 0);

    private async Task<List<AuditRow>> ActivityHistoryAsync(int customerId) =>
        (await H.Customers.GetAuditTrailAsync(customerId)).Where(r => r.EntityType == "Activity").ToList();

    private static string? New(AuditRow row, string field) => row.Changes.Single(c => c.Field == field).New;
    private static string? Old(AuditRow row, string field) => row.Changes.Single(c => c.Field == field).Old;

    [Fact]
    public async Task Recording_an_activity_shows_who_created_it_and_what_it_holds()
    {
        var minna = await H.CreateUserAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var janne = await H.CreateUserAsync(UserGroup.AccountManager, "Janne Koskela");
        H.SignInAs(minna);
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy");
        var contact = await H.AddContactAsync(customer.Id, "Pekka", "Virtanen");

        await H.Activities.CreateAsync(Edit(Visit, customer.Id, "Käynti: koulutustarpeet", Tomorrow10, 90,
            participants: [minna.Id, janne.Id], contacts: [contact.Id], memo: "Tavoite\nTrukkikortit"));

        var row = Assert.Single(await ActivityHistoryAsync(customer.Id));
        Assert.Equal("Minna Lehtonen", row.UserName);
        Assert.Equal("Created", row.Action);
        Assert.Equal("Käynti", New(row, "ActivityType"));
        Assert.Equal("Käynti: koulutustarpeet", New(row, "ActivityTitle"));
        Assert.Equal("11.3.2026 10:00", New(row, "StartsAt"));
        Assert.Equal("1 h 30 min", New(row, "Duration"));
        Assert.Equal("Open", New(row, "Status"));
        Assert.Equal("Janne Koskela, Minna Lehtonen", New(row, "Participants"));
        Assert.Equal("Pekka Virtanen", New(row, "Contacts"));
        Assert.Equal("Tavoite Trukkikortit", New(row, "Memo"));
        Assert.DoesNotContain(row.Changes, c => c.Field == "Customer"); // it is this customer's own history
    }

    [Fact]
    public async Task Moving_in_the_calendar_changes_only_the_start_and_the_history_says_so()
    {
        var minna = await H.SignInAsAsync(UserGroup.AccountManager);
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy");
        var id = await H.Activities.CreateAsync(Edit(Visit, customer.Id, "Käynti", Tomorrow10.AddMinutes(30), 90, memo: "Tavoite"));
        var shown = Assert.Single((await H.Calendar.GetEntriesAsync([minna.Id], new DateOnly(2026, 3, 9), new DateOnly(2026, 3, 15))).Entries);

        await H.Activities.MoveAsync(id, new DateTime(2026, 3, 12, 14, 30, 0), shown.Version);

        var moved = (await H.Activities.GetAsync(id)).Edit;
        Assert.Equal((new DateTime(2026, 3, 12), new TimeSpan(14, 30, 0)), (moved.Date, moved.StartTime));
        Assert.Equal((90, "Tavoite", ActivityStatus.Open), (moved.DurationMinutes, moved.Memo, moved.Status!.Value));
        Assert.Equal([minna.Id], moved.ParticipantIds);
        var row = (await ActivityHistoryAsync(customer.Id)).First();
        Assert.Equal(["Activity", "StartsAt"], row.Changes.Select(c => c.Field));
        Assert.Equal(("11.3.2026 10:30", "12.3.2026 14:30"), (Old(row, "StartsAt"), New(row, "StartsAt")));
    }

    [Fact]
    public async Task A_stale_calendar_card_cannot_move_an_activity_over_someone_elses_newer_edit()
    {
        var minna = await H.SignInAsAsync(UserGroup.AccountManager);
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy");
        var id = await H.Activities.CreateAsync(Edit(Visit, customer.Id, "Käynti", Tomorrow10));
        var shown = Assert.Single((await H.Calendar.GetEntriesAsync([minna.Id], new DateOnly(2026, 3, 9), new DateOnly(2026, 3, 15))).Entries);
        // A colleague edits the activity after the calendar was shown.
        var edit = (await H.Activities.GetAsync(id)).Edit;
        edit.Title = "Käynti: trukkikoulutus";
        edit.StartTime = new TimeSpan(12, 0, 0);
        await H.Activities.UpdateAsync(id, edit);
        using var _ = UiCulture.Finnish();

        var error = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            H.Activities.MoveAsync(id, new DateTime(2026, 3, 13, 9, 0, 0), shown.Version));

        Assert.Equal("Joku muu tallensi tämän toimenpiteen sillä välin. Lataa uusin versio ja tee muutoksesi uudelleen.", error.Message);
        var now = (await H.Activities.GetAsync(id)).Edit;
        Assert.Equal(("Käynti: trukkikoulutus", new DateTime(2026, 3, 11), new TimeSpan(12, 0, 0)), (now.Title, now.Date!.Value, now.StartTime!.Value));
    }

    [Fact]
    public async Task A_move_with_the_current_version_keeps_the_colleagues_earlier_edit()
    {
        var minna = await H.SignInAsAsync(UserGroup.AccountManager);
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy");
        var id = await H.Activities.CreateAsync(Edit(Visit, customer.Id, "Käynti", Tomorrow10));
        var edit = (await H.Activities.GetAsync(id)).Edit;
        edit.Title = "Käynti: trukkikoulutus";
        await H.Activities.UpdateAsync(id, edit);
        var shown = Assert.Single((await H.Calendar.GetEntriesAsync([minna.Id], new DateOnly(2026, 3, 9), new DateOnly(2026, 3, 15))).Entries);

        await H.Activities.MoveAsync(id, new DateTime(2026, 3, 13, 9, 0, 0), shown.Version);

        var now = (await H.Activities.GetAsync(id)).Edit;
        Assert.Equal(("Käynti: trukkikoulutus", new DateTime(2026, 3, 13)), (now.Title, now.Date!.Value));
    }

    [Fact]
    public async Task An_edit_lists_only_the_changed_fields_old_and_new_and_names_the_activity()
    {
        var minna = await H.SignInAsAsync(UserGroup.AccountManager);
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy");
        var id = await H.Activities.CreateAsync(Edit(Visit, customer.Id, "Käynti", Tomorrow10, 60,
            memo: "Tavoite\nSelvittää koulutustarve.\n\nSovitut asiat\n- Tarjous trukkikoulutuksesta"));
        var janne = await H.CreateUserAsync(UserGroup.AccountManager, "Janne Koskela");
        H.SignInAs(janne);

        var edit = (await H.Activities.GetAsync(id)).Edit;
        edit.StartTime = new TimeSpan(13, 0, 0);
        edit.DurationMinutes = 120;
        edit.Memo = "Tavoite\nSelvittää koulutustarve.\n\nSovitut asiat\n- Tarjous hitsauskoulutuksesta";
        await H.Activities.UpdateAsync(id, edit);

        var row = (await ActivityHistoryAsync(customer.Id)).First(); // newest first
        Assert.Equal(("Janne Koskela", "Updated"), (row.UserName, row.Action));
        Assert.Equal(["Activity", "StartsAt", "Duration", "Memo"], row.Changes.Select(c => c.Field));
        Assert.Equal("Käynti (11.3.2026)", New(row, "Activity"));
        Assert.Equal(("11.3.2026 10:00", "11.3.2026 13:00"), (Old(row, "StartsAt"), New(row, "StartsAt")));
        Assert.Equal(("1 h", "2 h"), (Old(row, "Duration"), New(row, "Duration")));
        // The memo is cut to the part that changed, so a long memo does not flood the history.
        Assert.EndsWith("Tarjous trukkikoulutuksesta", Old(row, "Memo"));
        Assert.EndsWith("Tarjous hitsauskoulutuksesta", New(row, "Memo"));
        Assert.StartsWith("…", New(row, "Memo"));
    }

    [Fact]
    public async Task Marking_a_visit_ok_is_a_status_change()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy");
        var id = await H.Activities.CreateAsync(Edit(Visit, customer.Id, "Käynti", Tomorrow10));

        await H.Activities.SetStatusAsync(id, ActivityStatus.Done, null, (await H.Activities.GetAsync(id)).Edit.Version);

        var row = (await ActivityHistoryAsync(customer.Id)).First();
        Assert.Equal("StatusChanged", row.Action);
        Assert.Equal(("Open", "Done"), (Old(row, "Status"), New(row, "Status")));
        Assert.Equal("Käynti (11.3.2026)", New(row, "Activity"));
    }

    [Fact]
    public async Task A_colleague_marking_the_visit_ok_from_the_open_list_is_named_in_the_history()
    {
        var minna = await H.CreateUserAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var janne = await H.CreateUserAsync(UserGroup.AccountManager, "Janne Koskela");
        H.SignInAs(minna);
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy");
        await H.Activities.CreateAsync(Edit(Visit, customer.Id, "Käynti", Tomorrow10, participants: [minna.Id, janne.Id]));

        H.SignInAs(janne);
        var row = Assert.Single((await H.Activities.MyOpenAsync()).Items);
        await H.Activities.SetStatusAsync(row.Id, ActivityStatus.Done, null, row.Version);

        Assert.Empty((await H.Activities.MyOpenAsync()).Items);
        var entry = (await ActivityHistoryAsync(customer.Id)).First();
        Assert.Equal(("Janne Koskela", "StatusChanged"), (entry.UserName, entry.Action));
    }

    [Fact]
    public async Task Resolving_negative_feedback_records_the_resolution_and_its_note()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy");
        var id = await H.Activities.CreateAsync(Edit(Feedback, customer.Id, "Kouluttaja myöhästyi", new DateTime(2026, 3, 9, 9, 0, 0), keyword: Negative));
        var manager = await H.CreateUserAsync(UserGroup.CustomerRelationshipManager, "Outi Asiakkuuspäällikkö");
        H.SignInAs(manager);

        await H.Activities.SetStatusAsync(id, ActivityStatus.Done, "Pahoittelimme, seuraava koulutus -20 %", (await H.Activities.GetAsync(id)).Edit.Version);

        var row = (await ActivityHistoryAsync(customer.Id)).First();
        Assert.Equal(("Outi Asiakkuuspäällikkö", "Resolved"), (row.UserName, row.Action));
        Assert.Equal(("Open", "Done"), (Old(row, "Status"), New(row, "Status")));
        Assert.Equal((null, "Pahoittelimme, seuraava koulutus -20 %"), (Old(row, "ResolutionNote"), New(row, "ResolutionNote")));
    }

    [Fact]
    public async Task Moving_an_activity_to_another_customer_shows_in_both_histories()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        var wrong = await H.AddCustomerAsync("Virtasen Kuljetus Oy");
        var right = await H.AddCustomerAsync("Virtasen Kone Oy");
        var id = await H.Activities.CreateAsync(Edit(Call, wrong.Id, "Soitto", new DateTime(2026, 3, 9, 9, 0, 0)));

        var edit = (await H.Activities.GetAsync(id)).Edit;
        edit.CustomerId = right.Id;
        await H.Activities.UpdateAsync(id, edit);

        foreach (var customerId in new[] { wrong.Id, right.Id })
        {
            var row = (await ActivityHistoryAsync(customerId)).First();
            Assert.Equal(("Virtasen Kuljetus Oy", "Virtasen Kone Oy"), (Old(row, "Customer"), New(row, "Customer")));
        }
    }

    [Fact]
    public async Task Saving_without_changes_and_a_refused_save_leave_no_history()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy");
        var id = await H.Activities.CreateAsync(Edit(Visit, customer.Id, "Käynti", Tomorrow10));
        var edit = (await H.Activities.GetAsync(id)).Edit;

        var version = await H.Activities.UpdateAsync(id, edit.Copy());
        var stale = edit.Copy();
        stale.Title = "Käynti siirtyi";
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => H.Activities.UpdateAsync(id, stale));
        Assert.NotEqual(edit.Version, version);

        Assert.Equal(["Created"], (await ActivityHistoryAsync(customer.Id)).Select(r => r.Action));
    }

    [Fact]
    public async Task Work_without_a_customer_writes_no_customer_history()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy");
        await H.Activities.CreateAsync(Edit(Planning, null, "Viikon suunnittelu", Tomorrow10));

        await using var db = H.Db();
        Assert.Empty(db.AuditEntries.Where(a => a.EntityType == "Activity"));
    }
}
