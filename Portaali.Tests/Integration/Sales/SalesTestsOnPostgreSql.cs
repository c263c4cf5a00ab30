using Portaali.Core.Data;

namespace Portaali.Tests.Integration.Sales;

// The sales reports, targets and billing list again on PostgreSQL (a database of the test cluster each).
// Not twinned: ExcelWriterTests (the Excel writer alone, no database).

public class BillingListTestsOnPostgreSql : BillingListTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

public class SalesReportTestsOnPostgreSql : SalesReportTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

public class SalesTargetTestsOnPostgreSql : SalesTargetTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}
