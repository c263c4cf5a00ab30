using Microsoft.AspNetCore.Components.Authorization;
using Portaali.Core.Common;
using Portaali.Core.Offers;
using Portaali.Core.Security;

namespace Portaali.Web.Offers;

/// <summary>The offer document, offer attachments and the offer template as downloads. Signed-in users only (anonymous
/// visitors are sent to sign-in); Core checks the policy again.</summary>
public static class OfferFileEndpoints
{
    public static void MapOfferFiles(this WebApplication app)
    {
        app.MapGet("/offers/{id:int}/document", async (int id, OfferDocumentService documents, HttpContext http, CancellationToken ct) =>
        {
            var file = await documents.CreateAsync(id, ct);
            return Download(http, file.Content, OfferDocumentFile.ContentType, file.FileName);
        }).RequireAuthorization(Policies.SignedIn).AddEndpointFilter(AsSignedInUser);

        app.MapGet("/offers/attachments/{id:int}", async (int id, OfferAttachmentService attachments, HttpContext http, CancellationToken ct) =>
        {
            var file = await attachments.OpenAsync(id, ct);
            http.Response.RegisterForDisposeAsync(file);
            NoSniff(http);
            // The content type comes from the extension (Core's table), never from what the uploading browser said.
            return Results.File(file.Content, file.ContentType, file.FileName, enableRangeProcessing: false);
        }).RequireAuthorization(Policies.SignedIn).AddEndpointFilter(AsSignedInUser);

        app.MapGet("/admin/offer-template/{which:regex(^(current|default)$)}.docx",
            async (string which, OfferDocumentService documents, HttpContext http, CancellationToken ct) =>
            {
                var bytes = await documents.GetTemplateAsync(builtIn: which == "default", ct);
                return Download(http, bytes, OfferDocumentFile.ContentType, which == "default" ? "Tarjouspohja-oletus.docx" : "Tarjouspohja.docx");
            }).RequireAuthorization(Policies.Administer).AddEndpointFilter(AsSignedInUser);
    }

    private static IResult Download(HttpContext http, byte[] content, string contentType, string fileName)
    {
        NoSniff(http);
        return Results.File(content, contentType, fileName);
    }

    private static void NoSniff(HttpContext http)
    {
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "private, no-store";
    }

    /// <summary>Core's services read the user from the authentication state, which outside a circuit is the request's own
    /// user; a refusal from Core becomes the matching status instead of an error page.</summary>
    internal static async ValueTask<object?> AsSignedInUser(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.RequestServices.GetRequiredService<AuthenticationStateProvider>() is IHostEnvironmentAuthenticationStateProvider host)
            host.SetAuthenticationState(Task.FromResult(new AuthenticationState(http.User)));
        try
        {
            return await next(context);
        }
        catch (NotFoundException) { return Results.NotFound(); }
        catch (ForbiddenException) { return Results.Forbid(); }
        catch (DomainException e) { return Results.Problem(e.Message, statusCode: StatusCodes.Status409Conflict); }
    }
}
