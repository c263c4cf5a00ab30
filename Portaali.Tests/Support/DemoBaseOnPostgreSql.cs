using Portaali.Core.Data;
using Portaali.Core.Seeding;

namespace Portaali.Tests.Support;

/// <summary>The demo base seeded once on the PostgreSQL test cluster, shared by the PostgreSQL twins of the demo-seed tests
/// that read it (SQLite's is <c>SeededDatabase</c>): seeding 4,000 customers takes seconds.</summary>
public sealed class DemoBaseOnPostgreSql : IAsyncLifetime
{
    public CoreHarness H { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        H = await CoreHarness.CreateAsync(provider: DatabaseProvider.PostgreSql);
        await using var db = H.Db();
        await new DemoSeeder(db).SeedAsync();
    }

    public async Task DisposeAsync() => await H.DisposeAsync();
}

/// <summary>The classes sharing <see cref="DemoBaseOnPostgreSql"/> run one after another, so a test that signs in does not race another.</summary>
[CollectionDefinition(Name)]
public class DemoBaseOnPostgreSqlCollection : ICollectionFixture<DemoBaseOnPostgreSql>
{
    // Not the seeding tests' "Seeded demo base on PostgreSQL": xUnit takes two definitions of one name as one collection.
    public const string Name = "Demo base on PostgreSQL";
}
