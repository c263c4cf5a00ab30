using System.Text;
using Portaali.Core.Activities;

namespace Portaali.Core.Calendar;

public record IcsEvent(int Id, DateTime StartsAtUtc, int DurationMinutes, string Title, string? Memo, string TypeName,
    string? CustomerName, ActivityStatus Status, DateTime UpdatedAtUtc, DateTime CreatedAtUtc);

/// <summary>Writes an RFC 5545 calendar: CRLF lines folded at 75 octets, escaped text, UTC times (no VTIMEZONE needed).</summary>
public static class IcsWriter
{
    public static string Write(string calendarName, IEnumerable<IcsEvent> events, DateTime nowUtc)
    {
        var sb = new StringBuilder();
        void Line(string name, string value) => Fold(sb, name + ":" + value);
        Line("BEGIN", "VCALENDAR");
        Line("VERSION", "2.0");
        Line("PRODID", "-//Portaali//Toimenpiteet//FI");
        Line("CALSCALE", "GREGORIAN");
        Line("METHOD", "PUBLISH");
        Line("X-WR-CALNAME", Escape(calendarName));
        Line("X-WR-TIMEZONE", "Europe/Helsinki");
        foreach (var e in events)
        {
            Line("BEGIN", "VEVENT");
            Line("UID", $"activity-{e.Id}@portaali");
            Line("DTSTAMP", Utc(nowUtc));
            Line("DTSTART", Utc(e.StartsAtUtc));
            Line("DTEND", Utc(e.StartsAtUtc.AddMinutes(Math.Max(e.DurationMinutes, 0))));
            Line("SUMMARY", Escape(e.CustomerName is null ? e.Title : $"{e.Title} – {e.CustomerName}"));
            if (!string.IsNullOrWhiteSpace(e.Memo)) Line("DESCRIPTION", Escape(e.Memo));
            Line("CATEGORIES", Escape(e.TypeName));
            Line("STATUS", e.Status == ActivityStatus.Done ? "CONFIRMED" : "TENTATIVE");
            Line("CREATED", Utc(e.CreatedAtUtc));
            Line("LAST-MODIFIED", Utc(e.UpdatedAtUtc));
            Line("TRANSP", "OPAQUE");
            Line("END", "VEVENT");
        }
        Line("END", "VCALENDAR");
        return sb.ToString();
    }

    private static string Utc(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyyMMdd'T'HHmmss'Z'");

    /// <summary>TEXT escaping of RFC 5545 §3.3.11.</summary>
    public static string Escape(string text) => text
        .Replace("\\", "\\\\").Replace(";", "\\;").Replace(",", "\\,")
        .Replace("\r\n", "\n").Replace("\r", "\n").Replace("\n", "\\n");

    /// <summary>Folds a content line at 75 octets without splitting a UTF-8 character (RFC 5545 §3.1).</summary>
    private static void Fold(StringBuilder sb, string line)
    {
        var octets = 0;
        var limit = 75;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > limit)
            {
                sb.Append("\r\n ");
                octets = 1;
                limit = 75;
            }
            sb.Append(rune.ToString());
            octets += size;
        }
        sb.Append("\r\n");
    }
}
