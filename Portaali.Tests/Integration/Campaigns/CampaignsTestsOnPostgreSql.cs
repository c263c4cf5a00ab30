using Portaali.Core.Data;

namespace Portaali.Tests.Integration.Campaigns;

// The campaign tests again on PostgreSQL (a database of the test cluster each): members, registrations and mailings.

public class CampaignEditTestsOnPostgreSql : CampaignEditTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

public class CampaignMemberTestsOnPostgreSql : CampaignMemberTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

public class RegistrationImportTestsOnPostgreSql : RegistrationImportTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

public class MailingTestsOnPostgreSql : MailingTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}
