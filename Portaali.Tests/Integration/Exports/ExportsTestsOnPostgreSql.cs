using Portaali.Core.Data;

namespace Portaali.Tests.Integration.Exports;

// The exports again on PostgreSQL (a database of the test cluster each): queued jobs, their queries and the written files.

public class ExportJobTestsOnPostgreSql : ExportJobTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}
