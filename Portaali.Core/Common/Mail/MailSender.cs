using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Portaali.Core.Common.Mail;

/// <summary>Where a message went: the SMTP server that accepted it, or the .eml file it was written to.</summary>
public sealed record MailDelivery(string Channel, string? PickupFile);

/// <summary>The message could not be handed over; <see cref="Exception.Message"/> says why in words a user can pass on.</summary>
public sealed class MailSendException(string message, Exception inner) : Exception(message, inner);

/// <summary>The one e-mail sender of Portaali: every feature that mails goes through it.</summary>
public interface IMailSender
{
    /// <summary>Sends the message (its From is filled from the settings when empty); throws <see cref="MailSendException"/>
    /// when the server refuses or cannot be reached.</summary>
    Task<MailDelivery> SendAsync(MimeMessage message, CancellationToken ct = default);
}

/// <summary>MailKit SMTP with the <c>Portaali:Mail</c> settings, or a pickup folder of .eml files when no host is set.</summary>
public sealed class MailSender(IOptions<MailOptions> options, TimeProvider clock, ILogger<MailSender> logger) : IMailSender
{
    public async Task<MailDelivery> SendAsync(MimeMessage message, CancellationToken ct = default)
    {
        var settings = options.Value;
        if (message.From.Count == 0) message.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        return settings.UsesSmtp ? await SendSmtpAsync(message, settings, ct) : await WritePickupAsync(message, settings, ct);
    }

    private async Task<MailDelivery> SendSmtpAsync(MimeMessage message, MailOptions settings, CancellationToken ct)
    {
        var server = $"{settings.Host}:{settings.Port}";
        using var smtp = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(Math.Max(1, settings.TimeoutSeconds)).TotalMilliseconds };
        try
        {
            await smtp.ConnectAsync(settings.Host!, settings.Port, settings.Security switch
            {
                MailSecurity.None => SecureSocketOptions.None,
                MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.StartTls,
            }, ct);
            if (!string.IsNullOrEmpty(settings.User)) await smtp.AuthenticateAsync(settings.User, settings.Password ?? "", ct);
            await smtp.SendAsync(message, ct);
            await smtp.DisconnectAsync(quit: true, ct);
            logger.LogInformation("Mail {Subject} sent through {Server} to {Count} recipients", message.Subject, server, message.To.Count + message.Cc.Count + message.Bcc.Count);
            return new MailDelivery(server, null);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "Mail {Subject} could not be sent through {Server}", message.Subject, server);
            throw new MailSendException(Describe(e, server), e);
        }
    }

    private async Task<MailDelivery> WritePickupAsync(MimeMessage message, MailOptions settings, CancellationToken ct)
    {
        var folder = Path.GetFullPath(settings.PickupFolder ?? MailOptions.DefaultPickupFolderName);
        try
        {
            Directory.CreateDirectory(folder);
            var name = $"{clock.GetUtcNow().UtcDateTime:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml";
            var partial = Path.Combine(folder, $".{Guid.NewGuid():N}.part");
            var path = Path.Combine(folder, name);
            try
            {
                await using (var file = File.Create(partial)) await message.WriteToAsync(file, ct);
                File.Move(partial, path);
            }
            finally { File.Delete(partial); }
            logger.LogInformation("No SMTP host configured: mail {Subject} written to {Path}", message.Subject, path);
            return new MailDelivery(folder, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new MailSendException(CoreText.Get("MailPickupFailed", folder, e.Message), e);
        }
    }

    private static string Describe(Exception e, string server) => e switch
    {
        SocketException or SslHandshakeException => CoreText.Get("MailServerUnreachable", server, e.Message),
        AuthenticationException => CoreText.Get("MailAuthenticationFailed", server),
        SmtpCommandException command => CoreText.Get("MailServerRefused", server, $"{(int)command.StatusCode} {command.Message}"),
        TimeoutException or OperationCanceledException => CoreText.Get("MailServerTimeout", server),
        _ => CoreText.Get("MailServerFailed", server, e.Message),
    };
}
