using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Npgsql;
using Portaali.Core.Data;
using Portaali.Tests.Support;

namespace Portaali.Tests.Browser;

/// <summary>
/// Two app instances on one PostgreSQL database (Hangfire's storage there too, one shared files folder) behind Debian's
/// nginx configured from <c>deploy/nginx/portaali.conf</c>, and Chromium, which reaches them only through nginx. The
/// database is the seeded demo base copied from SQLite with the app's own <c>copy-to-postgresql</c>, the path a college
/// takes (and quicker than seeding on PostgreSQL at the first start).
/// </summary>
public sealed class TwoInstancesBehindNginx : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("portaali-failover-").FullName;
    private string? database;
    private IPlaywright? playwright;

    public IReadOnlyList<AppProcess> Instances { get; private set; } = [];
    public NginxProxy Proxy { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;

    private string ConnectionString => new NpgsqlConnectionStringBuilder(PostgreSqlTestDatabases.ConnectionString(database!)) { Pooling = true }.ToString();

    public async Task InitializeAsync()
    {
        database = await PostgreSqlTestDatabases.CreateAsync(migrate: false);
        await CopyDemoBaseAsync();

        var shared = Directory.CreateDirectory(Path.Combine(folder, "shared")).FullName;
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:Portaali"] = ConnectionString,
            ["Hangfire:Storage"] = "PostgreSql",
            ["ConnectionStrings:Hangfire"] = ConnectionString,
            ["Storage:SharedPath"] = shared,
        };
        Instances = [new AppProcess(shared, settings), new AppProcess(shared, settings)];
        await Task.WhenAll(Instances.Select(i => i.StartAsync()));
        Proxy = new NginxProxy(folder, Instances.Select(i => i.BaseUrl).ToList());
        await Proxy.StartAsync();
        (playwright, Browser) = await PortaaliServer.LaunchChromiumAsync();
    }

    /// <summary>The run's seeded SQLite demo base into the empty database, as README "Moving a SQLite database to PostgreSQL".</summary>
    private async Task CopyDemoBaseAsync()
    {
        var sqlite = Path.Combine(folder, "demo.db");
        File.Copy(await PortaaliServer.SeededDemoBaseAsync(), sqlite);
        var (exitCode, output) = await AppProcess.RunCommandAsync(
            "copy-to-postgresql", "--from", $"Data Source={sqlite}", "--to", PostgreSqlTestDatabases.ConnectionString(database!));
        if (exitCode != 0) throw new InvalidOperationException($"copy-to-postgresql exited with {exitCode}:\n{output}");
    }

    /// <summary>A fresh browser signed in through nginx as the named seeded user.</summary>
    public Task<IPage> SignInAsync(string displayName) =>
        PortaaliServer.SignInAsync(Browser, Proxy.BaseUrl, displayName, "fi", Logs);

    public PortaaliDbContext OpenDb()
    {
        var options = new DbContextOptionsBuilder<PostgreSqlPortaaliDbContext>();
        PostgreSqlPortaaliDbContext.Configure(options, PostgreSqlTestDatabases.ConnectionString(database!));
        return new PostgreSqlPortaaliDbContext(options.Options);
    }

    /// <summary>Both instances' output and nginx's errors, for a failure's message.</summary>
    public string Logs() =>
        string.Join("\n", Instances.Select((instance, i) => $"--- instance {i + 1} ({instance.BaseUrl}):\n{instance.Log()}")) +
        $"\n--- nginx:\n{Proxy?.Output()}";

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        if (Proxy is not null) await Proxy.DisposeAsync();
        foreach (var instance in Instances) await instance.KillAsync();
        if (database is not null) await PostgreSqlTestDatabases.DropAsync(database);
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}

/// <summary>The failover journey stops and kills instances: on servers of its own, beside the other journeys.</summary>
[CollectionDefinition(Name)]
public class FailoverCollection : ICollectionFixture<TwoInstancesBehindNginx>
{
    public const string Name = "Browser, two instances behind nginx";
}
