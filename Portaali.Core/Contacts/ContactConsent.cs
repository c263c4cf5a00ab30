using Portaali.Core.Auditing;

namespace Portaali.Core.Contacts;

/// <summary>The contact's "no marketing e-mail" consent flag: set or cleared with its date, as a change for the
/// customer's history.</summary>
public static class ContactConsent
{
    public const string Field = nameof(Contact.NoMarketingEmail);

    /// <summary>Sets the flag and its date when it changes; returns the change to write to the history, or null.</summary>
    public static FieldChange? Set(Contact contact, bool noMarketingEmail, DateTime nowUtc)
    {
        if (contact.NoMarketingEmail == noMarketingEmail) return null;
        contact.NoMarketingEmail = noMarketingEmail;
        contact.NoMarketingEmailChangedAtUtc = nowUtc;
        return new FieldChange(Field, noMarketingEmail ? "0" : "1", noMarketingEmail ? "1" : "0");
    }
}
