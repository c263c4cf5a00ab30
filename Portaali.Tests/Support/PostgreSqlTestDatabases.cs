using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portaali.Core.Data;

namespace Portaali.Tests.Support;

/// <summary>
/// Databases on the throw-away PostgreSQL cluster of the test run (<c>scripts/pg-test-cluster.sh</c>, started by
/// <c>./test.sh</c>, which exports its connection string as <see cref="EnvironmentVariable"/>). Every migration is applied
/// once, to a template database; each test then gets <c>CREATE DATABASE … TEMPLATE</c> of it, dropped afterwards.
/// Without the cluster a PostgreSQL test fails and says how to start it: it never passes by being skipped.
/// </summary>
public static class PostgreSqlTestDatabases
{
    public const string EnvironmentVariable = "PORTAALI_TEST_POSTGRES";

    /// <summary>One CREATE DATABASE at a time: PostgreSQL refuses to copy a template that another copy is reading.</summary>
    private static readonly SemaphoreSlim Creating = new(1, 1);

    private static string Server => Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } server
        ? server
        : throw new InvalidOperationException(
            $"The PostgreSQL tests need the test cluster, and {EnvironmentVariable} is not set. Run ./test.sh, which starts and stops " +
            $"it, or start it by hand: eval \"$(scripts/pg-test-cluster.sh start)\" (and scripts/pg-test-cluster.sh stop afterwards).");

    /// <summary>The connection string of a database on the test cluster. Pooled, as the app's are: a test opens a context
    /// for every step, and a fresh server process per connection was most of a short PostgreSQL test. The pools' idle
    /// connections are closed before a database is dropped, replaced or copied (<see cref="ClosePooledConnections"/>).</summary>
    public static string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(Server) { Database = database }.ToString();

    /// <summary>Closes every pool's idle connections: PostgreSQL copies a template only while nobody is connected to it, and a
    /// pooled connection to a dropped database would fail its next use. (The app's contexts add settings to the connection
    /// string, so their pools are not this class's to name one by one; the other tests' pools just open anew.)</summary>
    private static void ClosePooledConnections() => NpgsqlConnection.ClearAllPools();

    /// <summary>A new database with every migration applied (or empty), for one test.</summary>
    public static async Task<string> CreateAsync(bool migrate)
    {
        if (!migrate) return await CopyTemplateAsync("template0");
        var template = await MigratedTemplate.Value;
        var ready = Interlocked.Exchange(ref next, null) ?? CopyTemplateAsync(template);
        var name = await ready;
        // The next test's database is copied while this test runs: a copy takes seconds on a loaded machine, most of a short test.
        _ = Interlocked.Exchange(ref next, CopyTemplateAsync(template))?.ContinueWith(left => DropAsync(left.Result),
            TaskContinuationOptions.OnlyOnRanToCompletion);
        return name;
    }

    /// <summary>A migrated database made ahead for the next test that asks (<see cref="CreateAsync"/>).</summary>
    private static Task<string>? next;

    private static async Task<string> CopyTemplateAsync(string template)
    {
        var name = $"portaali_test_{Guid.NewGuid():N}";
        await Creating.WaitAsync();
        try
        {
            if (template != "template0") ClosePooledConnections();
            await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        }
        finally
        {
            Creating.Release();
        }
        return name;
    }

    /// <summary>An empty database with a collation of its own (an ICU locale such as <c>fi-FI</c>), as a college's server
    /// may be set up, for one test; not migrated.</summary>
    public static async Task<string> CreateWithLocaleAsync(string icuLocale)
    {
        if (!System.Text.RegularExpressions.Regex.IsMatch(icuLocale, "^[A-Za-z0-9-]+$"))
            throw new ArgumentException("An ICU locale name such as fi-FI", nameof(icuLocale));
        var name = $"portaali_test_{Guid.NewGuid():N}";
        await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE '{icuLocale}'");
        return name;
    }

    /// <summary>A new database copied from <paramref name="source"/>, which nobody may be connected to (a seeded template of
    /// <see cref="SeededTemplates"/>).</summary>
    public static async Task<string> CopyAsync(string source)
    {
        var name = $"portaali_seeded_{Guid.NewGuid():N}";
        await CreateFromAsync(name, source);
        return name;
    }

    /// <summary>Makes <paramref name="name"/> a fresh copy of <paramref name="template"/>: what copying a seeded file over a
    /// test's own file is on SQLite.</summary>
    public static async Task ReplaceAsync(string name, string template)
    {
        await DropAsync(name);
        await CreateFromAsync(name, template);
    }

    private static async Task CreateFromAsync(string name, string template)
    {
        await Creating.WaitAsync();
        try
        {
            ClosePooledConnections();
            await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        }
        finally
        {
            Creating.Release();
        }
    }

    public static Task DropAsync(string name)
    {
        ClosePooledConnections();
        return ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static readonly Lazy<Task<string>> MigratedTemplate = new(async () =>
    {
        var name = $"portaali_template_{Guid.NewGuid():N}";
        await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE template0");
        var options = new DbContextOptionsBuilder<PostgreSqlPortaaliDbContext>();
        PostgreSqlPortaaliDbContext.Configure(options, ConnectionString(name));
        await using (var db = new PostgreSqlPortaaliDbContext(options.Options)) await db.Database.MigrateAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            // The copy made ahead for a test that never came goes first: the template cannot be dropped while it is copied.
            if (Interlocked.Exchange(ref next, null) is { } left && left.ContinueWith(_ => { }).Wait(TimeSpan.FromSeconds(30))
                && left.IsCompletedSuccessfully) DropAsync(left.Result).GetAwaiter().GetResult();
            DropAsync(name).GetAwaiter().GetResult();
        };
        return name;
    });

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
