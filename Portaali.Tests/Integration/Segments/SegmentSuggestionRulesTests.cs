using Microsoft.EntityFrameworkCore;
using Portaali.Core.Customers;
using Portaali.Core.Segments;
using Portaali.Core.Segments.Rfm;
using Portaali.Core.Suggestions;
using Portaali.Core.Users;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Segments;

/// <summary>The segment rules run after each recompute (today 10.3.2026) and write suggestions people decide.</summary>
public class SegmentSuggestionRulesTests : HarnessTest
{
    private static readonly DateTime LongAgo = new(2022, 1, 1, 8, 0, 0, DateTimeKind.Utc);

    private RfmService Rfm => H.Service<RfmService>();

    [Fact]
    public async Task A_potential_customer_with_an_order_gets_one_B_suggestion_that_says_what_it_ordered()
    {
        var ordered = await H.AddCustomerAsync("Uusi Tilaaja Oy", segment: Segment.Potential);
        await H.AddOrderAsync(ordered.Id, new DateOnly(2025, 11, 3), 12_000m);
        var notYet = await H.AddCustomerAsync("Vasta Kiinnostunut Oy", segment: Segment.Potential);
        await H.AddContactAsync(notYet.Id, new DateOnly(2026, 3, 2));
        var passive = await H.AddCustomerAsync("Passiivinen Tilaaja Oy", segment: Segment.Potential, passive: true);
        await H.AddOrderAsync(passive.Id, new DateOnly(2025, 11, 3), 12_000m);

        var first = await Rfm.RecomputeAsync();
        var second = await Rfm.RecomputeAsync();

        Assert.Equal((1, 0), (first.SuggestionsCreated, second.SuggestionsCreated));
        var s = Assert.Single(await AllAsync());
        Assert.Equal((ordered.Id, SuggestionKind.SegmentB, SegmentSuggestionRules.OrderCode, (DateTime?)null), (s.CustomerId, s.Kind, s.Code, s.ResolvedAt));
        Assert.Equal("Potentiaalinen asiakas on tilannut: 1 tilausta viimeisten 24 kuukauden aikana, yhteensä 12 000,00 € (alv 0 %), viimeisin 3.11.2025.",
            Spaces(s.Reason));
        Assert.Equal(CoreHarness.Now.UtcDateTime, s.CreatedAt);
    }

    [Fact]
    public async Task A_B_customer_at_the_top_now_and_a_year_ago_gets_a_proposal_to_consider_A_one_top_only_now_does_not()
    {
        // Contacts every two weeks for three years and orders each year: 5/5/5 now, 5/5/4 on 10.3.2025.
        var steady = await H.AddCustomerAsync("Vakaa Kumppani Oy", segment: Segment.B);
        await H.AddContactsAsync(steady.Id, new DateOnly(2023, 3, 2), new DateOnly(2026, 3, 5), 14);
        await H.AddOrderAsync(steady.Id, new DateOnly(2024, 6, 1), 30_000m);
        await H.AddOrderAsync(steady.Id, new DateOnly(2025, 6, 1), 30_000m);
        await H.AddOrderAsync(steady.Id, new DateOnly(2025, 12, 1), 30_000m);
        // The same today, but only since last summer: a year ago it had no score to speak of.
        var growing = await H.AddCustomerAsync("Kasvava Asiakas Oy", segment: Segment.B);
        await H.AddContactsAsync(growing.Id, new DateOnly(2025, 6, 2), new DateOnly(2026, 3, 5), 7);
        await H.AddOrderAsync(growing.Id, new DateOnly(2025, 9, 1), 50_000m);
        // At the top for years but already in C: the rule is for B customers.
        var inC = await H.AddCustomerAsync("Ceessä Oy", segment: Segment.C);
        await H.AddContactsAsync(inC.Id, new DateOnly(2023, 3, 2), new DateOnly(2026, 3, 5), 14);
        await H.AddOrderAsync(inC.Id, new DateOnly(2024, 6, 1), 60_000m);

        await Rfm.RecomputeAsync();
        await Rfm.RecomputeAsync();

        await using (var db = H.Db())
        {
            // An anonymous type, not a tuple: Npgsql reads a tuple in a projection as a PostgreSQL record, which it refuses.
            var growingScore = await db.RfmScores.Where(x => x.CustomerId == growing.Id).Select(x => new { x.Recency, x.Frequency, x.Monetary }).SingleAsync();
            Assert.Equal((5, 5, 5), (growingScore.Recency, growingScore.Frequency, growingScore.Monetary));
        }
        var s = Assert.Single(await AllAsync());
        Assert.Equal((steady.Id, SuggestionKind.ProposeA, SegmentSuggestionRules.TopCode), (s.CustomerId, s.Kind, s.Code));
        Assert.StartsWith("RFM huipussa (R, F ja M kukin vähintään 4) nyt ja vuosi sitten: nyt R 5, F 5, M 5; 10.3.2025 R 5, F 5, M 4.", s.Reason);
    }

    [Fact]
    public async Task A_C_customer_with_no_counted_contact_and_no_order_in_three_years_gets_a_passivation_to_consider()
    {
        var dormant = await H.AddCustomerAsync("Unohtunut Oy", configure: c => c.CreatedAt = LongAgo);
        await H.AddContactAsync(dormant.Id, new DateOnly(2023, 3, 10));
        await H.AddOrderAsync(dormant.Id, new DateOnly(2022, 5, 5), 2_000m);
        var justInside = await H.AddCustomerAsync("Juuri Ja Juuri Oy", configure: c => c.CreatedAt = LongAgo);
        await H.AddContactAsync(justInside.Id, new DateOnly(2023, 3, 11));
        var ordered = await H.AddCustomerAsync("Tilasi Kerran Oy", configure: c => c.CreatedAt = LongAgo);
        await H.AddOrderAsync(ordered.Id, new DateOnly(2024, 1, 15), 800m);
        var added = await H.AddCustomerAsync("Vasta Lisätty Oy", configure: c => c.CreatedAt = new DateTime(2025, 6, 1, 8, 0, 0, DateTimeKind.Utc));
        await H.AddCustomerAsync("Passiivinen Vanha Oy", passive: true, configure: c => c.CreatedAt = LongAgo);
        await H.AddCustomerAsync("Bee Ilman Yhteyksiä Oy", segment: Segment.B, configure: c => c.CreatedAt = LongAgo);
        var never = await H.AddCustomerAsync("Ei Koskaan Oy", configure: c => c.CreatedAt = LongAgo);

        await Rfm.RecomputeAsync();
        await Rfm.RecomputeAsync();

        var found = (await AllAsync()).OrderBy(s => s.CustomerId).ToList();
        Assert.Equal([dormant.Id, never.Id], found.Select(s => s.CustomerId));
        Assert.All(found, s => Assert.Equal((SuggestionKind.ConsiderPassivation, SegmentSuggestionRules.DormantCode), (s.Kind, s.Code)));
        Assert.StartsWith("Ei laskettua yhteydenottoa eikä tilausta 3 vuoteen: viimeisin yhteydenotto 10.3.2023, viimeisin tilaus 5.5.2022.", found[0].Reason);
        Assert.StartsWith("Ei laskettua yhteydenottoa eikä tilausta 3 vuoteen: viimeisin yhteydenotto ei koskaan, viimeisin tilaus ei koskaan.", found[1].Reason);
        Assert.DoesNotContain(found, s => s.CustomerId == added.Id || s.CustomerId == justInside.Id || s.CustomerId == ordered.Id);
    }

    [Fact]
    public async Task A_dismissed_suggestion_is_not_made_again_within_a_year_and_comes_back_after_it()
    {
        var manager = await H.CreateUserAsync(UserGroup.AccountManager, "Mikko Myyjä");
        var dormant = await H.AddCustomerAsync("Unohtunut Oy", configure: c => c.CreatedAt = LongAgo);
        await H.AddResponsibleAsync(dormant.Id, manager.Id);
        H.SignInAs(manager);
        await Rfm.RecomputeAsync();
        var first = Assert.Single(await AllAsync());

        await H.Service<SuggestionService>().DismissAsync(first.Id);
        H.Clock.Advance(TimeSpan.FromDays(364));
        await Rfm.RecomputeAsync();
        Assert.Single(await AllAsync());
        Assert.Empty(await H.Service<SuggestionService>().ListOpenForCustomerAsync(dormant.Id));

        H.Clock.Advance(TimeSpan.FromDays(2));
        await Rfm.RecomputeAsync();

        var all = await AllAsync();
        Assert.Equal(2, all.Count);
        var open = Assert.Single(await H.Service<SuggestionService>().ListOpenForCustomerAsync(dormant.Id));
        Assert.Equal(SuggestionKind.ConsiderPassivation, open.Kind);
        Assert.NotEqual(first.Id, open.Id);
    }

    [Fact]
    public async Task Passive_customers_never_get_a_rule_suggestion()
    {
        var potential = await H.AddCustomerAsync("Passiivinen Potentiaalinen Oy", segment: Segment.Potential, passive: true);
        await H.AddOrderAsync(potential.Id, new DateOnly(2026, 1, 5), 9_000m);
        var b = await H.AddCustomerAsync("Passiivinen Bee Oy", segment: Segment.B, passive: true);
        await H.AddContactsAsync(b.Id, new DateOnly(2023, 3, 2), new DateOnly(2026, 3, 5), 14);
        await H.AddOrderAsync(b.Id, new DateOnly(2024, 6, 1), 60_000m);
        await H.AddOrderAsync(b.Id, new DateOnly(2025, 12, 1), 60_000m);
        await H.AddCustomerAsync("Passiivinen Cee Oy", passive: true, configure: c => c.CreatedAt = LongAgo);

        var result = await Rfm.RecomputeAsync();

        Assert.Equal((0, 0), (result.CustomersScored, result.SuggestionsCreated));
        Assert.Empty(await AllAsync());
    }

    private async Task<List<Suggestion>> AllAsync()
    {
        await using var db = H.Db();
        return await db.Suggestions.AsNoTracking().OrderBy(s => s.Id).ToListAsync();
    }

    /// <summary>Finnish thousands are grouped with a (narrow) no-break space.</summary>
    internal static string Spaces(string text) => text.Replace('\u00A0', ' ').Replace('\u202F', ' ');
}
