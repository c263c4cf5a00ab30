using Portaali.Core.Data;

namespace Portaali.Tests.Integration.Contacts;

// The contact tests again on PostgreSQL (a database of the test cluster each), e-mail through the test SMTP server.

public class ContactTestsOnPostgreSql : ContactTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

public class ContactEmailTestsOnPostgreSql : ContactEmailTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}
