using Portaali.Core.Campaigns;
using Portaali.Core.Offers;
using Portaali.Core.Segments;
using Portaali.Core.Selections;
using Portaali.Tests.Support;
using static Portaali.Tests.Integration.Selections.SelectionDataset;

namespace Portaali.Tests.Integration.Selections;

/// <summary>The "why": the criteria that held for each member of a page, the criterion (or default exclusion) that left a
/// record out, and criteria in words in Finnish and English.</summary>
public class SelectionExplainerTests(SelectionDataset data) : IClassFixture<SelectionDataset>
{
    [Fact]
    public async Task Held_criteria_of_a_page_name_each_leaf_that_held_for_each_member()
    {
        var espoo = new MunicipalityCriterion { Codes = [Espoo] };
        var large = new SizeClassCriterion { Min = 5 };
        var email = new ContactEmailCriterion();
        var notVantaa = Not(new MunicipalityCriterion { Codes = [Vantaa] });
        var tree = Or(And(espoo, large), And(email, notVantaa));
        var definition = new SelectionDefinition(SelectionTarget.Customers, tree);

        var held = await data.Explainer.HeldCriteriaAsync(definition, [data.EspoonKone, data.VantaanVari, data.HelsinginSahko]);

        Assert.Equal(new HashSet<Guid> { espoo.Id, large.Id, email.Id, notVantaa.Id }, held[data.EspoonKone]);
        Assert.Equal(new HashSet<Guid> { email.Id }, held[data.VantaanVari]);
        Assert.Equal(new HashSet<Guid> { email.Id, notVantaa.Id }, held[data.HelsinginSahko]);
    }

    [Fact]
    public async Task A_customer_left_out_is_told_which_criteria_excluded_it()
    {
        using var _ = UiCulture.Use("fi-FI");
        var espoo = new MunicipalityCriterion { Codes = [Espoo] };
        var large = new SizeClassCriterion { Min = 5 };
        var email = new ContactEmailCriterion();
        var definition = new SelectionDefinition(SelectionTarget.Customers, And(espoo, large, email));

        var why = await data.Explainer.ExplainAsync(definition, data.VantaanVari);

        Assert.False(why.IsMember);
        Assert.Null(why.ExcludedByDefault);
        Assert.Equal("Vantaan Väri Oy", why.Name);
        Assert.Equal([espoo.Id, large.Id], why.ExcludedBy);
        Assert.Equal(["Kaikki seuraavat", "Kunta on Espoo", "Kokoluokka on vähintään 5", "Yhteyshenkilöllä on sähköpostiosoite"],
            why.Outcomes.Select(o => o.Description));
        Assert.Equal([false, false, false, true], why.Outcomes.Select(o => o.Held));
        Assert.Equal([0, 1, 1, 1], why.Outcomes.Select(o => o.Depth));

        var member = await data.Explainer.ExplainAsync(definition, data.EspoonKone);
        Assert.True(member.IsMember);
        Assert.Empty(member.ExcludedBy);
        Assert.All(member.Outcomes, o => Assert.True(o.Held));
    }

    [Fact]
    public async Task A_passive_customer_is_told_it_is_left_out_for_being_passive()
    {
        using var _ = UiCulture.Use("fi-FI");
        var segment = new SegmentCriterion { Segments = [Segment.B] };
        var why = await data.Explainer.ExplainAsync(new SelectionDefinition(SelectionTarget.Customers, And(segment)), data.Lopettanut);
        Assert.False(why.IsMember);
        Assert.Contains("passiivinen", why.ExcludedByDefault);
        Assert.Empty(why.ExcludedBy);
        Assert.True(why.Outcomes.Single(o => o.CriterionId == segment.Id).Held);
    }

    [Fact]
    public async Task A_contact_left_out_for_having_left_or_opted_out_and_an_OR_group_that_failed_is_named_itself()
    {
        using var _ = UiCulture.Use("en-US");
        var email = new SelectionDefinition(SelectionTarget.Contacts, And(new ContactEmailCriterion())) { Purpose = SelectionPurpose.Email };
        var left = await data.Explainer.ExplainAsync(email, data.Left);
        Assert.False(left.IsMember);
        Assert.Equal("The contact has left (contacts who left are left out by default)", left.ExcludedByDefault);
        Assert.Equal("Lauri Lähtenyt (Espoon Kone Oy)", left.Name);

        var optedOut = await data.Explainer.ExplainAsync(email, data.OptedOut);
        Assert.Equal("The contact has asked not to be sent marketing e-mail", optedOut.ExcludedByDefault);

        var either = Or(new MunicipalityCriterion { Codes = [Vantaa] }, new SegmentCriterion { Segments = [Segment.A] });
        var why = await data.Explainer.ExplainAsync(new SelectionDefinition(SelectionTarget.Contacts, And(either)), data.Aini);
        Assert.Equal([either.Id], why.ExcludedBy);
        Assert.Equal(["All of the following", "Any of the following", "Municipality is Vantaa", "Segment is A"], why.Outcomes.Select(o => o.Description));
    }

    [Fact]
    public async Task Criteria_in_words_in_Finnish()
    {
        using var _ = UiCulture.Use("fi-FI");
        Assert.Equal("Segmentti on B", await Describe(new SegmentCriterion { Segments = [Segment.B] }));
        Assert.Equal("Ei: kunta on Espoo", await Describe(Not(new MunicipalityCriterion { Codes = [Espoo] })));
        Assert.Equal("Kunta on Espoo tai Vantaa", await Describe(new MunicipalityCriterion { Codes = [Espoo, Vantaa] }));
        Assert.Equal("Asiakkaalla on toimenpide (Käynti) 10.3.2025–10.3.2026",
            await Describe(new ActivityCriterion { TypeIds = [Visit], From = new DateOnly(2025, 3, 10), To = new DateOnly(2026, 3, 10) }));
        Assert.Equal("Liikevaihto on vähintään 1\u00a0500\u00a0000,50 €", await Describe(new RevenueCriterion { Min = 1_500_000.50m }));
        Assert.Equal("Vastuuhenkilö on Riitta Vastuunen", await Describe(new ResponsibleCriterion { UserIds = [data.Responsible.Id] }));
        Assert.Equal("Yhteyshenkilö on kampanjassa Kevätseminaari, vaihe: ilmoittautunut mutta ei saapunut",
            await Describe(new CampaignStepCriterion { CampaignIds = [data.SpringSeminar], Steps = [CampaignStep.Absent] }));
        Assert.Equal("Asiakkaalla on tilaus (Oppisopimus) 1.1.2026 alkaen",
            await Describe(new OfferCriterion { OrdersOnly = true, Types = [OfferType.Apprenticeship], From = new DateOnly(2026, 1, 1) }));
        Assert.Equal("Asiakasryhmä on Työssäoppimispaikat", await Describe(new CustomerGroupCriterion { GroupIds = [data.WorkPlacements] }));
        Assert.Equal("Yhteyshenkilön rooli on Roolit › Päättäjä", await Describe(new ContactRoleCriterion { RoleNodeIds = [data.DecisionMaker] }));
    }

    [Fact]
    public async Task Criteria_in_words_in_English()
    {
        using var _ = UiCulture.Use("en-US");
        Assert.Equal("Segment is B", await Describe(new SegmentCriterion { Segments = [Segment.B] }));
        Assert.Equal("Not: municipality is Espoo", await Describe(Not(new MunicipalityCriterion { Codes = [Espoo] })));
        Assert.Equal("Customer has an activity (Visit) 3/10/2025–3/10/2026",
            await Describe(new ActivityCriterion { TypeIds = [Visit], From = new DateOnly(2025, 3, 10), To = new DateOnly(2026, 3, 10) }));
        Assert.Equal("Revenue is 100,000–200,000 €", await Describe(new RevenueCriterion { Min = 100_000m, Max = 200_000m }));
        Assert.Equal("Size class is 5–9", await Describe(new SizeClassCriterion { Min = 5, Max = 9 }));
        Assert.Equal("Contact title contains “päällikkö”", await Describe(new ContactTitleCriterion { Text = " päällikkö " }));
        Assert.Equal("Not: any of the following", await Describe(Not(Or())));
    }

    private Task<string> Describe(Criterion criterion) => data.Explainer.DescribeAsync(criterion);
}
