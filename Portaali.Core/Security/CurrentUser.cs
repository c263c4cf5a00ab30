using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Portaali.Core.Common;

namespace Portaali.Core.Security;

/// <summary>Who is calling; the web app supplies it from the circuit's authentication state.</summary>
public interface ICurrentUser
{
    Task<ClaimsPrincipal> GetPrincipalAsync();
}

public record Actor(int Id, string Name);

/// <summary>Checks named policies inside Core services, so a hidden button is never the only guard.</summary>
public class AccessGuard(ICurrentUser currentUser, IAuthorizationService authorization)
{
    public async Task<Actor> DemandAsync(string policy)
    {
        var principal = await currentUser.GetPrincipalAsync();
        var id = principal.UserId();
        if (id is null)
            throw new ForbiddenException(CoreText.Get("NotSignedIn"));
        var result = await authorization.AuthorizeAsync(principal, policy);
        if (!result.Succeeded)
            throw new ForbiddenException(CoreText.Get("Forbidden"));
        return new Actor(id.Value, principal.Identity?.Name ?? "");
    }

    public Task<Actor> SignedInAsync() => DemandAsync(Policies.SignedIn);

    public async Task<bool> IsAllowedAsync(string policy)
    {
        var principal = await currentUser.GetPrincipalAsync();
        return principal.UserId() is not null && (await authorization.AuthorizeAsync(principal, policy)).Succeeded;
    }
}
