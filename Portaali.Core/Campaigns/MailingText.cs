using System.Globalization;
using MimeKit;
using Portaali.Core.Common;

namespace Portaali.Core.Campaigns;

/// <summary>One recipient of a mailing, as the merge fields see him.</summary>
public sealed record MailingRecipient(int ContactId, string FirstName, string LastName, string CustomerName, string Email)
{
    public string FullName => $"{FirstName} {LastName}".Trim();
}

/// <summary>A mailing's message for one recipient: <c>{name}</c>, <c>{firstName}</c> and <c>{customer}</c> merged, and the
/// unsubscribe line with the recipient's signed link at the end (in Finnish and English, since the job has no reader's
/// language to go by).</summary>
public static class MailingText
{
    public static readonly string[] Fields = ["{name}", "{firstName}", "{customer}"];

    public static string Merge(string template, MailingRecipient to) => template
        .Replace("{name}", to.FullName, StringComparison.OrdinalIgnoreCase)
        .Replace("{firstName}", to.FirstName, StringComparison.OrdinalIgnoreCase)
        .Replace("{customer}", to.CustomerName, StringComparison.OrdinalIgnoreCase);

    public static string UnsubscribeUrl(string publicBaseUrl, string token) =>
        $"{publicBaseUrl.TrimEnd('/')}/unsubscribe/{Uri.EscapeDataString(token)}";

    public static string Body(string template, MailingRecipient to, string unsubscribeUrl)
    {
        var fi = CoreText.Manager.GetString("MailingUnsubscribeLine", new CultureInfo("fi"))!;
        var en = CoreText.Manager.GetString("MailingUnsubscribeLine", new CultureInfo("en"))!;
        return $"{Merge(template, to).TrimEnd()}\n\n-- \n{string.Format(CultureInfo.InvariantCulture, fi, unsubscribeUrl)}\n{string.Format(CultureInfo.InvariantCulture, en, unsubscribeUrl)}\n";
    }

    public static MimeMessage Message(string subject, string bodyTemplate, MailingRecipient to, string unsubscribeUrl)
    {
        var message = new MimeMessage { Subject = Merge(subject, to) };
        message.To.Add(new MailboxAddress(to.FullName, to.Email));
        // Mail programs show their own "unsubscribe" for this header; it opens the same page.
        message.Headers.Add("List-Unsubscribe", $"<{unsubscribeUrl}>");
        message.Body = new TextPart("plain") { Text = Body(bodyTemplate, to, unsubscribeUrl) };
        return message;
    }
}
