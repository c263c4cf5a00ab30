using System.Globalization;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portaali.Core.Segments;
using static Microsoft.Playwright.Assertions;

namespace Portaali.Tests.Browser;

/// <summary>Management opens the customer-base analysis, follows a segment to the customers behind it and exports them.</summary>
[Collection(BrowserCollection.Name)]
public class CustomerBaseJourneyTests(PortaaliServer server)
{
    [Fact]
    public async Task Management_follows_a_segment_to_its_customers_and_exports_exactly_that_many()
    {
        var page = await server.SignInAsync("Riitta Halonen");
        await page.GotoAsync("/customer-base");
        await PortaaliServer.WaitForInteractiveAsync(page);

        var segments = page.GetByTestId("customer-base-Segment");
        var row = segments.Locator("tbody tr").Filter(new() { HasText = "B – kasvava" });
        await Expect(row).ToHaveCountAsync(1);
        var count = int.Parse(string.Concat((await row.Locator("td").Nth(1).InnerTextAsync()).Where(char.IsDigit)), CultureInfo.InvariantCulture);
        int expected;
        await using (var db = server.OpenDb())
            expected = await db.Customers.CountAsync(c => !c.IsPassive && c.Segment == Segment.B);
        Assert.Equal(expected, count);

        await row.GetByRole(AriaRole.Link, new() { Name = "B – kasvava", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/customers?segment=B");
        await Expect(page.GetByTestId("customer-filter-chip")).ToHaveTextAsync("Segmentti: B – kasvava");
        await Expect(page.GetByTestId("customer-link").First).ToBeVisibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-customers").ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename);
        var path = Path.Combine(Path.GetTempPath(), $"portaali-e2e-{Guid.NewGuid():N}.xlsx");
        try
        {
            await download.SaveAsAsync(path);
            using var book = new XLWorkbook(path);
            var sheet = book.Worksheet(1);
            var rows = sheet.RangeUsed()!.RowsUsed().Skip(1).ToList();
            Assert.Equal(count, rows.Count);
            Assert.All(rows, r => Assert.Equal("B – kasvava", r.Cell(5).GetString()));
        }
        finally { File.Delete(path); }
    }
}
