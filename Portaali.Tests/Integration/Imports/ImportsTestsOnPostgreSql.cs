using Portaali.Core.Data;
using Portaali.Tests.Integration.Seeding;
using Portaali.Tests.Support;
using Portaali.Tests.Web;

namespace Portaali.Tests.Integration.Imports;

// The imports again on PostgreSQL (a database of the test cluster each): CSV, PRH API and bulk runs through the prepared
// writes, reruns, uploads, the demo base's import history, and the jobs dashboard on Hangfire.PostgreSql.
// SQLite only: ImportRepairMigrationTests (a SQLite migration's data repair on an early SQLite schema).

public class CsvImportTestsOnPostgreSql : CsvImportTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

public class ImportWritesTestsOnPostgreSql : ImportWritesTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

public class PrhApiImportTestsOnPostgreSql : PrhApiImportTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

public class PrhBulkDownloadTestsOnPostgreSql : PrhBulkDownloadTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

public class PrhBulkImportTestsOnPostgreSql : PrhBulkImportTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

public class PrhBulkRerunTestsOnPostgreSql : PrhBulkRerunTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

public class PrhBulkZipBombTestsOnPostgreSql : PrhBulkZipBombTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

public class PrhCodeSetAndSuggestionDateTestsOnPostgreSql : PrhCodeSetAndSuggestionDateTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

public class SampleFilesTestsOnPostgreSql : SampleFilesTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

public class UploadTestsOnPostgreSql : UploadTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

public class WorkPlacementResponsibleTestsOnPostgreSql : WorkPlacementResponsibleTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

[Collection(SeededDatabaseOnPostgreSqlCollection.Name)]
public class ImportDemoDataTestsOnPostgreSql(SeededDatabaseOnPostgreSql seeded) : ImportDemoDataTests(seeded)
{
}

/// <summary>The app on a database of its own on the test cluster, with Hangfire's storage there too, as several instances run it.</summary>
public sealed class PostgreSqlWebFactory : PortaaliWebFactory
{
    public PostgreSqlWebFactory() => PostgreSqlDatabase = PostgreSqlTestDatabases.CreateAsync(migrate: true).GetAwaiter().GetResult();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        PostgreSqlTestDatabases.DropAsync(PostgreSqlDatabase!).GetAwaiter().GetResult();
    }
}

public class JobsDashboardTestsOnPostgreSql(PostgreSqlWebFactory factory) : JobsDashboardTests(factory), IClassFixture<PostgreSqlWebFactory>
{
}
