using Portaali.Core.Data;

namespace Portaali.Tests.Integration.Selections;

// The selections again on PostgreSQL: the engine against its oracle, criteria, explanations, saved selections, static lists.
// SQLite only: SelectionPlanTests and SelectionOraclePlanTests (SQLite's EXPLAIN QUERY PLAN).

public class SelectionDatasetOnPostgreSql : SelectionDataset
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

public class SelectionCriteriaTestsOnPostgreSql(SelectionDatasetOnPostgreSql data) : SelectionCriteriaTests(data), IClassFixture<SelectionDatasetOnPostgreSql>
{
}

public class SelectionExplainerTestsOnPostgreSql(SelectionDatasetOnPostgreSql data) : SelectionExplainerTests(data), IClassFixture<SelectionDatasetOnPostgreSql>
{
}

public class SelectionMemberOfTestsOnPostgreSql(SelectionDatasetOnPostgreSql data) : SelectionMemberOfTests(data), IClassFixture<SelectionDatasetOnPostgreSql>
{
}

public class SelectionOracleBaseOnPostgreSql : SelectionOracleTests.Base
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

public class SelectionOracleTestsOnPostgreSql(SelectionOracleBaseOnPostgreSql data) : SelectionOracleTests(data), IClassFixture<SelectionOracleBaseOnPostgreSql>
{
}

public class SelectionEngineSmokeTestsOnPostgreSql : SelectionEngineSmokeTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

public class SelectionServiceTestsOnPostgreSql : SelectionServiceTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

public class StaticListTestsOnPostgreSql : StaticListTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}
