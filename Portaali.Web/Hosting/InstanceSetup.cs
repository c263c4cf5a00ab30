using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Portaali.Core.Data;

namespace Portaali.Web.Hosting;

/// <summary>What lets several Portaali instances serve the same users behind a reverse proxy (issue 13, README "Running
/// several instances"): one Data Protection key ring in the database, and the proxy's X-Forwarded-* headers honoured.</summary>
public static class InstanceSetup
{
    public const string ApplicationNameSetting = "DataProtection:ApplicationName";
    public const string DefaultApplicationName = "Portaali";
    public const string KnownProxiesSetting = "ForwardedHeaders:KnownProxies";

    /// <summary>Data Protection keys (sign-in cookies, antiforgery tokens, Blazor's circuit state) in the database, under a
    /// stable application name, so a cookie one instance signed is read by every other. Instances with different names
    /// (another college's Portaali on the same database server) cannot read each other's cookies.</summary>
    public static IServiceCollection AddPortaaliDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var name = configuration[ApplicationNameSetting];
        services.AddDataProtection()
            .SetApplicationName(string.IsNullOrWhiteSpace(name) ? DefaultApplicationName : name)
            .PersistKeysToDbContext<PortaaliDbContext>();
        return services;
    }

    /// <summary>The client's address and scheme from the proxy's X-Forwarded-For and X-Forwarded-Proto, believed only from
    /// loopback (nginx on the same machine, deploy/nginx/portaali.conf) and the addresses in ForwardedHeaders:KnownProxies.
    /// The Host header is not taken from X-Forwarded-Host: nginx passes the original Host itself.</summary>
    public static IServiceCollection AddPortaaliForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection(KnownProxiesSetting).Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults already hold 127.0.0.0/8 and ::1; a proxy on another machine is named explicitly.
            foreach (var proxy in proxies)
                o.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new InvalidOperationException($"{KnownProxiesSetting} holds \"{proxy}\", which is not an IP address"));
        });
        return services;
    }

    /// <summary>First in the pipeline: HTTPS redirects, secure cookies and the audit's addresses then see the client's
    /// scheme and address, not nginx's.</summary>
    public static IApplicationBuilder UsePortaaliForwardedHeaders(this IApplicationBuilder app) => app.UseForwardedHeaders();
}
