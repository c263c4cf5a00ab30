using Microsoft.EntityFrameworkCore;
using Portaali.Core.Common;
using Portaali.Core.Customers;
using Portaali.Core.Segments;
using Portaali.Core.Suggestions;
using Portaali.Core.Users;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Suggestions;

/// <summary>Accepting and dismissing each kind of suggestion, the imports' and the segment rules' alike.</summary>
public class SuggestionDecisionTests : HarnessTest
{
    private SuggestionService Suggestions => H.Service<SuggestionService>();

    [Fact]
    public async Task Accepting_a_B_suggestion_from_the_rules_moves_the_customer_to_B_with_the_reason_in_its_history()
    {
        var (customer, _) = await ResponsibleCustomerAsync("Uusi Tilaaja Oy", Segment.Potential);
        var id = await AddAsync(customer.Id, SuggestionKind.SegmentB, "RFM-ORDER", "Potentiaalinen asiakas on tilannut: 1 tilausta");

        await Suggestions.AcceptAsync(id);

        var details = await H.Customers.GetAsync(customer.Id);
        Assert.Equal(Segment.B, details.Segment);
        Assert.Equal("Potentiaalinen asiakas on tilannut: 1 tilausta", Assert.Single(details.SegmentHistory).Reason);
        Assert.Empty(await Suggestions.ListOpenForCustomerAsync(customer.Id));
        Assert.Equal(SuggestionResolution.Accepted, (await SuggestionAsync(id)).Resolution);
    }

    [Fact]
    public async Task Accepting_a_passivation_to_consider_passivates_the_customer_with_the_reason()
    {
        var (customer, _) = await ResponsibleCustomerAsync("Unohtunut Oy", Segment.C);
        var id = await AddAsync(customer.Id, SuggestionKind.ConsiderPassivation, "RFM-DORMANT", "Ei laskettua yhteydenottoa eikä tilausta 3 vuoteen");

        await Suggestions.AcceptAsync(id);

        var details = await H.Customers.GetAsync(customer.Id);
        Assert.True(details.IsPassive);
        Assert.Equal("Ei laskettua yhteydenottoa eikä tilausta 3 vuoteen", details.PassivationReason);
        Assert.Equal(SuggestionResolution.Accepted, (await SuggestionAsync(id)).Resolution);
    }

    [Fact]
    public async Task Accepting_an_A_proposal_is_refused_with_where_A_is_proposed_and_dismissing_it_closes_it()
    {
        var (customer, _) = await ResponsibleCustomerAsync("Vakaa Kumppani Oy", Segment.B);
        var id = await AddAsync(customer.Id, SuggestionKind.ProposeA, "RFM-TOP", "RFM huipussa nyt ja vuosi sitten");

        using (UiCulture.Finnish())
        {
            var error = await Assert.ThrowsAsync<DomainException>(() => Suggestions.AcceptAsync(id));
            Assert.StartsWith("A-asiakkuutta ei aseteta ehdotuksesta: se ehdotetaan perusteluineen asiakkaan Segmentti-välilehdellä", error.Message);
        }
        using (UiCulture.English())
        {
            var error = await Assert.ThrowsAsync<DomainException>(() => Suggestions.AcceptAsync(id));
            Assert.StartsWith("A is not set from a suggestion: it is proposed with a justification on the customer's Segment tab", error.Message);
        }
        Assert.Equal(Segment.B, (await H.Customers.GetAsync(customer.Id)).Segment);
        Assert.Equal(SuggestionKind.ProposeA, Assert.Single(await Suggestions.ListOpenForCustomerAsync(customer.Id)).Kind);

        await Suggestions.DismissAsync(id);

        Assert.Empty(await Suggestions.ListOpenForCustomerAsync(customer.Id));
        var closed = await SuggestionAsync(id);
        Assert.Equal((SuggestionResolution.Dismissed, "Mikko Myyjä"), (closed.Resolution, closed.ResolvedByName));
    }

    [Fact]
    public async Task Dismissing_each_rule_suggestion_leaves_the_customer_as_it_was()
    {
        var (customer, _) = await ResponsibleCustomerAsync("Hylätty Oy", Segment.C);
        var b = await AddAsync(customer.Id, SuggestionKind.SegmentB, "RFM-ORDER", "Tilasi");
        var passivate = await AddAsync(customer.Id, SuggestionKind.ConsiderPassivation, "RFM-DORMANT", "Hiljaista");

        await Suggestions.DismissAsync(b);
        await Suggestions.DismissAsync(passivate);

        var details = await H.Customers.GetAsync(customer.Id);
        Assert.Equal((Segment.C, false), (details.Segment, details.IsPassive));
        Assert.Empty(await Suggestions.ListOpenForCustomerAsync(customer.Id));
    }

    [Fact]
    public async Task A_proposal_is_moot_once_the_customer_is_no_longer_B_and_a_passivation_to_consider_once_no_longer_C()
    {
        var (proposed, _) = await ResponsibleCustomerAsync("Nostettu Oy", Segment.B);
        await AddAsync(proposed.Id, SuggestionKind.ProposeA, "RFM-TOP", "Huipussa");
        var (dormant, manager) = await ResponsibleCustomerAsync("Herännyt Oy", Segment.C);
        await AddAsync(dormant.Id, SuggestionKind.ConsiderPassivation, "RFM-DORMANT", "Hiljaista");

        await H.Segments.ChangeAsync(dormant.Id, Segment.B, "Uusi yhteistyö");
        H.SignInAs(await H.CreateUserAsync(UserGroup.Management, "Riitta Johtaja"));
        await H.Segments.ChangeAsync(proposed.Id, Segment.A, "Johdon päätös");
        H.SignInAs(manager);

        Assert.Empty(await Suggestions.ListOpenForCustomerAsync(proposed.Id));
        Assert.Empty(await Suggestions.ListOpenForCustomerAsync(dormant.Id));
        Assert.Empty(await Suggestions.ListOpenAsync());
    }

    [Fact]
    public async Task A_propose_A_suggestion_is_not_listed_while_a_proposal_for_the_customer_waits_for_management()
    {
        var (customer, _) = await ResponsibleCustomerAsync("Odottava Oy", Segment.B);
        await H.Service<KeyAccountProposalService>().ProposeAsync(customer.Id, "Laaja yhteistyö kolmella alalla");
        // The rule noticed the customer only after the proposal was made: management already has the question.
        await AddAsync(customer.Id, SuggestionKind.ProposeA, "RFM-TOP", "Huipussa");

        Assert.Empty(await Suggestions.ListOpenForCustomerAsync(customer.Id));
        Assert.Empty(await Suggestions.ListOpenAsync());
    }

    [Fact]
    public async Task An_old_B_suggestion_never_moves_a_customer_since_put_in_A_down_to_B()
    {
        var (customer, _) = await ResponsibleCustomerAsync("Nousija Oy", Segment.C);
        var id = await AddAsync(customer.Id, SuggestionKind.SegmentB, "FRAMEWORK", "Puitesopimus");
        H.SignInAs(await H.CreateUserAsync(UserGroup.Management, "Riitta Johtaja"));
        await H.Segments.ChangeAsync(customer.Id, Segment.A, "Johdon päätös");
        H.SignInAs(await H.CreateUserAsync(UserGroup.Administrator, "Sari Ylläpitäjä"));

        var refused = await Assert.ThrowsAsync<DomainException>(() => Suggestions.AcceptAsync(id));

        Assert.Contains("A", refused.Message);
        Assert.Equal(Segment.A, (await H.Customers.GetAsync(customer.Id)).Segment);
        Assert.Null((await SuggestionAsync(id)).ResolvedAt);
    }

    [Fact]
    public async Task The_imports_suggestions_are_listed_beside_the_rules_and_still_work()
    {
        var (ceased, manager) = await ResponsibleCustomerAsync("Konkurssi Oy", Segment.C);
        var konk = await AddAsync(ceased.Id, SuggestionKind.Passivate, "KONK", "Konkurssi");
        var framework = await H.AddCustomerAsync("Harjoittelupaikka Oy", segment: Segment.C);
        await H.AddResponsibleAsync(framework.Id, manager.Id);
        var top = await AddAsync(framework.Id, SuggestionKind.SegmentB, "FRAMEWORK", "Puitesopimus");
        var (steady, _) = await ResponsibleCustomerAsync("Vakaa Oy", Segment.B, manager);
        await AddAsync(steady.Id, SuggestionKind.ProposeA, "RFM-TOP", "Huipussa");
        var (dormant, _) = await ResponsibleCustomerAsync("Hiljainen Oy", Segment.C, manager);
        await AddAsync(dormant.Id, SuggestionKind.ConsiderPassivation, "RFM-DORMANT", "Hiljaista");

        var open = await Suggestions.ListOpenAsync();

        Assert.Equal([("Harjoittelupaikka Oy", SuggestionKind.SegmentB), ("Hiljainen Oy", SuggestionKind.ConsiderPassivation),
                ("Konkurssi Oy", SuggestionKind.Passivate), ("Vakaa Oy", SuggestionKind.ProposeA)],
            open.Select(s => (s.CustomerName, s.Kind)).OrderBy(s => s.CustomerName));

        await Suggestions.AcceptAsync(konk);
        await Suggestions.AcceptAsync(top);
        Assert.True((await H.Customers.GetAsync(ceased.Id)).IsPassive);
        Assert.Equal(Segment.B, (await H.Customers.GetAsync(framework.Id)).Segment);
        Assert.Equal(2, (await Suggestions.ListOpenAsync()).Count);
    }

    private async Task<(Customer, AppUser)> ResponsibleCustomerAsync(string name, Segment segment, AppUser? manager = null)
    {
        manager ??= await H.CreateUserAsync(UserGroup.AccountManager, "Mikko Myyjä");
        var customer = await H.AddCustomerAsync(name, segment: segment);
        await H.AddResponsibleAsync(customer.Id, manager.Id);
        H.SignInAs(manager);
        return (customer, manager);
    }

    private async Task<int> AddAsync(int customerId, SuggestionKind kind, string code, string reason)
    {
        await using var db = H.Db();
        var s = new Suggestion { CustomerId = customerId, Kind = kind, Code = code, Reason = reason, CreatedAt = CoreHarness.Now.UtcDateTime };
        db.Suggestions.Add(s);
        await db.SaveChangesAsync();
        return s.Id;
    }

    private async Task<Suggestion> SuggestionAsync(int id)
    {
        await using var db = H.Db();
        return await db.Suggestions.AsNoTracking().SingleAsync(s => s.Id == id);
    }
}
