using Portaali.Core.Activities;
using Portaali.Core.Calendar;
using Portaali.Core.Segments;
using Portaali.Core.Users;
using Portaali.Tests.Support;
using static Portaali.Tests.Integration.Activities.ActivityTestData;

namespace Portaali.Tests.Integration.Calendar;

/// <summary>The team meeting's overview comes at once in figures; each person's rows and the open negative feedback come a page
/// at a time with their count, so nothing is dropped unsaid.</summary>
public class TeamMeetingTests : HarnessTest
{
    private static readonly IsoWeek Week = new(2026, 11); // 9.–15.3.2026; the harness's today is 10.3.

    [Fact]
    public async Task Overview_shows_each_account_manager_hours_and_counts_open_negative_feedback_and_key_account_last_contact()
    {
        var crm = await H.CreateUserAsync(UserGroup.CustomerRelationshipManager, "Arto Miettinen");
        var minna = await H.CreateUserAsync(UserGroup.AccountManager, "Minna Lehtonen");
        await H.CreateUserAsync(UserGroup.Management, "Riitta Halonen");
        H.SignInAs(minna);
        var key = await H.AddCustomerAsync("Avainasiakas Oyj", segment: Segment.A);
        var silent = await H.AddCustomerAsync("Hiljainen Oyj", segment: Segment.A);
        await H.Activities.CreateAsync(Edit(Call, key.Id, "Viikkosoitto", new DateTime(2026, 3, 5, 10, 0, 0), 15));
        await H.Activities.CreateAsync(Edit(Visit, key.Id, "Ensi viikon käynti", new DateTime(2026, 3, 17, 10, 0, 0), 60));
        await H.Activities.CreateAsync(Edit(Visit, key.Id, "Toinen ensi viikon käynti", new DateTime(2026, 3, 19, 10, 0, 0), 60));
        await H.Activities.CreateAsync(Edit(Feedback, key.Id, "Kouluttaja vaihtui", new DateTime(2026, 3, 9, 10, 0, 0), 15, keyword: Negative));

        var meeting = await H.TeamMeeting.GetTeamMeetingAsync(Week);

        Assert.Equal(["Arto Miettinen", "Minna Lehtonen"], meeting.Members.Select(m => m.User.Name));
        var minnas = meeting.Members[1];
        Assert.Equal((1, 2), (minnas.ThisWeekCount, minnas.NextWeekCount));
        Assert.Equal(0.25, minnas.Hours.PlannedHours);
        Assert.Equal((0, 0), (meeting.Members[0].ThisWeekCount, meeting.Members[0].NextWeekCount));
        Assert.Equal(crm.Id, meeting.Members[0].User.Id);
        Assert.Equal(1, meeting.OpenNegativeFeedback.TotalCount);
        Assert.Equal("Kouluttaja vaihtui", Assert.Single(meeting.OpenNegativeFeedback.Items).Title);
        var keyRow = meeting.KeyAccounts.Single(k => k.CustomerId == key.Id);
        Assert.Equal(new DateOnly(2026, 3, 9), keyRow.LastContact);
        Assert.Equal(1, keyRow.DaysSince);
        Assert.Null(meeting.KeyAccounts.Single(k => k.CustomerId == silent.Id).LastContact);
    }

    [Fact]
    public async Task A_persons_week_comes_in_start_order_a_page_at_a_time_with_its_count_and_without_colleagues_rows()
    {
        var minna = await H.CreateUserAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var janne = await H.CreateUserAsync(UserGroup.AccountManager, "Janne Koskela");
        H.SignInAs(minna);
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy");
        // Entered newest first, so the order shown is the start order and not the order of entry.
        for (var i = TeamMeetingService.PageSize + 4; i >= 0; i--)
            await H.Activities.CreateAsync(Edit(Call, customer.Id, $"Soitto {i:00}", new DateTime(2026, 3, 9, 8, 0, 0).AddMinutes(20 * i), 15));
        await H.Activities.CreateAsync(Edit(Visit, customer.Id, "Jannen käynti", new DateTime(2026, 3, 10, 12, 0, 0), participants: [janne.Id]));
        await H.Activities.CreateAsync(Edit(Visit, customer.Id, "Yhteinen käynti", new DateTime(2026, 3, 12, 12, 0, 0), participants: [minna.Id, janne.Id]));
        await H.Activities.CreateAsync(Edit(Call, customer.Id, "Viime viikon soitto", new DateTime(2026, 3, 6, 12, 0, 0)));
        await H.Activities.CreateAsync(Edit(Call, customer.Id, "Ensi viikon soitto", new DateTime(2026, 3, 16, 12, 0, 0)));

        var opened = await H.TeamMeeting.GetMemberWeeksAsync(minna.Id, Week);
        var first = opened.ThisWeek;
        var rest = await H.TeamMeeting.GetMemberWeekAsync(minna.Id, Week, skip: first.Items.Count);

        var expected = Enumerable.Range(0, TeamMeetingService.PageSize + 5).Select(i => $"Soitto {i:00}").Append("Yhteinen käynti").ToList();
        Assert.Equal(expected.Count, first.TotalCount);
        Assert.Equal(TeamMeetingService.PageSize, first.Items.Count);
        Assert.Equal(expected, first.Items.Concat(rest.Items).Select(a => a.Title));
        Assert.Equal("Janne Koskela, Minna Lehtonen", rest.Items[^1].Participants);
        Assert.Equal(1, opened.NextWeek.TotalCount);
        Assert.Equal("Ensi viikon soitto", Assert.Single(opened.NextWeek.Items).Title);
        var jannes = await H.TeamMeeting.GetMemberWeeksAsync(janne.Id, Week);
        Assert.Equal(["Jannen käynti", "Yhteinen käynti"], jannes.ThisWeek.Items.Select(a => a.Title));
        Assert.Equal(0, jannes.NextWeek.TotalCount);
        Assert.Empty(jannes.NextWeek.Items);
    }

    [Fact]
    public async Task Open_negative_feedback_is_counted_whole_and_shown_a_page_at_a_time_without_the_resolved()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy");
        var open = TeamMeetingService.PageSize + 2;
        for (var i = 0; i < open; i++)
            await H.Activities.CreateAsync(Edit(Feedback, customer.Id, $"Moite {i:00}", new DateTime(2026, 1, 5, 9, 0, 0).AddDays(i), 15, keyword: Negative,
                status: i % 2 == 0 ? ActivityStatus.Open : ActivityStatus.InProgress));
        var resolved = Edit(Feedback, customer.Id, "Hoidettu moite", new DateTime(2026, 1, 4, 9, 0, 0), 15, keyword: Negative, status: ActivityStatus.Done);
        resolved.ResolutionNote = "Soitettu ja pahoiteltu";
        await H.Activities.CreateAsync(resolved);
        await H.Activities.CreateAsync(Edit(Feedback, customer.Id, "Kiitos", new DateTime(2026, 1, 4, 10, 0, 0), 15, keyword: Positive));

        var meeting = await H.TeamMeeting.GetTeamMeetingAsync(Week);
        var more = await H.TeamMeeting.GetOpenNegativeFeedbackAsync(meeting.OpenNegativeFeedback.Items.Count);

        Assert.Equal(open, meeting.OpenNegativeFeedback.TotalCount);
        Assert.Equal(TeamMeetingService.PageSize, meeting.OpenNegativeFeedback.Items.Count);
        Assert.Equal(Enumerable.Range(0, open).Select(i => $"Moite {i:00}"), meeting.OpenNegativeFeedback.Items.Concat(more.Items).Select(a => a.Title));
    }
}
