using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Portaali.Core.Common;

namespace Portaali.Core.Offers;

/// <summary>One line of the offer as the document prints it.</summary>
public record OfferDocumentLine(string Description, decimal Quantity, decimal UnitPrice, decimal VatRate, int? Participants,
    decimal ExVat, decimal Vat);

/// <summary>Everything an offer document prints; <see cref="OfferDocumentService"/> reads it from the database.</summary>
public record OfferDocumentData(int Number, string Title, OfferType Type, DateOnly OfferedOn, DateOnly ValidUntil, string? Notes,
    string? CustomerReference, string CustomerName, string? CustomerBusinessId, string? CustomerAddress,
    string? ContactName, string? ContactTitle, string? ContactEmail, string? ContactPhone,
    string AccountManagerName, string? AccountManagerEmail, IReadOnlyList<string> Responsibles,
    IReadOnlyList<OfferDocumentLine> Lines, decimal TotalExVat, decimal Vat, decimal Total, CollegeOptions College);

/// <summary>What an uploaded template holds: its placeholders, the ones Portaali does not know, and other problems.</summary>
public record OfferTemplateCheck(IReadOnlyList<string> Placeholders, IReadOnlyList<string> Unknown, IReadOnlyList<string> Problems)
{
    public bool IsUsable => Unknown.Count == 0 && Problems.Count == 0;
}

/// <summary>
/// Fills a Word template (.docx) with an offer. Placeholders are written <c>{{Customer.Name}}</c>; a table row holding
/// <c>{{Line.…}}</c> placeholders is repeated once per offer line. A placeholder that Word split across runs (spell-check
/// marks, a change of formatting inside it) is still found, because each paragraph is read as one text. Values go in as
/// text nodes, so a title like <c>&lt;w:t&gt;&amp;</c> prints literally; line breaks in notes become line breaks.
/// A paragraph (or a table row outside the lines) whose placeholders all came out empty is left out, so "Viite:" does
/// not print without a reference. The document is Finnish: amounts, numbers and dates in Finnish formats.
/// </summary>
public static partial class OfferDocument
{
    public static readonly CultureInfo Finnish = CultureInfo.GetCultureInfo("fi-FI");

    /// <summary>Every placeholder a template may use; docs/offers.md lists what each prints.</summary>
    public static readonly IReadOnlyList<string> Placeholders =
    [
        "College.Name", "College.BusinessId", "College.Address", "College.Phone", "College.Email", "College.Website",
        "College.Contacts",
        "Offer.Number", "Offer.Title", "Offer.Type", "Offer.Date", "Offer.ValidUntil", "Offer.Notes", "Offer.CustomerReference",
        "Offer.Responsibles",
        "Customer.Name", "Customer.BusinessId", "Customer.Address",
        "Contact.Name", "Contact.Title", "Contact.Email", "Contact.Phone",
        "AccountManager.Name", "AccountManager.Email",
        "Line.Number", "Line.Description", "Line.Quantity", "Line.UnitPrice", "Line.VatRate", "Line.Participants",
        "Line.ExVat", "Line.Vat", "Line.Total",
        "Totals.ExVat", "Totals.Vat", "Totals.Total",
        "VatFreeNote",
    ];

    private const string LinePrefix = "Line.";

    [GeneratedRegex(@"\{\{\s*([^{}]*?)\s*\}\}")]
    private static partial Regex Placeholder();

    /// <summary>The built-in template (college letterhead, customer, lines table, totals, VAT-free note).</summary>
    public static Stream DefaultTemplate() =>
        typeof(OfferDocument).Assembly.GetManifestResourceStream("Portaali.Core.Offers.OfferTemplate.docx")
        ?? throw new InvalidOperationException("The default offer template is missing from Portaali.Core's resources");

    /// <summary>Fills a copy of the template with the offer and returns the .docx bytes.</summary>
    public static byte[] Fill(Stream template, OfferDocumentData data)
    {
        using var buffer = new MemoryStream();
        template.CopyTo(buffer);
        using (var doc = WordprocessingDocument.Open(buffer, isEditable: true))
        {
            var values = Values(data);
            var lines = data.Lines.Select((l, i) => LineValues(l, i + 1)).ToList();
            foreach (var root in Roots(doc))
            {
                RepeatLineRows(root, values, lines);
                DropRowsLeftEmpty(root, values);
                foreach (var paragraph in root.Descendants<Paragraph>().ToList())
                {
                    var (placeholders, filled) = FillParagraph(paragraph, values);
                    if (placeholders > 0 && filled == 0) DropIfEmpty(paragraph);
                }
                root.Save();
            }
        }
        return buffer.ToArray();
    }

    /// <summary>Opens an uploaded template as Word and lists its placeholders; a file that is not a Word document throws
    /// <see cref="DomainException"/>.</summary>
    public static OfferTemplateCheck Inspect(Stream template)
    {
        try
        {
            using var doc = WordprocessingDocument.Open(template, isEditable: false);
            if (doc.MainDocumentPart?.Document?.Body is null) throw new DomainException(CoreText.Get("OfferTemplateNotWord"));
            var found = new List<string>();
            var problems = new List<string>();
            foreach (var root in Roots(doc))
                foreach (var paragraph in root.Descendants<Paragraph>())
                {
                    var names = Placeholder().Matches(TextOf(paragraph)).Select(m => m.Groups[1].Value).ToList();
                    found.AddRange(names);
                    if (names.Any(n => n.StartsWith(LinePrefix, StringComparison.Ordinal)) && paragraph.Ancestors<TableRow>().FirstOrDefault() is null)
                        problems.Add(CoreText.Get("OfferTemplateLineOutsideTable"));
                }
            var distinct = found.Distinct(StringComparer.Ordinal).ToList();
            if (!distinct.Any(n => n.StartsWith(LinePrefix, StringComparison.Ordinal)))
                problems.Add(CoreText.Get("OfferTemplateNoLines"));
            return new OfferTemplateCheck(distinct, distinct.Where(n => !Placeholders.Contains(n)).ToList(), problems.Distinct().ToList());
        }
        catch (Exception e) when (e is not DomainException and not OperationCanceledException) // whatever a broken upload throws
        {
            throw new DomainException(CoreText.Get("OfferTemplateNotWord"));
        }
    }

    // ---- the values ------------------------------------------------------------------------------

    private static Dictionary<string, string> Values(OfferDocumentData d)
    {
        var c = d.College;
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["College.Name"] = c.Name, ["College.BusinessId"] = c.BusinessId ?? "", ["College.Address"] = c.Address ?? "",
            ["College.Phone"] = c.Phone ?? "", ["College.Email"] = c.Email ?? "", ["College.Website"] = c.Website ?? "",
            ["College.Contacts"] = string.Join("  ·  ", new[] { c.Phone, c.Email, c.Website }.Where(s => !string.IsNullOrWhiteSpace(s))),
            ["Offer.Number"] = d.Number.ToString(CultureInfo.InvariantCulture), ["Offer.Title"] = d.Title,
            ["Offer.Type"] = Text("OfferDocumentType_" + d.Type), ["Offer.Date"] = Date(d.OfferedOn),
            ["Offer.ValidUntil"] = Date(d.ValidUntil), ["Offer.Notes"] = d.Notes ?? "", ["Offer.CustomerReference"] = d.CustomerReference ?? "",
            ["Offer.Responsibles"] = string.Join(", ", d.Responsibles),
            ["Customer.Name"] = d.CustomerName, ["Customer.BusinessId"] = d.CustomerBusinessId ?? "", ["Customer.Address"] = d.CustomerAddress ?? "",
            ["Contact.Name"] = d.ContactName ?? "", ["Contact.Title"] = d.ContactTitle ?? "", ["Contact.Email"] = d.ContactEmail ?? "",
            ["Contact.Phone"] = d.ContactPhone ?? "",
            ["AccountManager.Name"] = d.AccountManagerName, ["AccountManager.Email"] = d.AccountManagerEmail ?? "",
            ["Totals.ExVat"] = Euros(d.TotalExVat), ["Totals.Vat"] = Euros(d.Vat), ["Totals.Total"] = Euros(d.Total),
            ["VatFreeNote"] = d.Lines.All(l => l.VatRate == 0) ? Text("OfferDocumentVatFree") : "",
        };
    }

    private static Dictionary<string, string> LineValues(OfferDocumentLine l, int number) => new(StringComparer.Ordinal)
    {
        ["Line.Number"] = number.ToString(CultureInfo.InvariantCulture), ["Line.Description"] = l.Description,
        ["Line.Quantity"] = l.Quantity.ToString("#,0.##", Finnish), ["Line.UnitPrice"] = Euros(l.UnitPrice),
        ["Line.VatRate"] = l.VatRate.ToString("0.##", Finnish) + "\u00a0%",
        ["Line.Participants"] = l.Participants?.ToString(CultureInfo.InvariantCulture) ?? "",
        ["Line.ExVat"] = Euros(l.ExVat), ["Line.Vat"] = Euros(l.Vat), ["Line.Total"] = Euros(l.ExVat + l.Vat),
    };

    private static string Euros(decimal amount) => Money.Format(amount, Finnish);

    private static string Date(DateOnly date) => date.ToString("d.M.yyyy", Finnish);

    /// <summary>The document's own words, always in Finnish like the template around them.</summary>
    private static string Text(string key) => CoreText.Manager.GetString(key, CultureInfo.GetCultureInfo("fi")) ?? key;

    // ---- the Word parts --------------------------------------------------------------------------

    /// <summary>The body, headers and footers: the letterhead usually lives in the header.</summary>
    private static IEnumerable<OpenXmlPartRootElement> Roots(WordprocessingDocument doc)
    {
        var main = doc.MainDocumentPart;
        if (main?.Document is { } body) yield return body;
        if (main is null) yield break;
        foreach (var header in main.HeaderParts) if (header.Header is { } h) yield return h;
        foreach (var footer in main.FooterParts) if (footer.Footer is { } f) yield return f;
    }

    /// <summary>Each table row that holds a line placeholder is copied once per line (filled with that line) and removed.</summary>
    private static void RepeatLineRows(OpenXmlElement root, Dictionary<string, string> values, List<Dictionary<string, string>> lines)
    {
        var rows = root.Descendants<TableRow>()
            .Where(r => Placeholder().Matches(RowText(r)).Any(m => m.Groups[1].Value.StartsWith(LinePrefix, StringComparison.Ordinal)))
            .ToList();
        foreach (var row in rows)
        {
            foreach (var line in lines)
            {
                var copy = (TableRow)row.CloneNode(deep: true);
                var merged = new Dictionary<string, string>(values, StringComparer.Ordinal);
                foreach (var (key, value) in line) merged[key] = value;
                foreach (var paragraph in copy.Descendants<Paragraph>().ToList())
                {
                    var (placeholders, filled) = FillParagraph(paragraph, merged);
                    if (placeholders > 0 && filled == 0) DropIfEmpty(paragraph); // "Osallistujia" without a number
                }
                row.InsertBeforeSelf(copy);
            }
            row.Remove();
        }
    }

    /// <summary>A row such as "Yhteyshenkilö | {{Contact.Name}}" goes when every placeholder in it is empty.</summary>
    private static void DropRowsLeftEmpty(OpenXmlElement root, Dictionary<string, string> values)
    {
        foreach (var row in root.Descendants<TableRow>().ToList())
        {
            var names = Placeholder().Matches(RowText(row)).Select(m => m.Groups[1].Value).ToList();
            if (names.Count > 0 && names.All(n => values.TryGetValue(n, out var v) && v.Length == 0)
                && row.Parent is Table table && table.Elements<TableRow>().Count() > 1)
                row.Remove();
        }
    }

    /// <summary>Leaves out a paragraph whose placeholders all came out empty, label and all; the only paragraph of a cell,
    /// header or footer (which must keep one) is emptied instead.</summary>
    private static void DropIfEmpty(Paragraph paragraph)
    {
        if (paragraph.Parent is { } parent && parent.Elements<Paragraph>().Count() > 1) paragraph.Remove();
        else foreach (var text in TextsOf(paragraph)) text.Text = "";
    }

    private static string RowText(TableRow row) => string.Concat(row.Descendants<Paragraph>().Select(p => TextOf(p) + "\n"));

    /// <summary>The paragraph's own text nodes (not those of a text box nested inside it).</summary>
    private static List<Text> TextsOf(Paragraph paragraph) =>
        paragraph.Descendants<Text>().Where(t => t.Ancestors<Paragraph>().First() == paragraph).ToList();

    private static string TextOf(Paragraph paragraph) => string.Concat(TextsOf(paragraph).Select(t => t.Text));

    /// <summary>Replaces the known placeholders of one paragraph, even when split across runs: the value goes into the text
    /// node where the placeholder begins (keeping that run's formatting) and the rest of the placeholder is cut from the
    /// nodes after it. Returns how many known placeholders there were and how many got a non-empty value.</summary>
    private static (int Placeholders, int Filled) FillParagraph(Paragraph paragraph, IReadOnlyDictionary<string, string> values)
    {
        var texts = TextsOf(paragraph);
        if (texts.Count == 0) return (0, 0);
        var starts = new int[texts.Count];
        for (int i = 1; i < texts.Count; i++) starts[i] = starts[i - 1] + texts[i - 1].Text.Length;
        var matches = Placeholder().Matches(string.Concat(texts.Select(t => t.Text)));
        int known = 0, filled = 0;
        foreach (var match in matches.Reverse())
        {
            if (!values.TryGetValue(match.Groups[1].Value, out var value)) continue; // unknown: left visible as typed
            known++;
            if (value.Length > 0) filled++;
            var first = NodeAt(starts, match.Index);
            var last = NodeAt(starts, match.Index + match.Length - 1);
            var from = match.Index - starts[first];
            var to = match.Index + match.Length - starts[last];
            var safe = XmlSafe(value);
            if (first == last)
                texts[first].Text = texts[first].Text[..from] + safe + texts[first].Text[to..];
            else
            {
                texts[first].Text = texts[first].Text[..from] + safe;
                for (int i = first + 1; i < last; i++) texts[i].Text = "";
                texts[last].Text = texts[last].Text[to..];
            }
            for (int i = first; i <= last; i++) texts[i].Space = SpaceProcessingModeValues.Preserve;
        }
        foreach (var text in texts.Where(t => t.Text.Contains('\n'))) SplitLines(text);
        return (known, filled);
    }

    private static int NodeAt(int[] starts, int index)
    {
        var i = Array.BinarySearch(starts, index);
        if (i < 0) return ~i - 1;
        while (i + 1 < starts.Length && starts[i + 1] == index) i++; // skip empty nodes that start at the same place
        return i;
    }

    /// <summary>"a\nb" becomes text "a", a line break, text "b" in the same run.</summary>
    private static void SplitLines(Text text)
    {
        var parts = text.Text.Split('\n');
        text.Text = parts[0];
        OpenXmlElement after = text;
        foreach (var part in parts.Skip(1))
        {
            var br = new Break();
            after.InsertAfterSelf(br);
            var next = new Text(part) { Space = SpaceProcessingModeValues.Preserve };
            br.InsertAfterSelf(next);
            after = next;
        }
    }

    /// <summary>User text without the characters XML 1.0 cannot hold (they would break the file); line ends as "\n".</summary>
    private static string XmlSafe(string value)
    {
        var s = value.Replace("\r\n", "\n").Replace('\r', '\n');
        var kept = new StringBuilder(s.Length);
        foreach (var rune in s.EnumerateRunes())
        {
            var v = rune.Value;
            if (v is '\n' or '\t' || (v >= 0x20 && v != 0xFFFE && v != 0xFFFF && rune != Rune.ReplacementChar)) kept.Append(rune.ToString());
        }
        return kept.ToString();
    }
}
