using System.Globalization;
using Bunit;
using Portaali.Core.Activities;
using Portaali.Core.Calendar;
using Portaali.Core.Customers;
using Portaali.Core.Users;
using Portaali.Tests.Support;
using Portaali.Web.Components.Pages.Customers;

namespace Portaali.Tests.Components.Customers;

/// <summary>The customer page's header: responsible people, last contact and next planned activity at a glance.</summary>
public class CustomerSummaryHeaderTests : ComponentHarness
{
    private const int Call = 11, Visit = 5; // seeded activity types

    [Theory]
    [InlineData("fi-FI", "Asiakasvastaava", "Muut vastuuhenkilöt", "Viimeisin yhteydenotto", "Seuraava suunniteltu", "Soitto", "Käynti")]
    [InlineData("en-US", "Account manager", "Others responsible", "Last contact", "Next planned", "Call", "Visit")]
    public async Task Header_names_the_account_manager_the_others_the_last_contact_and_the_next_planned(
        string culture, string managerLabel, string othersLabel, string lastLabel, string nextLabel, string callType, string visitType)
    {
        UiCulture.Set(culture);
        var aino = await SignInAsync(UserGroup.AccountManager, "Aino Asiakasvastaava");
        var cecilia = await AddUserAsync(UserGroup.RegionalCoordinator, "Cecilia Koordinaattori");
        var bertta = await AddUserAsync(UserGroup.Management, "Bertta Johtaja");
        var customerId = await AddCustomerAsync("Alfa Oy", responsibleUserId: aino.Id);
        await WithDbAsync(db => { db.CustomerResponsibles.Add(new CustomerResponsible { CustomerId = customerId, UserId = cecilia.Id }); return db.SaveChangesAsync(); });
        var now = DateTime.UtcNow;
        var last = await AddActivityAsync(customerId, Call, "Soitto tarjouksesta", now.AddDays(-2), ActivityStatus.Done, aino.Id);
        var next = await AddActivityAsync(customerId, Visit, "Käynti", now.AddDays(3), ActivityStatus.Open, bertta.Id);
        await AddActivityAsync(customerId, Visit, "Myöhempi käynti", now.AddDays(20), ActivityStatus.Open, aino.Id);

        var header = Render<CustomerSummaryHeader>(p => p.Add(h => h.CustomerId, customerId));

        header.WaitForAssertion(() => Assert.Equal(lastLabel, Term(header, "summary-last-contact").Label));
        Assert.Equal((managerLabel, "Aino Asiakasvastaava"), Term(header, "summary-account-managers"));
        Assert.Equal((othersLabel, "Cecilia Koordinaattori"), Term(header, "summary-other-responsibles"));

        var c = CultureInfo.GetCultureInfo(culture);
        var lastContact = header.Find("[data-testid=summary-last-contact]");
        Assert.Equal($"{last.LocalDate.ToString("d", c)} · {callType} · Aino Asiakasvastaava", Term(header, "summary-last-contact").Value);
        Assert.Equal($"/calendar?date={last.LocalDate:yyyy-MM-dd}&users={aino.Id}", lastContact.QuerySelector("a")!.GetAttribute("href"));
        var nextPlanned = header.Find("[data-testid=summary-next-planned]");
        var nextLocal = HelsinkiTime.ToLocal(next.StartsAtUtc);
        Assert.Equal((nextLabel, Squash($"{next.LocalDate.ToString("d", c)} {nextLocal.ToString("t", c)} · {visitType} · Bertta Johtaja")),
            Term(header, "summary-next-planned"));
        Assert.Equal($"/calendar?date={next.LocalDate:yyyy-MM-dd}&users={bertta.Id}", nextPlanned.QuerySelector("a")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("fi-FI", "Ei vastuuhenkilöä", "Ei yhteydenottoja", "Ei suunniteltuja toimenpiteitä")]
    [InlineData("en-US", "Nobody responsible", "No contacts yet", "Nothing planned")]
    public async Task A_customer_with_no_activities_says_so_plainly(string culture, string nobody, string noContact, string nothingPlanned)
    {
        UiCulture.Set(culture);
        await SignInAsync(UserGroup.AccountManager);
        var customerId = await AddCustomerAsync("Hiljainen Oy");

        var header = Render<CustomerSummaryHeader>(p => p.Add(h => h.CustomerId, customerId));

        header.WaitForAssertion(() => Assert.Equal(noContact, Term(header, "summary-last-contact").Value));
        Assert.Equal(nothingPlanned, Term(header, "summary-next-planned").Value);
        Assert.Equal(nobody, Term(header, "summary-responsibles").Value);
        Assert.Empty(header.FindAll("[data-testid=customer-summary] a"));
    }

    private async Task<Activity> AddActivityAsync(int customerId, int typeId, string title, DateTime startsUtc, ActivityStatus status, int participantId)
    {
        var local = HelsinkiTime.ToLocal(startsUtc);
        var activity = new Activity
        {
            CustomerId = customerId, ActivityTypeId = typeId, Title = title, SearchText = title.ToLowerInvariant(), StartsAtUtc = startsUtc,
            DurationMinutes = 60, LocalDate = DateOnly.FromDateTime(local), IsoYear = IsoWeek.Of(DateOnly.FromDateTime(local)).Year,
            IsoWeek = IsoWeek.Of(DateOnly.FromDateTime(local)).Week, Status = status, CreatedByUserId = participantId,
            CreatedAtUtc = startsUtc, UpdatedAtUtc = startsUtc,
        };
        activity.Participants.Add(new ActivityParticipant { UserId = participantId });
        await WithDbAsync(db => { db.Activities.Add(activity); return db.SaveChangesAsync(); });
        return activity;
    }

    /// <summary>A term of the header's definition list: its label and its value as read.</summary>
    private static (string Label, string Value) Term(IRenderedComponent<CustomerSummaryHeader> header, string testId)
    {
        var term = header.Find($"[data-testid={testId}]");
        return (Squash(term.QuerySelector("dt")!.TextContent), Squash(term.QuerySelector("dd")!.TextContent));
    }

    /// <summary>The text as read: whitespace (also non-breaking) folded to single spaces.</summary>
    private static string Squash(string s) => System.Text.RegularExpressions.Regex.Replace(s.Replace('\u00A0', ' ').Replace('\u202F', ' '), @"\s+", " ").Trim();
}
