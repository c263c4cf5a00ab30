using Portaali.Core.Data;

namespace Portaali.Tests.Integration.Users;

// The user service again on PostgreSQL (a database of the test cluster each).

public class UserServiceTestsOnPostgreSql : UserServiceTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}
