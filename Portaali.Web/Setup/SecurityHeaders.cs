using System.Security.Cryptography;
using Portaali.Web.Imports;

namespace Portaali.Web.Setup;

/// <summary>Headers that make the browser refuse what Portaali never does: scripts from elsewhere or injected inline
/// (CSP), sniffing a download into a page, framing by another site, sending our addresses (customer ids) to the
/// websites people follow. Set on every response, error pages included.</summary>
public static class SecurityHeaders
{
    private const string NonceKey = "portaali.csp-nonce";

    /// <summary>The request's script nonce: the one inline script, Blazor's import map, carries it.</summary>
    public static string Nonce(HttpContext context) => context.Items[NonceKey] as string ?? "";

    /// <summary>Blazor Server and MudBlazor: scripts only from this site (and the nonced import map), inline styles (MudBlazor
    /// positions popovers and themes with them), the circuit's WebSocket to this site ('self' covers ws/wss).</summary>
    public static string AppPolicy(string nonce, string formTargets) =>
        $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        $"font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'{formTargets}; frame-ancestors 'none'";

    /// <summary>Hangfire's dashboard writes inline scripts and styles of its own; it still loads nothing from elsewhere.</summary>
    public const string DashboardPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UsePortaaliSecurityHeaders(this WebApplication app)
    {
        // Signing out of Entra posts to us and is redirected to Microsoft: form-action must allow that hop.
        var formTargets = app.Services.GetRequiredService<SignInMode>().UsesEntraId
            ? " " + new Uri(app.Configuration["AzureAd:Instance"] ?? "https://login.microsoftonline.com/").GetLeftPart(UriPartial.Authority)
            : "";
        return app.Use((context, next) =>
        {
            // Hex, not base64: Razor writes '+' in an attribute as "&#x2B;", which made the page's nonce differ in one
            // request of about four (the browser decodes it, but the markup and the header no longer match as text).
            var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
            var dashboard = context.Request.Path.StartsWithSegments(JobsSetup.DashboardPath);
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = dashboard ? DashboardPolicy : AppPolicy(nonce, formTargets);
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}
