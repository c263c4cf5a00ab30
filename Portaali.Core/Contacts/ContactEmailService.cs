using Microsoft.EntityFrameworkCore;
using MimeKit;
using Portaali.Core.Activities;
using Portaali.Core.Calendar;
using Portaali.Core.Common;
using Portaali.Core.Common.Mail;
using Portaali.Core.Customers;
using Portaali.Core.Data;
using Portaali.Core.Security;

namespace Portaali.Core.Contacts;

/// <summary>An e-mail written to one contact from the customer card.</summary>
public sealed class ContactEmailDraft
{
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
}

/// <summary>"Write an e-mail" on a contact (thesis 5.4.14): sent through the one mail sender and, once handed over,
/// recorded as a done e-mail activity on the customer with the contact attached. A failed send records nothing.</summary>
public class ContactEmailService(IDbContextFactory<PortaaliDbContext> dbFactory, AccessGuard guard, TimeProvider clock,
    IMailSender mail, ActivityService activities)
{
    /// <summary>Sends the e-mail and returns the id of the recorded activity; throws <see cref="MailSendException"/> with
    /// the server's reason when it could not be sent.</summary>
    public async Task<int> SendAsync(int contactId, ContactEmailDraft draft, CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(draft.Subject)) errors.Add(new(nameof(draft.Subject), CoreText.Get("MailingSubjectRequired")));
        else if (draft.Subject.Trim().Length > ActivityRules.MaxTitle) errors.Add(new(nameof(draft.Subject), CoreText.Get("MailingSubjectTooLong", ActivityRules.MaxTitle)));
        if (string.IsNullOrWhiteSpace(draft.Body)) errors.Add(new(nameof(draft.Body), CoreText.Get("MailingBodyRequired")));
        else if (draft.Body.Length > ActivityRules.MaxMemo - 500) errors.Add(new(nameof(draft.Body), CoreText.Get("MailingBodyTooLong", ActivityRules.MaxMemo - 500)));
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contact = await db.Contacts.AsNoTracking().Where(c => c.Id == contactId)
            .Select(c => new { c.CustomerId, c.FirstName, c.LastName, c.Email }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException(CoreText.Get("ContactNotFound"));
        if (string.IsNullOrWhiteSpace(contact.Email)) throw new DomainException(CoreText.Get("ContactHasNoEmail"));
        // Checked before sending: an e-mail that went out but could not be recorded would be lost from the history.
        await CustomerService.EnsureActiveAsync(db, contact.CustomerId, ct);
        var typeId = await db.ActivityTypes.Where(t => t.SystemKey == ActivityReferenceData.Email && !t.IsRetired)
            .Select(t => (int?)t.Id).FirstOrDefaultAsync(ct) ?? throw new DomainException(CoreText.Get("EmailActivityTypeMissing"));
        var sender = await db.Users.AsNoTracking().Where(u => u.Id == actor.Id).Select(u => new { u.DisplayName, u.Email }).FirstAsync(ct);

        var message = new MimeMessage { Subject = draft.Subject.Trim() };
        message.To.Add(new MailboxAddress($"{contact.FirstName} {contact.LastName}", contact.Email.Trim()));
        if (!string.IsNullOrWhiteSpace(sender.Email)) message.ReplyTo.Add(new MailboxAddress(sender.DisplayName, sender.Email));
        message.Body = new TextPart("plain") { Text = draft.Body };
        await mail.SendAsync(message, ct);

        var sentLocal = HelsinkiTime.ToLocal(clock.GetUtcNow().UtcDateTime);
        return await activities.CreateAsync(new ActivityEdit
        {
            CustomerId = contact.CustomerId, TypeId = typeId, Title = message.Subject, Date = sentLocal.Date,
            StartTime = new TimeSpan(sentLocal.Hour, sentLocal.Minute, 0), DurationMinutes = 15, Status = ActivityStatus.Done,
            Memo = $"{CoreText.Get("EmailTo")}: {message.To}\n\n{draft.Body.Trim()}", ParticipantIds = [actor.Id], ContactIds = [contactId],
            EmailMessageId = message.MessageId,
        }, CancellationToken.None);
    }
}
