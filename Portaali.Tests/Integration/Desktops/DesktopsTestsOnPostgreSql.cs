using Portaali.Core.Data;

namespace Portaali.Tests.Integration.Desktops;

// The desktop tests again on PostgreSQL (a database of the test cluster each; one for DesktopServiceTests).

public class DesktopServiceTestsOnPostgreSql(DesktopDatabase database) : DesktopServiceTests(database)
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

public class RecentCustomerTestsOnPostgreSql : RecentCustomerTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}
