using Microsoft.EntityFrameworkCore;
using MimeKit;
using Portaali.Core.Calendar;
using Portaali.Core.Common;
using Portaali.Core.Data;
using Portaali.Core.Security;

namespace Portaali.Core.Activities;

public record EmailContactMatch(int ContactId, string ContactName, string Email, int CustomerId, string CustomerName, bool CustomerIsPassive);

/// <summary>A parsed e-mail and the customer and contacts it appears to be about, ready to become an e-mail activity.</summary>
public record EmailProposal(string Subject, DateTime SentLocal, string From, IReadOnlyList<string> Recipients, string Body,
    string? MessageId, IReadOnlyList<EmailContactMatch> Matches, int? ProposedCustomerId, string? ProposedCustomerName,
    int? AlreadyImportedActivityId)
{
    /// <summary>The activity the user confirms in the form: type e-mail, the message's subject, time and text, matched contacts.</summary>
    public ActivityEdit ToEdit(int emailTypeId, int userId) => new()
    {
        TypeId = emailTypeId, CustomerId = ProposedCustomerId, Title = Subject.Length > ActivityRules.MaxTitle ? Subject[..ActivityRules.MaxTitle] : Subject,
        Date = SentLocal.Date, StartTime = new TimeSpan(SentLocal.Hour, SentLocal.Minute, 0), DurationMinutes = 15,
        Status = ActivityStatus.Done, Memo = Body, EmailMessageId = MessageId, ParticipantIds = [userId],
        ContactIds = Matches.Where(m => m.CustomerId == ProposedCustomerId).Select(m => m.ContactId).Distinct().ToList(),
    };
}

/// <summary>Turns an .eml message into a proposed e-mail activity: contacts matched by address, the customer proposed.</summary>
public class EmailImportService(IDbContextFactory<PortaaliDbContext> dbFactory, AccessGuard guard)
{
    public const long MaxBytes = 10 * 1024 * 1024;
    /// <summary>Of a longer HTML body only this much is read: the memo holds far less text anyway.</summary>
    public const int MaxHtmlChars = 4 * 1024 * 1024;

    /// <summary>An .eml file of at most 10 MB; anything else is refused with a message.</summary>
    public static readonly UploadRule Upload = new([".eml"], MaxBytes);

    /// <summary>Reads an uploaded .eml file (type and size checked first, the size again while reading) and parses it.
    /// Cancelling — the dialog does when it closes — stops the work.</summary>
    public async Task<EmailProposal> ParseUploadAsync(string fileName, long? size, Stream content, CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        await using var eml = await Uploads.ReadAsync(content, fileName, size, Upload, ct);
        return await ParseAsync(eml, ct);
    }

    public async Task<EmailProposal> ParseAsync(Stream eml, CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        MimeMessage message;
        try
        {
            message = await MimeMessage.LoadAsync(eml, ct);
        }
        catch (FormatException)
        {
            throw new DomainException(CoreText.Get("EmailUnreadable"));
        }
        if (message.From.Count == 0 && message.To.Count == 0 && string.IsNullOrEmpty(message.Subject))
            throw new DomainException(CoreText.Get("EmailUnreadable"));

        var from = message.From.Mailboxes.FirstOrDefault();
        var recipients = message.To.Mailboxes.Concat(message.Cc.Mailboxes).ToList();
        var addresses = message.From.Mailboxes.Concat(recipients).Select(m => m.Address.Trim().ToLowerInvariant()).Distinct().ToList();
        var subject = string.IsNullOrWhiteSpace(message.Subject) ? CoreText.Get("EmailNoSubject") : message.Subject.Trim();
        var sentUtc = message.Date == DateTimeOffset.MinValue ? DateTime.UtcNow : message.Date.UtcDateTime;
        var room = ActivityRules.MaxMemo - 200;
        var body = (message.TextBody ?? await HtmlToTextAsync(message.HtmlBody, room + 1, ct) ?? "").Trim();
        if (body.Length > room) body = body[..room] + "\n…";
        var header = $"{CoreText.Get("EmailFrom")}: {from}\n{CoreText.Get("EmailTo")}: {string.Join(", ", recipients)}\n\n";

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var matches = await db.Contacts.AsNoTracking()
            .Where(c => c.Email != null && addresses.Contains(c.Email.ToLower()))
            .Select(c => new EmailContactMatch(c.Id, c.FirstName + " " + c.LastName, c.Email!, c.CustomerId, c.Customer!.Name, c.Customer.IsPassive))
            .ToListAsync(ct);
        // The customer most of the matched people work for, preferring active customers; a passive one cannot take new activities.
        var proposed = matches.Where(m => !m.CustomerIsPassive).GroupBy(m => new { m.CustomerId, m.CustomerName })
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key.CustomerName).Select(g => g.Key).FirstOrDefault();
        if (proposed is null)
        {
            // No known person: try the organisation's own e-mail domain (info@firm.fi), never the college's own domain.
            var own = await db.Users.AsNoTracking().Select(u => u.Email).ToListAsync(ct);
            var ownDomains = own.Select(Domain).ToHashSet();
            var domains = addresses.Select(Domain).Where(d => d is not null && !ownDomains.Contains(d)).Distinct().ToList();
            foreach (var domain in domains)
            {
                var pattern = "%@" + domain;
                var hit = await db.Customers.AsNoTracking().Where(c => !c.IsPassive && c.Email != null && EF.Functions.Like(c.Email, pattern))
                    .OrderBy(c => c.Id).Select(c => new { CustomerId = c.Id, CustomerName = c.Name }).FirstOrDefaultAsync(ct);
                if (hit is not null) { proposed = hit; break; }
            }
        }
        var messageId = string.IsNullOrWhiteSpace(message.MessageId) ? null : message.MessageId.Trim();
        var existing = messageId is null ? null
            : await db.Activities.AsNoTracking().Where(a => a.EmailMessageId == messageId).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);
        return new EmailProposal(subject, HelsinkiTime.ToLocal(sentUtc), from?.ToString() ?? "",
            recipients.Select(r => r.ToString()).ToList(), header + body, messageId, matches, proposed?.CustomerId, proposed?.CustomerName, existing);
    }

    private static string? Domain(string? address) =>
        address is not null && address.LastIndexOf('@') is var at and > 0 ? address[(at + 1)..].ToLowerInvariant() : null;

    /// <summary>Off the circuit's thread, so the dialog stays responsive; bounded by <see cref="MaxHtmlChars"/> and cancellable.</summary>
    private static async Task<string?> HtmlToTextAsync(string? html, int maxChars, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(html)) return null;
        var shortened = html.Length > MaxHtmlChars;
        var text = await Task.Run(() => EmailText.FromHtml(shortened ? html[..MaxHtmlChars] : html, maxChars, ct), ct);
        return shortened && text is not null && text.Length < maxChars ? text + "\n\n" + CoreText.Get("EmailBodyShortened") : text;
    }
}
