using System.Globalization;
using System.Text.RegularExpressions;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Portaali.Core.Activities;
using Portaali.Core.Calendar;
using Portaali.Core.Users;
using Portaali.Tests.Support;
using Portaali.Web.Components.Pages.Activities;

namespace Portaali.Tests.Components.Activities;

/// <summary>How activities read in lists: memo previews with their headings as labels, customers as links, and browse
/// showing the past newest first with what is ahead in its own tab, soonest first.</summary>
public class ActivityListTests : ComponentHarness, IClassFixture<SeededTemplates>
{
    private readonly SeededTemplates templates;
    /// <summary>Wednesday 11 March 2026, 10.00 in Helsinki.</summary>
    private readonly FixedClock clock = new(new DateTimeOffset(2026, 3, 11, 8, 0, 0, TimeSpan.Zero));

    private const int Visit = 5, Call = 11;
    private const string VisitMemo = "Tavoite\nKäydä läpi syksyn koulutustarve\n\nSovitut asiat\n- Tarjous trukkikoulutuksesta";

    /// <param name="templates">The thousand calls of the count tests, seeded once for the class: most of each one's time.</param>
    public ActivityListTests(SeededTemplates templates)
    {
        this.templates = templates;
        Services.AddSingleton<TimeProvider>(clock);
    }

    private async Task AddActivityAsync(int userId, int typeId, string title, DateTime startsLocal, int? customerId = null,
        string? memo = null, ActivityStatus status = ActivityStatus.Done)
    {
        var date = DateOnly.FromDateTime(startsLocal);
        var week = IsoWeek.Of(date);
        var activity = new Activity
        {
            Title = title, Memo = memo, SearchText = title.ToLowerInvariant(), ActivityTypeId = typeId, CustomerId = customerId,
            StartsAtUtc = HelsinkiTime.ToUtc(startsLocal), LocalDate = date, IsoYear = week.Year, IsoWeek = week.Week,
            DurationMinutes = 60, Status = status, CreatedByUserId = userId, CreatedByName = "Testi",
            Participants = [new ActivityParticipant { UserId = userId }],
        };
        await WithDbAsync(db => { db.Activities.Add(activity); return db.SaveChangesAsync(); });
    }

    private static string[] Texts<T>(IRenderedComponent<T> page, string selector) where T : IComponent =>
        [.. page.FindAll(selector).Select(e => Regex.Replace(e.TextContent, @"\s+", " ").Trim())];

    [Theory]
    [InlineData("fi-FI", "fi", "Menneet", "Tulevat")]
    [InlineData("en-US", "en", "Past", "Upcoming")]
    public async Task Browse_shows_the_most_recent_past_first_and_upcoming_soonest_first_in_its_own_tab(
        string culture, string uiCulture, string pastTab, string upcomingTab)
    {
        var minna = await SignInAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var virtanen = await AddCustomerAsync("Virtasen Kuljetus Oy");
        await AddActivityAsync(minna.Id, Call, "Vanha soitto", new DateTime(2026, 2, 2, 9, 0, 0), virtanen);
        await AddActivityAsync(minna.Id, Visit, "Eilinen käynti", new DateTime(2026, 3, 10, 13, 0, 0), virtanen, VisitMemo);
        await AddActivityAsync(minna.Id, Visit, "Kaukainen käynti", new DateTime(2026, 5, 4, 9, 0, 0), virtanen, status: ActivityStatus.Open);
        await AddActivityAsync(minna.Id, Call, "Huominen soitto", new DateTime(2026, 3, 12, 9, 0, 0), status: ActivityStatus.Open);
        CultureInfo.CurrentCulture = new(culture);
        CultureInfo.CurrentUICulture = new(uiCulture);

        var page = RenderWithProviders<BrowseActivities>();

        page.WaitForAssertion(() => Assert.Equal(["Eilinen käynti", "Vanha soitto"], Texts(page, "[data-testid=activity-grid] [data-testid=activity-title]")));
        Assert.Equal([pastTab, upcomingTab], Texts(page, ".mud-tab"));
        Assert.Equal("Tavoite: Käydä läpi syksyn koulutustarve · Sovitut asiat: - Tarjous trukkikoulutuksesta",
            Texts(page, "[data-testid=memo-preview]").Single());
        var customer = page.FindAll("[data-testid=activity-customer]")[0];
        Assert.Equal(("Virtasen Kuljetus Oy", $"/customers/{virtanen}"), (customer.TextContent.Trim(), customer.GetAttribute("href")));

        page.FindAll(".mud-tab").Single(t => t.TextContent.Trim() == upcomingTab).Click();

        page.WaitForAssertion(() => Assert.Equal(["Huominen soitto", "Kaukainen käynti"],
            Texts(page, "[data-testid=upcoming-activity-grid] [data-testid=activity-title]")));
        Assert.Empty(page.FindAll("[data-testid=activity-grid]"));
    }

    [Fact]
    public async Task My_open_activities_and_feedback_show_memo_headings_as_labels_and_customers_as_links()
    {
        var minna = await SignInAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var virtanen = await AddCustomerAsync("Virtasen Kuljetus Oy");
        await AddActivityAsync(minna.Id, Visit, "Käynti Virtasella", new DateTime(2026, 3, 12, 9, 0, 0), virtanen, VisitMemo, ActivityStatus.Open);
        await AddActivityAsync(minna.Id, 1, "Kiitos koulutuksesta", new DateTime(2026, 3, 2, 9, 0, 0), virtanen,
            "Palautteen sisältö\nKouluttaja sai kiitosta\n\nToimenpiteet\n");

        var open = RenderWithProviders<MyOpenActivities>();
        open.WaitForAssertion(() => Assert.Equal(
            ["Tavoite: Käydä läpi syksyn koulutustarve · Sovitut asiat: - Tarjous trukkikoulutuksesta"], Texts(open, "[data-testid=memo-preview]")));
        Assert.Equal($"/customers/{virtanen}", open.Find("[data-testid=activity-customer]").GetAttribute("href"));

        var feedback = RenderWithProviders<FeedbackList>();
        feedback.WaitForAssertion(() => Assert.Equal(["Palautteen sisältö: Kouluttaja sai kiitosta"], Texts(feedback, "[data-testid=memo-preview]")));
        Assert.Equal($"/customers/{virtanen}", feedback.Find("[data-testid=activity-customer]").GetAttribute("href"));
    }

    [Theory]
    [InlineData("fi-FI", "fi", "Näytetään 50 / 53 toimenpidettä", "Näytä lisää", "52 myöhässä")]
    [InlineData("en-US", "en", "Showing 50 of 53 activities", "Show more", "52 overdue")]
    public async Task My_open_activities_say_how_many_more_there_are_and_show_them_on_request(string culture, string uiCulture, string shown,
        string more, string overdue)
    {
        var minna = await SignInAsync(UserGroup.AccountManager, "Minna Lehtonen");
        await WithDbAsync(db =>
        {
            // 52 overdue calls a day apart, the oldest first, and one ahead; and an OK one that is not listed.
            for (var i = 0; i <= 53; i++)
            {
                var local = i < 52 ? new DateTime(2026, 1, 1, 9, 0, 0).AddDays(i) : new DateTime(2026, 3, 12, 9, 0, 0);
                var date = DateOnly.FromDateTime(local);
                var week = IsoWeek.Of(date);
                db.Activities.Add(new Activity
                {
                    Title = i == 53 ? "Hoidettu soitto" : $"Soitto {i:00}", ActivityTypeId = Call, StartsAtUtc = HelsinkiTime.ToUtc(local), LocalDate = date,
                    IsoYear = week.Year, IsoWeek = week.Week, DurationMinutes = 15, Status = i == 53 ? ActivityStatus.Done : ActivityStatus.Open,
                    CreatedByUserId = minna.Id, CreatedByName = "Testi", Participants = [new ActivityParticipant { UserId = minna.Id }],
                });
            }
            return db.SaveChangesAsync();
        });
        CultureInfo.CurrentCulture = new(culture);
        CultureInfo.CurrentUICulture = new(uiCulture);

        var page = RenderWithProviders<MyOpenActivities>();

        page.WaitForAssertion(() => Assert.Equal(shown, page.Find("[data-testid=my-open-shown]").TextContent.Trim()));
        Assert.Equal(overdue, page.Find("[data-testid=overdue-count]").TextContent.Trim());
        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"Soitto {i:00}"), Texts(page, "[data-testid=activity-title]"));
        var button = page.Find("[data-testid=my-open-more]");
        Assert.Equal(more, button.TextContent.Trim());

        button.Click();

        page.WaitForAssertion(() => Assert.Equal(Enumerable.Range(0, 53).Select(i => $"Soitto {i:00}"), Texts(page, "[data-testid=activity-title]")));
        Assert.Empty(page.FindAll("[data-testid=my-open-shown]"));
        Assert.Empty(page.FindAll("[data-testid=my-open-more]"));
    }

    [Theory]
    [InlineData("fi-FI", "fi", "Osumia: yli 1 000", "Osumia on yli 1 000: tarkenna hakua, niin etsimäsi löytyy nopeammin.")]
    [InlineData("en-US", "en", "Matches: over 1,000", "There are over 1,000 matches: narrow the search to find yours faster.")]
    public async Task Browse_says_over_a_thousand_when_the_count_stops_there(string culture, string uiCulture, string count, string hint)
    {
        // Minna's 1,001 calls to Virtanen, an hour apart back from Tuesday 9.00.
        UseDatabaseFrom(await templates.GetAsync("a thousand and one calls", async h =>
        {
            await using var db = h.Db();
            var minna = NewUser(UserGroup.AccountManager, "Minna Lehtonen");
            var virtanen = NewCustomer("Virtasen Kuljetus Oy");
            db.AddRange(minna, virtanen);
            await db.SaveChangesAsync();
            for (var i = 0; i < 1001; i++)
            {
                var local = new DateTime(2026, 3, 10, 9, 0, 0).AddHours(-i);
                var date = DateOnly.FromDateTime(local);
                var week = IsoWeek.Of(date);
                db.Activities.Add(new Activity
                {
                    Title = $"Soitto {i}", SearchText = $"soitto {i}", ActivityTypeId = Call, CustomerId = virtanen.Id, StartsAtUtc = HelsinkiTime.ToUtc(local),
                    LocalDate = date, IsoYear = week.Year, IsoWeek = week.Week, DurationMinutes = 15, Status = ActivityStatus.Done,
                    CreatedByUserId = minna.Id, CreatedByName = "Testi", Participants = [new ActivityParticipant { UserId = minna.Id }],
                });
            }
            await db.SaveChangesAsync();
        }));
        await SignInAsExistingAsync("Minna Lehtonen");
        CultureInfo.CurrentCulture = new(culture);
        CultureInfo.CurrentUICulture = new(uiCulture);

        var page = RenderWithProviders<BrowseActivities>();

        page.WaitForAssertion(() => Assert.Equal([count], Texts(page, "[data-testid=activity-count]")));
        Assert.Equal([hint], Texts(page, "[data-testid=activity-count-hint]"));
        Assert.Equal("Soitto 0", Texts(page, "[data-testid=activity-grid] [data-testid=activity-title]")[0]);
    }
}
