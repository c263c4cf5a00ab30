using Portaali.Core.Data;

namespace Portaali.Tests.Integration.Auditing;

// The audit-trail tests again on PostgreSQL (a database of the test cluster each).

public class AuditTrailTestsOnPostgreSql : AuditTrailTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}
