using Portaali.Core.Data;

namespace Portaali.Tests.Integration.Segments;

// The segments again on PostgreSQL (a database of the test cluster each): the key-account cap on every path and with two
// writers, proposals, RFM, potential planning and suggestion rules.
// SQLite only: KeyAccountLimitSqliteLockTests (SQLite's writer lock; KeyAccountWriterTests is the two-writer test of both).

public class KeyAccountCapEveryPathTestsOnPostgreSql : KeyAccountCapEveryPathTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

public class KeyAccountLimitTestsOnPostgreSql : KeyAccountLimitTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

public class KeyAccountProposalTestsOnPostgreSql : KeyAccountProposalTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

public class KeyAccountWriterTestsOnPostgreSql : KeyAccountWriterTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

public class PotentialPlanningTestsOnPostgreSql : PotentialPlanningTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

public class RfmServiceTestsOnPostgreSql : RfmServiceTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

public class SegmentSuggestionRulesTestsOnPostgreSql : SegmentSuggestionRulesTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

public class SegmentTestsOnPostgreSql : SegmentTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}
