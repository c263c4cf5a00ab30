using System.Text.Json;
using Hangfire;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Portaali.Core.Data;

namespace Portaali.Web.Setup;

/// <summary>Health for the reverse proxy and the load balancer, anonymous, JSON naming each check, no connection strings or
/// exception texts. <c>/health/ready</c> (and <c>/health</c>, its older name): 200 when the database answers with every
/// migration applied and Hangfire's storage answers, 503 when not — an instance still starting or cut off from the
/// database gets no users. <c>/health/live</c>: 200 while the process serves requests at all (no dependencies, so a
/// database outage does not get every instance restarted).</summary>
public static class HealthSetup
{
    public const string Path = "/health";
    public const string ReadyPath = "/health/ready";
    public const string LivePath = "/health/live";
    private const string Ready = "ready";

    public static IServiceCollection AddPortaaliHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [Ready])
            .AddCheck<MigrationsHealthCheck>("migrations", tags: [Ready])
            .AddCheck<JobStorageHealthCheck>("hangfire", tags: [Ready]);
        return services;
    }

    public static void MapPortaaliHealth(this WebApplication app)
    {
        var ready = new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteAsync };
        app.MapHealthChecks(Path, ready).AllowAnonymous();
        app.MapHealthChecks(ReadyPath, ready).AllowAnonymous();
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync }).AllowAnonymous();
    }

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

/// <summary>Every migration this build knows is applied: an instance of a newer build started against a database the
/// other instance has not migrated yet (or the reverse) is not ready.</summary>
public class MigrationsHealthCheck(IDbContextFactory<PortaaliDbContext> dbFactory, ILogger<MigrationsHealthCheck> logger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            return pending == 0 ? HealthCheckResult.Healthy("all migrations applied") : HealthCheckResult.Unhealthy($"{pending} migration(s) not applied");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Health check: the database's migrations could not be read");
            return HealthCheckResult.Unhealthy("migrations cannot be read");
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
