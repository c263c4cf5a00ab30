using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Portaali.Core.Users;

namespace Portaali.Tests.Web.Hosting;

/// <summary>Behind nginx the app sees the browser's scheme from X-Forwarded-Proto — so the sign-in cookie is marked Secure
/// on an HTTPS site — but only when the request comes from the proxy (loopback by default).</summary>
public class ForwardedHeadersTests : IDisposable
{
    private const string PeerHeader = "X-Test-Peer";

    /// <summary>TestServer has no socket: the peer address comes from a test header, set before the app's pipeline.</summary>
    private readonly PortaaliWebFactory factory = new()
    {
        DemoSignIn = true,
        TestAuthentication = false,
        TestServices = services => services.AddSingleton<IStartupFilter, PeerAddressFromHeader>(),
    };

    /// <summary>Signs in through the demo form as a browser behind the proxy would, and returns the sign-in cookie's header.</summary>
    private async Task<string> SignInCookieAsync(string peer)
    {
        var user = await factory.AddUserAsync("Minna Lehtonen", UserGroup.AccountManager);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var form = await client.SendAsync(Behind(new HttpRequestMessage(HttpMethod.Get, "/signin"), peer));
        var token = System.Text.RegularExpressions.Regex.Match(await form.Content.ReadAsStringAsync(),
            "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var post = Behind(new HttpRequestMessage(HttpMethod.Post, "/account/local-signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["userId"] = user.Id.ToString(), ["returnUrl"] = "/", ["__RequestVerificationToken"] = token,
            }),
        }, peer);
        post.Headers.Add("Cookie", string.Join("; ", form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
        var response = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Cookies", StringComparison.Ordinal));
    }

    private static HttpRequestMessage Behind(HttpRequestMessage request, string peer)
    {
        request.Headers.Add(PeerHeader, peer);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        return request;
    }

    [Fact]
    public async Task The_proxy_on_loopback_is_believed_about_https()
    {
        Assert.Contains("secure", await SignInCookieAsync("127.0.0.1"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_client_elsewhere_cannot_claim_https_with_the_header()
    {
        Assert.DoesNotContain("secure", await SignInCookieAsync("198.51.100.20"), StringComparison.OrdinalIgnoreCase);
    }

    public void Dispose() => factory.Dispose();

    private sealed class PeerAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate inner) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[PeerHeader], out var peer)) context.Connection.RemoteIpAddress = peer;
                return inner(context);
            });
            next(app);
        };
    }
}
