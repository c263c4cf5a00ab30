using Microsoft.EntityFrameworkCore;
using Portaali.Core.Common;
using Portaali.Core.Customers;
using Portaali.Core.Data;
using Portaali.Core.Security;

namespace Portaali.Core.Users;

public record UserRow(int Id, string DisplayName, string Email, UserGroup Group, bool IsActive, int ResponsibleCount);

/// <summary>What an administrator fills in to add or change a user.</summary>
public class UserEdit
{
    public string DisplayName { get; set; } = "";
    public string Email { get; set; } = "";
    public UserGroup Group { get; set; } = UserGroup.AccountManager;
    public bool IsActive { get; set; } = true;
}

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

    /// <summary>Adds a user, e.g. a new member of staff before their first Entra sign-in (matched by e-mail then).</summary>
    public async Task<int> CreateAsync(UserEdit edit, CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.ManageUsers);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await ValidateAsync(db, edit, null, ct);
        var user = new AppUser { DisplayName = edit.DisplayName.Trim(), Email = edit.Email.Trim(), Group = edit.Group, IsActive = edit.IsActive };
        db.Users.Add(user);
        await db.SaveChangesAsync(ct);
        return user.Id;
    }

    /// <summary>Changes a user's name, e-mail, group and whether they may sign in; signed-in sessions follow within the
    /// revalidation interval. An administrator cannot take their own rights away.</summary>
    public async Task UpdateAsync(int id, UserEdit edit, CancellationToken ct = default)
    {
        var actor = await guard.DemandAsync(Policies.ManageUsers);
        if (id == actor.Id && (!edit.IsActive || !Policies.Administrators.Contains(edit.Group.ToString())))
            throw new DomainException(CoreText.Get("CannotDemoteSelf"));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.FindAsync([id], ct) ?? throw new NotFoundException(CoreText.Get("UserNotFound"));
        await ValidateAsync(db, edit, id, ct);
        user.DisplayName = edit.DisplayName.Trim();
        user.Email = edit.Email.Trim();
        user.Group = edit.Group;
        user.IsActive = edit.IsActive;
        await db.SaveChangesAsync(ct);
    }

    public async Task UpdateAsync(int id, UserGroup group, bool isActive, CancellationToken ct = default)
    {
        var current = await FindAsync(id, ct) ?? throw new NotFoundException(CoreText.Get("UserNotFound"));
        await UpdateAsync(id, new UserEdit { DisplayName = current.DisplayName, Email = current.Email, Group = group, IsActive = isActive }, ct);
    }

    /// <summary>Name and e-mail are required, the e-mail well formed and nobody else's in any letter case (Entra
    /// matches it case-insensitively, so two users differing only in case could not be told apart).</summary>
    private static async Task ValidateAsync(PortaaliDbContext db, UserEdit edit, int? id, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (CustomerRules.ValidateName(edit.DisplayName) is { } name) errors.Add(new(nameof(edit.DisplayName), name));
        var email = edit.Email?.Trim() ?? "";
        if (email.Length == 0) errors.Add(new(nameof(edit.Email), CoreText.Get("EmailRequired")));
        else if (CustomerRules.ValidateEmail(email) is { } format) errors.Add(new(nameof(edit.Email), format));
        else if (await db.Users.AnyAsync(u => u.Id != id && u.Email.ToLower() == email.ToLower(), ct))
            errors.Add(new(nameof(edit.Email), CoreText.Get("UserEmailInUse", email)));
        if (!Enum.IsDefined(edit.Group)) errors.Add(new(nameof(edit.Group), CoreText.Get("UserGroupRequired")));
        if (errors.Count > 0) throw new ValidationFailedException(errors);
    }

    private async Task<AppUser?> FindAsync(int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
    }

    public async Task<IReadOnlyList<PersonRef>> GetResponsibleCustomersAsync(int userId, CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.ManageUsers);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.CustomerResponsibles.AsNoTracking().Where(r => r.UserId == userId)
            .Join(db.Customers, r => r.CustomerId, c => c.Id, (r, c) => c)
            .OrderBy(c => c.NameSearch).Select(c => new PersonRef(c.Id, c.Name)).ToListAsync(ct);
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

    /// <summary>Matches an Entra ID sign-in to our user by object id, then by e-mail in any letter case (remembering the
    /// object id). An e-mail nobody has that is listed in <paramref name="bootstrapAdmins"/> becomes a new administrator:
    /// how the first administrator of a fresh database gets in. Null when no active user matches.</summary>
    public async Task<AppUser?> MatchExternalAsync(string objectId, string? email, string? displayName = null,
        IReadOnlyCollection<string>? bootstrapAdmins = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.FirstOrDefaultAsync(u => u.ExternalObjectId == objectId, ct);
        email = email?.Trim();
        if (user is null && !string.IsNullOrEmpty(email))
        {
            user = await db.Users.OrderBy(u => u.Id).FirstOrDefaultAsync(u => u.Email.ToLower() == email.ToLower(), ct);
            if (user is not null) { user.ExternalObjectId = objectId; await db.SaveChangesAsync(ct); }
            else if (bootstrapAdmins?.Contains(email, StringComparer.OrdinalIgnoreCase) == true)
            {
                user = new AppUser
                {
                    DisplayName = string.IsNullOrWhiteSpace(displayName) ? email : displayName.Trim(),
                    Email = email, Group = UserGroup.Administrator, ExternalObjectId = objectId,
                };
                db.Users.Add(user);
                await db.SaveChangesAsync(ct);
            }
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
