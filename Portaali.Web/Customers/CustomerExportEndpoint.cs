using Portaali.Core.Calendar;
using Portaali.Core.Common;
using Portaali.Core.Customers;
using Portaali.Core.Security;

namespace Portaali.Web.Customers;

/// <summary>The filtered customer list as an .xlsx download: the whole list behind the address's filters, not the page on
/// screen. Streamed from Core into the response; management's (<see cref="Policies.FollowKeyAccounts"/>), checked again in Core.</summary>
public static class CustomerExportEndpoint
{
    public const string Path = "/customers/export.xlsx";

    public static void MapCustomerExport(this WebApplication app) =>
        app.MapGet(Path, async (HttpContext http, CustomerExportService export, TimeProvider clock, CancellationToken ct) =>
        {
            var query = CustomerQueryString.Parse(http.Request.Query);
            var fileName = $"{CoreText.Get("CustomersFile")}-{HelsinkiTime.Today(clock):yyyy-MM-dd}.xlsx";
            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers.CacheControl = "private, no-store";
            http.Response.ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            http.Response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { FileName = fileName, DispositionType = "attachment" }.ToString();
            await export.ExportAsync(query, http.Response.Body, ct);
            return Results.Empty;
        }).RequireAuthorization(Policies.FollowKeyAccounts).AddEndpointFilter(Offers.OfferFileEndpoints.AsSignedInUser);
}
