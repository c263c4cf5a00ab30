using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Portaali.Core.Security;
using Portaali.Core.Users;
using Portaali.Tests.Support;
using Portaali.Web.Setup;

namespace Portaali.Tests.Web;

/// <summary>A demoted or deactivated administrator loses access within the revalidation interval, with the cookie they
/// already hold: user administration and the Hangfire dashboard refuse them.</summary>
public class SignInRevalidationTests : IDisposable
{
    private readonly FixedClock clock = new(CoreHarness.Now);
    private readonly PortaaliWebFactory factory;

    public SignInRevalidationTests() => factory = new PortaaliWebFactory
    {
        DemoSignIn = true,
        TestAuthentication = false,
        TestServices = s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)),
    };

    private async Task SetAsync(int userId, UserGroup group, bool active)
    {
        await using var db = factory.OpenDb();
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.Group, group).SetProperty(u => u.IsActive, active));
    }

    [Fact]
    public async Task Demoted_administrator_is_refused_user_admin_and_jobs_within_a_minute()
    {
        var sari = await factory.AddUserAsync("Sari Lindqvist", UserGroup.Administrator);
        var client = await factory.SignInWithDemoAsync(sari);
        Assert.Contains("Käyttäjät ja käyttäjäryhmät", await AccessTests.GetHtmlAsync(client, "/admin/users"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/jobs")).StatusCode);

        await SetAsync(sari.Id, UserGroup.AccountManager, active: true);
        clock.Advance(SignInSettings.DefaultRevalidationInterval + TimeSpan.FromSeconds(1));

        var admin = await client.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
        Assert.StartsWith("/forbidden", admin.Headers.Location!.PathAndQuery);
        var jobs = await client.GetAsync("/jobs");
        Assert.Equal(HttpStatusCode.Forbidden, jobs.StatusCode);
        // Still signed in, with the new group's access: their own pages open.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/customers")).StatusCode);
    }

    [Fact]
    public async Task Deactivated_administrator_is_signed_out_within_a_minute()
    {
        var sari = await factory.AddUserAsync("Sari Lindqvist", UserGroup.Administrator);
        var client = await factory.SignInWithDemoAsync(sari);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/jobs")).StatusCode);

        await SetAsync(sari.Id, UserGroup.Administrator, active: false);
        clock.Advance(SignInSettings.DefaultRevalidationInterval + TimeSpan.FromSeconds(1));

        var jobs = await client.GetAsync("/jobs");
        Assert.Equal(HttpStatusCode.Redirect, jobs.StatusCode);
        Assert.StartsWith("/signin", jobs.Headers.Location!.PathAndQuery);
        var admin = await client.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
        Assert.StartsWith("/signin", admin.Headers.Location!.PathAndQuery);
    }

    public void Dispose() => factory.Dispose();
}

/// <summary>The same on the Entra ID path: Microsoft.Identity.Web's cookie, made here as its sign-in would make it
/// (Entra itself cannot be reached from a test).</summary>
public class EntraSignInRevalidationTests : IDisposable
{
    private readonly PortaaliWebFactory factory = new()
    {
        Environment = "Production",
        TestAuthentication = false,
        Settings = new()
        {
            ["AzureAd:Instance"] = "https://login.example.invalid/",
            ["AzureAd:TenantId"] = "11111111-1111-1111-1111-111111111111",
            ["AzureAd:ClientId"] = "22222222-2222-2222-2222-222222222222",
            ["AzureAd:ClientSecret"] = "not-used",
            ["AzureAd:CallbackPath"] = "/signin-oidc",
            ["Portaali:SignInRevalidation"] = "00:00:00",
        },
        // A challenge builds Entra's address from its metadata, which cannot be downloaded here.
        TestServices = s => s.PostConfigure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, o =>
        {
            o.Configuration = new OpenIdConnectConfiguration { AuthorizationEndpoint = "https://login.example.invalid/authorize" };
            o.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(o.Configuration);
        }),
    };

    private HttpClient ClientWithEntraCookie(AppUser user)
    {
        var options = factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme);
        var ticket = new AuthenticationTicket(new ClaimsPrincipal(PortaaliClaims.For(user, "EntraId", [nameof(UserGroup.ProductManager)])),
            // The OpenID Connect handler accepts only a cookie it issued itself, which it marks so.
            new AuthenticationProperties(new Dictionary<string, string?> { [".AuthScheme"] = OpenIdConnectDefaults.AuthenticationScheme }),
            CookieAuthenticationDefaults.AuthenticationScheme);
        var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", $"{options.Cookie.Name}={options.TicketDataFormat.Protect(ticket)}");
        return client;
    }

    [Fact]
    public async Task Demoted_administrator_signed_in_with_entra_is_refused_at_once()
    {
        var sari = await factory.AddUserAsync("Sari Lindqvist", UserGroup.Administrator);
        var client = ClientWithEntraCookie(sari);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/jobs")).StatusCode);

        await using (var db = factory.OpenDb())
            await db.Users.Where(u => u.Id == sari.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.Group, UserGroup.Management));

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/jobs")).StatusCode);
        var admin = await client.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
        Assert.Contains("/forbidden", admin.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Deactivated_user_signed_in_with_entra_is_sent_back_to_sign_in()
    {
        var sari = await factory.AddUserAsync("Sari Lindqvist", UserGroup.Administrator);
        var client = ClientWithEntraCookie(sari);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/jobs")).StatusCode);

        await using (var db = factory.OpenDb())
            await db.Users.Where(u => u.Id == sari.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false));

        var jobs = await client.GetAsync("/jobs");
        Assert.Equal(HttpStatusCode.Redirect, jobs.StatusCode);
        Assert.StartsWith("https://login.example.invalid/authorize", jobs.Headers.Location!.AbsoluteUri);
    }

    public void Dispose() => factory.Dispose();
}

/// <summary>An open circuit: its authentication state follows the database within the interval.</summary>
public class CircuitRevalidationTests : HarnessTest
{
    private async Task<AuthenticationState> NextStateAsync(RevalidatingAuthenticationState provider, Func<Task> change)
    {
        var next = new TaskCompletionSource<AuthenticationState>(TaskCreationOptions.RunContinuationsAsynchronously);
        provider.AuthenticationStateChanged += async task => next.TrySetResult(await task);
        await change();
        return await next.Task.WaitAsync(TimeSpan.FromMinutes(1));
    }

    private RevalidatingAuthenticationState Provider(AppUser user)
    {
        var provider = new RevalidatingAuthenticationState(NullLoggerFactory.Instance, new SignInRevalidator(H.DbFactory),
            new SignInSettings(TimeSpan.FromMilliseconds(100), []));
        provider.SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(PortaaliClaims.For(user, "LocalDemo")))));
        return provider;
    }

    [Fact]
    public async Task Demoted_administrators_open_circuit_loses_the_administrator_role()
    {
        var sari = await H.CreateUserAsync(UserGroup.Administrator, "Sari Lindqvist");
        using var provider = Provider(sari);

        var state = await NextStateAsync(provider, async () =>
        {
            await using var db = H.Db();
            await db.Users.Where(u => u.Id == sari.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.Group, UserGroup.AccountManager));
        });

        Assert.True(state.User.Identity!.IsAuthenticated);
        Assert.False(state.User.IsInRole(nameof(UserGroup.Administrator)));
        Assert.True(state.User.IsInRole(nameof(UserGroup.AccountManager)));
    }

    [Fact]
    public async Task Deactivated_users_open_circuit_is_signed_out()
    {
        var sari = await H.CreateUserAsync(UserGroup.Administrator, "Sari Lindqvist");
        using var provider = Provider(sari);

        var state = await NextStateAsync(provider, async () =>
        {
            await using var db = H.Db();
            await db.Users.Where(u => u.Id == sari.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false));
        });

        Assert.False(state.User.Identity?.IsAuthenticated ?? false);
    }
}
