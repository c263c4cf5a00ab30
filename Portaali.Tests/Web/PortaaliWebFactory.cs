using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portaali.Core.Data;
using Portaali.Core.Security;
using Portaali.Core.Users;

namespace Portaali.Tests.Web;

/// <summary>
/// The whole web app in memory over its own migrated SQLite file (no demo seed). Requests carry
/// the <see cref="TestAuthHandler.Header"/> header to act as a user; without it they are anonymous.
/// </summary>
public class PortaaliWebFactory : WebApplicationFactory<Program>
{
    private readonly string databasePath = Path.Combine(Path.GetTempPath(), $"portaali-web-{Guid.NewGuid():N}.db");

    /// <summary>Another factory's (or a test's) database file, for several app instances on one database; the factory
    /// then leaves the file in place when it is disposed.</summary>
    public string? DatabaseFile { get; init; }

    public string Environment { get; init; } = "Development";
    public bool DemoSignIn { get; init; }
    /// <summary>Off: requests authenticate with the app's own sign-in cookie (see <see cref="SignInWithDemoAsync"/>).</summary>
    public bool TestAuthentication { get; init; } = true;
    /// <summary><c>Portaali:SeedDemo</c>; null leaves it to the app's configuration and environment.</summary>
    public string? SeedDemo { get; init; } = "false";
    /// <summary>Further configuration, e.g. <c>Portaali:SignInRevalidation</c> or an <c>AzureAd</c> section.</summary>
    public Dictionary<string, string?> Settings { get; init; } = [];
    public Action<IServiceCollection>? TestServices { get; init; }
    public string DatabasePath => DatabaseFile ?? databasePath;
    /// <summary>A database on the PostgreSQL test cluster (<see cref="Support.PostgreSqlTestDatabases"/>): the app then runs on
    /// PostgreSQL with Hangfire's storage in the same database, as several instances do. The test creates and drops it.</summary>
    public string? PostgreSqlDatabase { get; init; }

    private string ConnectionString => new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // The app migrates its database on start; a copy of the run's migrated template leaves it nothing to apply.
        if (!File.Exists(DatabasePath)) File.Copy(Support.CoreHarness.MigratedTemplateAsync().GetAwaiter().GetResult(), DatabasePath);
        builder.UseEnvironment(Environment);
        builder.UseSetting("ConnectionStrings:Portaali", ConnectionString);
        if (SeedDemo is not null) builder.UseSetting("Portaali:SeedDemo", SeedDemo);
        builder.UseSetting("Portaali:DemoSignIn", DemoSignIn ? "true" : "false");
        if (PostgreSqlDatabase is not null)
        {
            var connection = Support.PostgreSqlTestDatabases.ConnectionString(PostgreSqlDatabase);
            builder.UseSetting("Database:Provider", "PostgreSql");
            builder.UseSetting("ConnectionStrings:Portaali", connection);
            builder.UseSetting("Hangfire:Storage", "PostgreSql");
            builder.UseSetting("ConnectionStrings:Hangfire", connection);
            builder.UseSetting("Storage:SharedPath", Path.Combine(Path.GetTempPath(), $"portaali-shared-{PostgreSqlDatabase}"));
        }
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureTestServices(services =>
        {
            if (TestAuthentication)
            {
                services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, TestAuthHandler>(TestAuthHandler.SchemeName, _ => { });
                services.PostConfigure<AuthenticationOptions>(o => o.DefaultAuthenticateScheme = TestAuthHandler.SchemeName);
            }
            TestServices?.Invoke(services);
        });
    }

    public async Task<AppUser> AddUserAsync(string name, UserGroup group)
    {
        _ = Server; // starts the app, which migrates the database
        await using var db = OpenDb();
        var user = new AppUser { DisplayName = name, Email = $"{Guid.NewGuid():N}@example.fi", Group = group };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user;
    }

    public PortaaliDbContext OpenDb()
    {
        if (PostgreSqlDatabase is null) return new(new DbContextOptionsBuilder<PortaaliDbContext>().UseSqlite(ConnectionString).Options);
        var options = new DbContextOptionsBuilder<PostgreSqlPortaaliDbContext>();
        PostgreSqlPortaaliDbContext.Configure(options, Support.PostgreSqlTestDatabases.ConnectionString(PostgreSqlDatabase));
        return new PostgreSqlPortaaliDbContext(options.Options);
    }

    /// <summary>Signs in through the demo sign-in form, as a person does: the client keeps the sign-in cookie.</summary>
    public async Task<HttpClient> SignInWithDemoAsync(AppUser user)
    {
        var client = ClientFor(null);
        var form = await client.GetStringAsync("/signin");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync("/account/local-signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userId"] = user.Id.ToString(), ["returnUrl"] = "/", ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect || response.Headers.Location?.OriginalString != "/")
            throw new InvalidOperationException($"Demo sign-in failed: {response.StatusCode} {response.Headers.Location}");
        return client;
    }

    public HttpClient ClientFor(AppUser? user)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (user is not null) client.DefaultRequestHeaders.Add(TestAuthHandler.Header, user.Id.ToString());
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        if (DatabaseFile is not null) return;
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            try { File.Delete(databasePath + suffix); } catch (IOException) { }
    }
}

/// <summary>A factory with the demo sign-in on, for a class to share as a fixture (<c>IClassFixture</c>): starting the app
/// host is most of such a test's time, so classes whose tests only add their own users and read share one.</summary>
public sealed class DemoSignInWebFactory : PortaaliWebFactory
{
    public DemoSignInWebFactory() => DemoSignIn = true;
}

/// <summary>Signs the request in as the Portaali user whose id is in the X-Test-User header.</summary>
public class TestAuthHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, UserService users)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";
    public const string Header = "X-Test-User";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!int.TryParse(Request.Headers[Header], out var id)) return AuthenticateResult.NoResult();
        var user = await users.FindActiveAsync(id);
        if (user is null) return AuthenticateResult.Fail("unknown test user");
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(PortaaliClaims.For(user, SchemeName)), SchemeName));
    }
}
