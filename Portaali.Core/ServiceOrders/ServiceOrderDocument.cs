using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Portaali.Core.ServiceOrders;

/// <summary>A service order as printed: its heading, the customer and contact, and a row per filled field.</summary>
public sealed record ServiceOrderSheet(string Heading, string Intro, IReadOnlyList<(string Label, string Value)> Rows, string Footer);

/// <summary>The order as a Word document (.docx): every recipient can open, print and annotate it (Word, LibreOffice, a
/// phone's viewer), unlike an HTML file, and it is the same kind of document as the college's offers.</summary>
public static class ServiceOrderDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static byte[] Create(ServiceOrderSheet sheet)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var table = new Table(new TableProperties(
                new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 })),
                new TableGrid(new GridColumn { Width = "2800" }, new GridColumn { Width = "6200" }));
            foreach (var (label, value) in sheet.Rows)
                table.Append(new TableRow(
                    new TableCell(new TableCellProperties(new TableCellWidth { Width = "1500", Type = TableWidthUnitValues.Pct }),
                        Paragraph(label, bold: true)),
                    new TableCell(new TableCellProperties(new TableCellWidth { Width = "3500", Type = TableWidthUnitValues.Pct }),
                        Lines(value))));
            main.Document = new Document(new Body(
                Paragraph(sheet.Heading, bold: true, size: 32),
                Paragraph(sheet.Intro),
                table,
                Paragraph(""),
                Paragraph(sheet.Footer, size: 18),
                new SectionProperties(new PageSize { Width = 11906, Height = 16838 },
                    new PageMargin { Top = 1134, Bottom = 1134, Left = 1134, Right = 1134, Header = 708, Footer = 708, Gutter = 0 })));
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static Paragraph Paragraph(string text, bool bold = false, int? size = null)
    {
        var properties = new RunProperties();
        if (bold) properties.Append(new Bold());
        if (size is { } s) properties.Append(new FontSize { Val = s.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return new Paragraph(new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    /// <summary>A multi-line value keeps its lines as line breaks inside one cell paragraph.</summary>
    private static Paragraph Lines(string value)
    {
        var run = new Run();
        var lines = value.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0) run.Append(new Break());
            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }
        return new Paragraph(run);
    }
}
