using System.Net;
using ClosedXML.Excel;
using Portaali.Core.Customers;
using Portaali.Core.Users;

namespace Portaali.Tests.Web.Customers;

/// <summary>The customer-list export over HTTP: management downloads the filtered list as .xlsx; others do not.</summary>
public class CustomerExportEndpointTests : IDisposable
{
    private readonly PortaaliWebFactory factory = new();

    private async Task SeedAsync()
    {
        await using var db = factory.OpenDb();
        db.Customers.AddRange(
            new Customer { Name = "Ääneseudun Metalli Oy", NameSearch = "ääneseudun metalli oy", MunicipalityCode = "837", Revenue = 2_500_000.5m },
            new Customer { Name = "Örnäsin Hoiva Oy", NameSearch = "örnäsin hoiva oy", MunicipalityCode = "091" });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Management_downloads_the_filtered_list_as_a_workbook()
    {
        var user = await factory.AddUserAsync("Riitta Halonen", UserGroup.Management); // starts the app, which migrates
        await SeedAsync();

        var response = await factory.ClientFor(user).GetAsync("/customers/export.xlsx?region=Pirkanmaa");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        Assert.EndsWith(".xlsx", response.Content.Headers.ContentDisposition!.FileName);
        using var book = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var rows = book.Worksheet(1).RangeUsed()!.RowsUsed().Skip(1).ToList();
        var row = Assert.Single(rows);
        Assert.Equal("Ääneseudun Metalli Oy", row.Cell(1).GetString());
        Assert.Equal(2_500_000.5, row.Cell(7).GetDouble());
        Assert.Equal("A:J", book.Worksheet(1).AutoFilter.Range.RangeAddress.ToString());
        Assert.Equal(1, book.Worksheet(1).SheetView.SplitRow);
    }

    [Fact]
    public async Task An_account_manager_gets_no_export()
    {
        var user = await factory.AddUserAsync("Minna Lehtonen", UserGroup.AccountManager);
        await SeedAsync();

        var response = await factory.ClientFor(user).GetAsync("/customers/export.xlsx");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
    }

    public void Dispose() => factory.Dispose();
}
