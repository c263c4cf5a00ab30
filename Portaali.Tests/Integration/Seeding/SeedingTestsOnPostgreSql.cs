using Portaali.Core.Data;

namespace Portaali.Tests.Integration.Seeding;

// The demo seed again on PostgreSQL: one seeded database on the test cluster, shared like SQLite's.

public class SeededDatabaseOnPostgreSql : SeededDatabase
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

[CollectionDefinition(Name)]
public class SeededDatabaseOnPostgreSqlCollection : ICollectionFixture<SeededDatabaseOnPostgreSql>
{
    public const string Name = "Seeded demo base on PostgreSQL";
}

[Collection(SeededDatabaseOnPostgreSqlCollection.Name)]
public class DemoSeedTestsOnPostgreSql(SeededDatabaseOnPostgreSql seeded) : DemoSeedTests(seeded)
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

[Collection(SeededDatabaseOnPostgreSqlCollection.Name)]
public class OfferDemoSeedTestsOnPostgreSql(SeededDatabaseOnPostgreSql seeded) : OfferDemoSeedTests(seeded)
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

[Collection(SeededDatabaseOnPostgreSqlCollection.Name)]
public class ProjectDemoSeedTestsOnPostgreSql(SeededDatabaseOnPostgreSql seeded) : ProjectDemoSeedTests(seeded)
{
}

[Collection(SeededDatabaseOnPostgreSqlCollection.Name)]
public class UsageDemoSeedTestsOnPostgreSql(SeededDatabaseOnPostgreSql seeded) : UsageDemoSeedTests(seeded)
{
}
