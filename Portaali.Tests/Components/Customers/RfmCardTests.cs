using System.Globalization;
using Bunit;
using Portaali.Core.Activities;
using Portaali.Core.Calendar;
using Portaali.Core.Segments.Rfm;
using Portaali.Core.Users;
using Portaali.Web.Components.Pages.Customers;

namespace Portaali.Tests.Components.Customers;

/// <summary>The RFM card on the segment tab: R, F and M as 1–5 with what each is made of, in the UI language.</summary>
public class RfmCardTests : ComponentHarness
{
    [Fact]
    public async Task In_finnish_the_card_shows_each_score_with_its_days_counts_and_euros()
    {
        var customerId = await ArrangeAsync();

        var card = Render<RfmCard>(p => p.Add(c => c.CustomerId, customerId));

        card.WaitForElement("[data-testid=rfm-r]");
        Assert.Equal(("4 / 5", "3 / 5", "3 / 5"), (Text(card, "rfm-r"), Text(card, "rfm-f"), Text(card, "rfm-m")));
        Assert.Equal("viimeisin yhteydenotto 12 päivää sitten (Soitto 3.11.2026); viimeisin tilaus 45 päivää sitten (1.10.2026)", Text(card, "rfm-r-text"));
        Assert.Equal("9 yhteydenottoa ja 2 tilausta 24 kuukaudessa", Text(card, "rfm-f-text"));
        Assert.Equal("18 400,00 € tilauksia (alv 0 %)", Text(card, "rfm-m-text"));
        Assert.StartsWith("Laskettu 15.11.2026 3.30 · ikkuna 24 kk (16.11.2024–15.11.2026)", Text(card, "rfm-computed"));
        Assert.Contains("Tuoreus (R)", card.Markup);
    }

    [Fact]
    public async Task In_english_dates_and_euros_follow_the_english_culture()
    {
        var customerId = await ArrangeAsync();
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-US");
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

        var card = Render<RfmCard>(p => p.Add(c => c.CustomerId, customerId));

        card.WaitForElement("[data-testid=rfm-r]");
        Assert.Equal("last contact 12 days ago (Call 11/3/2026); last order 45 days ago (10/1/2026)", Text(card, "rfm-r-text"));
        Assert.Equal("9 contacts and 2 orders in 24 months", Text(card, "rfm-f-text"));
        Assert.Equal("€18,400.00 in orders (VAT 0%)", Text(card, "rfm-m-text"));
        Assert.StartsWith("Computed 11/15/2026 3:30 AM · window 24 months (11/16/2024–11/15/2026)", Text(card, "rfm-computed"));
        Assert.Contains("Recency (R)", card.Markup);
    }

    [Fact]
    public async Task Before_the_first_recompute_the_card_says_when_scores_are_computed()
    {
        await SignInAsync(UserGroup.AccountManager);
        var customerId = await AddCustomerAsync("Uusi Asiakas Oy");

        var card = Render<RfmCard>(p => p.Add(c => c.CustomerId, customerId));

        card.WaitForElement("[data-testid=rfm-none]");
        Assert.Contains("lasketaan joka yö", card.Find("[data-testid=rfm-none]").TextContent);
    }

    private async Task<int> ArrangeAsync()
    {
        var user = await SignInAsync(UserGroup.AccountManager, "Mikko Myyjä");
        var customerId = await AddCustomerAsync("Kortti Oy");
        var contactDay = new DateOnly(2026, 11, 3);
        await WithDbAsync(async db =>
        {
            var week = IsoWeek.Of(contactDay);
            db.Activities.Add(new Activity
            {
                CustomerId = customerId, ActivityTypeId = 11, Title = "Soitto", Status = ActivityStatus.Done,
                StartsAtUtc = HelsinkiTime.ToUtc(contactDay, new TimeOnly(10, 0)), LocalDate = contactDay, IsoYear = week.Year, IsoWeek = week.Week,
                DurationMinutes = 15, CreatedByUserId = user.Id, CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow,
            });
            db.RfmScores.Add(new RfmScore
            {
                CustomerId = customerId, Recency = 4, Frequency = 3, Monetary = 3,
                LastContactOn = contactDay, LastOrderOn = new DateOnly(2026, 10, 1), Contacts = 9, Orders = 2, OrderCents = 1_840_000,
                WindowMonths = 24, WindowFrom = new DateOnly(2024, 11, 16), AsOf = new DateOnly(2026, 11, 15),
                ComputedAt = new DateTime(2026, 11, 15, 1, 30, 0, DateTimeKind.Utc),
            });
            await db.SaveChangesAsync();
        });
        return customerId;
    }

    private static string Text(IRenderedComponent<RfmCard> card, string testId) =>
        card.Find($"[data-testid={testId}]").TextContent.Trim().Replace('\u00A0', ' ').Replace('\u202F', ' ');
}
