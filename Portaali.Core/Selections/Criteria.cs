using System.Text.Json;
using System.Text.Json.Serialization;
using Portaali.Core.Campaigns;
using Portaali.Core.Classifications;
using Portaali.Core.Offers;
using Portaali.Core.Segments;

namespace Portaali.Core.Selections;

/// <summary>What a selection lists: customers (one row each) or contacts (one row per person, with the customer).</summary>
public enum SelectionTarget { Customers, Contacts }

/// <summary>What the list is for. An e-mail list never holds a contact who has asked not to be mailed, and flags the
/// members without an e-mail address.</summary>
public enum SelectionPurpose { General, Email }

public enum GroupOperator { And, Or }

/// <summary>How a classification criterion matches its nodes (each with its subtree): any of them, all of them, or none.</summary>
public enum ClassificationMatch { AnyOf, AllOf, NoneOf }

/// <summary>
/// One node of a selection's criteria tree, stored as JSON in <see cref="Selection.CriteriaJson"/>. Any node can be
/// negated. Criteria about the customer apply to a contact through the contact's customer; criteria about a contact
/// apply to a customer as "has an active contact who …". Each criterion is a small mutable class so the builder binds
/// straight to it.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(CriteriaGroup), "group")]
[JsonDerivedType(typeof(ClassificationCriterion), "classification")]
[JsonDerivedType(typeof(SegmentCriterion), "segment")]
[JsonDerivedType(typeof(CustomerGroupCriterion), "customerGroup")]
[JsonDerivedType(typeof(SizeClassCriterion), "sizeClass")]
[JsonDerivedType(typeof(MunicipalityCriterion), "municipality")]
[JsonDerivedType(typeof(RegionCriterion), "region")]
[JsonDerivedType(typeof(IndustryCriterion), "industry")]
[JsonDerivedType(typeof(RevenueCriterion), "revenue")]
[JsonDerivedType(typeof(StatusCriterion), "status")]
[JsonDerivedType(typeof(ResponsibleCriterion), "responsible")]
[JsonDerivedType(typeof(ContactRoleCriterion), "contactRole")]
[JsonDerivedType(typeof(ContactTitleCriterion), "contactTitle")]
[JsonDerivedType(typeof(ContactEmailCriterion), "contactEmail")]
[JsonDerivedType(typeof(ActivityCriterion), "activity")]
[JsonDerivedType(typeof(OfferCriterion), "offer")]
[JsonDerivedType(typeof(CampaignStepCriterion), "campaignStep")]
[JsonDerivedType(typeof(MemberOfCriterion), "memberOf")]
[JsonDerivedType(typeof(ProjectNetworkCriterion), "projectNetwork")]
public abstract class Criterion
{
    /// <summary>"Not": the node matches exactly the records it would otherwise leave out.</summary>
    public bool Negated { get; set; }

    /// <summary>A stable id within the tree, so the builder and the "why" explanation can point at one node.</summary>
    public Guid Id { get; set; } = Guid.NewGuid();
}

/// <summary>AND / OR over its children; an empty group matches everyone.</summary>
public sealed class CriteriaGroup : Criterion
{
    public GroupOperator Operator { get; set; } = GroupOperator.And;
    public List<Criterion> Children { get; set; } = [];
}

/// <summary>Classification nodes of the customer or contact tree, each with its subtree.</summary>
public sealed class ClassificationCriterion : Criterion
{
    public ClassificationTarget On { get; set; } = ClassificationTarget.Customer;
    public List<int> NodeIds { get; set; } = [];
    public ClassificationMatch Match { get; set; } = ClassificationMatch.AnyOf;
}

public sealed class SegmentCriterion : Criterion
{
    public List<Segment> Segments { get; set; } = [];
}

/// <summary>Top-level customer groups (asiakasryhmät) of the classification tree, each with its subtree.</summary>
public sealed class CustomerGroupCriterion : Criterion
{
    public List<int> GroupIds { get; set; } = [];
}

/// <summary>Headcount size class 1–9, inclusive bounds; an open bound is unbounded. Unknown (0) never matches a range.</summary>
public sealed class SizeClassCriterion : Criterion
{
    public int? Min { get; set; }
    public int? Max { get; set; }
}

/// <summary>Statistics Finland municipality codes ("091" Helsinki).</summary>
public sealed class MunicipalityCriterion : Criterion
{
    public List<string> Codes { get; set; } = [];
}

/// <summary>Regions (maakunnat) by name, as in <see cref="Customers.Municipality.Region"/>.</summary>
public sealed class RegionCriterion : Criterion
{
    public List<string> Regions { get; set; } = [];
}

/// <summary>TOL 2008 industry codes starting with any of the prefixes ("85", "4711").</summary>
public sealed class IndustryCriterion : Criterion
{
    public List<string> Prefixes { get; set; } = [];
}

/// <summary>Revenue in euros, inclusive bounds; a customer without a known revenue never matches.</summary>
public sealed class RevenueCriterion : Criterion
{
    public decimal? Min { get; set; }
    public decimal? Max { get; set; }
}

/// <summary>Active or passive customers. Passive customers are left out unless the criteria name this status.</summary>
public sealed class StatusCriterion : Criterion
{
    public bool Passive { get; set; }
}

/// <summary>Customers any of these people are responsible for.</summary>
public sealed class ResponsibleCriterion : Criterion
{
    public List<int> UserIds { get; set; } = [];
}

/// <summary>Contact roles (decision-maker, expert, influencer): nodes of the contact classification tree.</summary>
public sealed class ContactRoleCriterion : Criterion
{
    public List<int> RoleNodeIds { get; set; } = [];
}

/// <summary>A contact whose title contains the text (case-insensitive, ä and ö included).</summary>
public sealed class ContactTitleCriterion : Criterion
{
    public string Text { get; set; } = "";
}

/// <summary>A contact with an e-mail address.</summary>
public sealed class ContactEmailCriterion : Criterion;

/// <summary>The customer has an activity of one of the types (any type when empty) dated within the period
/// (Helsinki dates, inclusive; an open end is unbounded). Negate it for "has not".</summary>
public sealed class ActivityCriterion : Criterion
{
    public List<int> TypeIds { get; set; } = [];
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
}

/// <summary>The customer has an offer (or, with <see cref="OrdersOnly"/>, an accepted offer: an order) of one of the
/// types (any when empty), offered within the period. Negate it for "has not".</summary>
public sealed class OfferCriterion : Criterion
{
    public List<OfferType> Types { get; set; } = [];
    public bool OrdersOnly { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
}

/// <summary>The contact is a member of one of the campaigns (any campaign when empty) at one of the steps.</summary>
public sealed class CampaignStepCriterion : Criterion
{
    public List<int> CampaignIds { get; set; } = [];
    public List<CampaignStep> Steps { get; set; } = [];
}

/// <summary>A member of another saved selection or static list of the same target: with AND, OR and NOT this gives
/// live intersection, union and minus.</summary>
public sealed class MemberOfCriterion : Criterion
{
    public int SelectionId { get; set; }
}

/// <summary>In the network of one of the projects (any project when empty) in one of the roles (any role when empty). A
/// customer is in it as an organisation or through its contacts; a contact is in it by name, or with
/// <see cref="WholeOrganisations"/> as any contact of an organisation in it.</summary>
public sealed class ProjectNetworkCriterion : Criterion
{
    public List<int> ProjectIds { get; set; } = [];
    public List<Projects.ProjectRole> Roles { get; set; } = [];
    public bool WholeOrganisations { get; set; }
}

public static class CriteriaJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Write(CriteriaGroup root) => JsonSerializer.Serialize<Criterion>(root, Options);

    /// <summary>The stored tree; an empty or unreadable text gives an empty AND group (it matches everyone).</summary>
    public static CriteriaGroup Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return new CriteriaGroup();
        return JsonSerializer.Deserialize<Criterion>(json, Options) as CriteriaGroup ?? new CriteriaGroup();
    }

    /// <summary>A deep copy (the builder edits a copy; "copy selection" stores one).</summary>
    public static CriteriaGroup Clone(CriteriaGroup root) => Read(Write(root));

    /// <summary>Every node of the tree, depth first, the root included.</summary>
    public static IEnumerable<Criterion> Flatten(Criterion node)
    {
        yield return node;
        if (node is CriteriaGroup group)
            foreach (var child in group.Children)
                foreach (var inner in Flatten(child)) yield return inner;
    }
}
