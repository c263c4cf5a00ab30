using MimeKit;
using Portaali.Core.Common;

namespace Portaali.Core.ServiceOrders;

/// <summary>The rules of a service order that need no database: validation, typed addresses and who receives it.</summary>
public static class ServiceOrderRules
{
    public const int MaxTitle = 200;
    public const int MaxText = 4_000;
    public const int MaxShortText = 300;
    public const int MaxParticipants = 100_000;
    public const int MaxExtraRecipients = 50;

    public static IReadOnlyList<FieldError> Validate(ServiceOrderEdit edit)
    {
        var errors = new List<FieldError>();
        if (edit.CustomerId is null) errors.Add(new("CustomerId", CoreText.Get("ServiceOrderCustomerRequired")));
        if (string.IsNullOrWhiteSpace(edit.Title)) errors.Add(new("Title", CoreText.Get("ServiceOrderTitleRequired")));
        else if (edit.Title.Trim().Length > MaxTitle) errors.Add(new("Title", CoreText.Get("ServiceOrderTooLong", MaxTitle)));
        if (edit.Date is null) errors.Add(new("Date", CoreText.Get("ServiceOrderDateRequired")));
        else if (edit.Date.Value.Year is < 2000 or > 2100) errors.Add(new("Date", CoreText.Get("ServiceOrderDateOutOfRange")));
        if (edit.StartTime is null) errors.Add(new("StartTime", CoreText.Get("ServiceOrderStartRequired")));
        if (edit.EndTime is null) errors.Add(new("EndTime", CoreText.Get("ServiceOrderEndRequired")));
        else if (edit.StartTime is { } start && edit.EndTime <= start)
            errors.Add(new("EndTime", CoreText.Get("ServiceOrderEndBeforeStart")));
        if (edit.ParticipantCount is < 0 or > MaxParticipants)
            errors.Add(new("ParticipantCount", CoreText.Get("ServiceOrderParticipantsInvalid", MaxParticipants)));
        if (edit.Place is { } place && place.Trim().Length > MaxShortText) errors.Add(new("Place", CoreText.Get("ServiceOrderTooLong", MaxShortText)));
        foreach (var (field, text) in new[] { ("Rooms", edit.Rooms), ("Materials", edit.Materials), ("Catering", edit.Catering),
                     ("OtherGoods", edit.OtherGoods), ("Notes", edit.Notes) })
            if (text is { Length: > MaxText }) errors.Add(new(field, CoreText.Get("ServiceOrderTooLong", MaxText)));
        var extras = ParseAddresses(edit.ExtraRecipients);
        if (extras.Invalid.Count > 0)
            errors.Add(new("ExtraRecipients", CoreText.Get("ServiceOrderAddressInvalid", string.Join(", ", extras.Invalid))));
        else if (extras.Addresses.Count > MaxExtraRecipients)
            errors.Add(new("ExtraRecipients", CoreText.Get("ServiceOrderTooManyAddresses", MaxExtraRecipients)));
        return errors;
    }

    /// <summary>Addresses typed by hand, separated by lines, commas or semicolons ("Name &lt;a@b.fi&gt;" is fine too): the
    /// valid ones in the order typed, duplicates in any letter case collapsed to the first, and what was not an address.</summary>
    public static (IReadOnlyList<string> Addresses, IReadOnlyList<string> Invalid) ParseAddresses(string? text)
    {
        var addresses = new List<string>();
        var invalid = new List<string>();
        if (string.IsNullOrWhiteSpace(text)) return (addresses, invalid);
        foreach (var entry in text.Split([',', ';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (NormalizeAddress(entry) is not { } address) invalid.Add(entry);
            else if (!addresses.Contains(address, StringComparer.OrdinalIgnoreCase)) addresses.Add(address);
        }
        return (addresses, invalid);
    }

    /// <summary>The bare address of a typed entry with its domain in lower case, or null when it is not a deliverable address.</summary>
    public static string? NormalizeAddress(string? entry)
    {
        if (string.IsNullOrWhiteSpace(entry)) return null;
        if (!MailboxAddress.TryParse(ParserOptions.Default, entry.Trim(), out var mailbox)) return null;
        var address = mailbox.Address;
        var at = address.LastIndexOf('@');
        if (at <= 0 || at == address.Length - 1 || address.Any(char.IsWhiteSpace)) return null;
        var domain = address[(at + 1)..];
        // A domain with a dot and no empty label: "a@b" or "a@b..fi" would bounce.
        if (!domain.Contains('.') || domain.Split('.').Any(label => label.Length == 0)) return null;
        return address[..at] + "@" + domain.ToLowerInvariant();
    }

    /// <summary>Everyone an order goes to: the ordering contact, the deliverers of each part and the typed addresses. An
    /// address that is several parties (a deliverer of two parts, a contact also typed by hand) is one recipient.</summary>
    public static IReadOnlyList<Recipient> Recipients(ContactOption? contact, IEnumerable<(ServiceOrderPart Part, string Name, string? Email)> deliverers,
        IEnumerable<string> extras)
    {
        var result = new List<Recipient>();
        void Add(string? email, string? name, RecipientRole role, ServiceOrderPart? part)
        {
            if (NormalizeAddress(email) is not { } address) return;
            var index = result.FindIndex(r => string.Equals(r.Address, address, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                result.Add(new Recipient(address, name, role, part is { } p ? [p] : []));
                return;
            }
            var existing = result[index];
            var parts = part is { } q && !existing.Parts.Contains(q) ? [.. existing.Parts, q] : existing.Parts;
            result[index] = existing with { Name = existing.Name ?? name, Parts = parts };
        }
        if (contact is not null) Add(contact.Email, contact.Name, RecipientRole.Contact, null);
        foreach (var d in deliverers.OrderBy(d => d.Part)) Add(d.Email, d.Name, RecipientRole.Deliverer, d.Part);
        foreach (var extra in extras) Add(extra, null, RecipientRole.Extra, null);
        return result;
    }

    /// <summary>A failed sending may be tried again, and so may one left pending (the app stopped while it was sending).</summary>
    public static bool CanRetry(SendingOutcome outcome, DateTime startedAtUtc, DateTime nowUtc, TimeSpan sendTimeout) =>
        outcome == SendingOutcome.Failed || outcome == SendingOutcome.Pending && nowUtc - startedAtUtc > sendTimeout * 4;

    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
