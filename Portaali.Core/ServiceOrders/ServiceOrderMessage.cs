using System.Globalization;
using System.Text;
using MimeKit;
using Portaali.Core.Common;

namespace Portaali.Core.ServiceOrders;

/// <summary>What a service order e-mail says, taken from the saved order.</summary>
internal sealed record ServiceOrderContent(int Id, string Title, DateOnly Date, TimeOnly Start, TimeOnly End, string CustomerName,
    string? ContactName, string? ContactEmail, string? Place, string? Rooms, string? Materials, string? Catering, string? OtherGoods,
    int? ParticipantCount, string? Notes, IReadOnlyDictionary<ServiceOrderPart, IReadOnlyList<string>> Deliverers, string SentByName);

/// <summary>Builds the e-mail of a service order in the sender's UI language: a readable HTML body (every value encoded), the
/// same as plain text, and the order attached as a .docx.</summary>
internal static class ServiceOrderMessage
{
    // Portaali prints dates, times and numbers the Finnish way in both languages; only the day's name follows the language.
    private static readonly CultureInfo Finnish = CultureInfo.GetCultureInfo("fi-FI");

    /// <summary>"ti 14.4.2026 9.00–15.30", or "Tue 14.4.2026 9.00–15.30" in English.</summary>
    public static string When(DateOnly date, TimeOnly start, TimeOnly end)
    {
        var names = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? CultureInfo.GetCultureInfo("en-GB") : Finnish;
        return $"{names.DateTimeFormat.GetAbbreviatedDayName(date.DayOfWeek)} {date.ToString("d.M.yyyy", CultureInfo.InvariantCulture)} {ClockTime.FormatRange(start, end, Finnish)}";
    }

    public static string Subject(ServiceOrderContent o) =>
        CoreText.Get("ServiceOrderMailSubject", o.Title, o.Date.ToString("d.M.yyyy", CultureInfo.InvariantCulture), o.CustomerName);

    public static string FileName(ServiceOrderContent o) =>
        CoreText.Get("ServiceOrderFileName", o.Id.ToString(CultureInfo.InvariantCulture), o.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public static ServiceOrderSheet Sheet(ServiceOrderContent o)
    {
        var rows = new List<(string, string)>
        {
            (CoreText.Get("ServiceOrderLabelEvent"), o.Title),
            (CoreText.Get("ServiceOrderLabelTime"), When(o.Date, o.Start, o.End)),
            (CoreText.Get("ServiceOrderLabelCustomer"), o.CustomerName),
        };
        if (o.ContactName is not null)
            rows.Add((CoreText.Get("ServiceOrderLabelContact"), o.ContactEmail is null ? o.ContactName : $"{o.ContactName} <{o.ContactEmail}>"));
        Add(rows, "ServiceOrderLabelPlace", o.Place);
        Add(rows, "ServiceOrderLabelParticipants", o.ParticipantCount?.ToString("N0", Finnish));
        Add(rows, "ServiceOrderLabelRooms", o.Rooms);
        Add(rows, "ServiceOrderLabelMaterials", o.Materials);
        Add(rows, "ServiceOrderLabelCatering", o.Catering);
        Add(rows, "ServiceOrderLabelOtherGoods", o.OtherGoods);
        Add(rows, "ServiceOrderLabelNotes", o.Notes);
        foreach (var part in Enum.GetValues<ServiceOrderPart>())
            if (o.Deliverers.TryGetValue(part, out var names) && names.Count > 0)
                rows.Add((DeliverersLabel(part), string.Join(", ", names)));
        return new ServiceOrderSheet(CoreText.Get("ServiceOrderMailHeading", o.Title),
            CoreText.Get("ServiceOrderMailIntro", o.CustomerName), rows, CoreText.Get("ServiceOrderMailFooter", o.SentByName, o.Id));
    }

    public static MimeMessage Create(ServiceOrderContent o, IReadOnlyList<Recipient> recipients)
    {
        var sheet = Sheet(o);
        var message = new MimeMessage { Subject = Subject(o) };
        foreach (var r in recipients) message.To.Add(new MailboxAddress(r.Name ?? "", r.Address));
        var body = new BodyBuilder { TextBody = Text(sheet), HtmlBody = Html(sheet) };
        body.Attachments.Add(FileName(o), ServiceOrderDocument.Create(sheet), ContentType.Parse(ServiceOrderDocument.ContentType));
        message.Body = body.ToMessageBody();
        return message;
    }

    internal static string Text(ServiceOrderSheet sheet)
    {
        var text = new StringBuilder();
        text.AppendLine(sheet.Heading).AppendLine(new string('=', Math.Min(sheet.Heading.Length, 70))).AppendLine();
        text.AppendLine(sheet.Intro).AppendLine();
        foreach (var (label, value) in sheet.Rows)
        {
            var lines = value.Replace("\r\n", "\n").Split('\n');
            text.Append(label).Append(": ").AppendLine(lines[0]);
            foreach (var line in lines.Skip(1)) text.Append("    ").AppendLine(line);
        }
        return text.AppendLine().AppendLine("-- ").AppendLine(sheet.Footer).ToString();
    }

    internal static string Html(ServiceOrderSheet sheet)
    {
        // Only the five characters HTML gives meaning to: ä and ö stay letters, so the source reads as the mail does.
        static string E(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;").Replace("'", "&#39;")
            .Replace("\r\n", "\n").Replace("\n", "<br>");
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").Append(E(sheet.Heading)).Append("</title></head>");
        html.Append("<body style=\"font-family:Segoe UI,Arial,sans-serif;font-size:14px;color:#1a1a1a\">");
        html.Append("<h1 style=\"font-size:20px\">").Append(E(sheet.Heading)).Append("</h1>");
        html.Append("<p>").Append(E(sheet.Intro)).Append("</p>");
        html.Append("<table style=\"border-collapse:collapse\" cellpadding=\"6\">");
        foreach (var (label, value) in sheet.Rows)
            html.Append("<tr style=\"border-top:1px solid #ccc\"><th scope=\"row\" style=\"text-align:left;vertical-align:top\">").Append(E(label))
                .Append("</th><td>").Append(E(value)).Append("</td></tr>");
        html.Append("</table><p style=\"color:#555;font-size:12px\">").Append(E(sheet.Footer)).Append("</p></body></html>");
        return html.ToString();
    }

    public static string DeliverersLabel(ServiceOrderPart part) => part switch
    {
        ServiceOrderPart.Event => CoreText.Get("ServiceOrderDeliverersEvent"),
        ServiceOrderPart.Rooms => CoreText.Get("ServiceOrderDeliverersRooms"),
        ServiceOrderPart.Materials => CoreText.Get("ServiceOrderDeliverersMaterials"),
        ServiceOrderPart.Catering => CoreText.Get("ServiceOrderDeliverersCatering"),
        _ => CoreText.Get("ServiceOrderDeliverersOtherGoods"),
    };

    private static void Add(List<(string, string)> rows, string labelKey, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value)) rows.Add((CoreText.Get(labelKey), value));
    }
}
