using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Portaali.Core.Common;

/// <summary>File names that came from a user, made safe to show, to store as text and to send back in a download; and
/// content types decided by the extension, never by what a browser claimed.</summary>
public static partial class FileNames
{
    public const int MaxLength = 120;

    private static readonly HashSet<string> ReservedOnWindows = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "CLOCK$",
        "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>
    /// The last segment of the name after either slash ("../../x" and "..\..\x" are "x"), without control and format
    /// characters (a right-to-left override cannot disguise "fdp.exe"), without characters Windows refuses, trimmed of
    /// dots and spaces, not a device name (CON, NUL…) and at most <see cref="MaxLength"/> characters with its extension
    /// kept. What is left empty becomes <paramref name="fallback"/> with the extension.
    /// </summary>
    public static string Safe(string? name, string fallback = "liite")
    {
        var text = (name ?? "").Normalize(NormalizationForm.FormC);
        text = text[(text.LastIndexOfAny(['/', '\\']) + 1)..];
        var kept = new StringBuilder(text.Length);
        // Runes: a broken surrogate half comes out as U+FFFD and is dropped with the rest.
        foreach (var rune in text.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (Rune.IsControl(rune) || rune == Rune.ReplacementChar
                || category is UnicodeCategory.Format or UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse
                || rune.Value is '<' or '>' or ':' or '"' or '|' or '?' or '*')
                continue;
            kept.Append(rune.ToString());
        }
        text = Whitespace().Replace(kept.ToString(), " ").Trim().TrimEnd('.', ' ');

        var dot = text.LastIndexOf('.');
        var (stem, extension) = dot >= 0 && text.Length - dot is > 1 and <= 16 && text[(dot + 1)..].All(char.IsLetterOrDigit)
            ? (text[..dot], text[dot..]) : (text, "");
        stem = stem.Trim('.', ' '); // ".." and "  ..  " are no names; Windows drops trailing dots and spaces
        if (stem.Length == 0) stem = fallback;
        if (ReservedOnWindows.Contains(stem.Split('.')[0].Trim())) stem = "_" + stem;
        if (stem.Length + extension.Length > MaxLength)
        {
            stem = stem[..(MaxLength - extension.Length)];
            if (char.IsHighSurrogate(stem[^1])) stem = stem[..^1];
            stem = stem.TrimEnd('.', ' ');
        }
        return stem + extension.ToLowerInvariant();
    }

    /// <summary>The extension in lower case with its dot (".pdf"), or "".</summary>
    public static string ExtensionOf(string name) => Path.GetExtension(name).ToLowerInvariant();

    /// <summary>The content type a download is served with, from the extension alone; unknown types are plain bytes.</summary>
    public static string ContentTypeOf(string name) => ExtensionOf(name) switch
    {
        ".pdf" => "application/pdf",
        ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ".doc" => "application/msword",
        ".xls" => "application/vnd.ms-excel",
        ".odt" => "application/vnd.oasis.opendocument.text",
        ".ods" => "application/vnd.oasis.opendocument.spreadsheet",
        ".txt" => "text/plain; charset=utf-8",
        ".csv" => "text/csv; charset=utf-8",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".png" => "image/png",
        ".eml" => "message/rfc822",
        ".msg" => "application/vnd.ms-outlook",
        _ => "application/octet-stream",
    };
}
