using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Portaali.Core.Common;
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
    /// <summary>The widgets the signed-in user may add, with the setting choices they may make.</summary>
    public async Task<IReadOnlyList<WidgetDefinition>> AvailableWidgetsAsync(CancellationToken ct = default)
    {
        var me = await MeAsync(ct);
        return await AllowedAsync(me.Allows);
    }

    /// <summary>The signed-in user's desktop: their copy, or their role's default.</summary>
    public async Task<MyDesktop> GetMineAsync(CancellationToken ct = default)
    {
        var me = await MeAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await LoadMineAsync(db, me, ct);
    }

    /// <summary>Saves the user's arrangement (add, remove, move, resize, settings) as their own copy; refuses widgets,
    /// sizes and setting values they may not use, and a stale <paramref name="expectedVersion"/>.</summary>
    public async Task<MyDesktop> SaveMineAsync(DesktopLayout layout, Guid? expectedVersion, CancellationToken ct = default)
    {
        var me = await MeAsync(ct);
        ValidateShape(layout);
        await DemandAllowedAsync(layout, me.Allows,
            key => new ForbiddenException(CoreText.Get("DesktopWidgetForbidden", key)),
            (name, value) => new ForbiddenException(CoreText.Get("DesktopChoiceForbidden", name, value)));

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var copy = await db.UserDesktops.FirstOrDefaultAsync(d => d.UserId == me.User.Id, ct);
        if (copy?.Version != expectedVersion) throw Conflict();
        var roleVersion = await RoleVersionAsync(db, me.User.Group, ct);
        if (copy is null)
        {
            copy = new UserDesktop { UserId = me.User.Id, BasedOnRoleVersion = roleVersion };
            db.UserDesktops.Add(copy);
        }
        else if (copy.Group != me.User.Group) copy.BasedOnRoleVersion = roleVersion; // a copy from the old group starts afresh
        copy.Group = me.User.Group;
        copy.LayoutJson = layout.ToJson();
        copy.ChangedAtUtc = clock.GetUtcNow().UtcDateTime;
        copy.Version = Guid.NewGuid();
        try { await db.SaveChangesAsync(ct); }
        // Another tab saved between our read and write: the token no longer matches, or its first copy's row now exists.
        catch (DbUpdateException) { throw Conflict(); }
        return await LoadMineAsync(db, me, ct);
    }

    /// <summary>Drops the user's copy: they follow their role's default again.</summary>
    public async Task<MyDesktop> ResetMineAsync(CancellationToken ct = default)
    {
        var me = await MeAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.UserDesktops.Where(d => d.UserId == me.User.Id).ExecuteDeleteAsync(ct);
        return await LoadMineAsync(db, me, ct);
    }

    /// <summary>Keeps the user's copy and stops telling them about the newer role default.</summary>
    public async Task<MyDesktop> KeepMineAsync(CancellationToken ct = default)
    {
        var me = await MeAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var roleVersion = await RoleVersionAsync(db, me.User.Group, ct);
        await db.UserDesktops.Where(d => d.UserId == me.User.Id && d.Group == me.User.Group)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.BasedOnRoleVersion, roleVersion), ct);
        return await LoadMineAsync(db, me, ct);
    }

    /// <summary>Every role's default (administrators).</summary>
    public async Task<RoleDesktopView> GetRoleDefaultAsync(UserGroup group, CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.Administer);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await LoadRoleDefaultAsync(db, group, ct);
    }

    /// <summary>The widgets a role may have (administrators designing its default).</summary>
    public async Task<IReadOnlyList<WidgetDefinition>> WidgetsForRoleAsync(UserGroup group, CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.Administer);
        return await AllowedAsync(PolicyCheck(RolePrincipal(group)));
    }

    /// <summary>Saves a role's default (administrators); users who never customised get it at once, the others are told.</summary>
    public async Task<RoleDesktopView> SaveRoleDefaultAsync(UserGroup group, DesktopLayout layout, int expectedVersion, CancellationToken ct = default)
    {
        var actor = await guard.DemandAsync(Policies.Administer);
        ValidateShape(layout);
        // The administrator may use every widget; the question is whether the role may, so a refusal is bad input here.
        await DemandAllowedAsync(layout, PolicyCheck(RolePrincipal(group)),
            key => Invalid("widgets", CoreText.Get("DesktopWidgetNotForRole", key)),
            (name, value) => Invalid("widgets", CoreText.Get("DesktopChoiceNotForRole", name, value)));

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.RoleDesktops.FirstOrDefaultAsync(d => d.Group == group, ct);
        if ((row?.Version ?? 0) != expectedVersion) throw RoleConflict();
        if (row is null) db.RoleDesktops.Add(row = new RoleDesktop { Group = group });
        row.LayoutJson = layout.ToJson();
        row.Version = expectedVersion + 1;
        row.ChangedAtUtc = clock.GetUtcNow().UtcDateTime;
        row.ChangedByName = actor.Name;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { throw RoleConflict(); }
        return await LoadRoleDefaultAsync(db, group, ct);
    }

    // ---- who is asking ----------------------------------------------------------------------

    /// <summary>The signed-in user as the database knows them now, and the check of a policy for them.</summary>
    private sealed record Me(AppUser User, Func<string, Task<bool>> Allows);

    private async Task<Me> MeAsync(CancellationToken ct)
    {
        var actor = await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == actor.Id, ct)
            ?? throw new ForbiddenException(CoreText.Get("NotSignedIn"));
        // The group is the database's (a move to another group counts before the sign-in is refreshed); Entra app roles
        // come from the sign-in, as the revalidator keeps them. The sign-in's own claims must allow it too.
        var principal = await currentUser.GetPrincipalAsync();
        var asStored = PolicyCheck(new ClaimsPrincipal(PortaaliClaims.For(user, "Portaali",
            principal.FindAll(PortaaliClaims.AppRole).Select(c => c.Value))));
        return new Me(user, async policy => await asStored(policy) && await guard.IsAllowedAsync(policy));
    }

    /// <summary>A principal of the group as its sign-in would build it, for judging what the role may use.</summary>
    private static ClaimsPrincipal RolePrincipal(UserGroup group) =>
        new(PortaaliClaims.For(new AppUser { Id = 0, DisplayName = group.ToString(), Email = "", Group = group }, "Portaali"));

    /// <summary>Asks each policy once per call, whatever number of widgets needs it.</summary>
    private Func<string, Task<bool>> PolicyCheck(ClaimsPrincipal principal)
    {
        var known = new Dictionary<string, bool>();
        return async policy =>
        {
            if (!known.TryGetValue(policy, out var allowed))
                known[policy] = allowed = (await authorization.AuthorizeAsync(principal, policy)).Succeeded;
            return allowed;
        };
    }

    /// <summary>The widgets allowed, each with only the setting choices allowed (what the editor's selects offer).</summary>
    private static async Task<IReadOnlyList<WidgetDefinition>> AllowedAsync(Func<string, Task<bool>> allows)
    {
        var result = new List<WidgetDefinition>();
        foreach (var widget in WidgetRegistry.All)
        {
            if (!await allows(widget.Policy)) continue;
            var settings = new List<WidgetSettingDefinition>();
            foreach (var setting in widget.Settings)
            {
                var choices = new List<WidgetChoice>();
                foreach (var choice in setting.Choices)
                    if (choice.Policy is null || await allows(choice.Policy)) choices.Add(choice);
                settings.Add(setting with { Choices = choices });
            }
            result.Add(widget with { Settings = settings });
        }
        return result;
    }

    // ---- reading ----------------------------------------------------------------------------

    private async Task<MyDesktop> LoadMineAsync(PortaaliDbContext db, Me me, CancellationToken ct)
    {
        var copy = await db.UserDesktops.AsNoTracking().Where(d => d.UserId == me.User.Id)
            .Select(d => new { d.LayoutJson, d.Group, d.BasedOnRoleVersion, d.Version }).FirstOrDefaultAsync(ct);
        var role = await db.RoleDesktops.AsNoTracking().Where(d => d.Group == me.User.Group)
            .Select(d => new { d.LayoutJson, d.Version }).FirstOrDefaultAsync(ct);
        var roleVersion = role?.Version ?? 0;
        if (copy is not null && copy.Group == me.User.Group)
            return new MyDesktop(await UsableAsync(DesktopLayout.FromJson(copy.LayoutJson), me.Allows), true,
                copy.BasedOnRoleVersion < roleVersion, copy.Version);
        var roleLayout = role is null ? WidgetRegistry.DefaultFor(me.User.Group) : DesktopLayout.FromJson(role.LayoutJson);
        // A copy made in the user's former group is not shown, but its version lets the first save replace it.
        return new MyDesktop(await UsableAsync(roleLayout, me.Allows), false, false, copy?.Version);
    }

    private static async Task<int> RoleVersionAsync(PortaaliDbContext db, UserGroup group, CancellationToken ct) =>
        await db.RoleDesktops.Where(d => d.Group == group).Select(d => (int?)d.Version).FirstOrDefaultAsync(ct) ?? 0;

    private async Task<RoleDesktopView> LoadRoleDefaultAsync(PortaaliDbContext db, UserGroup group, CancellationToken ct)
    {
        var row = await db.RoleDesktops.AsNoTracking().FirstOrDefaultAsync(d => d.Group == group, ct);
        var layout = row is null ? WidgetRegistry.DefaultFor(group) : DesktopLayout.FromJson(row.LayoutJson);
        return new RoleDesktopView(group, await UsableAsync(layout, PolicyCheck(RolePrincipal(group))), row is not null,
            row?.Version ?? 0, row?.ChangedAtUtc, row?.ChangedByName);
    }

    /// <summary>The layout without the widgets the principal may not use (or no longer known), and with each setting
    /// value they may not choose back at the widget's default.</summary>
    private static async Task<DesktopLayout> UsableAsync(DesktopLayout layout, Func<string, Task<bool>> allows)
    {
        var widgets = new List<WidgetPlacement>();
        foreach (var placement in layout.Widgets)
        {
            if (WidgetRegistry.Find(placement.Key) is not { } widget || !await allows(widget.Policy)) continue;
            var settings = new Dictionary<string, string>();
            foreach (var (name, value) in placement.Settings ?? new Dictionary<string, string>())
            {
                var choice = widget.Settings.FirstOrDefault(s => s.Name == name)?.Choices.FirstOrDefault(c => c.Value == value);
                if (choice is not null && (choice.Policy is null || await allows(choice.Policy))) settings[name] = value;
            }
            widgets.Add(placement with { Settings = settings.Count == 0 ? null : settings });
        }
        return new DesktopLayout(widgets);
    }

    // ---- checking a layout ------------------------------------------------------------------

    private static void ValidateShape(DesktopLayout layout)
    {
        var errors = new List<FieldError>();
        if (layout.Widgets.Count > DesktopRules.MaxWidgets)
            errors.Add(new("widgets", CoreText.Get("DesktopTooManyWidgets", DesktopRules.MaxWidgets)));
        if (layout.Widgets.Select(w => w.Id).Distinct().Count() != layout.Widgets.Count)
            errors.Add(new("widgets", CoreText.Get("DesktopDuplicateWidget")));
        foreach (var placement in layout.Widgets)
        {
            if (WidgetRegistry.Find(placement.Key) is not { } widget)
            {
                errors.Add(new("widgets", CoreText.Get("DesktopUnknownWidget", placement.Key)));
                continue;
            }
            if (!WidgetPlacement.Widths.Contains(placement.Width))
                errors.Add(new("width", CoreText.Get("DesktopWidgetWidth", string.Join(", ", WidgetPlacement.Widths))));
            if (placement.Height is < WidgetPlacement.MinHeight or > WidgetPlacement.MaxHeight)
                errors.Add(new("height", CoreText.Get("DesktopWidgetHeight", WidgetPlacement.MinHeight, WidgetPlacement.MaxHeight)));
            foreach (var (name, value) in placement.Settings ?? new Dictionary<string, string>())
            {
                var setting = widget.Settings.FirstOrDefault(s => s.Name == name);
                if (setting is null) errors.Add(new("settings", CoreText.Get("DesktopUnknownSetting", name)));
                else if (setting.Choices.All(c => c.Value != value)) errors.Add(new("settings", CoreText.Get("DesktopUnknownChoice", name, value)));
            }
        }
        if (errors.Count > 0) throw new ValidationFailedException([.. errors.Distinct()]);
    }

    private static async Task DemandAllowedAsync(DesktopLayout layout, Func<string, Task<bool>> allows,
        Func<string, DomainException> widgetRefused, Func<string, string, DomainException> choiceRefused)
    {
        foreach (var placement in layout.Widgets)
        {
            var widget = WidgetRegistry.Find(placement.Key)!;
            if (!await allows(widget.Policy)) throw widgetRefused(widget.Key);
            foreach (var (name, value) in placement.Settings ?? new Dictionary<string, string>())
                if (widget.Settings.First(s => s.Name == name).Choices.First(c => c.Value == value).Policy is { } policy && !await allows(policy))
                    throw choiceRefused(name, value);
        }
    }

    private static ValidationFailedException Invalid(string field, string message) => new([new FieldError(field, message)]);
    private static ConcurrencyConflictException Conflict() => new(CoreText.Get("DesktopConflict"));
    private static ConcurrencyConflictException RoleConflict() => new(CoreText.Get("RoleDesktopConflict"));
}

/// <summary>Limits of a desktop, shared by the service and the editor.</summary>
public static class DesktopRules
{
    /// <summary>More than this no screen shows usefully, and each widget loads its own data.</summary>
    public const int MaxWidgets = 24;
}
