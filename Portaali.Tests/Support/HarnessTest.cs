namespace Portaali.Tests.Support;

/// <summary>Base for integration tests: each test gets its own migrated database file, deleted afterwards.</summary>
public abstract class HarnessTest : IAsyncLifetime
{
    protected CoreHarness H { get; private set; } = null!;

    public async Task InitializeAsync() => H = await CoreHarness.CreateAsync();

    public async Task DisposeAsync() => await H.DisposeAsync();
}
