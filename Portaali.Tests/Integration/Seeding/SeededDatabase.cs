using Portaali.Core.Seeding;
using Portaali.Core.Data;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Seeding;

/// <summary>One demo-seeded database shared by the seeding tests: seeding 4,000 customers takes seconds, not milliseconds.
/// The classes that only read it share one through <see cref="SeededDatabaseCollection"/> and run one after another,
/// so a test that signs in does not race another.</summary>
public class SeededDatabase : IAsyncLifetime
{
    public CoreHarness H { get; private set; } = null!;

    protected virtual DatabaseProvider DatabaseProvider => DatabaseProvider.Sqlite;

    public async Task InitializeAsync()
    {
        H = await CoreHarness.CreateAsync(provider: DatabaseProvider);
        await using var db = H.Db();
        await new DemoSeeder(db).SeedAsync();
    }

    public async Task DisposeAsync() => await H.DisposeAsync();
}

[CollectionDefinition(Name)]
public class SeededDatabaseCollection : ICollectionFixture<SeededDatabase>
{
    public const string Name = "Seeded demo base";
}
