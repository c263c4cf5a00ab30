using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Portaali.Core.Common;

namespace Portaali.Core.Imports.Csv;

/// <summary>One data row of a CSV file with its line number, values by header, or the reason it is unreadable.</summary>
public record CsvRecord(long Line, IReadOnlyDictionary<string, string?> Values, string? Error)
{
    public string? this[string column] => Values.TryGetValue(column, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
}

/// <summary>Reads the CSV files people export from other systems: ; , or tab delimited, UTF-8 or Windows-1252, with a header row.</summary>
public static class CsvFiles
{
    static CsvFiles() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>UTF-8 when every byte sequence in the file is valid UTF-8 (or it has a BOM); otherwise Windows-1252,
    /// which is what Excel writes on Finnish Windows.</summary>
    public static Encoding DetectEncoding(string path)
    {
        using var stream = File.OpenRead(path);
        var bom = new byte[3];
        if (stream.Read(bom, 0, 3) == 3 && bom[0] == 0xEF && bom[1] == 0xBB && bom[2] == 0xBF) return new UTF8Encoding(false);
        stream.Position = 0;
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[64 * 1024];
        var chars = new char[bytes.Length + 1];
        try
        {
            int read;
            while ((read = stream.Read(bytes, 0, bytes.Length)) > 0)
                decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            decoder.GetChars(bytes, 0, 0, chars, 0, flush: true);
            return new UTF8Encoding(false);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(1252);
        }
    }

    private static CsvConfiguration Config(Action<string> onBadData) => new(CultureInfo.InvariantCulture)
    {
        DetectDelimiter = true,
        DetectDelimiterValues = [";", "\t", ",", "|"],
        BadDataFound = args => onBadData(args.Field),
        MissingFieldFound = null,
        TrimOptions = TrimOptions.Trim,
        IgnoreBlankLines = true,
    };

    /// <summary>Data rows in the file, for the progress bar.</summary>
    public static async Task<int> CountRowsAsync(string path, CancellationToken ct)
    {
        var count = 0;
        await foreach (var _ in ReadAsync(path, [], ct)) count++;
        return count;
    }

    /// <summary>Streams the rows; a row with too few fields or a stray quote comes back with an error instead of values.
    /// Throws <see cref="ImportFileException"/> when the file is missing or a required column is absent.</summary>
    public static async IAsyncEnumerable<CsvRecord> ReadAsync(string path, IReadOnlyCollection<string> requiredColumns,
        [EnumeratorCancellation] CancellationToken ct)
    {
        if (!File.Exists(path)) throw new ImportFileException(CoreText.Get("ImportFileMissing", Path.GetFileName(path)));
        using var reader = new StreamReader(path, DetectEncoding(path), detectEncodingFromByteOrderMarks: true);
        string? badField = null;
        using var csv = new CsvReader(reader, Config(field => badField ??= field));
        if (!await csv.ReadAsync() || !csv.ReadHeader() || csv.HeaderRecord is not { Length: > 0 } header)
            throw new ImportFileException(CoreText.Get("CsvEmpty"));
        var columns = header.Select(h => h.Trim()).ToArray();
        var missing = requiredColumns.Where(r => !columns.Contains(r, StringComparer.OrdinalIgnoreCase)).ToList();
        if (missing.Count > 0)
            throw new ImportFileException(CoreText.Get("CsvMissingColumns", string.Join(", ", missing), string.Join(", ", columns)));
        badField = null;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            bool more;
            try { more = await csv.ReadAsync(); }
            catch (CsvHelperException e) { throw new ImportFileException(CoreText.Get("CsvUnreadable", csv.Parser.RawRow, e.Message.Split('\n')[0])); }
            if (!more) break;
            var line = csv.Parser.RawRow;
            var fields = csv.Parser.Record ?? [];
            if (badField is not null)
            {
                yield return new CsvRecord(line, Empty, CoreText.Get("CsvBadQuote", Trim(badField)));
                badField = null;
                continue;
            }
            if (fields.Length < columns.Length)
            {
                yield return new CsvRecord(line, Empty, CoreText.Get("CsvFieldCount", fields.Length, columns.Length));
                continue;
            }
            if (fields.Skip(columns.Length).Any(f => !string.IsNullOrWhiteSpace(f)))
            {
                yield return new CsvRecord(line, Empty, CoreText.Get("CsvFieldCount", fields.Length, columns.Length));
                continue;
            }
            var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < columns.Length; i++) values.TryAdd(columns[i], fields[i]);
            yield return new CsvRecord(line, values, null);
        }
    }

    private static readonly IReadOnlyDictionary<string, string?> Empty = new Dictionary<string, string?>();

    private static string Trim(string s) => s.Length > 60 ? s[..60] + "…" : s;
}
