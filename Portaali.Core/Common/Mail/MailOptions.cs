namespace Portaali.Core.Common.Mail;

/// <summary>How the SMTP connection is secured: none (a relay inside the network), STARTTLS (port 587) or TLS from the first byte (port 465).</summary>
public enum MailSecurity { None, StartTls, SslOnConnect }

/// <summary>The <c>Portaali:Mail</c> settings. Without a <see cref="Host"/> nothing leaves the machine: messages are written as
/// <c>.eml</c> files to <see cref="PickupFolder"/>.</summary>
public sealed class MailOptions
{
    public const string Section = "Portaali:Mail";

    /// <summary>The folder under the app's data folder (next to the SQLite file) used when <see cref="PickupFolder"/> is not set.</summary>
    public const string DefaultPickupFolderName = "mail-pickup";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public MailSecurity Security { get; set; } = MailSecurity.StartTls;
    public string? User { get; set; }
    public string? Password { get; set; }
    public string FromAddress { get; set; } = "portaali@localhost";
    public string FromName { get; set; } = "Portaali";
    public string? PickupFolder { get; set; }
    /// <summary>Connecting, authenticating and sending each give up after this long.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Host);
}
