using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portaali.Core.Activities;
using Portaali.Core.Calendar;
using Portaali.Core.CarePlans;
using Portaali.Core.Desktops;
using Portaali.Core.Segments;
using Portaali.Core.Suggestions;
using Portaali.Core.Users;
using Portaali.Tests.Integration.CarePlans;
using Portaali.Tests.Support;
using Portaali.Web.Components.Pages.Customers;
using Portaali.Web.Components.Pages.Desktop.Widgets;

namespace Portaali.Tests.Components.Desktop;

/// <summary>The everyday-work widgets over real SQLite: each shows the signed-in user's rows, its count, its words when
/// empty, customers as links, and Helsinki dates and hours printed in the user's culture.</summary>
public class WorkWidgetTests : ComponentHarness
{
    /// <summary>Wednesday 11 March 2026, 10.00 in Helsinki (ISO week 11: Monday 9.3 – Sunday 15.3).</summary>
    private readonly FixedClock clock = new(new DateTimeOffset(2026, 3, 11, 8, 0, 0, TimeSpan.Zero));

    private const int Feedback = 1, Visit = 5, InternalMeeting = 10, Call = 11, NegativeKeyword = 2, PositiveKeyword = 1;

    public WorkWidgetTests() => Services.AddSingleton<TimeProvider>(clock);

    private static WidgetPlacement Place(string key, int height, params (string Name, string Value)[] settings) =>
        new(Guid.NewGuid(), key, 6, height, settings.Length == 0 ? null : settings.ToDictionary(s => s.Name, s => s.Value));

    private IRenderedComponent<TWidget> RenderWidget<TWidget>(string key, int height = 2, params (string, string)[] settings)
        where TWidget : IComponent
    {
        var placement = Place(key, height, settings);
        // Every widget takes the one parameter Placement (WidgetRegistryTests checks it).
        var self = System.Linq.Expressions.Expression.Parameter(typeof(TWidget));
        var property = System.Linq.Expressions.Expression.Lambda<Func<TWidget, WidgetPlacement>>(System.Linq.Expressions.Expression.Property(self, "Placement"), self);
        var widget = RenderWithProviders<TWidget>(p => p.Add(property, placement));
        widget.WaitForAssertion(() => Assert.Empty(widget.FindAll("[data-testid=widget-loading]")));
        return widget;
    }

    private async Task<int> AddActivityAsync(int userId, int typeId, string title, DateTime startsLocal, ActivityStatus status = ActivityStatus.Open,
        int? customerId = null, int minutes = 60, int? keywordId = null)
    {
        var date = DateOnly.FromDateTime(startsLocal);
        var week = IsoWeek.Of(date);
        var activity = new Activity
        {
            Title = title, SearchText = title.ToLowerInvariant(), ActivityTypeId = typeId, KeywordId = keywordId, CustomerId = customerId,
            StartsAtUtc = HelsinkiTime.ToUtc(startsLocal), LocalDate = date, IsoYear = week.Year, IsoWeek = week.Week,
            DurationMinutes = minutes, Status = status, CreatedByUserId = userId, CreatedByName = "Testi",
            Participants = [new ActivityParticipant { UserId = userId }],
        };
        await WithDbAsync(db => { db.Activities.Add(activity); return db.SaveChangesAsync(); });
        return activity.Id;
    }

    private static string[] Texts<T>(IRenderedComponent<T> widget, string testId) where T : IComponent =>
        [.. widget.FindAll($"[data-testid={testId}]").Select(e => System.Text.RegularExpressions.Regex.Replace(e.TextContent, @"\s+", " ").Trim())];

    [Fact]
    public async Task Open_activities_show_overdue_first_with_status_in_words_and_the_count_of_all()
    {
        var minna = await SignInAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var other = await AddUserAsync(UserGroup.AccountManager, "Janne Koskela");
        var virtanen = await AddCustomerAsync("Virtasen Kuljetus Oy");
        await AddActivityAsync(minna.Id, Call, "Soita tarjouksesta", new DateTime(2026, 3, 9, 14, 0, 0), customerId: virtanen);
        await AddActivityAsync(minna.Id, Visit, "Käynti Virtasella", new DateTime(2026, 3, 12, 9, 0, 0), ActivityStatus.InProgress, virtanen);
        await AddActivityAsync(minna.Id, InternalMeeting, "Tiimipalaveri", new DateTime(2026, 3, 13, 13, 0, 0));
        await AddActivityAsync(minna.Id, InternalMeeting, "Suunnittelupäivä", new DateTime(2026, 3, 20, 9, 0, 0));
        await AddActivityAsync(minna.Id, Call, "Jo hoidettu", new DateTime(2026, 3, 2, 9, 0, 0), ActivityStatus.Done, virtanen);
        await AddActivityAsync(other.Id, Call, "Jannen soitto", new DateTime(2026, 3, 2, 9, 0, 0));

        var widget = RenderWidget<MyOpenActivitiesWidget>(WidgetRegistry.MyOpenActivities, height: 1);

        Assert.Equal("Avoimia 4, joista myöhässä 1", Texts(widget, "widget-count").Single());
        Assert.Equal(["Soita tarjouksesta", "Käynti Virtasella", "Tiimipalaveri"], Texts(widget, "widget-title"));
        Assert.Equal(["9.3.2026 14.00 · myöhässä", "12.3.2026 9.00", "13.3.2026 13.00"], Texts(widget, "widget-when"));
        Assert.Equal(["Hoitamatta", "Kesken", "Hoitamatta"], Texts(widget, "activity-status"));
        Assert.All(widget.FindAll("[data-testid=widget-customer]"), a => Assert.Equal($"/customers/{virtanen}", a.GetAttribute("href")));
        Assert.Equal("/activities/open", widget.Find("[data-testid=widget-all]").GetAttribute("href"));
    }

    [Fact]
    public async Task Nothing_open_is_said_in_words()
    {
        await SignInAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var widget = RenderWidget<MyOpenActivitiesWidget>(WidgetRegistry.MyOpenActivities);
        Assert.Equal("Ei avoimia toimenpiteitä", Texts(widget, "widget-empty").Single());
        Assert.Empty(widget.FindAll("[data-testid=widget-row]"));
    }

    [Fact]
    public async Task My_week_lists_this_iso_week_by_day_with_today_marked_and_a_link_to_the_calendar()
    {
        var minna = await SignInAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var virtanen = await AddCustomerAsync("Virtasen Kuljetus Oy");
        await AddActivityAsync(minna.Id, InternalMeeting, "Viikkopalaveri", new DateTime(2026, 3, 9, 9, 0, 0), ActivityStatus.Done);
        await AddActivityAsync(minna.Id, Visit, "Käynti Virtasella", new DateTime(2026, 3, 11, 13, 30, 0), customerId: virtanen);
        await AddActivityAsync(minna.Id, Call, "Sunnuntain soitto", new DateTime(2026, 3, 15, 23, 30, 0), customerId: virtanen);
        await AddActivityAsync(minna.Id, Call, "Viime viikolla", new DateTime(2026, 3, 8, 23, 30, 0), customerId: virtanen);
        await AddActivityAsync(minna.Id, Call, "Ensi viikolla", new DateTime(2026, 3, 16, 0, 30, 0), customerId: virtanen);

        var widget = RenderWidget<MyWeekWidget>(WidgetRegistry.MyWeek);

        Assert.Equal("Viikko 11: 9.3.2026–15.3.2026", Texts(widget, "widget-count").Single());
        Assert.Equal(["maanantai 9.3.2026", "keskiviikko 11.3.2026 – tänään", "sunnuntai 15.3.2026"], Texts(widget, "widget-day-name"));
        Assert.Equal(["Viikkopalaveri", "Käynti Virtasella", "Sunnuntain soitto"], Texts(widget, "widget-title"));
        Assert.Equal(["9.00", "13.30", "23.30"], Texts(widget, "widget-when"));
        Assert.Equal("date", widget.FindAll("[data-testid=widget-day]")[1].GetAttribute("aria-current"));
        Assert.Null(widget.FindAll("[data-testid=widget-day]")[0].GetAttribute("aria-current"));
        Assert.Contains("Käynti", widget.FindAll("[data-testid=widget-row]")[1].TextContent);
        Assert.Equal($"/customers/{virtanen}", widget.Find("[data-testid=widget-customer]").GetAttribute("href"));
        Assert.Equal("/calendar", widget.Find("[data-testid=widget-all]").GetAttribute("href"));
    }

    [Fact]
    public async Task A_full_week_shows_today_and_the_coming_days_before_the_past_ones_and_says_how_many_more()
    {
        var minna = await SignInAsync(UserGroup.AccountManager, "Minna Lehtonen");
        for (var day = 9; day <= 13; day++)
            await AddActivityAsync(minna.Id, InternalMeeting, $"Palaveri {day}.3.", new DateTime(2026, 3, day, 9, 0, 0));

        var widget = RenderWidget<MyWeekWidget>(WidgetRegistry.MyWeek, height: 1);

        Assert.Equal(["Palaveri 11.3.", "Palaveri 12.3.", "Palaveri 13.3."], Texts(widget, "widget-title"));
        Assert.Equal("Kalenteriin (2 lisää)", Texts(widget, "widget-all").Single());
    }

    [Theory]
    [InlineData("fi-FI", "Viikko 11: 1,5 h tehty, 2,25 h suunniteltu", "vk 10: 3,75 h", "vk 11: 1,5 h")]
    [InlineData("en-US", "Week 11: 1.5 h done, 2.25 h planned", "wk 10: 3.75 h", "wk 11: 1.5 h")]
    public async Task Weekly_hours_print_in_the_culture_with_the_numbers_beside_the_chart(string culture, string thisWeek, string lastWeek, string current)
    {
        UiCulture.Set(culture);
        var minna = await SignInAsync(UserGroup.AccountManager, "Minna Lehtonen");
        await AddActivityAsync(minna.Id, InternalMeeting, "Tehty", new DateTime(2026, 3, 10, 9, 0, 0), ActivityStatus.Done, minutes: 90);
        await AddActivityAsync(minna.Id, InternalMeeting, "Tulossa", new DateTime(2026, 3, 12, 9, 0, 0), minutes: 135);
        await AddActivityAsync(minna.Id, InternalMeeting, "Viime viikko", new DateTime(2026, 3, 4, 9, 0, 0), ActivityStatus.Done, minutes: 225);
        await AddActivityAsync(minna.Id, InternalMeeting, "Liian vanha", new DateTime(2026, 2, 10, 9, 0, 0), ActivityStatus.Done, minutes: 600);

        var widget = RenderWidget<MyHoursWidget>(WidgetRegistry.MyHours, height: 1);

        Assert.Equal(thisWeek, Texts(widget, "widget-count").Single());
        var weeks = Texts(widget, "widget-week");
        Assert.Equal(4, weeks.Length);
        Assert.Equal(lastWeek, weeks[2]);
        Assert.Equal(current, weeks[3]);
        Assert.EndsWith(" 0 h", weeks[0]);
        Assert.NotEmpty(widget.FindAll("[data-testid=widget-chart]"));
        Assert.Equal("/hours", widget.Find("[data-testid=widget-all]").GetAttribute("href"));
    }

    [Fact]
    public async Task My_customers_come_active_first_with_segment_last_contact_and_next_planned_activity()
    {
        var minna = await SignInAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var other = await AddUserAsync(UserGroup.AccountManager, "Janne Koskela");
        var aalto = await AddCustomerAsync("Aallon Passiivi Oy", passive: true, responsibleUserId: minna.Id);
        var virtanen = await AddCustomerAsync("Virtasen Kuljetus Oy", responsibleUserId: minna.Id);
        var koski = await AddCustomerAsync("Kosken Rakennus Oy", responsibleUserId: minna.Id);
        await AddCustomerAsync("Jannen Asiakas Oy", responsibleUserId: other.Id);
        await WithDbAsync(async db => { (await db.Customers.FindAsync(virtanen))!.Segment = Segment.B; await db.SaveChangesAsync(); });
        await AddActivityAsync(other.Id, Visit, "Käynti", new DateTime(2026, 3, 3, 9, 0, 0), ActivityStatus.Done, virtanen);
        await AddActivityAsync(other.Id, Call, "Seurantasoitto", new DateTime(2026, 3, 18, 10, 15, 0), customerId: virtanen);
        await AddActivityAsync(other.Id, Call, "Myöhempi soitto", new DateTime(2026, 3, 25, 10, 0, 0), customerId: virtanen);

        var widget = RenderWidget<MyCustomersWidget>(WidgetRegistry.MyCustomers);

        Assert.Equal("Vastuuasiakkaita 3", Texts(widget, "widget-count").Single());
        Assert.Equal(["Kosken Rakennus Oy", "Virtasen Kuljetus Oy", "Aallon Passiivi Oy"], Texts(widget, "widget-customer"));
        Assert.Equal([$"/customers/{koski}", $"/customers/{virtanen}", $"/customers/{aalto}"],
            widget.FindAll("[data-testid=widget-customer]").Select(a => a.GetAttribute("href")));
        var virtasen = widget.FindAll("[data-testid=widget-row]")[1];
        Assert.Contains("B – kasvava", virtasen.TextContent);
        Assert.Equal(["ei yhteydenottoja", "viimeksi 3.3.2026", "ei yhteydenottoja"], Texts(widget, "widget-last"));
        Assert.Equal(["· seuraava 18.3.2026 10.15 Seurantasoitto"], Texts(widget, "widget-next"));
        Assert.Contains("Passiivinen", widget.FindAll("[data-testid=widget-row]")[2].TextContent);
        Assert.Equal("/customers?mine=true", widget.Find("[data-testid=widget-all]").GetAttribute("href"));
    }

    [Fact]
    public async Task Favourites_and_recently_opened_customers_are_listed_as_links()
    {
        var minna = await SignInAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var virtanen = await AddCustomerAsync("Virtasen Kuljetus Oy");
        var koski = await AddCustomerAsync("Kosken Rakennus Oy");
        await WithDbAsync(db => { db.Favourites.Add(new Favourite { UserId = minna.Id, CustomerId = virtanen, AddedAt = DateTime.UtcNow }); return db.SaveChangesAsync(); });
        var recent = Services.GetRequiredService<RecentCustomerService>();
        await recent.RecordOpenedAsync(virtanen);
        clock.Advance(TimeSpan.FromMinutes(30));
        await recent.RecordOpenedAsync(koski);

        var widget = RenderWidget<FavouritesWidget>(WidgetRegistry.Favourites);

        Assert.Equal(["Virtasen Kuljetus Oy"], widget.FindAll("[data-testid=widget-favourites] a").Select(a => a.TextContent.Trim()));
        Assert.Equal(["Kosken Rakennus Oy", "Virtasen Kuljetus Oy"], widget.FindAll("[data-testid=widget-recent] a").Select(a => a.TextContent.Trim()));
        Assert.Equal([$"/customers/{koski}", $"/customers/{virtanen}"], widget.FindAll("[data-testid=widget-recent] a").Select(a => a.GetAttribute("href")));
        Assert.Equal(["11.3.2026 10.30", "11.3.2026 10.00"], Texts(widget, "widget-opened"));
    }

    [Fact]
    public async Task Without_favourites_or_openings_the_widget_says_so()
    {
        await SignInAsync(UserGroup.Communications, "Sanna Viestintä");
        var widget = RenderWidget<FavouritesWidget>(WidgetRegistry.Favourites);
        Assert.StartsWith("Ei suosikkeja", Texts(widget, "widget-favourites-empty").Single());
        Assert.Equal("Ei avattuja asiakkaita", Texts(widget, "widget-recent-empty").Single());
    }

    [Fact]
    public async Task Opening_a_customer_page_records_it_for_the_recent_list()
    {
        var minna = await SignInAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var virtanen = await AddCustomerAsync("Virtasen Kuljetus Oy");

        var page = RenderWithProviders<CustomerPage>(p => p.Add(c => c.Id, virtanen));
        page.WaitForAssertion(() => Assert.Contains("Virtasen Kuljetus Oy", page.Markup));

        await WaitForAsync(async () => await WithDbAsync(db => db.RecentCustomers.AnyAsync(r => r.UserId == minna.Id && r.CustomerId == virtanen)));
    }

    /// <summary>A nightly run that found Annan Oy 6 days over A's gap and Benin Oy missing its management review.</summary>
    private async Task ArrangeBreachesAsync(int anna, int ben)
    {
        var annas = await AddCustomerAsync("Annan Oy", responsibleUserId: anna);
        var bens = await AddCustomerAsync("Benin Oy", responsibleUserId: ben);
        await WithDbAsync(async db =>
        {
            var plan = await CarePlanTestData.AddPlanAAsync(db);
            foreach (var c in db.Customers) c.Segment = Segment.A;
            var run = new CarePlanCheckRun
            {
                Trigger = CarePlanCheckTrigger.Nightly, Status = CarePlanCheckStatus.Succeeded, StartedByName = "Yöajo",
                StartedAt = new DateTime(2026, 3, 10, 23, 30, 0), FinishedAt = new DateTime(2026, 3, 10, 23, 31, 0),
                CheckedOn = new DateOnly(2026, 3, 11), CustomersChecked = 2, CustomersBroken = 2,
            };
            db.CarePlanCheckRuns.Add(run);
            await db.SaveChangesAsync();
            db.CarePlanBreaches.Add(new CarePlanBreach
            {
                RunId = run.Id, CustomerId = annas, CarePlanVersionId = plan.Id, Kind = CarePlanBreachKind.ContactGap,
                LastContactOn = new DateOnly(2026, 2, 26), AllowedGapDays = 7, OverdueDays = 6,
            });
            db.CarePlanBreaches.Add(new CarePlanBreach
            {
                RunId = run.Id, CustomerId = bens, CarePlanVersionId = plan.Id, Kind = CarePlanBreachKind.YearlyRequirement,
                RequirementId = plan.Requirements.Single(r => r.PerYear == 1).Id, Required = 1, Done = 0, OverdueDays = 0,
            });
            await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task Care_plan_breaches_of_my_own_customers_with_plan_and_how_late()
    {
        var anna = await SignInAsync(UserGroup.AccountManager, "Anna Asiakas");
        var ben = await AddUserAsync(UserGroup.AccountManager, "Ben Vastaava");
        await ArrangeBreachesAsync(anna.Id, ben.Id);

        var widget = RenderWidget<CarePlanBreachesWidget>(WidgetRegistry.CarePlanBreaches);

        Assert.Equal("Rikkomuksia asiakkaillasi 1 (tarkistettu 11.3.2026)", Texts(widget, "widget-count").Single());
        Assert.Equal(["Annan Oy"], Texts(widget, "widget-customer"));
        Assert.Equal(["Segmentti A – avainasiakas"], Texts(widget, "widget-plan"));
        Assert.Equal(["6 pv myöhässä · viimeisin yhteydenotto 13 päivää sitten, sallittu 7"], Texts(widget, "widget-late"));
        Assert.Equal("/care-plans/monitor", widget.Find("[data-testid=widget-all]").GetAttribute("href"));
    }

    [Fact]
    public async Task Everyones_breaches_for_management_and_refused_in_words_to_an_account_manager()
    {
        var anna = await AddUserAsync(UserGroup.AccountManager, "Anna Asiakas");
        var ben = await AddUserAsync(UserGroup.AccountManager, "Ben Vastaava");
        await SignInAsync(UserGroup.Management, "Johtaja Jaana");
        await ArrangeBreachesAsync(anna.Id, ben.Id);

        var widget = RenderWidget<CarePlanBreachesWidget>(WidgetRegistry.CarePlanBreaches, 2, (WidgetRegistry.ScopeSetting, "all"));
        Assert.Equal("Rikkomuksia kaikkiaan 2 (tarkistettu 11.3.2026)", Texts(widget, "widget-count").Single());
        Assert.Equal(["Annan Oy", "Benin Oy"], Texts(widget, "widget-customer"));
        Assert.Equal("ei toteudu · johdon katselmus 0/1 tänä vuonna", Texts(widget, "widget-late")[1]);

        await SignInAsync(UserGroup.AccountManager, "Anna Toinen");
        var refused = RenderWidget<CarePlanBreachesWidget>(WidgetRegistry.CarePlanBreaches, 2, (WidgetRegistry.ScopeSetting, "all"));
        Assert.NotEmpty(Texts(refused, "widget-refused").Single());
        Assert.Empty(refused.FindAll("[data-testid=widget-customer]"));
    }

    [Fact]
    public async Task Open_negative_feedback_oldest_first_with_how_long_it_has_been_open()
    {
        var minna = await SignInAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var virtanen = await AddCustomerAsync("Virtasen Kuljetus Oy");
        var koski = await AddCustomerAsync("Kosken Rakennus Oy");
        await AddActivityAsync(minna.Id, Feedback, "Laskutusvirhe", new DateTime(2026, 3, 5, 9, 0, 0), customerId: koski, keywordId: NegativeKeyword);
        await AddActivityAsync(minna.Id, Feedback, "Kouluttaja myöhässä", new DateTime(2026, 2, 20, 9, 0, 0), customerId: virtanen, keywordId: NegativeKeyword);
        await AddActivityAsync(minna.Id, Feedback, "Jo ratkaistu", new DateTime(2026, 2, 1, 9, 0, 0), ActivityStatus.Done, virtanen, keywordId: NegativeKeyword);
        await AddActivityAsync(minna.Id, Feedback, "Kiitos", new DateTime(2026, 2, 1, 9, 0, 0), customerId: virtanen, keywordId: PositiveKeyword);

        var widget = RenderWidget<NegativeFeedbackWidget>(WidgetRegistry.NegativeFeedback);

        Assert.Equal("Avoimia negatiivisia palautteita 2", Texts(widget, "widget-count").Single());
        Assert.Equal(["Kouluttaja myöhässä", "Laskutusvirhe"], Texts(widget, "widget-title"));
        Assert.Equal(["20.2.2026", "5.3.2026"], Texts(widget, "widget-when"));
        Assert.Equal(["(avoinna 19 pv)", "(avoinna 6 pv)"], Texts(widget, "widget-age"));
        Assert.Equal([$"/customers/{virtanen}", $"/customers/{koski}"], widget.FindAll("[data-testid=widget-customer]").Select(a => a.GetAttribute("href")));
        Assert.Equal("/activities/feedback", widget.Find("[data-testid=widget-all]").GetAttribute("href"));
    }

    [Fact]
    public async Task A_suggestion_on_my_customer_is_dismissed_from_the_desktop()
    {
        var minna = await SignInAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var virtanen = await AddCustomerAsync("Virtasen Kuljetus Oy", responsibleUserId: minna.Id);
        var others = await AddCustomerAsync("Jonkun Muun Oy");
        await WithDbAsync(db =>
        {
            db.Suggestions.Add(new Suggestion { CustomerId = virtanen, Kind = SuggestionKind.Passivate, Code = "KONK", Reason = "Konkurssi 3.3.2026", CreatedAt = DateTime.UtcNow });
            db.Suggestions.Add(new Suggestion { CustomerId = others, Kind = SuggestionKind.Passivate, Code = "KONK", Reason = "Konkurssi", CreatedAt = DateTime.UtcNow });
            return db.SaveChangesAsync();
        });

        var widget = RenderWidget<SuggestionsWidget>(WidgetRegistry.Suggestions);
        Assert.Equal("Odottavia ehdotuksia 1", Texts(widget, "widget-count").Single());
        Assert.Equal(["Virtasen Kuljetus Oy"], Texts(widget, "widget-customer"));

        widget.Find("button[data-testid=widget-dismiss]").Click();

        widget.WaitForAssertion(() => Assert.Equal("Ei avoimia ehdotuksia.", Texts(widget, "widget-empty").Single()));
        Assert.Equal(SuggestionResolution.Dismissed, await WithDbAsync(db => db.Suggestions.Where(s => s.CustomerId == virtanen).Select(s => s.Resolution).SingleAsync()));
        Assert.Equal("/suggestions", widget.Find("[data-testid=widget-all]").GetAttribute("href"));
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 1000 && !await condition(); i++) await Task.Yield();
        Assert.True(await condition());
    }
}
