using Hangfire;
using Hangfire.Dashboard;
using Hangfire.PostgreSql;
using Hangfire.Storage;
using Microsoft.AspNetCore.Authentication;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;
using Portaali.Core.Imports;
using Portaali.Core.Jobs;
using Portaali.Core.Security;
using Portaali.Web.Setup;

namespace Portaali.Web.Imports;

/// <summary>Hangfire for the imports: in-memory storage by default (our ImportRun table is the lasting record),
/// PostgreSQL when configured; recurring jobs with stable ids; the dashboard at /jobs for administrators only.</summary>
public static class JobsSetup
{
    public const string DashboardPath = "/jobs";

    public static string RecurringJobId(ImportSource source) => source switch
    {
        ImportSource.PrhApi => "imports.prh-api",
        ImportSource.PrhBulk => "imports.prh-bulk",
        ImportSource.BusinessInfoCsv => "imports.business-info-csv",
        _ => "imports.work-placement-csv",
    };

    public static IServiceCollection AddPortaaliJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ImportOptions>(configuration.GetSection(ImportOptions.Section));
        services.AddHangfire((provider, c) =>
        {
            c.UseLogProvider(new HostLogProvider(provider.GetRequiredService<ILoggerFactory>()));
            c.SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings();
            if (SharedStorage(configuration))
                c.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(configuration.GetConnectionString("Hangfire")
                    ?? throw new InvalidOperationException("Hangfire:Storage is PostgreSql but ConnectionStrings:Hangfire is missing")),
                    new PostgreSqlStorageOptions
                    {
                        // A job another instance fetched is taken back only when that instance stopped beating for it: an
                        // import runs for hours, and without the sliding timeout a second instance would start it again
                        // after 30 minutes. An instance that crashed gives its job to another after 5 minutes.
                        UseSlidingInvisibilityTimeout = true,
                        InvisibilityTimeout = TimeSpan.FromMinutes(5),
                        // LISTEN/NOTIFY: a job queued on one instance starts at once on any, not at the next 15-second poll.
                        EnableLongPolling = true,
                    });
            else
                c.UseInMemoryStorage();
        });
        if (configuration.GetValue("Hangfire:Server", true))
            services.AddHangfireServer(o => o.WorkerCount = Math.Max(1, configuration.GetValue("Hangfire:Workers", 2)));
        services.Configure<InstanceOptions>(configuration.GetSection(InstanceOptions.Section));
        services.PostConfigure<InstanceOptions>(o => o.QueueSurvivesRestart = SharedStorage(configuration));
        services.AddHostedService<Setup.InstanceHeartbeat>();
        // A graceful stop (SIGTERM) lets the web server finish open requests for up to the host's shutdown timeout, and
        // the web server stops first. Hangfire's server and the instance's leave must not wait behind it: when a browser's
        // reconnect kept a request open that long, they got an expired token, Hangfire's stop threw, the process ended as
        // a crash (exit 134) and its instance row stayed for the others' timeout (found by FailoverTests).
        services.Configure<HostOptions>(o => o.ServicesStopConcurrently = true);
        services.AddScoped<IImportQueue, HangfireImportQueue>();
        services.AddSingleton<IImportSchedule, HangfireImportSchedule>();
        services.AddScoped<ImportJobRunner>();
        services.AddCarePlanJobs();
        services.AddMailingJobs();
        services.AddExportJobs();
        services.AddSegmentJobs(configuration);
        return services;
    }

    /// <summary>Hangfire's storage is shared by the instances (PostgreSQL) rather than each instance's memory.</summary>
    public static bool SharedStorage(IConfiguration configuration) =>
        string.Equals(configuration["Hangfire:Storage"], "PostgreSql", StringComparison.OrdinalIgnoreCase);

    /// <summary>Announces this instance and marks the runs no live instance is working on (<see cref="InstanceRegistry"/>:
    /// with one instance, everything the last stop left), registers the recurring jobs and maps the dashboard.</summary>
    public static async Task UsePortaaliJobsAsync(this WebApplication app)
    {
        await app.Services.GetRequiredService<InstanceRegistry>().JoinAsync();

        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ImportOptions>>().Value;
        var manager = app.Services.GetRequiredService<IRecurringJobManager>();
        var timeZone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        foreach (var source in Enum.GetValues<ImportSource>())
        {
            var cron = options.Schedules.GetValueOrDefault(source.ToString());
            if (string.IsNullOrWhiteSpace(cron) || cron.Trim().Equals("off", StringComparison.OrdinalIgnoreCase))
                manager.RemoveIfExists(RecurringJobId(source));
            else
                manager.AddOrUpdate<ImportJobRunner>(RecurringJobId(source), j => j.RunScheduledAsync(source, CancellationToken.None),
                    cron.Trim(), new RecurringJobOptions { TimeZone = timeZone });
        }
        await app.UseCarePlanJobsAsync();
        await app.UseMailingJobsAsync();
        await app.UseExportJobsAsync();
        app.UseUsageJobs();

        // Anonymous visitors go to sign-in like everywhere else; the dashboard's own filter then refuses non-administrators with 403.
        app.UseWhen(c => c.Request.Path.StartsWithSegments(DashboardPath), branch => branch.Use(async (context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated != true)
            {
                await context.ChallengeAsync();
                return;
            }
            await next();
            if (context.Response.StatusCode == StatusCodes.Status403Forbidden && !context.Response.HasStarted)
                await WriteForbiddenAsync(context);
        }));
        app.UseHangfireDashboard(DashboardPath, new DashboardOptions
        {
            Authorization = [],
            AsyncAuthorization = [new AdministratorsOnlyFilter()],
            AppPath = "/admin/imports",
            DashboardTitle = "Portaali – jobs",
            DisplayStorageConnectionString = false,
        });
    }

    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Hangfire answers a signed-in non-administrator with a bare 403, which the app-wide status pages would
    /// dress as "not found". They get the forbidden text as a small page of its own, still 403: re-executing to
    /// /forbidden cannot route from this branch (a branched pipeline has no endpoint routing).</summary>
    private static async Task WriteForbiddenAsync(HttpContext context)
    {
        var l = context.RequestServices.GetRequiredService<IStringLocalizer<Ui>>();
        string E(string key) => Html.Encode(l[key]);
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync($$"""
            <!DOCTYPE html>
            <html lang="{{CultureInfo.CurrentUICulture.TwoLetterISOLanguageName}}">
            <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1.0" />
            <title>{{E("ForbiddenTitle")}} – Portaali</title></head>
            <body style="font-family: Roboto, Helvetica, Arial, sans-serif; margin: 4rem auto; max-width: 40rem; padding: 0 1rem; color: #333">
            <main data-testid="forbidden">
            <h1 style="font-size: 1.5rem">{{E("ForbiddenTitle")}}</h1>
            <p>{{E("ForbiddenText")}}</p>
            <p><a href="/">← {{E("BackToCustomers")}}</a></p>
            </main>
            </body>
            </html>
            """);
    }
}

/// <summary>Hangfire's dashboard is open to everyone local by default (GHSA-7rq6-7gv8-c37h); ours asks our Administer policy.</summary>
public class AdministratorsOnlyFilter : IDashboardAsyncAuthorizationFilter
{
    public async Task<bool> AuthorizeAsync(DashboardContext context)
    {
        var http = context.GetHttpContext();
        if (http.User.Identity?.IsAuthenticated != true) return false;
        var authorization = http.RequestServices.GetRequiredService<IAuthorizationService>();
        return (await authorization.AuthorizeAsync(http.User, Policies.Administer)).Succeeded;
    }
}

/// <summary>Queues a manual run as a Hangfire background job.</summary>
public class HangfireImportQueue(IBackgroundJobClient jobs) : IImportQueue
{
    public void Enqueue(int runId) => jobs.Enqueue<ImportJobRunner>(j => j.ExecuteAsync(runId, CancellationToken.None));
}

/// <summary>The recurring imports as Hangfire holds them, for the administrators' overview.</summary>
public class HangfireImportSchedule(JobStorage storage) : IImportSchedule
{
    public IReadOnlyDictionary<ImportSource, ScheduledImport> Current()
    {
        using var connection = storage.GetConnection();
        var jobs = connection.GetRecurringJobs().ToDictionary(j => j.Id);
        var scheduled = new Dictionary<ImportSource, ScheduledImport>();
        foreach (var source in Enum.GetValues<ImportSource>())
            if (jobs.TryGetValue(JobsSetup.RecurringJobId(source), out var job))
                scheduled[source] = new ScheduledImport(job.Cron, job.NextExecution);
        return scheduled;
    }
}

/// <summary>The Hangfire jobs: thin wrappers over the Core job methods, adding the retry rules.</summary>
public class ImportJobRunner(ImportJobs jobs)
{
    /// <summary>Transient failures (network, PRH 429 after back-off, disk) are thrown by Core and retried here; each retry
    /// is a new run that resumes after the failed one's checkpoint.</summary>
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [300, 900, 3600])]
    [OneRunPerTrigger(Order = 0)]
    // After the trigger check: the sources still take turns, as before.
    [DisableConcurrentExecution(timeoutInSeconds: 60, Order = 1)]
    public Task RunScheduledAsync(ImportSource source, CancellationToken ct) => jobs.RunScheduledAsync(source, ct);

    /// <summary>A manual run is not retried on its own: the admin page shows the failure and the user starts it again.</summary>
    [AutomaticRetry(Attempts = 0)]
    public Task ExecuteAsync(int runId, CancellationToken ct) => jobs.ExecuteAsync(runId, ct);
}
