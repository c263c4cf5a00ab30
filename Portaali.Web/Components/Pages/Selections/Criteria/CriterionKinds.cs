using Portaali.Core.Selections;

namespace Portaali.Web.Components.Pages.Selections.Criteria;

/// <summary>The criteria one can add, in the order the "add criterion" menu lists them, each with its label key (Ui.resx)
/// and a new empty criterion of its kind.</summary>
public static class CriterionKinds
{
    public sealed record Kind(string Key, string LabelKey, bool AboutContact, Func<Criterion> Create);

    public static readonly IReadOnlyList<Kind> All =
    [
        new("customerGroup", "CriterionCustomerGroup", false, () => new CustomerGroupCriterion()),
        new("classification", "CriterionClassification", false, () => new ClassificationCriterion()),
        new("segment", "CriterionSegment", false, () => new SegmentCriterion()),
        new("sizeClass", "CriterionSizeClass", false, () => new SizeClassCriterion()),
        new("municipality", "CriterionMunicipality", false, () => new MunicipalityCriterion()),
        new("region", "CriterionRegion", false, () => new RegionCriterion()),
        new("industry", "CriterionIndustry", false, () => new IndustryCriterion()),
        new("revenue", "CriterionRevenue", false, () => new RevenueCriterion()),
        new("status", "CriterionStatus", false, () => new StatusCriterion()),
        new("responsible", "CriterionResponsible", false, () => new ResponsibleCriterion()),
        new("contactRole", "CriterionContactRole", true, () => new ContactRoleCriterion()),
        new("contactTitle", "CriterionContactTitle", true, () => new ContactTitleCriterion()),
        new("contactEmail", "CriterionContactEmail", true, () => new ContactEmailCriterion()),
        new("activity", "CriterionActivity", false, () => new ActivityCriterion()),
        new("offer", "CriterionOffer", false, () => new OfferCriterion()),
        new("campaignStep", "CriterionCampaignStep", true, () => new CampaignStepCriterion()),
        new("projectNetwork", "CriterionProjectNetwork", false, () => new ProjectNetworkCriterion()),
        new("memberOf", "CriterionMemberOf", false, () => new MemberOfCriterion()),
    ];

    public static string LabelKeyOf(Criterion criterion) =>
        All.FirstOrDefault(k => k.Create().GetType() == criterion.GetType())?.LabelKey ?? "CriterionGroup";
}
