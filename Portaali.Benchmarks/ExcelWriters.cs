using System.Diagnostics;
using System.Globalization;
using ClosedXML.Excel;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Portaali.Core.Common;

namespace Portaali.Benchmarks;

/// <summary>
/// The exports' writer chosen by measuring (docs/exports.md): a 12-column customer/contact row written by our ExcelWriter
/// (SpreadCheetah), by DocumentFormat.OpenXml's bare OpenXmlWriter and by ClosedXML 0.95.4, to a file on disk. Each run is a
/// child process of its own, so its peak working set (VmHWM) belongs to that writer alone and not to the seeded base or an
/// earlier run's heap.
/// </summary>
internal static class ExcelWriters
{
    public const string ChildFlag = "--excel-writer";

    public sealed record Measurement(string Writer, int Rows, double Ms, long AllocatedBytes, long PeakWorkingSetBytes, long FileBytes);

    private static readonly string[] Headers =
        ["Nimi", "Y-tunnus", "Kunta", "Segmentti", "Kokoluokka", "Liikevaihto", "Viimeisin yhteydenotto", "Etunimi", "Sukunimi",
         "Tehtävänimike", "Sähköposti", "Puhelin"];

    /// <summary>Runs every writer at 50,000 and 1,000,000 rows (ClosedXML at 50,000 only), each in its own process.</summary>
    public static async Task<List<Measurement>> MeasureAllAsync(string folder)
    {
        var runs = new (string Writer, int Rows)[]
        {
            ("ExcelWriter (SpreadCheetah)", 50_000), ("OpenXmlWriter (DocumentFormat.OpenXml 2.20)", 50_000), ("ClosedXML 0.95.4", 50_000),
            ("ExcelWriter (SpreadCheetah)", 1_000_000), ("OpenXmlWriter (DocumentFormat.OpenXml 2.20)", 1_000_000),
        };
        var results = new List<Measurement>();
        foreach (var (writer, rows) in runs) results.Add(await RunChildAsync(writer, rows, folder));
        return results;
    }

    private static async Task<Measurement> RunChildAsync(string writer, int rows, string folder)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        // Under "dotnet Portaali.Benchmarks.dll" the process is dotnet itself: hand it the assembly again.
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") start.ArgumentList.Add(typeof(ExcelWriters).Assembly.Location);
        foreach (var a in new[] { ChildFlag, writer, rows.ToString(CultureInfo.InvariantCulture), folder }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{writer} at {rows} rows failed: {output}");
        var parts = output.Trim().Split('\n')[^1].Split(';');
        return new Measurement(writer, rows, double.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture),
            long.Parse(parts[2], CultureInfo.InvariantCulture), long.Parse(parts[3], CultureInfo.InvariantCulture));
    }

    /// <summary>The child: writes the rows once and prints "ms;allocated;peak working set;file bytes".</summary>
    public static async Task<int> ChildAsync(string[] args)
    {
        var (writer, rows, folder) = (args[1], int.Parse(args[2], CultureInfo.InvariantCulture), args[3]);
        var path = Path.Combine(folder, $"portaali-bench-writer-{Guid.NewGuid():N}.xlsx");
        try
        {
            var allocated = GC.GetTotalAllocatedBytes(true);
            var timer = Stopwatch.StartNew();
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                if (writer.StartsWith("ExcelWriter")) await WriteSpreadCheetahAsync(file, rows);
                else if (writer.StartsWith("OpenXmlWriter")) WriteOpenXml(file, rows);
                else WriteClosedXml(file, rows);
            }
            var ms = timer.Elapsed.TotalMilliseconds;
            var bytes = GC.GetTotalAllocatedBytes(true) - allocated;
            Console.WriteLine(string.Join(';', ms.ToString("0.0", CultureInfo.InvariantCulture), bytes, PeakWorkingSet(), new FileInfo(path).Length));
            return 0;
        }
        finally { File.Delete(path); }
    }

    /// <summary>The process's peak resident set (VmHWM) from Linux; elsewhere what .NET reports as the peak working set.</summary>
    private static long PeakWorkingSet()
    {
        if (File.Exists("/proc/self/status"))
            foreach (var line in File.ReadLines("/proc/self/status"))
                if (line.StartsWith("VmHWM:"))
                    return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        return Process.GetCurrentProcess().PeakWorkingSet64;
    }

    private sealed record Row(string Name, string BusinessId, string Municipality, string Segment, int SizeClass, decimal Revenue,
        DateOnly LastContact, string FirstName, string LastName, string Title, string Email, string Phone);

    /// <summary>Rows made on the fly (the database is not what is measured), with the variety of real ones.</summary>
    private static IEnumerable<Row> Rows(int count)
    {
        string[] municipalities = ["Helsinki", "Espoo", "Vantaa", "Tampere", "Hämeenlinna"];
        string[] titles = ["Toimitusjohtaja", "Henkilöstöpäällikkö", "Työnjohtaja", "Koulutussuunnittelija"];
        for (var i = 0; i < count; i++)
            yield return new Row($"Yritys {i} Oy", $"{1_000_000 + i % 8_999_999:0000000}-{i % 10}", municipalities[i % 5], "ABC"[i % 3].ToString(),
                1 + i % 9, 10_000m + i * 12.5m, new DateOnly(2020, 1, 1).AddDays(i % 2000), $"Etunimi{i % 997}", $"Sukunimi{i}",
                titles[i % 4], $"henkilo{i}@yritys{i}.fi", $"+358 40 {i % 10_000_000:0000000}");
    }

    private static async Task WriteSpreadCheetahAsync(Stream output, int rows)
    {
        await using var excel = await ExcelWriter.CreateAsync(output);
        await excel.AddSheetAsync("Vienti",
        [
            new(Headers[0], Width: 30), new(Headers[1], Width: 12), new(Headers[2]), new(Headers[3], Width: 10),
            new(Headers[4], ExcelKind.Integer, 10), new(Headers[5], ExcelKind.Euro), new(Headers[6], ExcelKind.Date, 14), new(Headers[7]),
            new(Headers[8]), new(Headers[9], Width: 24), new(Headers[10], Width: 28), new(Headers[11]),
        ]);
        var values = new object?[12];
        foreach (var r in Rows(rows))
        {
            (values[0], values[1], values[2], values[3], values[4], values[5]) = (r.Name, r.BusinessId, r.Municipality, r.Segment, r.SizeClass, r.Revenue);
            (values[6], values[7], values[8], values[9], values[10], values[11]) = (r.LastContact, r.FirstName, r.LastName, r.Title, r.Email, r.Phone);
            await excel.AddRowAsync(values);
        }
        await excel.FinishAsync();
    }

    /// <summary>The bare baseline: inline strings, numbers, dates as serial numbers with a date style; no widths, freeze or filter.</summary>
    private static void WriteOpenXml(Stream output, int rows)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook(new Sheets());
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "d.m.yyyy" }) { Count = 1 },
            new Fonts(new Font()) { Count = 1 }, new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border()) { Count = 1 },
            new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
                new CellFormat { NumberFormatId = 49, ApplyNumberFormat = true }) { Count = 3 });
        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(sheetPart))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            writer.WriteStartElement(new DocumentFormat.OpenXml.Spreadsheet.Row());
            foreach (var h in Headers) writer.WriteElement(Text(h));
            writer.WriteEndElement();
            foreach (var r in Rows(rows))
            {
                writer.WriteStartElement(new DocumentFormat.OpenXml.Spreadsheet.Row());
                writer.WriteElement(Text(r.Name));
                writer.WriteElement(Text(r.BusinessId));
                writer.WriteElement(Text(r.Municipality));
                writer.WriteElement(Text(r.Segment));
                writer.WriteElement(new Cell { CellValue = new CellValue(r.SizeClass.ToString(CultureInfo.InvariantCulture)) });
                writer.WriteElement(new Cell { CellValue = new CellValue(r.Revenue.ToString(CultureInfo.InvariantCulture)) });
                writer.WriteElement(new Cell
                {
                    StyleIndex = 1,
                    CellValue = new CellValue(r.LastContact.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)),
                });
                writer.WriteElement(Text(r.FirstName));
                writer.WriteElement(Text(r.LastName));
                writer.WriteElement(Text(r.Title));
                writer.WriteElement(Text(r.Email));
                writer.WriteElement(Text(r.Phone));
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        workbook.Workbook.Sheets!.Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Vienti" });
        workbook.Workbook.Save();
    }

    private static Cell Text(string value) =>
        new() { DataType = CellValues.InlineString, StyleIndex = 2, InlineString = new InlineString(new Text(value)) };

    /// <summary>ClosedXML keeps every cell of the workbook in memory until SaveAs.</summary>
    private static void WriteClosedXml(Stream output, int rows)
    {
        using var book = new XLWorkbook();
        var sheet = book.AddWorksheet("Vienti");
        for (var c = 0; c < Headers.Length; c++) sheet.Cell(1, c + 1).Value = Headers[c];
        var n = 2;
        foreach (var r in Rows(rows))
        {
            sheet.Cell(n, 1).SetValue(r.Name);
            sheet.Cell(n, 2).SetValue(r.BusinessId);
            sheet.Cell(n, 3).SetValue(r.Municipality);
            sheet.Cell(n, 4).SetValue(r.Segment);
            sheet.Cell(n, 5).SetValue(r.SizeClass);
            sheet.Cell(n, 6).SetValue(r.Revenue);
            sheet.Cell(n, 7).SetValue(r.LastContact.ToDateTime(TimeOnly.MinValue));
            sheet.Cell(n, 8).SetValue(r.FirstName);
            sheet.Cell(n, 9).SetValue(r.LastName);
            sheet.Cell(n, 10).SetValue(r.Title);
            sheet.Cell(n, 11).SetValue(r.Email);
            sheet.Cell(n, 12).SetValue(r.Phone);
            n++;
        }
        sheet.SheetView.FreezeRows(1);
        sheet.RangeUsed()!.SetAutoFilter();
        book.SaveAs(output);
    }
}
