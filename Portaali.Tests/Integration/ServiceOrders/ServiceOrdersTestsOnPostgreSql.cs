using Portaali.Core.Data;

namespace Portaali.Tests.Integration.ServiceOrders;

// The service orders again on PostgreSQL (a database of the test cluster each), mail through the test SMTP server included.
// SQLite only: ServiceOrderMailPickupTests (the pickup folder's default beside the SQLite file).

public class ServiceOrderDemoSeedTestsOnPostgreSql : ServiceOrderDemoSeedTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

public class ServiceOrderMailTestsOnPostgreSql : ServiceOrderMailTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

public class ServiceOrderServiceTestsOnPostgreSql : ServiceOrderServiceTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}
