using Microsoft.Extensions.Configuration;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Portaali.Core.Users;
using Portaali.Tests.Support;
using Portaali.Web.Setup;

namespace Portaali.Tests.Web;

/// <summary>Entra ID cannot be reached here; these drive our token-validated hook with the claims Entra sends.</summary>
public class EntraSignInTests
{
    private const string ObjectIdClaim = "http://schemas.microsoft.com/identity/claims/objectidentifier";

    private static Task<TokenValidatedContext> ValidateAsync(CoreHarness harness, params Claim[] claims) => ValidateAsync(harness, null, claims);

    private static async Task<TokenValidatedContext> ValidateAsync(CoreHarness harness, SignInSettings? settings, params Claim[] claims)
    {
        var collection = new ServiceCollection().AddSingleton(harness.Users).AddSingleton(harness.Service<Portaali.Core.Usage.UsageRecorder>());
        if (settings is not null) collection.AddSingleton(settings);
        var services = collection.BuildServiceProvider();
        var http = new DefaultHttpContext { RequestServices = services };
        var scheme = new AuthenticationScheme(OpenIdConnectDefaults.AuthenticationScheme, null, typeof(OpenIdConnectHandler));
        var context = new TokenValidatedContext(http, scheme, new OpenIdConnectOptions(),
            new ClaimsPrincipal(new ClaimsIdentity(claims, "AuthenticationTypes.Federation")), new AuthenticationProperties());
        await EntraSignIn.MapToPortaaliUserAsync(context);
        return context;
    }

    [Fact]
    public async Task An_entra_sign_in_is_recorded_once_for_the_usage_report()
    {
        await using var harness = await CoreHarness.CreateAsync();
        var user = await harness.CreateUserAsync(UserGroup.AccountManager, "Minna Lehtonen");

        await ValidateAsync(harness, new Claim(ObjectIdClaim, "oid-1"), new Claim("preferred_username", user.Email));

        await using var db = harness.Db();
        var record = Assert.Single(db.SignInRecords);
        Assert.Equal((user.Id, new DateOnly(2026, 3, 10)), (record.UserId, record.LocalDate));
    }

    [Fact]
    public async Task First_sign_in_matches_the_user_by_email_and_remembers_the_object_id()
    {
        await using var harness = await CoreHarness.CreateAsync();
        var user = await harness.CreateUserAsync(UserGroup.AccountManager, "Minna Lehtonen");

        var first = await ValidateAsync(harness, new Claim(ObjectIdClaim, "oid-1"), new Claim("preferred_username", user.Email.ToUpperInvariant()));
        Assert.Null(first.Result);
        Assert.Equal("Minna Lehtonen", first.Principal!.Identity!.Name);
        Assert.True(first.Principal.IsInRole(nameof(UserGroup.AccountManager)));

        // The object id now finds the user even when the e-mail changes.
        var second = await ValidateAsync(harness, new Claim(ObjectIdClaim, "oid-1"), new Claim("preferred_username", "renamed@example.fi"));
        Assert.Equal(user.Id.ToString(), second.Principal!.FindFirstValue(ClaimTypes.NameIdentifier));
    }

    [Fact]
    public async Task App_roles_from_entra_are_added_to_the_group_role()
    {
        await using var harness = await CoreHarness.CreateAsync();
        var user = await harness.CreateUserAsync(UserGroup.AccountManager);

        var context = await ValidateAsync(harness, new Claim(ObjectIdClaim, "oid-2"), new Claim("preferred_username", user.Email),
            new Claim(ClaimTypes.Role, "Management"), new Claim(ClaimTypes.Role, "NotAPortaaliRole"));

        Assert.True(context.Principal!.IsInRole("Management"));
        Assert.True(context.Principal.IsInRole(nameof(UserGroup.AccountManager)));
        Assert.False(context.Principal.IsInRole("NotAPortaaliRole"));
    }

    [Fact]
    public async Task Unknown_or_inactive_account_is_told_to_ask_an_administrator()
    {
        await using var harness = await CoreHarness.CreateAsync();
        var user = await harness.CreateUserAsync(UserGroup.AccountManager);
        await using (var db = harness.Db())
        {
            db.Users.Find(user.Id)!.IsActive = false;
            await db.SaveChangesAsync();
        }

        var unknown = await ValidateAsync(harness, new Claim(ObjectIdClaim, "oid-x"), new Claim("preferred_username", "stranger@example.fi"));
        var inactive = await ValidateAsync(harness, new Claim(ObjectIdClaim, "oid-y"), new Claim("preferred_username", user.Email));

        foreach (var refused in new[] { unknown, inactive })
        {
            Assert.True(refused.Result?.Handled, "no cookie is issued and no error is raised");
            Assert.Equal(EntraSignIn.NotRegisteredPath, refused.Response.Headers.Location.ToString());
        }
    }

    [Fact]
    public async Task First_sign_in_matches_a_mixed_case_address_in_any_case()
    {
        await using var harness = await CoreHarness.CreateAsync();
        var user = await harness.CreateUserAsync(UserGroup.AccountManager, "Minna Lehtonen");
        await using (var db = harness.Db())
        {
            db.Users.Find(user.Id)!.Email = "Minna.Lehtonen@Aikuisopisto.fi"; // as the seed and people type them
            await db.SaveChangesAsync();
        }

        var context = await ValidateAsync(harness, new Claim(ObjectIdClaim, "oid-3"), new Claim("preferred_username", "minna.lehtonen@aikuisopisto.FI"));

        Assert.Null(context.Result);
        Assert.Equal(user.Id.ToString(), context.Principal!.FindFirstValue(ClaimTypes.NameIdentifier));
    }

    [Fact]
    public async Task A_bootstrap_administrator_gets_in_to_an_empty_database_and_nobody_else_does()
    {
        await using var harness = await CoreHarness.CreateAsync();
        var settings = new SignInSettings(SignInSettings.DefaultRevalidationInterval, ["Sari.Lindqvist@aikuisopisto.fi"]);

        var stranger = await ValidateAsync(harness, settings, new Claim(ObjectIdClaim, "oid-s"), new Claim("preferred_username", "someone@aikuisopisto.fi"));
        var sari = await ValidateAsync(harness, settings, new Claim(ObjectIdClaim, "oid-a"),
            new Claim("preferred_username", "sari.lindqvist@aikuisopisto.fi"), new Claim("name", "Sari Lindqvist"));

        Assert.True(stranger.Result?.Handled);
        Assert.Null(sari.Result);
        Assert.Equal("Sari Lindqvist", sari.Principal!.Identity!.Name);
        Assert.True(sari.Principal.IsInRole(nameof(UserGroup.Administrator)));
        await using var db = harness.Db();
        var created = db.Users.Single();
        Assert.Equal(("sari.lindqvist@aikuisopisto.fi", UserGroup.Administrator, true, "oid-a"), (created.Email, created.Group, created.IsActive, created.ExternalObjectId));
    }

    [Fact]
    public void Bootstrap_administrators_are_read_as_a_list_or_one_separated_string()
    {
        var listed = new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Portaali:BootstrapAdmins:0"] = "a@x.fi", ["Portaali:BootstrapAdmins:1"] = "b@x.fi",
        }).Build();
        var joined = new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Portaali:BootstrapAdmins"] = "a@x.fi; b@x.fi,A@X.FI",
        }).Build();

        Assert.Equal(["a@x.fi", "b@x.fi"], SignInSettings.From(listed).BootstrapAdmins);
        Assert.Equal(["a@x.fi", "b@x.fi"], SignInSettings.From(joined).BootstrapAdmins);
        Assert.Empty(SignInSettings.From(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build()).BootstrapAdmins);
    }
}

/// <summary>The page an unknown Entra account lands on, in both languages, anonymous.</summary>
public class NotRegisteredPageTests(NotRegisteredPageTests.App factory) : IClassFixture<NotRegisteredPageTests.App>
{
    /// <summary>One app in Production for both languages: the page is anonymous and changes nothing.</summary>
    public sealed class App : PortaaliWebFactory
    {
        public App() => Environment = "Production";
    }

    [Theory]
    [InlineData("fi", "Pyydä Portaalin ylläpitäjää lisäämään sinut käyttäjäksi")]
    [InlineData("en", "Ask your Portaali administrator to add you as a user")]
    public async Task Unknown_account_is_told_to_ask_an_administrator(string culture, string text)
    {
        var client = factory.ClientFor(null);
        client.DefaultRequestHeaders.Add("Cookie", $".AspNetCore.Culture=c%3Dfi-FI%7Cuic%3D{culture}");
        var response = await client.GetAsync(EntraSignIn.NotRegisteredPath);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(text, System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }
}
