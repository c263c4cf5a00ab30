using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Portaali.Core.Activities;
using Portaali.Core.Segments.Rfm;
using Portaali.Core.Users;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Segments;

/// <summary>RFM on a small dataset whose scores are worked out by hand in the comments (today 10.3.2026, window
/// 24 months = 11.3.2024 … 10.3.2026; thresholds R ≤365/180/90/30 days, F ≥1/4/8/16, M ≥0,01/5 000/20 000/50 000 €).</summary>
public class RfmServiceTests : HarnessTest
{
    private static readonly DateOnly Today = new(2026, 3, 10);

    private RfmService Rfm => H.Service<RfmService>();

    [Fact]
    public async Task Six_customers_get_the_hand_computed_scores()
    {
        // 9 days since the call; 16 calls + 2 orders = 18 ≥ 16; 55 000 € ≥ 50 000 → 5/5/5.
        var active = await H.AddCustomerAsync("Aktiivi Oy");
        await H.AddContactsAsync(active.Id, new DateOnly(2025, 11, 1), new DateOnly(2026, 3, 1), 8);
        await H.AddOrderAsync(active.Id, new DateOnly(2025, 5, 2), 30_000m);
        await H.AddOrderAsync(active.Id, new DateOnly(2026, 1, 15), 25_000m);
        // 90 days since 10.12.2025 (≤ 90 → 4); 8 contacts + 1 order = 9 ≥ 8 → 4; 5 000 € → 3.
        var steady = await H.AddCustomerAsync("Tasainen Oy");
        await H.AddContactsAsync(steady.Id, new DateOnly(2025, 5, 14), new DateOnly(2025, 12, 10), 30);
        await H.AddOrderAsync(steady.Id, new DateOnly(2025, 6, 1), 5_000m);
        // One e-mail exactly 365 days ago → R 2, F 2, no orders → M 1.
        var quiet = await H.AddCustomerAsync("Hiljainen Oy");
        await H.AddContactAsync(quiet.Id, new DateOnly(2025, 3, 10), ActivityReferenceData.Email);
        // The window's first day counts, the day before it does not, neither does the order on that day.
        var edge = await H.AddCustomerAsync("Ikkunan Reuna Oy");
        await H.AddContactAsync(edge.Id, new DateOnly(2024, 3, 10), ActivityReferenceData.Visit);
        await H.AddContactAsync(edge.Id, new DateOnly(2024, 3, 11), ActivityReferenceData.Visit);
        await H.AddOrderAsync(edge.Id, new DateOnly(2024, 3, 10), 1_000m);
        // Feedback, an internal meeting, an open visit and a call marked done ahead of its day are not counted contacts.
        var uncounted = await H.AddCustomerAsync("Ei Laskettuja Oy");
        await H.AddContactAsync(uncounted.Id, new DateOnly(2026, 3, 9), ActivityReferenceData.Feedback);
        await H.AddContactAsync(uncounted.Id, new DateOnly(2026, 3, 9), ActivityReferenceData.InternalMeeting);
        await H.AddContactAsync(uncounted.Id, new DateOnly(2026, 3, 9), ActivityReferenceData.Visit, ActivityStatus.Open);
        await H.AddContactAsync(uncounted.Id, new DateOnly(2026, 4, 1));
        // A passive customer gets no score.
        var passive = await H.AddCustomerAsync("Passiivinen Oy", passive: true);
        await H.AddContactAsync(passive.Id, new DateOnly(2026, 3, 1));

        var result = await Rfm.RecomputeAsync();

        Assert.Equal(5, result.CustomersScored);
        await using var db = H.Db();
        var scores = await db.RfmScores.AsNoTracking().ToDictionaryAsync(s => s.CustomerId);
        Assert.Equal(5, scores.Count);
        Assert.Equal((5, 5, 5), Rfm3(scores[active.Id]));
        Assert.Equal((4, 4, 3), Rfm3(scores[steady.Id]));
        Assert.Equal((2, 2, 1), Rfm3(scores[quiet.Id]));
        Assert.Equal((1, 2, 1), Rfm3(scores[edge.Id]));
        Assert.Equal((1, 1, 1), Rfm3(scores[uncounted.Id]));
        Assert.False(scores.ContainsKey(passive.Id));

        var a = scores[active.Id];
        Assert.Equal((16, 2, 5_500_000L, new DateOnly(2026, 3, 1), new DateOnly(2026, 1, 15)), (a.Contacts, a.Orders, a.OrderCents, a.LastContactOn, a.LastOrderOn));
        var e = scores[edge.Id];
        Assert.Equal((1, 0, 0L, new DateOnly(2024, 3, 11), new DateOnly(2024, 3, 10)), (e.Contacts, e.Orders, e.OrderCents, e.LastContactOn, e.LastOrderOn));
        Assert.Equal((24, new DateOnly(2024, 3, 11), Today, CoreHarness.Now.UtcDateTime), (e.WindowMonths, e.WindowFrom, e.AsOf, e.ComputedAt));
        Assert.Null(scores[uncounted.Id].LastContactOn);
    }

    [Fact]
    public async Task A_shorter_configured_window_leaves_older_contacts_and_orders_out()
    {
        await using var h = await CoreHarness.CreateAsync(provider: DatabaseProvider, configure: s => s.Configure<RfmOptions>(o => o.WindowMonths = 6));
        var customer = await h.AddCustomerAsync("Lyhyt Ikkuna Oy");
        await h.AddContactAsync(customer.Id, new DateOnly(2025, 9, 10)); // 10.9.2025 is the day before the window
        await h.AddContactAsync(customer.Id, new DateOnly(2025, 9, 11));
        await h.AddOrderAsync(customer.Id, new DateOnly(2025, 9, 10), 9_000m);

        await h.Service<RfmService>().RecomputeAsync();

        await using var db = h.Db();
        var score = await db.RfmScores.SingleAsync();
        Assert.Equal((1, 0, 0L, 6, new DateOnly(2025, 9, 11)), (score.Contacts, score.Orders, score.OrderCents, score.WindowMonths, score.WindowFrom));
        Assert.Equal((3, 2, 1), Rfm3(score)); // 180 days ago → R 3
    }

    [Fact]
    public async Task The_customer_breakdown_says_what_each_score_is_made_of()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        var customer = await H.AddCustomerAsync("Selitys Oy");
        await H.AddContactAsync(customer.Id, new DateOnly(2026, 2, 20), ActivityReferenceData.Visit);
        await H.AddContactAsync(customer.Id, new DateOnly(2026, 2, 26), ActivityReferenceData.Call);
        await H.AddOrderAsync(customer.Id, new DateOnly(2025, 11, 3), 18_400m);

        Assert.Null(await Rfm.ForCustomerAsync(customer.Id));
        await Rfm.RecomputeAsync();
        var b = await Rfm.ForCustomerAsync(customer.Id);

        Assert.NotNull(b);
        // 12 days; 2 contacts + 1 order = 3 → F 2; 18 400 € → M 3.
        Assert.Equal((5, 2, 3), (b.Recency, b.Frequency, b.Monetary));
        Assert.Equal((new DateOnly(2026, 2, 26), (int?)12, new DateOnly(2025, 11, 3), (int?)127), (b.LastContactOn, b.DaysSinceContact, b.LastOrderOn, b.DaysSinceOrder));
        Assert.Equal("Soitto", b.LastContactType);
        Assert.Equal((2, 1, 18_400m, 24), (b.Contacts, b.Orders, b.OrderEuros, b.WindowMonths));
    }

    [Fact]
    public async Task Recomputing_replaces_yesterdays_scores_and_drops_a_customer_passivated_since()
    {
        var customer = await H.AddCustomerAsync("Muuttuva Oy");
        await Rfm.RecomputeAsync();
        await H.AddContactAsync(customer.Id, new DateOnly(2026, 3, 10));
        var leaving = await H.AddCustomerAsync("Lopettava Oy");
        await Rfm.RecomputeAsync();
        await using (var db = H.Db())
        {
            Assert.Equal(5, (await db.RfmScores.SingleAsync(s => s.CustomerId == customer.Id)).Recency);
            await db.Customers.Where(c => c.Id == leaving.Id).ExecuteUpdateAsync(u => u.SetProperty(c => c.IsPassive, true));
        }

        await Rfm.RecomputeAsync();

        await using var check = H.Db();
        Assert.Equal(new[] { customer.Id }, await check.RfmScores.Select(s => s.CustomerId).ToListAsync());
    }

    [Fact]
    public async Task The_scores_are_two_grouped_queries_not_a_query_per_customer()
    {
        await using var db = H.Db();
        var sql = RfmScoring.ContactsQuery(db, Today, new DateOnly(2024, 3, 11), [5, 11], null).ToQueryString()
            + RfmScoring.OrdersQuery(db, Today, new DateOnly(2024, 3, 11), null).ToQueryString();
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(sql, "GROUP BY").Count);
        Assert.DoesNotContain("Customers", sql);
    }

    private static (int, int, int) Rfm3(RfmScore s) => (s.Recency, s.Frequency, s.Monetary);
}
