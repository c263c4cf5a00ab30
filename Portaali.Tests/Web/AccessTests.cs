using System.Net;
using Portaali.Core.Users;

namespace Portaali.Tests.Web;

/// <remarks>One app host for the class: the tests add the users they sign in as and only read.</remarks>
public class AccessTests(DemoSignInWebFactory factory) : IClassFixture<DemoSignInWebFactory>
{
    [Fact]
    public async Task Anonymous_visitor_is_redirected_to_sign_in()
    {
        var response = await factory.ClientFor(null).GetAsync("/customers");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin", response.Headers.Location!.PathAndQuery.Replace("http://localhost", ""));
    }

    [Fact]
    public async Task Account_manager_is_refused_classification_admin()
    {
        var user = await factory.AddUserAsync("Minna Lehtonen", UserGroup.AccountManager);
        var client = factory.ClientFor(user);
        var response = await client.GetAsync("/admin/classifications");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/forbidden", response.Headers.Location!.PathAndQuery);
        var html = await GetHtmlAsync(client, response.Headers.Location!.PathAndQuery);
        Assert.Contains("data-testid=\"forbidden\"", html);
        Assert.DoesNotContain("Luokitusten ylläpito", html);
    }

    [Theory]
    [InlineData(UserGroup.Administrator)]
    [InlineData(UserGroup.DeputyAdministrator)]
    public async Task Administrators_open_classification_admin(UserGroup group)
    {
        var user = await factory.AddUserAsync("Ylläpitäjä", group);
        var html = await GetHtmlAsync(factory.ClientFor(user), "/admin/classifications");
        Assert.Contains("Luokitusten ylläpito", html);
        Assert.DoesNotContain("data-testid=\"forbidden\"", html);
    }

    [Fact]
    public async Task Management_is_refused_user_admin()
    {
        var user = await factory.AddUserAsync("Riitta Halonen", UserGroup.Management);
        var response = await factory.ClientFor(user).GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/forbidden", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Sign_in_page_lists_users_by_group_with_demo_marker()
    {
        await factory.AddUserAsync("Minna Lehtonen", UserGroup.AccountManager);
        var html = await GetHtmlAsync(factory.ClientFor(null), "/signin");
        Assert.Contains("Minna Lehtonen", html);
        Assert.Contains("Asiakasvastaava", html);
        Assert.Contains("data-testid=\"demo-marker\"", html);
    }

    [Fact]
    public async Task Chosen_language_is_remembered_in_a_cookie()
    {
        var client = factory.ClientFor(null);
        var set = await client.GetAsync("/culture?ui=en&returnUrl=/signin");
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        var cookie = set.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Culture"));

        var request = new HttpRequestMessage(HttpMethod.Get, "/signin");
        request.Headers.Add("Cookie", cookie.Split(';')[0]);
        var html = WebUtility.HtmlDecode(await (await client.SendAsync(request)).Content.ReadAsStringAsync());
        Assert.Contains("Customer relationships of the adult-education college", html);
        Assert.Contains("lang=\"en\"", html);
    }

    [Fact]
    public async Task Finnish_is_the_default_language()
    {
        var html = await GetHtmlAsync(factory.ClientFor(null), "/signin");
        Assert.Contains("Aikuisopiston asiakkuudenhallinta", html);
        Assert.Contains("lang=\"fi\"", html);
    }

    /// <summary>The page as a person reads it: server rendering encodes ä and ö as entities.</summary>
    internal static async Task<string> GetHtmlAsync(HttpClient client, string path) =>
        WebUtility.HtmlDecode(await client.GetStringAsync(path));
}

public class ProductionSignInTests : IDisposable
{
    private readonly PortaaliWebFactory factory = new() { Environment = "Production", DemoSignIn = false };

    [Fact]
    public async Task Demo_sign_in_is_off_in_production_unless_configured()
    {
        var user = await factory.AddUserAsync("Minna Lehtonen", UserGroup.AccountManager);
        var client = factory.ClientFor(null);
        var html = await AccessTests.GetHtmlAsync(client, "/signin");
        Assert.DoesNotContain("Minna Lehtonen", html);
        Assert.Contains("Kirjautumista ei ole määritetty", html);

        var post = await client.PostAsync("/account/local-signin", new FormUrlEncodedContent(new Dictionary<string, string> { ["userId"] = user.Id.ToString() }));
        Assert.NotEqual(HttpStatusCode.Redirect, post.StatusCode);
        Assert.False(post.Headers.Contains("Set-Cookie"));
    }

    public void Dispose() => factory.Dispose();
}
