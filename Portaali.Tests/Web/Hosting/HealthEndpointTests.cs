using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Portaali.Tests.Web.Hosting;

/// <summary>What nginx and a service manager ask an instance: /health/ready names the database, its migrations and
/// Hangfire's storage; /health/live only says the process answers.</summary>
public class HealthEndpointTests : IDisposable
{
    private readonly PortaaliWebFactory factory = new();

    private async Task<(HttpStatusCode Status, JsonElement Json, string Body)> GetAsync(string path)
    {
        var response = await factory.ClientFor(null).GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        return (response.StatusCode, JsonDocument.Parse(body).RootElement.Clone(), body);
    }

    private static string CheckStatus(JsonElement json, string check) =>
        json.GetProperty("checks").GetProperty(check).GetProperty("status").GetString()!;

    [Fact]
    public async Task Ready_answers_anonymously_naming_the_database_its_migrations_and_hangfire()
    {
        var (status, json, _) = await GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", json.GetProperty("status").GetString());
        Assert.Equal("Healthy", CheckStatus(json, "database"));
        Assert.Equal("Healthy", CheckStatus(json, "migrations"));
        Assert.Equal("Healthy", CheckStatus(json, "hangfire"));
    }

    [Fact]
    public async Task Live_answers_without_asking_the_database()
    {
        var (status, json, _) = await GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", json.GetProperty("status").GetString());
        Assert.Empty(json.GetProperty("checks").EnumerateObject());
    }

    [Fact]
    public async Task An_unreadable_database_makes_ready_503_while_live_stays_200_and_nothing_reveals_the_file()
    {
        _ = factory.Server;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await File.WriteAllTextAsync(factory.DatabasePath, string.Concat(Enumerable.Repeat("not a database ", 1000)));

        var (status, json, body) = await GetAsync("/health/ready");
        var (liveStatus, _, _) = await GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", json.GetProperty("status").GetString());
        Assert.Equal("Unhealthy", CheckStatus(json, "database"));
        Assert.Equal("Healthy", CheckStatus(json, "hangfire"));
        Assert.DoesNotContain(factory.DatabasePath, body);
        Assert.DoesNotContain("Data Source", body);
        Assert.Equal(HttpStatusCode.OK, liveStatus);
    }

    [Fact]
    public async Task A_migration_missing_from_the_database_makes_ready_503()
    {
        _ = factory.Server;
        await using (var db = factory.OpenDb())
            await db.Database.ExecuteSqlRawAsync(
                "DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = (SELECT MAX(\"MigrationId\") FROM \"__EFMigrationsHistory\")");

        var (status, json, _) = await GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Healthy", CheckStatus(json, "database"));
        Assert.Equal("Unhealthy", CheckStatus(json, "migrations"));
    }

    public void Dispose() => factory.Dispose();
}
