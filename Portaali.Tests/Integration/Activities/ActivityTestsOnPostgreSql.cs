using Portaali.Core.Data;

namespace Portaali.Tests.Integration.Activities;

// The activity tests again on PostgreSQL (a database of the test cluster each): the participant copies kept by plpgsql
// triggers, the e-mail import's matching in any case, and the service's saves and conflicts.

public class ActivityServiceTestsOnPostgreSql : ActivityServiceTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

public class ParticipantCopyTestsOnPostgreSql : ParticipantCopyTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

public class EmailImportTestsOnPostgreSql : EmailImportTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}
