using Microsoft.AspNetCore.Authorization;
using Portaali.Core.Users;

namespace Portaali.Core.Security;

/// <summary>Every named policy of Portaali, in one place; pages, components and Core services all use these.</summary>
public static class Policies
{
    public const string SignedIn = nameof(SignedIn);
    public const string Administer = nameof(Administer);
    public const string ManageClassifications = nameof(ManageClassifications);
    public const string MergeCustomers = nameof(MergeCustomers);
    public const string ManageUsers = nameof(ManageUsers);
    public const string ApproveKeyAccounts = nameof(ApproveKeyAccounts);
    public const string SetSegments = nameof(SetSegments);
    /// <summary>The key-account tracker, the scorecards, the pending A proposals and everyone's care-plan breaches:
    /// management's and the customer team's lead's view. Keeping the scorecard targets and deciding A proposals is
    /// <see cref="ApproveKeyAccounts"/>.</summary>
    public const string FollowKeyAccounts = nameof(FollowKeyAccounts);
    /// <summary>The customer-base analysis and the whole customer list as Excel: management's view of the customer base,
    /// which sales and marketing also plans with (its segment charts are on marketing's desktop).</summary>
    public const string AnalyseCustomerBase = nameof(AnalyseCustomerBase);
    /// <summary>The customer team writes the care plans; a change to the A plan still waits for <see cref="ApproveKeyAccounts"/>.</summary>
    public const string KeepCarePlans = nameof(KeepCarePlans);
    /// <summary>Make offers, accept or lose them, record orders and move them into delivery.</summary>
    public const string Sell = nameof(Sell);
    /// <summary>The sales assistant's billing list: mark orders in delivery invoiced.</summary>
    public const string Invoice = nameof(Invoice);
    /// <summary>Keep the product register (fields of education and trainings).</summary>
    public const string ManageProducts = nameof(ManageProducts);
    /// <summary>Set the account managers' yearly euro targets.</summary>
    public const string ManageSalesTargets = nameof(ManageSalesTargets);
    /// <summary>Run campaigns and send their mailings (marketing, communications, management, the customer team). Building, saving and
    /// exporting selections is open to everyone signed in.</summary>
    public const string RunCampaigns = nameof(RunCampaigns);
    /// <summary>Create projects and own them; a project is changed by its owner, administrators and management (checked in
    /// Core). Everyone signed in sees projects and their networks.</summary>
    public const string KeepProjects = nameof(KeepProjects);

    public static readonly string[] Administrators =
        [nameof(UserGroup.Administrator), nameof(UserGroup.DeputyAdministrator)];

    public static void Register(AuthorizationOptions options)
    {
        options.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        options.AddPolicy(Administer, p => p.RequireRole(Administrators));
        options.AddPolicy(ManageClassifications, p => p.RequireRole(Administrators));
        options.AddPolicy(MergeCustomers, p => p.RequireRole(Administrators));
        options.AddPolicy(ManageUsers, p => p.RequireRole(Administrators));
        options.AddPolicy(ApproveKeyAccounts, p => p.RequireRole(nameof(UserGroup.Management)));
        options.AddPolicy(SetSegments, p => p.RequireRole(
            [.. Administrators, nameof(UserGroup.Management), nameof(UserGroup.CustomerRelationshipManager),
             nameof(UserGroup.AccountManager), nameof(UserGroup.SalesAndMarketing)]));
        options.AddPolicy(FollowKeyAccounts, p => p.RequireRole(
            [.. Administrators, nameof(UserGroup.Management), nameof(UserGroup.CustomerRelationshipManager)]));
        options.AddPolicy(AnalyseCustomerBase, p => p.RequireRole(
            [.. Administrators, nameof(UserGroup.Management), nameof(UserGroup.CustomerRelationshipManager), nameof(UserGroup.SalesAndMarketing)]));
        options.AddPolicy(KeepCarePlans, p => p.RequireRole(
            [.. Administrators, nameof(UserGroup.Management), nameof(UserGroup.CustomerRelationshipManager),
             nameof(UserGroup.AccountManager), nameof(UserGroup.SalesAndMarketing)]));
        options.AddPolicy(Sell, p => p.RequireRole(
            [.. Administrators, nameof(UserGroup.Management), nameof(UserGroup.CustomerRelationshipManager),
             nameof(UserGroup.AccountManager), nameof(UserGroup.SalesAndMarketing), nameof(UserGroup.ProductManager),
             nameof(UserGroup.ServiceOperations), nameof(UserGroup.RegionalCoordinator)]));
        options.AddPolicy(Invoice, p => p.RequireRole(
            [.. Administrators, nameof(UserGroup.Management), nameof(UserGroup.ServiceOperations), nameof(UserGroup.SalesAndMarketing)]));
        options.AddPolicy(ManageProducts, p => p.RequireRole([.. Administrators, nameof(UserGroup.ProductManager)]));
        options.AddPolicy(ManageSalesTargets, p => p.RequireRole([.. Administrators, nameof(UserGroup.Management)]));
        options.AddPolicy(RunCampaigns, p => p.RequireRole(
            [.. Administrators, nameof(UserGroup.Management), nameof(UserGroup.CustomerRelationshipManager), nameof(UserGroup.SalesAndMarketing), nameof(UserGroup.Communications)]));
        options.AddPolicy(KeepProjects, p => p.RequireRole(Projects.ProjectRules.Keepers.Select(g => g.ToString())));
        options.FallbackPolicy = null;
    }
}
