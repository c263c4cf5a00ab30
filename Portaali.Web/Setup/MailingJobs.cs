using Hangfire;
using Microsoft.EntityFrameworkCore;
using Portaali.Core.Campaigns;
using Portaali.Core.Data;

namespace Portaali.Web.Setup;

/// <summary>Campaign mailings on Hangfire: a queued mailing is a background job, and mailings a stop left queued or
/// running are queued again at start-up when Hangfire's storage is in memory (it forgets them). On PostgreSQL the queue
/// keeps them, and a job a crashed instance was running goes to another one after the invisibility timeout. A rerun sends
/// only what is still pending: the Core runner claims each delivery before sending.</summary>
public static class MailingJobs
{
    public static IServiceCollection AddMailingJobs(this IServiceCollection services)
    {
        services.AddScoped<IMailingQueue, HangfireMailingQueue>();
        services.AddScoped<MailingJobRunner>();
        return services;
    }

    public static async Task UseMailingJobsAsync(this WebApplication app)
    {
        if (Imports.JobsSetup.SharedStorage(app.Configuration)) return;
        await using var scope = app.Services.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortaaliDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var unfinished = await db.CampaignMailings.Where(m => m.State == MailingState.Queued || m.State == MailingState.Running)
            .Select(m => m.Id).ToListAsync();
        var queue = scope.ServiceProvider.GetRequiredService<IMailingQueue>();
        foreach (var id in unfinished) queue.Enqueue(id);
    }
}

/// <summary>Queues a mailing as a Hangfire background job.</summary>
public class HangfireMailingQueue(IBackgroundJobClient jobs) : IMailingQueue
{
    public void Enqueue(int mailingId) => jobs.Enqueue<MailingJobRunner>(j => j.ExecuteAsync(mailingId, CancellationToken.None));
}

/// <summary>A thin wrapper over the Core runner. Retried after a failure (a database hiccup, a stop): the rerun picks up
/// the pending deliveries only, so nobody is mailed twice.</summary>
public class MailingJobRunner(MailingRunner runner)
{
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [60, 300, 900])]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public Task ExecuteAsync(int mailingId, CancellationToken ct) => runner.ExecuteAsync(mailingId, ct);
}
