using ClosedXML.Excel;
using Portaali.Core.Common;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Sales;

/// <summary>The one Excel writer, read back by ClosedXML (typed cells, formats) and by LibreOffice (what a person sees).</summary>
public class ExcelWriterTests
{
    private const string Hyperlink = "=HYPERLINK(\"http://127.0.0.1/x\",\"Klikkaa\")";

    private static async Task<byte[]> WriteAsync()
    {
        using var stream = new MemoryStream();
        await using (var excel = await ExcelWriter.CreateAsync(stream))
        {
            await excel.AddSheetAsync("Testi: [raportti]/2026 with a name far too long for Excel",
            [
                new("Nimi"), new("Summa", ExcelKind.Euro), new("Päivä", ExcelKind.Date), new("Kpl", ExcelKind.Integer),
                new("Tunnit", ExcelKind.Number), new("Osuus", ExcelKind.Percent), new("Kk", ExcelKind.Month),
            ]);
            await excel.AddRowAsync(Hyperlink, 1234.5m, new DateOnly(2026, 3, 2), 7, 1.5m, 0.25m, new DateOnly(2026, 11, 20));
            await excel.AddRowAsync("+358 40 123", null, null, 12L, 2m, null, null);
            await excel.AddRowAsync("\tsarkain", 0m);
            await excel.AddRowAsync("@SUM(A1)", -3m);
            await excel.AddRowAsync("-1+1");
            await excel.AddSheetAsync("Toinen", [new("A")]);
            await excel.AddRowAsync("Rivi");
            await excel.FinishAsync();
        }
        return stream.ToArray();
    }

    [Fact]
    public async Task Cells_are_typed_and_formula_like_text_stays_plain_text()
    {
        using var book = new XLWorkbook(new MemoryStream(await WriteAsync()));
        var sheet = book.Worksheet(1);
        Assert.True(sheet.Name.Length <= 31);
        Assert.DoesNotContain(sheet.Name, c => c is ':' or '[' or ']' or '/');
        Assert.True(sheet.Cell(1, 1).Style.Font.Bold);
        Assert.Equal("Summa", sheet.Cell(1, 2).GetString());

        foreach (var (row, text) in new[] { (2, Hyperlink), (3, "+358 40 123"), (4, "\tsarkain"), (5, "@SUM(A1)"), (6, "-1+1") })
        {
            var cell = sheet.Cell(row, 1);
            Assert.False(cell.HasFormula, text);
            Assert.Equal(XLDataType.Text, cell.DataType);
            Assert.Equal(text, cell.GetString());
            Assert.Equal(49, cell.Style.NumberFormat.NumberFormatId); // Excel's built-in text format "@"
        }

        Assert.Equal(XLDataType.Number, sheet.Cell(2, 2).DataType);
        Assert.Equal(1234.5, sheet.Cell(2, 2).GetDouble());
        Assert.Contains("€", sheet.Cell(2, 2).Style.NumberFormat.Format);
        Assert.Equal(-3, sheet.Cell(5, 2).GetDouble());
        Assert.Equal(XLDataType.DateTime, sheet.Cell(2, 3).DataType);
        Assert.Equal(new DateTime(2026, 3, 2), sheet.Cell(2, 3).GetDateTime());
        Assert.Equal(7, sheet.Cell(2, 4).GetDouble());
        Assert.Equal(12, sheet.Cell(3, 4).GetDouble());
        Assert.Equal(1.5, sheet.Cell(2, 5).GetDouble());
        Assert.Equal(0.25, sheet.Cell(2, 6).GetDouble());
        Assert.Equal(new DateTime(2026, 11, 1), sheet.Cell(2, 7).GetDateTime());
        Assert.True(sheet.Cell(3, 2).IsEmpty());
        Assert.Equal("Rivi", book.Worksheet(2).Cell(2, 1).GetString());
        // Every sheet: the header frozen and the auto-filter over its columns down to Excel's last row.
        Assert.Equal(1, sheet.SheetView.SplitRow);
        Assert.Equal("A:G", sheet.AutoFilter.Range.RangeAddress.ToString());
        Assert.Equal("A:A", book.Worksheet(2).AutoFilter.Range.RangeAddress.ToString());
    }

    [Fact]
    public async Task LibreOffice_shows_formula_like_text_as_typed_and_euros_and_dates_formatted()
    {
        var folder = Directory.CreateTempSubdirectory("portaali-excel-");
        try
        {
            var xlsx = Path.Combine(folder.FullName, "testi.xlsx");
            await File.WriteAllBytesAsync(xlsx, await WriteAsync());
            var rows = await LibreOffice.RowsOfAsync(xlsx, folder.FullName);
            Assert.Equal(["Nimi", "Summa", "Päivä", "Kpl", "Tunnit", "Osuus", "Kk"], rows[0]);
            // Had the name been read as a formula, LibreOffice would print the link's label "Klikkaa" here.
            Assert.Equal(Hyperlink, rows[1][0]);
            Assert.Equal("1,234.50 €", rows[1][1]);
            Assert.Equal("2.3.2026", rows[1][2]);
            Assert.Equal("7", rows[1][3]);
            Assert.Equal("1.5", rows[1][4]);
            Assert.Equal("25.00%", rows[1][5]);
            Assert.Equal("11/2026", rows[1][6]);
            Assert.Equal("@SUM(A1)", rows[4][0]);
            Assert.Equal("-1+1", rows[5][0]);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
