using Portaali.Core.Data;

namespace Portaali.Tests.Integration.Usage;

// The usage report again on PostgreSQL (a database of the test cluster each).

public class UsageReportTestsOnPostgreSql : UsageReportTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}
