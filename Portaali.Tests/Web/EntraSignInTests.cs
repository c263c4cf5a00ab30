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

    private static async Task<TokenValidatedContext> ValidateAsync(CoreHarness harness, params Claim[] claims)
    {
        var services = new ServiceCollection().AddSingleton(harness.Users).BuildServiceProvider();
        var http = new DefaultHttpContext { RequestServices = services };
        var scheme = new AuthenticationScheme(OpenIdConnectDefaults.AuthenticationScheme, null, typeof(OpenIdConnectHandler));
        var context = new TokenValidatedContext(http, scheme, new OpenIdConnectOptions(),
            new ClaimsPrincipal(new ClaimsIdentity(claims, "AuthenticationTypes.Federation")), new AuthenticationProperties());
        await EntraSignIn.MapToPortaaliUserAsync(context);
        return context;
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
    public async Task Unknown_or_inactive_account_is_refused()
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

        Assert.NotNull(unknown.Result?.Failure);
        Assert.NotNull(inactive.Result?.Failure);
    }
}
