using Portaali.Core.Data;

namespace Portaali.Tests.Integration.Suggestions;

// The suggestion decisions again on PostgreSQL (a database of the test cluster each).
// SQLite only: SuggestionsRenameMigrationTests (a SQLite migration on an early SQLite schema).

public class SuggestionDecisionTestsOnPostgreSql : SuggestionDecisionTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}
