using Portaali.Core.Data;

namespace Portaali.Tests.Integration.KeyAccounts;

// The key-account tracker and scorecards again on PostgreSQL (a database of the test cluster each).

public class KeyAccountTrackerTestsOnPostgreSql : KeyAccountTrackerTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

public class ScorecardTestsOnPostgreSql : ScorecardTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}
