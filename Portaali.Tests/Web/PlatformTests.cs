using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portaali.Core.Users;

namespace Portaali.Tests.Web;

/// <summary>What the load balancer and the browser get from every response: the health endpoint and the security headers.</summary>
/// <remarks>One app host for the class (the tests add the users they sign in as); the test that breaks the database starts
/// a host of its own.</remarks>
public class HealthAndHeadersTests(DemoSignInWebFactory factory) : IClassFixture<DemoSignInWebFactory>
{
    [Fact]
    public async Task Health_answers_anonymously_with_the_database_and_hangfire()
    {
        var response = await factory.ClientFor(null).GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty("hangfire").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Health_is_503_when_the_database_is_unreadable()
    {
        using var ownFactory = new PortaaliWebFactory { DemoSignIn = true };
        _ = ownFactory.Server;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await File.WriteAllTextAsync(ownFactory.DatabasePath, string.Concat(Enumerable.Repeat("not a database ", 1000)));

        var response = await ownFactory.ClientFor(null).GetAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);
        Assert.Equal("Unhealthy", json.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.DoesNotContain(ownFactory.DatabasePath, body);
    }

    [Theory]
    [InlineData("/signin")]
    [InlineData("/customers")]
    [InlineData("/no-such-page")]
    [InlineData("/health")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        var user = await factory.AddUserAsync("Minna Lehtonen", UserGroup.AccountManager);
        var response = await factory.ClientFor(user).GetAsync(path);

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("script-src 'self' 'nonce-", csp);
        Assert.DoesNotContain("'unsafe-eval'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("connect-src 'self'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task The_import_map_carries_the_nonce_of_the_policy()
    {
        var response = await factory.ClientFor(null).GetAsync("/signin");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        var nonce = System.Text.RegularExpressions.Regex.Match(csp, "'nonce-([^']+)'").Groups[1].Value;
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains($"<script type=\"importmap\" nonce=\"{nonce}\"", html);
        Assert.DoesNotContain(" onclick=\"", html);
    }

    [Fact]
    public async Task Hangfire_dashboard_has_its_own_policy_and_still_opens()
    {
        var admin = await factory.AddUserAsync("Sari Lindqvist", UserGroup.Administrator);
        var response = await factory.ClientFor(admin).GetAsync("/jobs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self' 'unsafe-inline'", csp);
    }

    [Fact]
    public async Task No_strict_transport_security_in_development()
    {
        var client = factory.CreateClient(new() { BaseAddress = new Uri("https://portaali.example.fi"), AllowAutoRedirect = false });
        Assert.False((await client.GetAsync("/signin")).Headers.Contains("Strict-Transport-Security"));
    }
}

public class ProductionPlatformTests : IDisposable
{
    // SeedDemo left to the app's own configuration, as a real Production deployment has it.
    private readonly PortaaliWebFactory factory = new() { Environment = "Production", SeedDemo = null };

    [Fact]
    public async Task Production_database_starts_empty_without_the_demo_base()
    {
        _ = factory.Server;
        await using var db = factory.OpenDb();
        Assert.Equal(0, await db.Users.CountAsync());
        Assert.Equal(0, await db.Customers.CountAsync());
    }

    [Fact]
    public async Task Production_sends_strict_transport_security_over_https()
    {
        var client = factory.CreateClient(new() { BaseAddress = new Uri("https://portaali.example.fi"), AllowAutoRedirect = false });
        var response = await client.GetAsync("/signin");
        Assert.Contains("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    public void Dispose() => factory.Dispose();
}

/// <summary>A development database gets the demo base unless told otherwise.</summary>
public class DevelopmentSeedTests : IDisposable
{
    private readonly PortaaliWebFactory factory = new() { Environment = "Development", SeedDemo = null };

    [Fact]
    public async Task Development_database_is_seeded_with_the_demo_users()
    {
        _ = factory.Server;
        await using var db = factory.OpenDb();
        Assert.Equal(46, await db.Users.CountAsync());
    }

    public void Dispose() => factory.Dispose();
}
