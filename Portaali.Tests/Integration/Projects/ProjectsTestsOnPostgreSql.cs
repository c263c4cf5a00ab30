using Portaali.Core.Data;

namespace Portaali.Tests.Integration.Projects;

// The projects again on PostgreSQL, each class on a dataset of its own on the test cluster.

public class NetworkDatasetOnPostgreSql : NetworkDataset
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

public class ProjectNetworkCriterionTestsOnPostgreSql(NetworkDatasetOnPostgreSql data) : ProjectNetworkCriterionTests(data), IClassFixture<NetworkDatasetOnPostgreSql>
{
}

public class ProjectHarnessOnPostgreSql : ProjectHarness
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

public class ProjectServiceTestsOnPostgreSql(ProjectHarnessOnPostgreSql f) : ProjectServiceTests(f), IClassFixture<ProjectHarnessOnPostgreSql>
{
}
