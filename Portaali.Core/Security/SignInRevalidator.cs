using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portaali.Core.Data;

namespace Portaali.Core.Security;

/// <summary>Checks a signed-in principal against the database, so user administration takes effect on sign-in cookies and
/// open circuits without a new sign-in: a deactivated or removed user is refused, a changed group, name or e-mail
/// replaces the old claims (Entra app roles are kept: Entra, not our database, grants them).</summary>
public class SignInRevalidator(IDbContextFactory<PortaaliDbContext> dbFactory)
{
    /// <summary>Null when the user may no longer sign in; the same principal when nothing changed; otherwise a rebuilt one.</summary>
    public async Task<ClaimsPrincipal?> RevalidateAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        if (principal.UserId() is not { } id) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id && u.IsActive, ct);
        if (user is null) return null;
        var current = PortaaliClaims.For(user, principal.Identity?.AuthenticationType ?? "Portaali",
            principal.FindAll(PortaaliClaims.AppRole).Select(c => c.Value));
        return Fingerprint(principal.Claims).SetEquals(Fingerprint(current.Claims)) ? principal : new ClaimsPrincipal(current);
    }

    private static readonly string[] Compared = [ClaimTypes.NameIdentifier, ClaimTypes.Name, ClaimTypes.Email, ClaimTypes.Role, PortaaliClaims.AppRole];

    private static HashSet<string> Fingerprint(IEnumerable<Claim> claims) =>
        claims.Where(c => Compared.Contains(c.Type)).Select(c => c.Type + "\n" + c.Value).ToHashSet();
}
