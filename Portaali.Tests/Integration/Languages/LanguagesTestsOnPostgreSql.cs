using Portaali.Core.Data;

namespace Portaali.Tests.Integration.Languages;

// The reference data's languages again on PostgreSQL (a database of the test cluster each).

public class ReferenceDataLanguageTestsOnPostgreSql : ReferenceDataLanguageTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}
