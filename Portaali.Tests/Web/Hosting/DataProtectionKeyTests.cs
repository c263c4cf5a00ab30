using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portaali.Core.Data;
using Portaali.Core.Users;
using Portaali.Web.Hosting;

namespace Portaali.Tests.Web.Hosting;

/// <summary>Several app instances on one database share one Data Protection key ring: what one protects (a sign-in
/// cookie) the other reads, and an app with another application name cannot.</summary>
public class DataProtectionKeyTests : IAsyncLifetime
{
    private readonly string databasePath = Path.Combine(Path.GetTempPath(), $"portaali-dp-{Guid.NewGuid():N}.db");
    private string ConnectionString => new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString();

    public async Task InitializeAsync() => File.Copy(await Support.CoreHarness.MigratedTemplateAsync(), databasePath);

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(databasePath + suffix);
        return Task.CompletedTask;
    }

    /// <summary>One "instance": its own service provider, as a separate process would have.</summary>
    private ServiceProvider Instance(string? applicationName = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [InstanceSetup.ApplicationNameSetting] = applicationName })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPortaaliCore(ConnectionString);
        services.AddPortaaliDataProtection(configuration);
        return services.BuildServiceProvider();
    }

    private static IDataProtector Protector(ServiceProvider instance) =>
        instance.GetRequiredService<IDataProtectionProvider>().CreateProtector("Portaali.Tests");

    [Fact]
    public async Task A_payload_protected_by_one_instance_is_read_by_another_and_the_key_is_in_the_database()
    {
        await using var first = Instance();
        await using var second = Instance();

        var payload = Protector(first).Protect("Minna Lehtonen");

        Assert.Equal("Minna Lehtonen", Protector(second).Unprotect(payload));
        await using var db = first.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<PortaaliDbContext>>().CreateDbContext();
        Assert.Single(db.DataProtectionKeys);
    }

    [Fact]
    public async Task An_instance_with_another_application_name_cannot_read_the_payload()
    {
        await using var portaali = Instance();
        await using var other = Instance("Toinen opisto");

        var payload = Protector(portaali).Protect("Minna Lehtonen");

        Assert.ThrowsAny<CryptographicException>(() => Protector(other).Unprotect(payload));
    }

    [Fact]
    public async Task A_sign_in_cookie_from_one_app_instance_opens_pages_on_another_but_not_on_an_app_with_another_name()
    {
        using var first = new PortaaliWebFactory { DatabaseFile = databasePath, DemoSignIn = true, TestAuthentication = false };
        var user = await first.AddUserAsync("Minna Lehtonen", UserGroup.AccountManager);
        var cookie = await SignInCookieAsync(first, user);

        using var second = new PortaaliWebFactory { DatabaseFile = databasePath, DemoSignIn = true, TestAuthentication = false };
        using var stranger = new PortaaliWebFactory
        {
            DatabaseFile = databasePath, DemoSignIn = true, TestAuthentication = false,
            Settings = { [InstanceSetup.ApplicationNameSetting] = "Toinen opisto" },
        };

        var onSecond = await GetWithCookieAsync(second, "/customers", cookie);
        Assert.Equal(HttpStatusCode.OK, onSecond.StatusCode);
        var onStranger = await GetWithCookieAsync(stranger, "/customers", cookie);
        Assert.Equal(HttpStatusCode.Redirect, onStranger.StatusCode);
        Assert.Contains("/signin", onStranger.Headers.Location?.OriginalString);
    }

    /// <summary>The demo sign-in form, cookies handled by hand so the sign-in cookie can be carried to another instance.</summary>
    private static async Task<string> SignInCookieAsync(PortaaliWebFactory factory, AppUser user)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var form = await client.GetAsync("/signin");
        var antiforgeryCookie = CookiesOf(form);
        var token = System.Text.RegularExpressions.Regex.Match(await form.Content.ReadAsStringAsync(),
            "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/local-signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["userId"] = user.Id.ToString(), ["returnUrl"] = "/", ["__RequestVerificationToken"] = token,
            }),
        };
        post.Headers.Add("Cookie", antiforgeryCookie);
        var signedIn = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookie = CookiesOf(signedIn);
        Assert.Contains(".AspNetCore.Cookies", cookie);
        return cookie;
    }

    private static string CookiesOf(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : []);

    private static async Task<HttpResponseMessage> GetWithCookieAsync(PortaaliWebFactory factory, string path, string cookie)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }
}
