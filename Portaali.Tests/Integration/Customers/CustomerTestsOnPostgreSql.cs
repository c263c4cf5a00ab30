using Portaali.Core.Data;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Customers;

// The customer tests again on PostgreSQL (a database of the test cluster each): the same assertions, the other provider.
// Not twinned: CustomerNameIndexPlanTests, CustomerPagePlanTests, LookupShapeTests (SQLite's plans and statements, recorded
// by SqlPlanRecorder).

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

public class CustomerNameIndexTestsOnPostgreSql(SeededTemplates templates) : CustomerNameIndexTests(templates)
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

public class CustomerSummaryTestsOnPostgreSql : CustomerSummaryTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

public class DuplicateTestsOnPostgreSql : DuplicateTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

public class FavouriteTestsOnPostgreSql : FavouriteTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

public class MergeTestsOnPostgreSql : MergeTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

public class PassivationTestsOnPostgreSql : PassivationTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

public class WebsiteTestsOnPostgreSql : WebsiteTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}
