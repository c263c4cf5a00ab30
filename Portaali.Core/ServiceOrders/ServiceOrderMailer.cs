using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portaali.Core.Common;
using Portaali.Core.Common.Mail;
using Portaali.Core.Data;
using Portaali.Core.Security;

namespace Portaali.Core.ServiceOrders;

/// <summary>E-mails a saved service order to every party and keeps the record of each sending; a failed sending is
/// recorded with its error and can be retried, and the order itself is never touched by a send.</summary>
public class ServiceOrderMailer(IDbContextFactory<PortaaliDbContext> dbFactory, AccessGuard guard, TimeProvider clock,
    IMailSender sender, IOptions<MailOptions> mailOptions)
{
    /// <summary>Who the order would go to now, shown before sending.</summary>
    public async Task<RecipientPreview> PreviewAsync(int serviceOrderId, CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (order, content, recipients, withoutAddress) = await LoadAsync(db, serviceOrderId, ct);
        return new RecipientPreview(order.Id, order.Version, ServiceOrderMessage.Subject(content), recipients, withoutAddress);
    }

    /// <summary>Sends the order to the recipients of <see cref="PreviewAsync"/>; <paramref name="version"/> is the order the
    /// preview showed, so an order changed since is a conflict rather than a surprise to its recipients.</summary>
    public async Task<SendingResult> SendAsync(int serviceOrderId, Guid version, CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (order, content, recipients, _) = await LoadAsync(db, serviceOrderId, ct);
        if (order.Version != version) throw new ConcurrencyConflictException(CoreText.Get("ServiceOrderChangedBeforeSend"));
        if (recipients.Count == 0) throw new DomainException(CoreText.Get("ServiceOrderNoRecipients"));
        return await DeliverAsync(db, actor, order, content, recipients, null, ct);
    }

    /// <summary>Sends the order again to the addresses of a failed (or cut-off) sending, as the order reads now.</summary>
    public async Task<SendingResult> RetryAsync(int sendingId, CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var failed = await db.ServiceOrderSendings.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sendingId, ct)
            ?? throw new NotFoundException(CoreText.Get("ServiceOrderSendingNotFound"));
        if (!ServiceOrderRules.CanRetry(failed.Outcome, failed.StartedAtUtc, clock.GetUtcNow().UtcDateTime, SendTimeout))
            throw new DomainException(CoreText.Get("ServiceOrderRetryNotNeeded"));
        if (await db.ServiceOrderSendings.AnyAsync(s => s.RetryOfId == sendingId && s.Outcome != SendingOutcome.Failed, ct))
            throw new DomainException(CoreText.Get("ServiceOrderRetryNotNeeded"));
        var (order, content, current, _) = await LoadAsync(db, failed.ServiceOrderId, ct);
        var addresses = failed.Recipients.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // The same people as the failed attempt; their names as the order knows them now.
        var recipients = addresses.Select(a => current.FirstOrDefault(r => string.Equals(r.Address, a, StringComparison.OrdinalIgnoreCase))
            ?? new Recipient(a, null, RecipientRole.Extra, [])).ToList();
        return await DeliverAsync(db, actor, order, content, recipients, failed.Id, ct);
    }

    /// <summary>Every sending of the order, newest first.</summary>
    public async Task<IReadOnlyList<SendingRow>> HistoryAsync(int serviceOrderId, CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.ServiceOrderSendings.AsNoTracking().Where(s => s.ServiceOrderId == serviceOrderId)
            .OrderByDescending(s => s.Id).Take(200).ToListAsync(ct);
        var retried = rows.Where(r => r.RetryOfId is not null && r.Outcome != SendingOutcome.Failed).Select(r => r.RetryOfId!.Value).ToHashSet();
        var now = clock.GetUtcNow().UtcDateTime;
        return rows.Select(s => new SendingRow(s.Id, s.StartedAtUtc, s.FinishedAtUtc, s.SentByName,
            s.Recipients.Split('\n', StringSplitOptions.RemoveEmptyEntries), s.Outcome, s.Error, s.Channel, s.RetryOfId,
            !retried.Contains(s.Id) && ServiceOrderRules.CanRetry(s.Outcome, s.StartedAtUtc, now, SendTimeout))).ToList();
    }

    private TimeSpan SendTimeout => TimeSpan.FromSeconds(Math.Max(1, mailOptions.Value.TimeoutSeconds));

    private async Task<SendingResult> DeliverAsync(PortaaliDbContext db, Actor actor, ServiceOrder order, ServiceOrderContent content,
        IReadOnlyList<Recipient> recipients, int? retryOf, CancellationToken ct)
    {
        // The attempt is on record before the server is asked, so even a send cut off by a restart leaves a trace.
        content = content with { SentByName = actor.Name };
        var sending = new ServiceOrderSending
        {
            ServiceOrderId = order.Id, StartedAtUtc = clock.GetUtcNow().UtcDateTime, SentByUserId = actor.Id, SentByName = actor.Name,
            Recipients = string.Join("\n", recipients.Select(r => r.Address)), Subject = ServiceOrderMessage.Subject(content),
            Outcome = SendingOutcome.Pending, RetryOfId = retryOf,
        };
        db.ServiceOrderSendings.Add(sending);
        await db.SaveChangesAsync(ct);
        try
        {
            var delivery = await sender.SendAsync(ServiceOrderMessage.Create(content, recipients), ct);
            sending.Outcome = SendingOutcome.Sent;
            sending.Channel = delivery.PickupFile is { } file ? Path.GetFileName(file) : delivery.Channel;
        }
        catch (MailSendException e)
        {
            sending.Outcome = SendingOutcome.Failed;
            sending.Error = e.Message.Length > 1000 ? e.Message[..1000] : e.Message;
        }
        sending.FinishedAtUtc = clock.GetUtcNow().UtcDateTime;
        ServiceOrderAudit.RecordSending(db, actor, sending.FinishedAtUtc.Value, order, sending);
        // Not the request's token: the outcome is written even when the page that asked has gone away.
        await db.SaveChangesAsync(CancellationToken.None);
        return new SendingResult(sending.Id, sending.Outcome, sending.Error);
    }

    private static async Task<(ServiceOrder Order, ServiceOrderContent Content, IReadOnlyList<Recipient> Recipients, IReadOnlyList<string> WithoutAddress)>
        LoadAsync(PortaaliDbContext db, int id, CancellationToken ct)
    {
        var order = await db.ServiceOrders.AsNoTracking().Include(o => o.Customer).Include(o => o.Contact)
            .Include(o => o.Deliverers).ThenInclude(d => d.User).AsSplitQuery()
            .FirstOrDefaultAsync(o => o.Id == id, ct) ?? throw new NotFoundException(CoreText.Get("ServiceOrderNotFound"));
        var contact = order.Contact is { } c ? new ContactOption(c.Id, $"{c.FirstName} {c.LastName}", c.Email) : null;
        var deliverers = order.Deliverers.OrderBy(d => d.Part).ThenBy(d => d.User!.DisplayName)
            .Select(d => (d.Part, d.User!.DisplayName, (string?)d.User.Email)).ToList();
        var recipients = ServiceOrderRules.Recipients(contact, deliverers, order.ExtraRecipients.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var withoutAddress = new List<string>();
        if (contact is not null && ServiceOrderRules.NormalizeAddress(contact.Email) is null) withoutAddress.Add(contact.Name);
        withoutAddress.AddRange(deliverers.Where(d => ServiceOrderRules.NormalizeAddress(d.Item3) is null).Select(d => d.DisplayName).Distinct());
        var content = new ServiceOrderContent(order.Id, order.Title, order.Date, order.StartTime, order.EndTime, order.Customer!.Name,
            contact?.Name, ServiceOrderRules.NormalizeAddress(contact?.Email), order.Place, order.Rooms, order.Materials, order.Catering,
            order.OtherGoods, order.ParticipantCount, order.Notes,
            deliverers.GroupBy(d => d.Part).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(d => d.DisplayName).ToList()),
            order.UpdatedByName);
        return (order, content, recipients, withoutAddress);
    }
}
