using Portaali.Core.Projects;
using Portaali.Core.Security;

namespace Portaali.Web.Projects;

/// <summary>A project's network as an .xlsx download ("Vie Exceliin" on the project page). Everyone signed in sees
/// networks; Core checks again.</summary>
public static class ProjectNetworkEndpoint
{
    private const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string PathFor(int projectId) => $"/projects/{projectId}/network.xlsx";

    public static void MapProjectNetworkExport(this WebApplication app) =>
        app.MapGet("/projects/{id:int}/network.xlsx", async (int id, ProjectNetworkExport export, HttpContext http, CancellationToken ct) =>
        {
            // Through a temporary file (deleted on close), as the customer export: the zip inside an .xlsx writes its last
            // bytes synchronously, which Kestrel refuses on the response.
            var file = new FileStream(Path.Combine(Path.GetTempPath(), $"portaali-network-{Guid.NewGuid():N}.xlsx"),
                FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            http.Response.RegisterForDisposeAsync(file);
            var name = await export.ExportAsync(id, file, ct);
            file.Position = 0;
            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers.CacheControl = "private, no-store";
            return Results.File(file, ContentType, name);
        }).RequireAuthorization(Policies.SignedIn).AddEndpointFilter(Offers.OfferFileEndpoints.AsSignedInUser);
}
