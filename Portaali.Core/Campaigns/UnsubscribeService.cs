using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portaali.Core.Auditing;
using Portaali.Core.Common;
using Portaali.Core.Contacts;
using Portaali.Core.Data;

namespace Portaali.Core.Campaigns;

/// <summary>What the unsubscribe page shows: the address masked (the link may have been forwarded), and whether the
/// contact already opted out and since when.</summary>
public sealed record UnsubscribeInfo(string MaskedEmail, bool OptedOut, DateTime? SinceUtc);

/// <summary>The public unsubscribe link: anyone holding a signed token may read the masked address and opt its contact
/// out of marketing e-mail; nothing else. The change is written to the customer's history.</summary>
public class UnsubscribeService(IDbContextFactory<PortaaliDbContext> dbFactory, UnsubscribeTokens tokens, TimeProvider clock)
{
    public const string AuditAction = "Unsubscribed";

    /// <summary>Null when the token is malformed, tampered with, or its contact no longer exists.</summary>
    public async Task<UnsubscribeInfo?> DescribeAsync(string? token, CancellationToken ct = default)
    {
        if (tokens.Verify(token) is not { } contactId) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contact = await db.Contacts.AsNoTracking().Where(c => c.Id == contactId)
            .Select(c => new { c.Email, c.NoMarketingEmail, c.NoMarketingEmailChangedAtUtc }).FirstOrDefaultAsync(ct);
        return contact is null ? null
            : new UnsubscribeInfo(Mask(contact.Email), contact.NoMarketingEmail, contact.NoMarketingEmail ? contact.NoMarketingEmailChangedAtUtc : null);
    }

    /// <summary>Sets the flag (once: a second click changes nothing) and returns the state; null for a bad token.</summary>
    public async Task<UnsubscribeInfo?> UnsubscribeAsync(string? token, CancellationToken ct = default)
    {
        if (tokens.Verify(token) is not { } contactId) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.Id == contactId, ct);
        if (contact is null) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        if (ContactConsent.Set(contact, true, now) is { } change)
        {
            contact.Version = Guid.NewGuid();
            db.AuditEntries.Add(new AuditEntry
            {
                At = now, UserId = null, UserName = CoreText.Get("UnsubscribeActor"), CustomerId = contact.CustomerId,
                EntityType = "Contact", EntityId = contact.Id, Action = AuditAction, Changes = JsonSerializer.Serialize(new[] { change }),
            });
            await db.SaveChangesAsync(ct);
        }
        return new UnsubscribeInfo(Mask(contact.Email), true, contact.NoMarketingEmailChangedAtUtc);
    }

    /// <summary>"matti.meikalainen@yritys.fi" → "m•••@y•••.fi".</summary>
    public static string Mask(string? email)
    {
        if (string.IsNullOrWhiteSpace(email)) return "–";
        var at = email.IndexOf('@');
        if (at <= 0) return email[0] + "•••";
        var domain = email[(at + 1)..];
        var dot = domain.LastIndexOf('.');
        var host = dot > 0 ? domain[..dot] : domain;
        var tld = dot > 0 ? domain[dot..] : "";
        return $"{email[0]}•••@{(host.Length > 0 ? host[0] : '•')}•••{tld}";
    }
}
