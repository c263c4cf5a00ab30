using Portaali.Core.Security;
using Portaali.Core.Users;

namespace Portaali.Core.Desktops;

/// <summary>One value a widget setting may take; a value may need a wider right than the widget (everyone's breaches).</summary>
public sealed record WidgetChoice(string Value, string? Policy = null);

/// <summary>A setting of a widget: always a choice among fixed values, so it can be checked in Core and shown as a select.
/// Its label is the resource <c>WidgetSetting_{Name}</c> and each value's <c>WidgetSetting_{Name}_{Value}</c>.</summary>
public sealed record WidgetSettingDefinition(string Name, string Default, IReadOnlyList<WidgetChoice> Choices);

/// <summary>
/// A kind of widget: its key (stored in layouts), the policy a user needs to see it, add it and load its data — the
/// widget's Core services demand the same policy — its default size and its settings. The title is the UI resource
/// <c>Widget_{Key}</c> (dashes removed, e.g. <c>Widget_myopenactivities</c>); the component is in the web app's
/// <c>DesktopWidgets</c>.
/// </summary>
public sealed record WidgetDefinition(string Key, string Policy, int DefaultWidth, int DefaultHeight,
    IReadOnlyList<WidgetSettingDefinition> Settings)
{
    public string TitleResource => "Widget_" + Key.Replace("-", "");
}

/// <summary>Every widget of Portaali and every role's default desktop in code (until an administrator designs one).</summary>
public static class WidgetRegistry
{
    public const string MyOpenActivities = "my-open-activities";
    public const string MyWeek = "my-week";
    public const string MyHours = "my-hours";
    public const string MyCustomers = "my-customers";
    public const string Favourites = "favourites";
    public const string CarePlanBreaches = "care-plan-breaches";
    public const string KeyAccountTracker = "key-account-tracker";
    public const string PendingProposals = "pending-proposals";
    public const string OpenOffers = "open-offers";
    public const string BillingList = "billing-list";
    public const string SalesTargets = "sales-targets";
    public const string CustomerBaseCharts = "customer-base-charts";
    public const string Selections = "selections";
    public const string Campaigns = "campaigns";
    public const string ImportStatus = "import-status";
    public const string NegativeFeedback = "negative-feedback";
    public const string QuickActivity = "quick-activity";
    public const string Suggestions = "suggestions";
    public const string Users = "users";
    public const string Usage = "usage";
    public const string MyProjects = "my-projects";

    /// <summary>Care-plan breaches: the user's own customers, or everyone's (management).</summary>
    public const string ScopeSetting = "scope";
    /// <summary>Customer-base charts: which dimension the chart counts by.</summary>
    public const string DimensionSetting = "dimension";

    private static WidgetDefinition W(string key, string policy, int width, int height, params WidgetSettingDefinition[] settings) =>
        new(key, policy, width, height, settings);

    public static readonly IReadOnlyList<WidgetDefinition> All =
    [
        W(MyOpenActivities, Policies.SignedIn, 6, 2),
        W(MyWeek, Policies.SignedIn, 6, 2),
        W(MyHours, Policies.SignedIn, 4, 1),
        W(MyCustomers, Policies.SignedIn, 6, 2),
        W(Favourites, Policies.SignedIn, 4, 2),
        W(CarePlanBreaches, Policies.SignedIn, 6, 2,
            new WidgetSettingDefinition(ScopeSetting, "mine", [new("mine"), new("all", Policies.FollowKeyAccounts)])),
        W(KeyAccountTracker, Policies.FollowKeyAccounts, 12, 2),
        W(PendingProposals, Policies.FollowKeyAccounts, 6, 1),
        W(OpenOffers, Policies.SignedIn, 6, 2),
        W(BillingList, Policies.Invoice, 6, 2),
        W(SalesTargets, Policies.SignedIn, 6, 2),
        W(CustomerBaseCharts, Policies.AnalyseCustomerBase, 6, 2,
            new WidgetSettingDefinition(DimensionSetting, "segment",
                [new("segment"), new("customerGroup"), new("sizeClass"), new("region"), new("industry")])),
        W(Selections, Policies.SignedIn, 6, 2),
        W(Campaigns, Policies.RunCampaigns, 6, 2),
        W(ImportStatus, Policies.Administer, 6, 2),
        W(NegativeFeedback, Policies.SignedIn, 6, 2),
        W(QuickActivity, Policies.SignedIn, 4, 2),
        W(Suggestions, Policies.SignedIn, 6, 2),
        W(Users, Policies.ManageUsers, 6, 2),
        W(Usage, Policies.Administer, 6, 2),
        W(MyProjects, Policies.SignedIn, 6, 2),
    ];

    public static WidgetDefinition? Find(string key) => All.FirstOrDefault(w => w.Key == key);

    private static WidgetPlacement P(string key, params (string Name, string Value)[] settings) =>
        WidgetPlacement.New(Find(key)!, settings.Length == 0 ? null : settings.ToDictionary(s => s.Name, s => s.Value));

    /// <summary>A role's desktop before an administrator designs one (the defaults). Widgets the role may not
    /// use are never in it; <c>DesktopService</c> filters by policy anyway.</summary>
    public static DesktopLayout DefaultFor(UserGroup group)
    {
        var layout = DefaultWidgets(group);
        // The same ids on every call, so a desktop that follows the default keeps its widgets' identity between loads.
        return new([.. layout.Widgets.Select((w, i) => w with
            { Id = new Guid(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes($"{group}:{i}:{w.Key}"))) })]);
    }

    private static DesktopLayout DefaultWidgets(UserGroup group) => group switch
    {
        UserGroup.Management => new([P(KeyAccountTracker), P(SalesTargets), P(CustomerBaseCharts, (DimensionSetting, "customerGroup")),
            P(CarePlanBreaches, (ScopeSetting, "all"))]),
        UserGroup.AccountManager => new([P(MyWeek), P(MyHours), P(MyOpenActivities), P(MyCustomers), P(CarePlanBreaches), P(Suggestions)]),
        // The customer relationship manager leads the account managers and is in the customer team: their desk and the tracker.
        UserGroup.CustomerRelationshipManager => new([P(MyWeek), P(MyHours), P(MyOpenActivities), P(MyCustomers),
            P(CarePlanBreaches, (ScopeSetting, "all")), P(KeyAccountTracker), P(Suggestions)]),
        UserGroup.SalesAndMarketing => new([P(Selections), P(Campaigns), P(CustomerBaseCharts)]),
        UserGroup.Administrator or UserGroup.DeputyAdministrator => new([P(ImportStatus), P(Users), P(Usage)]),
        _ => new([P(MyOpenActivities), P(MyWeek), P(Favourites)]),
    };
}
