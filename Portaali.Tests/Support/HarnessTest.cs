using Portaali.Core.Data;

namespace Portaali.Tests.Support;

/// <summary>Base for integration tests: each test gets its own migrated database file, deleted afterwards. A class
/// derived with <see cref="DatabaseProvider"/> PostgreSql runs the same tests on a database of the PostgreSQL test cluster.</summary>
public abstract class HarnessTest : IAsyncLifetime
{
    protected CoreHarness H { get; private set; } = null!;

    protected virtual DatabaseProvider DatabaseProvider => DatabaseProvider.Sqlite;

    public async Task InitializeAsync() => H = await CoreHarness.CreateAsync(provider: DatabaseProvider);

    public async Task DisposeAsync() => await H.DisposeAsync();
}
