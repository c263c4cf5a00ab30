namespace Portaali.Core.Users;

/// <summary>The 14 user groups of the college; each group is also the user's role.</summary>
public enum UserGroup
{
    Administrator,
    DeputyAdministrator,
    Management,
    Communications,
    SalesAndMarketing,
    CustomerRelationshipManager,
    AccountManager,
    ProductManager,
    PedagogicalManager,
    RegionalCoordinator,
    InnoOmnia,
    ServiceOperations,
    ProjectOperations,
    InternationalOperations,
}
