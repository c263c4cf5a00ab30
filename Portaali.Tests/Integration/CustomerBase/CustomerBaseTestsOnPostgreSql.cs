using Portaali.Core.Data;

namespace Portaali.Tests.Integration.CustomerBase;

// The customer-base analysis again on PostgreSQL (a database of the test cluster each).
// Not twinned: IndustrySectionTests (a table in code, no database).

public class CustomerBaseAnalysisTestsOnPostgreSql : CustomerBaseAnalysisTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}
