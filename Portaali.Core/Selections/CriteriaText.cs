using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portaali.Core.Campaigns;
using Portaali.Core.Classifications;
using Portaali.Core.Common;
using Portaali.Core.Data;
using Portaali.Core.Sales;

namespace Portaali.Core.Selections;

/// <summary>
/// Criteria in words in the UI language ("Segmentti on B", "Ei: kunta on Espoo"). The names a tree points at (nodes,
/// municipalities, users, activity types, campaigns, saved selections) are looked up once for the whole tree, so a
/// tree of any size is described with a handful of queries.
/// </summary>
internal sealed class CriteriaText
{
    private readonly ClassificationPaths paths;
    private readonly IReadOnlyDictionary<int, string> groups, users, activityTypes, campaigns, selections;
    private IReadOnlyDictionary<int, string> projects = new Dictionary<int, string>();
    private readonly IReadOnlyDictionary<string, string> municipalities;

    private CriteriaText(ClassificationPaths paths, IReadOnlyDictionary<int, string> groups, IReadOnlyDictionary<string, string> municipalities,
        IReadOnlyDictionary<int, string> users, IReadOnlyDictionary<int, string> activityTypes, IReadOnlyDictionary<int, string> campaigns,
        IReadOnlyDictionary<int, string> selections) =>
        (this.paths, this.groups, this.municipalities, this.users, this.activityTypes, this.campaigns, this.selections) =
        (paths, groups, municipalities, users, activityTypes, campaigns, selections);

    public static async Task<CriteriaText> LoadAsync(PortaaliDbContext db, Criterion root, CancellationToken ct)
    {
        var nodes = CriteriaJson.Flatten(root).ToList();
        var codes = nodes.OfType<MunicipalityCriterion>().SelectMany(m => m.Codes).Distinct().ToList();
        var userIds = nodes.OfType<ResponsibleCriterion>().SelectMany(r => r.UserIds).Distinct().ToList();
        var typeIds = nodes.OfType<ActivityCriterion>().SelectMany(a => a.TypeIds).Distinct().ToList();
        var campaignIds = nodes.OfType<CampaignStepCriterion>().SelectMany(s => s.CampaignIds).Distinct().ToList();
        var selectionIds = nodes.OfType<MemberOfCriterion>().Select(m => m.SelectionId).Distinct().ToList();
        var projectIds = nodes.OfType<ProjectNetworkCriterion>().SelectMany(n => n.ProjectIds).Distinct().ToList();
        var paths = await ClassificationPaths.LoadAsync(db, ct);
        var groups = (await CustomerGroups.LoadAsync(db, ct)).ToDictionary(g => g.Id, g => g.Name);
        var projects = projectIds.Count == 0 ? new Dictionary<int, string>()
            : await db.Projects.AsNoTracking().Where(p => projectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return new CriteriaText(paths, groups,
            codes.Count == 0 ? new Dictionary<string, string>() : await db.Municipalities.AsNoTracking().Where(m => codes.Contains(m.Code)).ToDictionaryAsync(m => m.Code, m => m.Name, ct),
            userIds.Count == 0 ? new Dictionary<int, string>() : await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct),
            typeIds.Count == 0 ? new Dictionary<int, string>() : await db.ActivityTypes.AsNoTracking().Where(t => typeIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => CoreText.ReaderIsEnglish ? t.NameEn ?? t.Name : t.Name, ct),
            campaignIds.Count == 0 ? new Dictionary<int, string>() : await db.Campaigns.AsNoTracking().Where(c => campaignIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct),
            selectionIds.Count == 0 ? new Dictionary<int, string>() : await db.Selections.AsNoTracking().Where(s => selectionIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct))
        { projects = projects };
    }

    /// <summary>One node in words (a group as "all/any of the following"), with "Not:" before a negated one.</summary>
    public string Describe(Criterion criterion)
    {
        var text = Own(criterion);
        return criterion.Negated ? CoreText.Get("SelDescNot", LowerFirst(text)) : text;
    }

    private string Own(Criterion criterion) => criterion switch
    {
        CriteriaGroup g => CoreText.Get(g.Operator == GroupOperator.And ? "SelDescAnd" : "SelDescOr"),
        SegmentCriterion s => CoreText.Get("SelDescSegment", Either(s.Segments.Select(x => x.ToString()))),
        CustomerGroupCriterion g => CoreText.Get("SelDescCustomerGroup", Either(g.GroupIds.Select(id => Name(groups, id)))),
        ClassificationCriterion k => CoreText.Get(ClassificationKey(k), List(k.NodeIds.Select(NodeName))),
        SizeClassCriterion s => Range("SelDescSize", s.Min, s.Max, x => x.ToString(CultureInfo.CurrentCulture)),
        MunicipalityCriterion m => CoreText.Get("SelDescMunicipality", Either(m.Codes.Select(code => municipalities.GetValueOrDefault(code, code)))),
        RegionCriterion r => CoreText.Get("SelDescRegion", Either(r.Regions)),
        IndustryCriterion i => CoreText.Get("SelDescIndustry", Either(i.Prefixes.Select(p => p.Trim()))),
        RevenueCriterion r => Range("SelDescRevenue", r.Min, r.Max, x => x.ToString(x == decimal.Truncate(x) ? "N0" : "N2", CultureInfo.CurrentCulture)),
        StatusCriterion s => CoreText.Get(s.Passive ? "SelDescStatusPassive" : "SelDescStatusActive"),
        ResponsibleCriterion r => CoreText.Get("SelDescResponsible", Either(r.UserIds.Select(id => Name(users, id)))),
        ContactRoleCriterion r => CoreText.Get("SelDescContactRole", Either(r.RoleNodeIds.Select(NodeName))),
        ContactTitleCriterion t => CoreText.Get("SelDescContactTitle", t.Text.Trim()),
        ContactEmailCriterion => CoreText.Get("SelDescContactEmail"),
        ActivityCriterion a => CoreText.Get("SelDescActivity",
            a.TypeIds.Count == 0 ? CoreText.Get("SelDescAnyType") : Either(a.TypeIds.Select(id => Name(activityTypes, id))), Period(a.From, a.To)),
        OfferCriterion o => CoreText.Get(o.OrdersOnly ? "SelDescOrder" : "SelDescOffer",
            o.Types.Count == 0 ? CoreText.Get("SelDescAnyType") : Either(o.Types.Select(SalesText.TypeName)), Period(o.From, o.To)),
        CampaignStepCriterion s => CoreText.Get("SelDescCampaign",
            s.CampaignIds.Count == 0 ? CoreText.Get("SelDescAnyCampaign") : Either(s.CampaignIds.Select(id => Name(campaigns, id))),
            s.Steps.Count == 0 ? CoreText.Get("SelDescAnyStep") : Either(s.Steps.Select(StepName))),
        MemberOfCriterion m => CoreText.Get("SelDescMemberOf", Name(selections, m.SelectionId)),
        ProjectNetworkCriterion n => CoreText.Get(n.WholeOrganisations ? "SelDescProjectNetworkOrganisations" : "SelDescProjectNetwork",
            n.ProjectIds.Count == 0 ? CoreText.Get("SelDescAnyProject") : Either(n.ProjectIds.Select(id => Name(projects, id))),
            n.Roles.Count == 0 ? CoreText.Get("SelDescAnyRole") : Either(n.Roles.Select(Projects.ProjectNetworkExport.RoleName))),
        _ => criterion.GetType().Name,
    };

    public static string StepName(CampaignStep step) => step switch
    {
        CampaignStep.Added => CoreText.Get("SelStepAdded"),
        CampaignStep.Invited => CoreText.Get("SelStepInvited"),
        CampaignStep.Registered => CoreText.Get("SelStepRegistered"),
        CampaignStep.Attended => CoreText.Get("SelStepAttended"),
        _ => CoreText.Get("SelStepAbsent"),
    };

    private static string ClassificationKey(ClassificationCriterion k) =>
        (k.On == ClassificationTarget.Customer ? "SelDescCustomerClass" : "SelDescContactClass") + k.Match switch
        {
            ClassificationMatch.AllOf => "All",
            ClassificationMatch.NoneOf => "None",
            _ => "Any",
        };

    private string NodeName(int id)
    {
        var path = paths.PathOf(id);
        return path.Length == 0 ? CoreText.Get("SelDescMissing") : path;
    }

    private static string Name(IReadOnlyDictionary<int, string> names, int id) => names.GetValueOrDefault(id) ?? CoreText.Get("SelDescMissing");

    private static string Range<T>(string key, T? min, T? max, Func<T, string> format) where T : struct =>
        (min, max) switch
        {
            ({ } a, { } b) => CoreText.Get(key + "Range", format(a), format(b)),
            ({ } a, null) => CoreText.Get(key + "Min", format(a)),
            (null, { } b) => CoreText.Get(key + "Max", format(b)),
            _ => CoreText.Get(key + "Min", "–"),
        };

    private static string Period(DateOnly? from, DateOnly? to) => (from, to) switch
    {
        ({ } a, { } b) => CoreText.Get("SelDescPeriodRange", Date(a), Date(b)),
        ({ } a, null) => CoreText.Get("SelDescPeriodFrom", Date(a)),
        (null, { } b) => CoreText.Get("SelDescPeriodTo", Date(b)),
        _ => CoreText.Get("SelDescPeriodAny"),
    };

    private static string Date(DateOnly date) => date.ToString("d", CultureInfo.CurrentCulture);

    /// <summary>"Espoo tai Vantaa": the values any of which matches.</summary>
    private static string Either(IEnumerable<string> values)
    {
        var list = values.ToList();
        if (list.Count <= 1) return list.FirstOrDefault() ?? "–";
        return string.Join(", ", list[..^1]) + CoreText.Get("SelDescOr2") + list[^1];
    }

    private static string List(IEnumerable<string> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? "–" : string.Join(", ", list);
    }

    private static string LowerFirst(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLower(text[0], CultureInfo.CurrentCulture) + text[1..] : text;
}
