using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Portaali.Core.Security;

namespace Portaali.Web.Setup;

/// <summary>The sign-in cookie (demo and Entra alike) is checked against the database at most once per
/// <see cref="SignInSettings.RevalidationInterval"/>: a deactivated user is signed out, a demoted one gets their new roles.
/// Without it a cookie kept its roles for its whole ten-hour life.</summary>
public static class CookieRevalidation
{
    private const string CheckedAt = ".portaali.checked";

    public static void AddTo(CookieAuthenticationOptions options)
    {
        var inner = options.Events.OnValidatePrincipal;
        options.Events.OnValidatePrincipal = async context =>
        {
            await inner(context);
            if (context.Principal is not null) await ValidateAsync(context);
        };
    }

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var interval = services.GetRequiredService<SignInSettings>().RevalidationInterval;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (context.Properties.Items.TryGetValue(CheckedAt, out var value)
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var checkedAt)
            && checkedAt <= now && now - checkedAt < interval)
            return;

        var current = await services.GetRequiredService<SignInRevalidator>().RevalidateAsync(context.Principal!, context.HttpContext.RequestAborted);
        if (current is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
            return;
        }
        if (!ReferenceEquals(current, context.Principal)) context.ReplacePrincipal(current);
        context.Properties.Items[CheckedAt] = now.ToString("O", CultureInfo.InvariantCulture);
        context.ShouldRenew = true;
    }
}

/// <summary>An open circuit checks its user against the database every <see cref="SignInSettings.RevalidationInterval"/>:
/// a deactivated user is signed out of the circuit (the page sends them to sign-in), a changed group replaces the roles
/// at once, so a demoted administrator's open admin page turns to "no access".</summary>
public class RevalidatingAuthenticationState(ILoggerFactory loggerFactory, SignInRevalidator revalidator, SignInSettings settings)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    // A zero interval (tests) would spin; a tenth of a second is still "at once" for a person.
    protected override TimeSpan RevalidationInterval =>
        settings.RevalidationInterval < TimeSpan.FromMilliseconds(100) ? TimeSpan.FromMilliseconds(100) : settings.RevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var current = await revalidator.RevalidateAsync(authenticationState.User, cancellationToken);
        if (current is null) return false;
        // A new state restarts the loop with the new principal; the old loop ends with its cancelled token.
        if (!ReferenceEquals(current, authenticationState.User))
            SetAuthenticationState(Task.FromResult(new AuthenticationState(current)));
        return true;
    }
}
