using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace Portaali.Core.Common;

/// <summary>What a column holds, so its cells are typed: numbers as numbers, euros with a currency format, dates as dates.</summary>
public enum ExcelKind { Text, Integer, Number, Euro, Date, Month, Time, Percent }

/// <summary>A column of an export: its header and kind, and a width in characters (set explicitly: nothing measures fonts).</summary>
public record ExcelColumn(string Header, ExcelKind Kind = ExcelKind.Text, double Width = 16);

/// <summary>
/// The one Excel writer of Portaali: every export goes through it. Rows stream straight into the output (SpreadCheetah),
/// so an export of thousands of rows never holds a workbook in memory. Each sheet starts with a bold, frozen header row with the auto-filter on;
/// cells are typed by their column's <see cref="ExcelKind"/>. Formula-safe: every text is a plain string cell in the text
/// format "@", so text that reads like a formula (starting with = + - @ or a tab, say a customer named "=HYPERLINK(...)")
/// is neither evaluated on opening nor when someone edits the cell, and is kept exactly as it was typed.
/// </summary>
public sealed class ExcelWriter : IAsyncDisposable
{
    public const string EuroFormat = "#,##0.00\\ \"€\"";
    public const string DateFormat = "d.m.yyyy";
    /// <summary>Excel's limit of data rows on a sheet (1,048,576 rows, one of them the header).</summary>
    public const int MaxRows = 1_048_575;

    private readonly Spreadsheet sheet;
    private readonly StyleId header, text, euro, date, month, time, number, integer, percent;
    private readonly HashSet<string> sheetNames = new(StringComparer.OrdinalIgnoreCase);
    private IReadOnlyList<ExcelColumn> columns = [];

    private ExcelWriter(Spreadsheet sheet)
    {
        this.sheet = sheet;
        header = sheet.AddStyle(new Style { Font = { Bold = true } });
        text = sheet.AddStyle(new Style { Format = NumberFormat.Standard(StandardNumberFormat.Text) });
        euro = sheet.AddStyle(new Style { Format = NumberFormat.Custom(EuroFormat) });
        date = sheet.AddStyle(new Style { Format = NumberFormat.Custom(DateFormat) });
        month = sheet.AddStyle(new Style { Format = NumberFormat.Custom("m/yyyy") });
        time = sheet.AddStyle(new Style { Format = NumberFormat.Custom("hh:mm") });
        number = sheet.AddStyle(new Style { Format = NumberFormat.Standard(StandardNumberFormat.General) });
        integer = sheet.AddStyle(new Style { Format = NumberFormat.Standard(StandardNumberFormat.NoDecimalPlaces) });
        percent = sheet.AddStyle(new Style { Format = NumberFormat.Standard(StandardNumberFormat.PercentTwoDecimalPlaces) });
    }

    /// <summary>Starts a workbook written into <paramref name="output"/>; add sheets and rows, then <see cref="FinishAsync"/>.</summary>
    public static async Task<ExcelWriter> CreateAsync(Stream output, CancellationToken ct = default) =>
        new(await Spreadsheet.CreateNewAsync(output, new SpreadCheetahOptions { PreserveStringWhitespace = true }, ct));

    /// <summary>A new sheet with its header row (bold, frozen, with the auto-filter on every column).</summary>
    public async Task AddSheetAsync(string name, IReadOnlyList<ExcelColumn> sheetColumns, CancellationToken ct = default)
    {
        columns = sheetColumns;
        // The filter covers the columns down to Excel's last row: the row count is not known while rows still stream in.
        var options = new WorksheetOptions { FrozenRows = 1, AutoFilter = new AutoFilterOptions($"A1:{ColumnLetter(columns.Count)}{MaxRows + 1}") };
        for (var c = 0; c < columns.Count; c++) options.Column(c + 1).Width = columns[c].Width;
        await sheet.StartWorksheetAsync(SheetName(name), options, ct);
        await sheet.AddRowAsync(columns.Select(c => new Cell(c.Header, header)).ToArray(), ct);
    }

    /// <summary>One row, a value per column (null leaves the cell empty). A value of the wrong type for its column is a
    /// programming error and throws.</summary>
    public ValueTask AddRowAsync(IReadOnlyList<object?> values, CancellationToken ct = default)
    {
        if (values.Count > columns.Count) throw new ArgumentException($"{values.Count} values for {columns.Count} columns");
        var cells = new Cell[values.Count];
        for (var i = 0; i < values.Count; i++) cells[i] = ToCell(columns[i].Kind, values[i]);
        return sheet.AddRowAsync(cells, ct);
    }

    public ValueTask AddRowAsync(params object?[] values) => AddRowAsync((IReadOnlyList<object?>)values);

    /// <summary>Writes the rest of the workbook; the output is a complete .xlsx after this.</summary>
    public async Task FinishAsync(CancellationToken ct = default)
    {
        await sheet.FinishAsync(ct);
    }

    public ValueTask DisposeAsync() => sheet.DisposeAsync();

    private Cell ToCell(ExcelKind kind, object? value)
    {
        if (value is null) return new Cell(new DataCell());
        return kind switch
        {
            ExcelKind.Text => new Cell(Clean(value.ToString() ?? ""), text),
            ExcelKind.Euro => new Cell(Decimal(value), euro),
            ExcelKind.Number => new Cell(Decimal(value), number),
            ExcelKind.Percent => new Cell(Decimal(value), percent),
            ExcelKind.Integer => value switch
            {
                int i => new Cell(i, integer),
                long l => new Cell(l, integer),
                _ => throw Wrong(kind, value),
            },
            ExcelKind.Date => value switch
            {
                DateOnly d => new Cell(d.ToDateTime(TimeOnly.MinValue), date),
                DateTime d => new Cell(d.Date, date),
                _ => throw Wrong(kind, value),
            },
            ExcelKind.Month => value switch
            {
                DateOnly d => new Cell(new DateTime(d.Year, d.Month, 1), month),
                _ => throw Wrong(kind, value),
            },
            // A time of day is a fraction of a day with its own format: a "10:00" string would not sort or sum.
            ExcelKind.Time => value switch
            {
                TimeOnly t => new Cell(t.ToTimeSpan().TotalDays, time),
                TimeSpan t => new Cell(t.TotalDays, time),
                _ => throw Wrong(kind, value),
            },
            _ => throw Wrong(kind, value),
        };
    }

    private static decimal Decimal(object value) => value switch
    {
        decimal d => d,
        int i => i,
        long l => l,
        double d => (decimal)d,
        _ => throw new ArgumentException($"{value.GetType().Name} is not a number"),
    };

    /// <summary>Characters XML 1.0 cannot carry (control characters other than tab and line breaks) are dropped, so one
    /// odd memo cannot make the whole file unreadable.</summary>
    private static string Clean(string value) =>
        value.Any(c => c < ' ' && c is not '\t' and not '\n' and not '\r')
            ? new string(value.Where(c => c >= ' ' || c is '\t' or '\n' or '\r').ToArray())
            : value;

    /// <summary>Excel's sheet names: at most 31 characters, none of : \ / ? * [ ], unique in the workbook.</summary>
    private string SheetName(string name)
    {
        var clean = new string(name.Select(c => c is ':' or '\\' or '/' or '?' or '*' or '[' or ']' ? ' ' : c).ToArray()).Trim().Trim('\'');
        if (clean.Length == 0) clean = "Sheet";
        if (clean.Length > 31) clean = clean[..31];
        var candidate = clean;
        for (var n = 2; !sheetNames.Add(candidate); n++)
            candidate = clean[..Math.Min(clean.Length, 28)] + " " + n;
        return candidate;
    }

    /// <summary>"A" for 1, "Z" for 26, "AA" for 27.</summary>
    public static string ColumnLetter(int number)
    {
        var letters = "";
        for (; number > 0; number = (number - 1) / 26) letters = (char)('A' + (number - 1) % 26) + letters;
        return letters;
    }

    private static ArgumentException Wrong(ExcelKind kind, object value) => new($"{value.GetType().Name} does not fit a {kind} column");
}
