namespace Portaali.Core.Campaigns;

/// <summary>The <c>Portaali:Mailings</c> settings, and <c>Portaali:PublicBaseUrl</c> for the links in messages.</summary>
public sealed class MailingOptions
{
    public const string Section = "Portaali:Mailings";
    public const string PublicBaseUrlSetting = "Portaali:PublicBaseUrl";

    /// <summary>At most this many messages a minute: the job pauses between messages so a relay's rate limits (and its
    /// spam scoring) are respected. 0 or less: no pause.</summary>
    public double MessagesPerMinute { get; set; } = 30;

    /// <summary>The secret the unsubscribe links are signed with (any long random string). Without it, a key is
    /// generated once into a file beside the database. Changing it breaks the links already sent.</summary>
    public string? UnsubscribeKey { get; set; }

    /// <summary>The site's public address, e.g. <c>https://portaali.opisto.fi/</c>; without it, the address the sender
    /// used in the browser.</summary>
    public string? PublicBaseUrl { get; set; }

    public TimeSpan Pause => MessagesPerMinute > 0 ? TimeSpan.FromMinutes(1 / MessagesPerMinute) : TimeSpan.Zero;
}
