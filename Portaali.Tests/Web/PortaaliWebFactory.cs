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

    public string Environment { get; init; } = "Development";
    public bool DemoSignIn { get; init; }

    private string ConnectionString => new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("ConnectionStrings:Portaali", ConnectionString);
        builder.UseSetting("Portaali:SeedDemo", "false");
        builder.UseSetting("Portaali:DemoSignIn", DemoSignIn ? "true" : "false");
        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureTestServices(services =>
        {
            services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, TestAuthHandler>(TestAuthHandler.SchemeName, _ => { });
            services.PostConfigure<AuthenticationOptions>(o => o.DefaultAuthenticateScheme = TestAuthHandler.SchemeName);
        });
    }

    public async Task<AppUser> AddUserAsync(string name, UserGroup group)
    {
        _ = Server; // starts the app, which migrates the database
        await using var db = new PortaaliDbContext(new DbContextOptionsBuilder<PortaaliDbContext>().UseSqlite(ConnectionString).Options);
        var user = new AppUser { DisplayName = name, Email = $"{Guid.NewGuid():N}@example.fi", Group = group };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user;
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
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            try { File.Delete(databasePath + suffix); } catch (IOException) { }
    }
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
