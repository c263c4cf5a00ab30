#pragma warning disable CS9113 // the contract's dependencies; the desktop part implements the bodies
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Portaali.Core.Data;
using Portaali.Core.Security;
using Portaali.Core.Users;

namespace Portaali.Core.Desktops;

/// <summary>The signed-in user's desktop as it opens: only widgets their role may use.</summary>
/// <param name="IsCustomised">The user has their own copy (false: they follow the role default).</param>
/// <param name="NewerRoleDefault">The role default changed after the user made their copy; they may take it (reset).</param>
/// <param name="Version">Pass back on save; a stale one means the desktop was saved elsewhere first.</param>
public sealed record MyDesktop(DesktopLayout Layout, bool IsCustomised, bool NewerRoleDefault, Guid? Version);

/// <summary>A role's default desktop for the designer.</summary>
/// <param name="IsDesigned">An administrator has designed it (false: the default in code).</param>
public sealed record RoleDesktopView(UserGroup Group, DesktopLayout Layout, bool IsDesigned, int Version, DateTime? ChangedAtUtc, string? ChangedByName);

/// <summary>
/// Desktops: each user's own and each role's default. Every path checks the widget registry's policies here — a user
/// never gets, adds or keeps a widget their role may not use, and a role default never holds one the role may not use.
/// </summary>
public class DesktopService(IDbContextFactory<PortaaliDbContext> dbFactory, AccessGuard guard, ICurrentUser currentUser,
    IAuthorizationService authorization, TimeProvider clock)
{
    /// <summary>The widgets the signed-in user may add.</summary>
    public Task<IReadOnlyList<WidgetDefinition>> AvailableWidgetsAsync(CancellationToken ct = default) => throw new NotImplementedException();

    /// <summary>The signed-in user's desktop: their copy, or their role's default.</summary>
    public Task<MyDesktop> GetMineAsync(CancellationToken ct = default) => throw new NotImplementedException();

    /// <summary>Saves the user's arrangement (add, remove, move, resize, settings) as their own copy; refuses widgets,
    /// sizes and setting values they may not use, and a stale <paramref name="expectedVersion"/>.</summary>
    public Task<MyDesktop> SaveMineAsync(DesktopLayout layout, Guid? expectedVersion, CancellationToken ct = default) => throw new NotImplementedException();

    /// <summary>Drops the user's copy: they follow their role's default again.</summary>
    public Task<MyDesktop> ResetMineAsync(CancellationToken ct = default) => throw new NotImplementedException();

    /// <summary>Keeps the user's copy and stops telling them about the newer role default.</summary>
    public Task<MyDesktop> KeepMineAsync(CancellationToken ct = default) => throw new NotImplementedException();

    /// <summary>Every role's default (administrators).</summary>
    public Task<RoleDesktopView> GetRoleDefaultAsync(UserGroup group, CancellationToken ct = default) => throw new NotImplementedException();

    /// <summary>The widgets a role may have (administrators designing its default).</summary>
    public Task<IReadOnlyList<WidgetDefinition>> WidgetsForRoleAsync(UserGroup group, CancellationToken ct = default) => throw new NotImplementedException();

    /// <summary>Saves a role's default (administrators); users who never customised get it at once, the others are told.</summary>
    public Task<RoleDesktopView> SaveRoleDefaultAsync(UserGroup group, DesktopLayout layout, int expectedVersion, CancellationToken ct = default) => throw new NotImplementedException();
}
