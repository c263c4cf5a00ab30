using Portaali.Core.Data;

namespace Portaali.Tests.Integration.Customers;

// The customer tests again on PostgreSQL (a database of the test cluster each): the same assertions, the other provider.

public class CustomerCreateTestsOnPostgreSql : CustomerCreateTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

public class CustomerSearchTestsOnPostgreSql : CustomerSearchTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

public class CustomerConcurrencyTestsOnPostgreSql : CustomerConcurrencyTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}
