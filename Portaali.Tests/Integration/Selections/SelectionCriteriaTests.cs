using Portaali.Core.Campaigns;
using Portaali.Core.Classifications;
using Portaali.Core.Offers;
using Portaali.Core.Segments;
using Portaali.Core.Selections;
using Portaali.Tests.Support;
using static Portaali.Tests.Integration.Selections.SelectionDataset;

namespace Portaali.Tests.Integration.Selections;

/// <summary>Every criterion kind against the known base, as the members' names the list shows, on a customer and on a
/// contact target; nesting, negation and the default exclusions.</summary>
public class SelectionCriteriaTests(SelectionDataset data) : IClassFixture<SelectionDataset>
{
    private const string EspoonKone = "Espoon Kone Oy", VantaanVari = "Vantaan Väri Oy", HelsinginSahko = "Helsingin Sähkö Oy",
        Lopettanut = "Lopettanut Oy", Oulun = "Öljy ja Osaajat Oy";

    [Fact]
    public async Task Segment_matches_the_named_segments_and_leaves_the_passive_customer_out()
    {
        Assert.Equal([EspoonKone], await data.CustomersAsync(new SegmentCriterion { Segments = [Segment.B] }));
        Assert.Equal([EspoonKone, HelsinginSahko], await data.CustomersAsync(new SegmentCriterion { Segments = [Segment.A, Segment.B] }));
    }

    [Fact]
    public async Task Customer_group_takes_in_customers_classified_in_its_subgroups()
    {
        Assert.Equal([EspoonKone, HelsinginSahko], await data.CustomersAsync(new CustomerGroupCriterion { GroupIds = [data.WorkPlacements] }));
    }

    [Fact]
    public async Task Classification_any_all_and_none_of_nodes_with_their_subtrees()
    {
        Assert.Equal([EspoonKone, HelsinginSahko],
            await data.CustomersAsync(new ClassificationCriterion { NodeIds = [data.WorkPlacements], Match = ClassificationMatch.AnyOf }));
        Assert.Equal([HelsinginSahko],
            await data.CustomersAsync(new ClassificationCriterion { NodeIds = [data.WorkPlacements, data.Partners], Match = ClassificationMatch.AllOf }));
        Assert.Equal([VantaanVari, Oulun],
            await data.CustomersAsync(new ClassificationCriterion { NodeIds = [data.WorkPlacements], Match = ClassificationMatch.NoneOf }));
        Assert.Equal(["Olli Kieltäjä", "Äini Öhman"], await data.ContactsAsync(new ClassificationCriterion
        {
            On = ClassificationTarget.Contact, NodeIds = [data.DecisionMaker], Match = ClassificationMatch.AnyOf,
        }));
    }

    [Fact]
    public async Task Size_class_range_never_takes_in_the_unknown_class_but_its_negation_does()
    {
        Assert.Equal([EspoonKone], await data.CustomersAsync(new SizeClassCriterion { Min = 5 }));
        Assert.Equal([EspoonKone, VantaanVari], await data.CustomersAsync(new SizeClassCriterion { Max = 9 }));
        Assert.Equal([VantaanVari], await data.CustomersAsync(new SizeClassCriterion { Min = 2, Max = 4 }));
        Assert.Equal([HelsinginSahko, VantaanVari, Oulun], await data.CustomersAsync(Not(new SizeClassCriterion { Min = 5 })));
    }

    [Fact]
    public async Task Municipality_and_its_negation_which_takes_in_a_customer_without_a_municipality()
    {
        Assert.Equal([EspoonKone], await data.CustomersAsync(new MunicipalityCriterion { Codes = [Espoo] }));
        Assert.Equal([HelsinginSahko, VantaanVari, Oulun], await data.CustomersAsync(Not(new MunicipalityCriterion { Codes = [Espoo] })));
    }

    [Fact]
    public async Task Region_matches_through_the_municipality()
    {
        Assert.Equal([EspoonKone, HelsinginSahko, VantaanVari], await data.CustomersAsync(new RegionCriterion { Regions = ["Uusimaa"] }));
        Assert.Empty(await data.CustomersAsync(new RegionCriterion { Regions = ["Pohjois-Pohjanmaa"] }));
        Assert.Equal([Oulun], await data.CustomersAsync(Not(new RegionCriterion { Regions = ["Uusimaa"] })));
    }

    [Fact]
    public async Task Industry_code_prefixes()
    {
        Assert.Equal([EspoonKone, HelsinginSahko], await data.CustomersAsync(new IndustryCriterion { Prefixes = ["2811", " 85 "] }));
        Assert.Equal([HelsinginSahko, VantaanVari, Oulun], await data.CustomersAsync(Not(new IndustryCriterion { Prefixes = ["28"] })));
    }

    [Theory]
    [InlineData("fi-FI")]
    [InlineData("en-US")]
    public async Task Revenue_range_compares_euros_with_cents_the_same_in_either_culture(string culture)
    {
        using var _ = UiCulture.Use(culture);
        Assert.Equal([EspoonKone], await data.CustomersAsync(new RevenueCriterion { Min = 1_500_000.50m }));
        Assert.Empty(await data.CustomersAsync(new RevenueCriterion { Min = 1_500_000.51m }));
        Assert.Equal([HelsinginSahko], await data.CustomersAsync(new RevenueCriterion { Min = 100_000m, Max = 200_000m }));
        Assert.Equal([EspoonKone, HelsinginSahko], await data.CustomersAsync(new RevenueCriterion { Min = 0m }));
    }

    [Fact]
    public async Task Naming_the_passive_status_lets_passive_customers_in()
    {
        Assert.Equal([Lopettanut], await data.CustomersAsync(new StatusCriterion { Passive = true }));
        Assert.Equal([EspoonKone, HelsinginSahko, VantaanVari, Oulun], await data.CustomersAsync(new StatusCriterion { Passive = false }));
        Assert.Equal(["Pekka Passiivinen"], await data.ContactsAsync(new StatusCriterion { Passive = true }));
    }

    [Fact]
    public async Task Responsible_person()
    {
        Assert.Equal([EspoonKone], await data.CustomersAsync(new ResponsibleCriterion { UserIds = [data.Responsible.Id] }));
        Assert.Equal([HelsinginSahko, VantaanVari, Oulun], await data.CustomersAsync(Not(new ResponsibleCriterion { UserIds = [data.Responsible.Id] })));
    }

    [Fact]
    public async Task Contact_role_on_contacts_and_as_has_an_active_contact_on_customers()
    {
        Assert.Equal(["Olli Kieltäjä", "Äini Öhman"], await data.ContactsAsync(new ContactRoleCriterion { RoleNodeIds = [data.DecisionMaker] }));
        Assert.Equal(["Bertta Berg"], await data.ContactsAsync(new ContactRoleCriterion { RoleNodeIds = [data.Expert] }));
        // The parent node takes in its subtree; the contact who left does not make the customer match.
        Assert.Equal([EspoonKone, VantaanVari], await data.CustomersAsync(new ContactRoleCriterion { RoleNodeIds = [ParentOf(data.DecisionMaker)] }));
    }

    private int ParentOf(int nodeId)
    {
        using var db = data.H.Db();
        return db.ClassificationNodes.Single(n => n.Id == nodeId).ParentId!.Value;
    }

    [Fact]
    public async Task Contact_title_is_case_insensitive_for_a_and_o_with_dots_too()
    {
        Assert.Equal(["Äini Öhman"], await data.ContactsAsync(new ContactTitleCriterion { Text = "myyntipäällikkö" }));
        Assert.Equal(["Äini Öhman"], await data.ContactsAsync(new ContactTitleCriterion { Text = "PÄÄLLIKKÖ" }));
        Assert.Equal(["Heikki Häkkinen"], await data.ContactsAsync(new ContactTitleCriterion { Text = "JOHTAJA" }));
        // % and _ are text, not wildcards.
        Assert.Empty(await data.ContactsAsync(new ContactTitleCriterion { Text = "myynti%johtaja" }));
    }

    [Fact]
    public async Task Contact_email_leaves_out_empty_addresses_and_by_default_the_left_and_the_passive()
    {
        Assert.Equal(["Olli Kieltäjä", "Äini Öhman", "Heikki Häkkinen", "Bertta Berg"], await data.ContactsAsync(new ContactEmailCriterion()));
        Assert.Equal([Oulun], await data.CustomersAsync(Not(new ContactEmailCriterion())));
    }

    [Fact]
    public async Task Email_list_never_holds_an_opted_out_contact_and_the_left_come_in_only_when_asked()
    {
        var criteria = And(new MunicipalityCriterion { Codes = [Espoo] });
        Assert.Equal(["Niina Postiton", "Äini Öhman"],
            await data.NamesAsync(new SelectionDefinition(SelectionTarget.Contacts, criteria) { Purpose = SelectionPurpose.Email }));
        Assert.Equal(["Lauri Lähtenyt", "Niina Postiton", "Äini Öhman"],
            await data.NamesAsync(new SelectionDefinition(SelectionTarget.Contacts, criteria) { Purpose = SelectionPurpose.Email, IncludeLeft = true }));
        Assert.Equal(["Lauri Lähtenyt", "Niina Postiton", "Olli Kieltäjä", "Äini Öhman", "Pekka Passiivinen"],
            await data.NamesAsync(new SelectionDefinition(SelectionTarget.Contacts, criteria) { IncludeLeft = true, IncludePassive = true }));
        var preview = await data.Engine.PreviewAsync(new SelectionDefinition(SelectionTarget.Contacts, criteria) { Purpose = SelectionPurpose.Email });
        Assert.Equal(1, preview.MissingEmailCount);
        Assert.Equal([EspoonKone, Lopettanut],
            await data.NamesAsync(new SelectionDefinition(SelectionTarget.Customers, criteria) { IncludePassive = true }));
    }

    [Fact]
    public async Task Activity_of_types_in_a_Helsinki_date_period_and_has_no_visit_in_twelve_months()
    {
        ActivityCriterion VisitInYear() => new() { TypeIds = [Visit], From = new DateOnly(2025, 3, 10), To = new DateOnly(2026, 3, 10) };
        Assert.Equal([EspoonKone], await data.CustomersAsync(VisitInYear()));
        Assert.Equal([HelsinginSahko, VantaanVari, Oulun], await data.CustomersAsync(Not(VisitInYear())));
        Assert.Equal([EspoonKone, HelsinginSahko, VantaanVari], await data.CustomersAsync(new ActivityCriterion()));
        Assert.Equal([EspoonKone], await data.CustomersAsync(new ActivityCriterion { TypeIds = [Call], To = new DateOnly(2023, 1, 15) }));
        Assert.Empty(await data.CustomersAsync(new ActivityCriterion { TypeIds = [Call], To = new DateOnly(2023, 1, 14) }));
        // On a contact target it is about the contact's customer.
        Assert.Equal(["Niina Postiton", "Olli Kieltäjä", "Äini Öhman"], await data.ContactsAsync(VisitInYear()));
    }

    [Fact]
    public async Task Offer_or_order_of_types_in_a_period()
    {
        Assert.Equal([EspoonKone, HelsinginSahko, VantaanVari], await data.CustomersAsync(new OfferCriterion()));
        Assert.Equal([EspoonKone], await data.CustomersAsync(new OfferCriterion { OrdersOnly = true }));
        Assert.Equal([VantaanVari], await data.CustomersAsync(new OfferCriterion { Types = [OfferType.StaffTraining] }));
        Assert.Equal([EspoonKone, VantaanVari], await data.CustomersAsync(new OfferCriterion { From = new DateOnly(2025, 1, 1) }));
        Assert.Equal([HelsinginSahko, Oulun], await data.CustomersAsync(Not(new OfferCriterion { From = new DateOnly(2025, 1, 1) })));
    }

    [Fact]
    public async Task Campaign_step_on_contacts_and_on_customers_through_an_active_contact()
    {
        Assert.Equal(["Äini Öhman"], await data.ContactsAsync(new CampaignStepCriterion { CampaignIds = [data.SpringSeminar], Steps = [CampaignStep.Absent] }));
        Assert.Equal(["Heikki Häkkinen", "Bertta Berg"], await data.ContactsAsync(new CampaignStepCriterion { CampaignIds = [data.SpringSeminar], Steps = [CampaignStep.Attended, CampaignStep.Invited] }));
        Assert.Equal(["Heikki Häkkinen"], await data.ContactsAsync(new CampaignStepCriterion { Steps = [CampaignStep.Registered] }));
        // Lauri attended but has left: his customer is not "a customer with an active contact who attended".
        Assert.Equal([VantaanVari], await data.CustomersAsync(new CampaignStepCriterion { CampaignIds = [data.SpringSeminar], Steps = [CampaignStep.Attended] }));
        Assert.Equal([EspoonKone, HelsinginSahko, VantaanVari], await data.CustomersAsync(new CampaignStepCriterion()));
    }

    [Fact]
    public async Task And_inside_or_inside_and()
    {
        var tree = And(
            new RegionCriterion { Regions = ["Uusimaa"] },
            Or(new MunicipalityCriterion { Codes = [Vantaa] },
               And(new IndustryCriterion { Prefixes = ["28"] }, new SegmentCriterion { Segments = [Segment.B] })));
        Assert.Equal([EspoonKone, VantaanVari], await data.NamesAsync(new SelectionDefinition(SelectionTarget.Customers, tree)));
        Assert.Equal(["Niina Postiton", "Olli Kieltäjä", "Äini Öhman", "Bertta Berg"],
            await data.NamesAsync(new SelectionDefinition(SelectionTarget.Contacts, tree)));
    }

    [Fact]
    public async Task Negating_a_group_takes_in_exactly_what_the_group_leaves_out()
    {
        var either = Or(new MunicipalityCriterion { Codes = [Espoo] }, new MunicipalityCriterion { Codes = [Vantaa] });
        Assert.Equal([EspoonKone, VantaanVari], await data.CustomersAsync(either));
        either.Negated = true;
        Assert.Equal([HelsinginSahko, Oulun], await data.CustomersAsync(either));
    }

    [Fact]
    public async Task Work_placement_sites_in_Espoo_of_size_five_up_with_decision_makers_with_email()
    {
        var tree = And(
            new CustomerGroupCriterion { GroupIds = [data.WorkPlacements] }, new MunicipalityCriterion { Codes = [Espoo] },
            new SizeClassCriterion { Min = 5 }, new ContactRoleCriterion { RoleNodeIds = [data.DecisionMaker] }, new ContactEmailCriterion(),
            Not(new CampaignStepCriterion { Steps = [CampaignStep.Attended] }));
        Assert.Equal(["Olli Kieltäjä", "Äini Öhman"], await data.NamesAsync(new SelectionDefinition(SelectionTarget.Contacts, tree)));
        Assert.Equal(["Äini Öhman"], await data.NamesAsync(new SelectionDefinition(SelectionTarget.Contacts, tree) { Purpose = SelectionPurpose.Email }));
    }
}
