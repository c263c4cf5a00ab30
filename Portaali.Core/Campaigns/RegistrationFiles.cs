using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using CsvHelper;
using CsvHelper.Configuration;
using Portaali.Core.Common;

namespace Portaali.Core.Campaigns;

/// <summary>A registration list as read: its column titles and its rows (line numbers as the user sees them).</summary>
public sealed record RegistrationFile(string FileName, IReadOnlyList<string> Columns, IReadOnlyList<RegistrationFileRow> Rows);

public sealed record RegistrationFileRow(long Line, IReadOnlyList<string?> Values)
{
    public string? this[int column] => column < Values.Count ? Values[column] : null;
}

/// <summary>Reads registration lists exported from a web form or kept in Excel: CSV (semicolon, comma or tab; UTF-8 with or
/// without a BOM, or the Windows-1252 that Excel writes on Finnish Windows) or XLSX (the first sheet), with a header row.</summary>
public static class RegistrationFiles
{
    public static readonly UploadRule Rule = new([".csv", ".xlsx"], 10 * 1024 * 1024);

    /// <summary>Header titles that mean the e-mail column, compared without case, accents, spaces and dashes.</summary>
    private static readonly HashSet<string> EmailHeaders =
        ["sahkoposti", "sahkopostiosoite", "sposti", "email", "emailaddress", "emailosoite", "mail"];

    static RegistrationFiles() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static async Task<RegistrationFile> ReadAsync(Stream content, string fileName, long? size, CancellationToken ct)
    {
        await using var buffer = await Uploads.ReadAsync(content, fileName, size, Rule, ct);
        var name = Path.GetFileName(fileName);
        var file = name.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? ReadXlsx(buffer, name) : ReadCsv(buffer.ToArray(), name);
        if (file.Columns.Count == 0 || file.Rows.Count == 0) throw new DomainException(CoreText.Get("RegistrationFileEmpty", name));
        return file;
    }

    /// <summary>The column whose title names an e-mail ("Sähköposti", "Email", "E-mail"); failing that, the one whose values
    /// are mostly addresses; null when there is none.</summary>
    public static int? DetectEmailColumn(RegistrationFile file)
    {
        for (var i = 0; i < file.Columns.Count; i++)
            if (EmailHeaders.Contains(Normalize(file.Columns[i]))) return i;
        for (var i = 0; i < file.Columns.Count; i++)
        {
            var values = file.Rows.Select(r => r[i]).Where(v => !string.IsNullOrWhiteSpace(v)).Take(50).ToList();
            if (values.Count > 0 && values.Count(v => v!.Contains('@')) * 2 > values.Count) return i;
        }
        return null;
    }

    private static string Normalize(string header)
    {
        var text = new StringBuilder();
        foreach (var ch in header.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD))
            if (char.IsLetterOrDigit(ch)) text.Append(ch);
        return text.ToString();
    }

    private static RegistrationFile ReadCsv(byte[] bytes, string name)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Detect(bytes), detectEncodingFromByteOrderMarks: true);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true, DetectDelimiterValues = [";", "\t", ","], BadDataFound = null, MissingFieldFound = null,
            TrimOptions = TrimOptions.Trim, IgnoreBlankLines = true,
        };
        using var csv = new CsvParser(reader, config);
        try
        {
            if (!csv.Read() || csv.Record is not { Length: > 0 } header) return new RegistrationFile(name, [], []);
            var rows = new List<RegistrationFileRow>();
            while (csv.Read())
            {
                var record = csv.Record ?? [];
                if (record.All(string.IsNullOrWhiteSpace)) continue;
                rows.Add(new RegistrationFileRow(csv.RawRow, record));
            }
            return new RegistrationFile(name, header.Select(h => h.Trim()).ToList(), rows);
        }
        catch (CsvHelperException e)
        {
            throw new DomainException(CoreText.Get("CsvUnreadable", csv.RawRow, e.Message.Split('\n')[0]));
        }
    }

    /// <summary>UTF-8 when it has a BOM or decodes cleanly, otherwise Windows-1252.</summary>
    private static Encoding Detect(byte[] bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) return new UTF8Encoding(false);
        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            return new UTF8Encoding(false);
        }
        catch (DecoderFallbackException) { return Encoding.GetEncoding(1252); }
    }

    private static RegistrationFile ReadXlsx(Stream stream, string name)
    {
        XLWorkbook workbook;
        try { workbook = new XLWorkbook(stream); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new DomainException(CoreText.Get("RegistrationXlsxUnreadable", name));
        }
        using (workbook)
        {
            var sheet = workbook.Worksheets.FirstOrDefault();
            var used = sheet?.RangeUsed();
            if (sheet is null || used is null) return new RegistrationFile(name, [], []);
            var first = used.FirstRow().RowNumber();
            var last = used.LastRow().RowNumber();
            var firstColumn = used.FirstColumn().ColumnNumber();
            var lastColumn = used.LastColumn().ColumnNumber();
            string Text(int row, int column) => sheet.Cell(row, column).GetFormattedString().Trim();
            var columns = Enumerable.Range(firstColumn, lastColumn - firstColumn + 1).Select(c => Text(first, c)).ToList();
            var rows = new List<RegistrationFileRow>();
            for (var r = first + 1; r <= last; r++)
            {
                var values = Enumerable.Range(firstColumn, columns.Count).Select(c => (string?)Text(r, c)).ToList();
                if (values.All(string.IsNullOrWhiteSpace)) continue;
                rows.Add(new RegistrationFileRow(r, values));
            }
            return new RegistrationFile(name, columns, rows);
        }
    }
}
