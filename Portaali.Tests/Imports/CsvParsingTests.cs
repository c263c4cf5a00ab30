using System.Text;
using Portaali.Core.Imports;
using Portaali.Core.Imports.Csv;
using Portaali.Tests.Support;

namespace Portaali.Tests.Imports;

public class CsvParsingTests
{
    [Fact]
    public void Windows_1252_file_is_recognised_and_utf8_stays_utf8()
    {
        Assert.Equal(1252, CsvFiles.DetectEncoding(Fixtures.PathOf("business-info-1252.csv")).CodePage);
        Assert.Equal(Encoding.UTF8.CodePage, CsvFiles.DetectEncoding(Fixtures.PathOf("work-placement.csv")).CodePage);
    }

    [Fact]
    public async Task Rows_keep_their_line_numbers_and_Finnish_letters_and_a_short_row_is_reported()
    {
        using var _ = UiCulture.Finnish();
        var rows = new List<CsvRecord>();
        await foreach (var r in CsvFiles.ReadAsync(Fixtures.PathOf("business-info-1252.csv"), ["Y-tunnus"], default)) rows.Add(r);

        Assert.Equal([2L, 3, 4, 5, 6, 7], rows.Select(r => r.Line));
        Assert.Equal("Mäkelän Kone Oy", rows[0]["Yritys"]);
        Assert.Equal("1 234 567,89", rows[0]["Liikevaihto"]);
        Assert.Equal("Öljy-Sähkö Oy", rows[1]["Yritys"]);
        Assert.Equal("Rivillä on 3 kenttää, otsikkorivillä 6.", rows[2].Error);
        Assert.All(rows.Where(r => r.Line != 4), r => Assert.Null(r.Error));
    }

    [Fact]
    public async Task Missing_column_stops_the_file_with_the_columns_it_has()
    {
        using var _ = UiCulture.English();
        var e = await Assert.ThrowsAsync<ImportFileException>(async () =>
        {
            await foreach (var _ in CsvFiles.ReadAsync(Fixtures.PathOf("business-info-1252.csv"), ["Liikevaihto", "Kotisivu"], default)) { }
        });
        Assert.StartsWith("The file lacks the column: Kotisivu.", e.Message);
    }

    [Theory]
    [InlineData("1 234 567,89", "1234567.89")]
    [InlineData("98765,5", "98765.5")]
    [InlineData("1.234.567,50", "1234567.50")]
    [InlineData("1234567.5", "1234567.5")]
    [InlineData("12 000 €", "12000")]
    public void Decimal_comma_and_thousands_spaces_are_read(string text, string expected)
    {
        Assert.True(ImportFields.TryParseDecimal(text, out var value));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Fact]
    public void Text_is_not_a_number()
    {
        using var finnish = UiCulture.Finnish();
        Assert.False(ImportFields.TryParseDecimal("noin kymmenen", out _));
        Assert.Equal("\"noin kymmenen\" ei ole luku.", ImportFields.Normalize(ImportField.Headcount, "noin kymmenen").Error);
    }
}
