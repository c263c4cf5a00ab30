using Portaali.Core.Data;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Activities;

// The activity tests again on PostgreSQL (a database of the test cluster each): the participant copies kept by plpgsql
// triggers, the memo search over pg_trgm, the e-mail import's matching in any case, the lists, series, history and exports.
// Not twinned: ActivityFullTextBrowsePlanTests, ActivityListsAtScalePlanTests (SQLite's plans), ActivitySearchMigrationTests
// (the SQLite migration that made the FTS5 index).

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

public class ActivityDeleteTestsOnPostgreSql : ActivityDeleteTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

public class ActivityHistoryTestsOnPostgreSql : ActivityHistoryTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

public class ActivitySeriesTestsOnPostgreSql : ActivitySeriesTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

public class BrowseAndHoursTestsOnPostgreSql : BrowseAndHoursTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

public class RetiredKeywordTestsOnPostgreSql : RetiredKeywordTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

public class ExcelExportInLibreOfficeTestsOnPostgreSql : ExcelExportInLibreOfficeTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

public class ActivitySearchTestsOnPostgreSql : ActivitySearchTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

public class ActivityFullTextBrowseTestsOnPostgreSql(ActivityFullTextBrowseTests.History history) : ActivityFullTextBrowseTests(history)
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

public class ActivityListsAtScaleTestsOnPostgreSql(ActivityListsAtScaleTests.History history) : ActivityListsAtScaleTests(history)
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

[Collection(DemoBaseOnPostgreSqlCollection.Name)]
public class ActivityDemoSeedTestsOnPostgreSql(DemoBaseOnPostgreSql demo) : ActivityDemoSeedTests(demo.H);
