using Microsoft.EntityFrameworkCore;
using Portaali.Core.Common;
using Portaali.Core.Customers;
using Portaali.Core.Data;
using Portaali.Core.Security;

namespace Portaali.Core.Users;

public record UserRow(int Id, string DisplayName, string Email, UserGroup Group, bool IsActive, int ResponsibleCount);

/// <summary>User administration (administrators) and the signed-in user's own preferences.</summary>
public class UserService(IDbContextFactory<PortaaliDbContext> dbFactory, AccessGuard guard)
{
    /// <summary>Active users for the local demo sign-in page and pickers; no guard, it carries no customer data.</summary>
    public async Task<IReadOnlyList<UserRow>> ListActiveAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.Group).ThenBy(u => u.DisplayName)
            .Select(u => new UserRow(u.Id, u.DisplayName, u.Email, u.Group, u.IsActive, 0)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<UserRow>> ListAllAsync(CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.ManageUsers);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking().OrderBy(u => u.Group).ThenBy(u => u.DisplayName)
            .Select(u => new UserRow(u.Id, u.DisplayName, u.Email, u.Group, u.IsActive,
                db.CustomerResponsibles.Count(r => r.UserId == u.Id))).ToListAsync(ct);
    }

    public async Task UpdateAsync(int id, UserGroup group, bool isActive, CancellationToken ct = default)
    {
        var actor = await guard.DemandAsync(Policies.ManageUsers);
        if (id == actor.Id && (!isActive || !Policies.Administrators.Contains(group.ToString())))
            throw new DomainException(CoreText.Get("CannotDemoteSelf"));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.FindAsync([id], ct) ?? throw new NotFoundException(CoreText.Get("UserNotFound"));
        user.Group = group;
        user.IsActive = isActive;
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<PersonRef>> GetResponsibleCustomersAsync(int userId, CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.ManageUsers);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.CustomerResponsibles.AsNoTracking().Where(r => r.UserId == userId)
            .Join(db.Customers, r => r.CustomerId, c => c.Id, (r, c) => c)
            .OrderBy(c => c.Name).Select(c => new PersonRef(c.Id, c.Name)).ToListAsync(ct); // EF cannot order by a record's member
    }

    public async Task AddResponsibilityAsync(int userId, int customerId, CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.ManageUsers);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.CustomerResponsibles.AnyAsync(r => r.UserId == userId && r.CustomerId == customerId, ct)) return;
        db.CustomerResponsibles.Add(new CustomerResponsible { UserId = userId, CustomerId = customerId });
        await db.SaveChangesAsync(ct);
    }

    public async Task RemoveResponsibilityAsync(int userId, int customerId, CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.ManageUsers);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.CustomerResponsibles.Where(r => r.UserId == userId && r.CustomerId == customerId).ExecuteDeleteAsync(ct);
    }

    public async Task<AppUser?> FindActiveAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id && u.IsActive, ct);
    }

    /// <summary>Matches an Entra ID sign-in to our user by object id, then by e-mail (remembering the object id).</summary>
    public async Task<AppUser?> MatchExternalAsync(string objectId, string? email, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.FirstOrDefaultAsync(u => u.ExternalObjectId == objectId, ct);
        if (user is null && !string.IsNullOrEmpty(email))
        {
            user = await db.Users.FirstOrDefaultAsync(u => u.Email == email.ToLowerInvariant(), ct);
            if (user is not null) { user.ExternalObjectId = objectId; await db.SaveChangesAsync(ct); }
        }
        return user is { IsActive: true } ? user : null;
    }

    public async Task<bool> GetDarkModeAsync(CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.Where(u => u.Id == actor.Id).Select(u => u.PrefersDarkMode).FirstOrDefaultAsync(ct);
    }

    public async Task SetDarkModeAsync(bool dark, CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Users.Where(u => u.Id == actor.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.PrefersDarkMode, dark), ct);
    }

    public async Task<IReadOnlyList<PersonRef>> ListPeopleAsync(CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.DisplayName)
            .Select(u => new PersonRef(u.Id, u.DisplayName)).ToListAsync(ct);
    }
}
