using System.Security.Claims;
using Portaali.Core.Users;

namespace Portaali.Core.Security;

public static class PortaaliClaims
{
    /// <summary>A role Entra ID granted as an app role; kept apart from the group role so a rebuild from the database keeps it.</summary>
    public const string AppRole = "portaali:app_role";

    /// <summary>Builds the identity every sign-in mode ends with: our user id, name, e-mail and group role, plus any
    /// Entra app roles (each both as a role and as an <see cref="AppRole"/> claim).</summary>
    public static ClaimsIdentity For(AppUser user, string authenticationType, IEnumerable<string>? appRoles = null)
    {
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new Claim(ClaimTypes.Name, user.DisplayName),
            new Claim(ClaimTypes.Email, user.Email),
            new Claim(ClaimTypes.Role, user.Group.ToString()),
        ], authenticationType, ClaimTypes.Name, ClaimTypes.Role);
        foreach (var role in (appRoles ?? []).Distinct())
        {
            identity.AddClaim(new Claim(AppRole, role));
            if (!identity.HasClaim(ClaimTypes.Role, role)) identity.AddClaim(new Claim(ClaimTypes.Role, role));
        }
        return identity;
    }

    public static int? UserId(this ClaimsPrincipal principal) =>
        int.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}
