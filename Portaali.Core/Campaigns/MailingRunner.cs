using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portaali.Core.Common.Mail;
using Portaali.Core.Data;

namespace Portaali.Core.Campaigns;

/// <summary>Sends a queued mailing, one member at a time at the configured pace: the background job's body, callable
/// from a test without Hangfire. Each delivery is claimed (pending → unconfirmed) before its message is handed to the
/// server and marked sent after, so a rerun after a crash, a retry or a second runner never mails anyone twice.</summary>
public class MailingRunner(IDbContextFactory<PortaaliDbContext> dbFactory, IMailSender mail, UnsubscribeTokens tokens,
    IOptions<MailingOptions> options, TimeProvider clock, ILogger<MailingRunner> logger)
{
    public async Task ExecuteAsync(int mailingId, CancellationToken ct = default)
    {
        CampaignMailing? mailing;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            mailing = await db.CampaignMailings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == mailingId, ct);
            if (mailing is null || mailing.State is MailingState.Cancelled) return;
            await db.CampaignMailings.Where(m => m.Id == mailingId).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.State, MailingState.Running)
                .SetProperty(m => m.StartedAtUtc, m => m.StartedAtUtc ?? clock.GetUtcNow().UtcDateTime), ct);
        }
        var baseUrl = mailing.PublicBaseUrl ?? "http://localhost/";
        var pause = options.Value.Pause;
        DateTimeOffset? lastSent = null;
        while (await NextAsync(mailingId, ct) is { } next)
        {
            var (delivery, to, optedOut, gone) = next;
            if (optedOut || gone || to.Email.Length == 0)
            {
                var skipped = optedOut ? DeliveryState.SkippedOptedOut : gone ? DeliveryState.SkippedLeft : DeliveryState.SkippedNoEmail;
                await FinishAsync(mailingId, delivery, skipped, null, null);
                continue;
            }
            if (lastSent is { } last && last + pause - clock.GetUtcNow() is { Ticks: > 0 } wait)
                await Task.Delay(wait, clock, ct);
            if (!await ClaimAsync(delivery, to.Email, ct)) continue; // another runner took it
            var message = MailingText.Message(mailing.Subject, mailing.Body, to, MailingText.UnsubscribeUrl(baseUrl, tokens.Create(to.ContactId)));
            try
            {
                await mail.SendAsync(message, ct);
            }
            catch (MailSendException e)
            {
                await FinishAsync(mailingId, delivery, DeliveryState.Failed, e.Message, null);
                lastSent = clock.GetUtcNow();
                continue;
            }
            // From here the message is out: a crash before this save leaves the delivery unconfirmed, never resent.
            var sentAt = clock.GetUtcNow();
            await FinishAsync(mailingId, delivery, DeliveryState.Sent, null, sentAt.UtcDateTime);
            lastSent = sentAt;
        }
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            await db.CampaignMailings.Where(m => m.Id == mailingId).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.State, MailingState.Done)
                .SetProperty(m => m.FinishedAtUtc, clock.GetUtcNow().UtcDateTime), ct);
        logger.LogInformation("Mailing {MailingId} done", mailingId);
    }

    /// <summary>The next pending delivery and its recipient, read now: an opt-out, a new address or leaving the company
    /// after queuing counts.</summary>
    private async Task<(MailingDelivery Delivery, MailingRecipient To, bool OptedOut, bool Gone)?> NextAsync(int mailingId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.MailingDeliveries.AsNoTracking().Where(d => d.MailingId == mailingId && d.State == DeliveryState.Pending)
            .OrderBy(d => d.Id)
            .Join(db.CampaignMembers, d => d.MemberId, m => m.Id, (d, m) => new
            {
                Delivery = d, m.ContactId, m.Contact!.FirstName, m.Contact.LastName, CustomerName = m.Contact.Customer!.Name,
                m.Contact.Email, m.Contact.NoMarketingEmail, Gone = m.Contact.HasLeft || m.Contact.Customer!.IsPassive,
            })
            .FirstOrDefaultAsync(ct);
        return row is null ? null
            : (row.Delivery, new MailingRecipient(row.ContactId, row.FirstName, row.LastName, row.CustomerName, row.Email?.Trim() ?? ""), row.NoMarketingEmail, row.Gone);
    }

    private async Task<bool> ClaimAsync(MailingDelivery delivery, string email, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.MailingDeliveries.Where(d => d.Id == delivery.Id && d.State == DeliveryState.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.State, DeliveryState.Unconfirmed).SetProperty(d => d.Email, email), ct) == 1;
    }

    /// <summary>Records the outcome; a sent message makes a member who was only added "invited" (later steps stay).
    /// Not cancellable: the outcome of a message already handed over is recorded even while the job is stopping.</summary>
    private async Task FinishAsync(int mailingId, MailingDelivery delivery, DeliveryState state, string? error, DateTime? sentAtUtc)
    {
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        await using var tx = await db.Database.BeginTransactionAsync(CancellationToken.None);
        await db.MailingDeliveries.Where(d => d.Id == delivery.Id).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.State, state)
            .SetProperty(d => d.Error, error is null ? null : error.Length > 1000 ? error[..1000] : error)
            .SetProperty(d => d.SentAtUtc, sentAtUtc), CancellationToken.None);
        if (state == DeliveryState.Sent)
        {
            var creator = await db.CampaignMailings.Where(m => m.Id == mailingId).Select(m => m.CreatedByName).FirstAsync(CancellationToken.None);
            await db.CampaignMembers.Where(m => m.Id == delivery.MemberId && m.Step == CampaignStep.Added).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Step, CampaignStep.Invited)
                .SetProperty(m => m.StepChangedAtUtc, sentAtUtc!.Value)
                .SetProperty(m => m.StepChangedByName, creator), CancellationToken.None);
        }
        var sent = await db.MailingDeliveries.CountAsync(d => d.MailingId == mailingId && d.State == DeliveryState.Sent, CancellationToken.None);
        var failed = await db.MailingDeliveries.CountAsync(d => d.MailingId == mailingId && d.State == DeliveryState.Failed, CancellationToken.None);
        await db.CampaignMailings.Where(m => m.Id == mailingId).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Sent, sent).SetProperty(m => m.Failed, failed), CancellationToken.None);
        await tx.CommitAsync(CancellationToken.None);
    }
}
