using Portaali.Core.Data;

namespace Portaali.Tests.Integration.Calendar;

// The calendar tests again on PostgreSQL (a database of the test cluster each).
// Not twinned: CalendarQueryPlanTests, TeamMeetingQueryPlanTests (SQLite's plans, EXPLAIN QUERY PLAN).

public class CalendarLimitTestsOnPostgreSql : CalendarLimitTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

public class TeamMeetingTestsOnPostgreSql : TeamMeetingTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

public class WeeklyHoursSumTestsOnPostgreSql : WeeklyHoursSumTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}
