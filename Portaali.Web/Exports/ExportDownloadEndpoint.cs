using Portaali.Core.Common;
using Portaali.Core.Exports;
using Portaali.Core.Security;

namespace Portaali.Web.Exports;

/// <summary>A finished export's file, streamed from App_Data/exports to its owner only (anyone else gets 404 from Core),
/// with the safe file name chosen when it was queued.</summary>
public static class ExportDownloadEndpoint
{
    public const string Pattern = "/exports/{id:int}/download";

    public static string PathOf(int id) => $"/exports/{id}/download";

    public static void MapExportDownload(this WebApplication app) =>
        app.MapGet(Pattern, async (int id, ExportService exports, HttpContext http, CancellationToken ct) =>
        {
            var file = await exports.OpenAsync(id, ct);
            http.Response.RegisterForDisposeAsync(file.Content);
            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers.CacheControl = "private, no-store";
            return Results.File(file.Content, FileNames.ContentTypeOf(file.FileName), file.FileName, enableRangeProcessing: false);
        }).RequireAuthorization(Policies.SignedIn).AddEndpointFilter(Offers.OfferFileEndpoints.AsSignedInUser);
}
