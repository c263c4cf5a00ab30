using System.Security.Claims;
using Portaali.Core.Users;

namespace Portaali.Core.Security;

public static class PortaaliClaims
{
    /// <summary>Builds the identity every sign-in mode ends with: our user id, name, e-mail and group role.</summary>
    public static ClaimsIdentity For(AppUser user, string authenticationType) => new(
    [
        new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()),
        new Claim(ClaimTypes.Name, user.DisplayName),
        new Claim(ClaimTypes.Email, user.Email),
        new Claim(ClaimTypes.Role, user.Group.ToString()),
    ], authenticationType, ClaimTypes.Name, ClaimTypes.Role);

    public static int? UserId(this ClaimsPrincipal principal) =>
        int.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}
