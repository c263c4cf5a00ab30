using Portaali.Core.Data;

namespace Portaali.Tests.Integration.Classifications;

// The classification tests again on PostgreSQL (a database of the test cluster each).

public class ClassificationTestsOnPostgreSql : ClassificationTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}
