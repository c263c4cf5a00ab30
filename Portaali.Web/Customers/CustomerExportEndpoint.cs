using Portaali.Core.Calendar;
using Portaali.Core.Common;
using Portaali.Core.Customers;
using Portaali.Core.Security;

namespace Portaali.Web.Customers;

/// <summary>The filtered customer list as an .xlsx download: the whole list behind the address's filters, not the page on
/// screen. Management's (<see cref="Policies.AnalyseCustomerBase"/>), checked again in Core.</summary>
public static class CustomerExportEndpoint
{
    public const string Path = "/customers/export.xlsx";
    private const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void MapCustomerExport(this WebApplication app) =>
        app.MapGet(Path, async (HttpContext http, CustomerExportService export, TimeProvider clock, CancellationToken ct) =>
        {
            // Through a temporary file (deleted on close): the zip inside an .xlsx writes its last bytes synchronously, which
            // Kestrel refuses on the response, and a large list is still never one array in memory.
            var file = new FileStream(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"portaali-export-{Guid.NewGuid():N}.xlsx"),
                FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            http.Response.RegisterForDisposeAsync(file);
            await export.ExportAsync(CustomerQueryString.Parse(http.Request.Query), file, ct);
            file.Position = 0;
            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers.CacheControl = "private, no-store";
            return Results.File(file, ContentType, $"{CoreText.Get("CustomersFile")}-{HelsinkiTime.Today(clock):yyyy-MM-dd}.xlsx");
        }).RequireAuthorization(Policies.AnalyseCustomerBase).AddEndpointFilter(Offers.OfferFileEndpoints.AsSignedInUser);
}
