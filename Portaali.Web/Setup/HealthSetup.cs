using System.Text.Json;
using Hangfire;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Portaali.Core.Data;

namespace Portaali.Web.Setup;

/// <summary><c>/health</c> for the load balancer: anonymous, 200 when the database and Hangfire's storage answer, 503 when
/// not, with a small JSON body naming each check. No connection strings or exception texts leave the server.</summary>
public static class HealthSetup
{
    public const string Path = "/health";

    public static IServiceCollection AddPortaaliHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<JobStorageHealthCheck>("hangfire");
        return services;
    }

    public static void MapPortaaliHealth(this WebApplication app) =>
        app.MapHealthChecks(Path, new HealthCheckOptions { ResponseWriter = WriteAsync }).AllowAnonymous();

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        }));
    }
}

/// <summary>The SQLite file opens and holds Portaali's schema (a query on the migrations table, not just "SELECT 1",
/// which succeeds on any file).</summary>
public class DatabaseHealthCheck(IDbContextFactory<PortaaliDbContext> dbFactory, ILogger<DatabaseHealthCheck> logger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var migrations = await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM \"__EFMigrationsHistory\"").SingleAsync(cancellationToken);
            return migrations > 0 ? HealthCheckResult.Healthy("database answers") : HealthCheckResult.Unhealthy("database has no schema");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Health check: the database does not answer");
            return HealthCheckResult.Unhealthy("database does not answer");
        }
    }
}

/// <summary>Hangfire's job storage answers (in-memory always does; PostgreSQL may not).</summary>
public class JobStorageHealthCheck(JobStorage storage, ILogger<JobStorageHealthCheck> logger) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var servers = storage.GetMonitoringApi().Servers().Count;
            return Task.FromResult(HealthCheckResult.Healthy($"job storage answers, {servers} server(s)"));
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Health check: Hangfire's job storage does not answer");
            return Task.FromResult(HealthCheckResult.Unhealthy("job storage does not answer"));
        }
    }
}
