using Portaali.Core.Data;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.CarePlans;

// The care-plan tests again on PostgreSQL (a database of the test cluster each): plans, the monitor (its writers serialised
// by advisory locks), the demo seed and the Hangfire wiring on Hangfire.PostgreSql.

public class CarePlanTestsOnPostgreSql : CarePlanTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

public class CarePlanMonitorTestsOnPostgreSql : CarePlanMonitorTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

public class CarePlanJobsTestsOnPostgreSql : CarePlanJobsTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

[Collection(DemoBaseOnPostgreSqlCollection.Name)]
public class CarePlanDemoSeedTestsOnPostgreSql(DemoBaseOnPostgreSql demo) : CarePlanDemoSeedCases(demo.H);
