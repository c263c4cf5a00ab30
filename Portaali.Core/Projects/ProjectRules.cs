using Microsoft.EntityFrameworkCore;
using Portaali.Core.Common;
using Portaali.Core.Data;
using Portaali.Core.Users;

namespace Portaali.Core.Projects;

/// <summary>The rules of projects and their networks that several use cases share: who keeps and changes projects, the
/// project form's validation, a customer merge's effect on networks, and which project an activity may be logged on.</summary>
public static class ProjectRules
{
    /// <summary>The groups that create and own projects (<see cref="Security.Policies.KeepProjects"/>).</summary>
    public static readonly IReadOnlyList<UserGroup> Keepers =
    [
        UserGroup.Administrator, UserGroup.DeputyAdministrator, UserGroup.Management, UserGroup.ProjectOperations,
        UserGroup.InternationalOperations, UserGroup.InnoOmnia, UserGroup.PedagogicalManager, UserGroup.RegionalCoordinator,
        UserGroup.CustomerRelationshipManager,
    ];

    /// <summary>A project is changed by its owner, administrators and management.</summary>
    public static bool CanChange(int actorId, UserGroup actorGroup, int ownerUserId) =>
        actorId == ownerUserId || actorGroup is UserGroup.Administrator or UserGroup.DeputyAdministrator or UserGroup.Management;

    /// <summary>Planned and active projects take new work and names must differ among them.</summary>
    public static bool IsOpen(ProjectStatus status) => status is ProjectStatus.Planned or ProjectStatus.Active;

    /// <summary>Active first, then planned, ended and cancelled: the order lists and the desktop show.</summary>
    public static int Rank(ProjectStatus status) => status switch
    {
        ProjectStatus.Active => 0,
        ProjectStatus.Planned => 1,
        ProjectStatus.Ended => 2,
        _ => 3,
    };

    /// <summary>The form's fields checked and read: a required name, readable dates with the start no later than the end,
    /// and lengths within the columns.</summary>
    public static (string Name, string? Funder, DateOnly? Starts, DateOnly? Ends, string? Description) Validate(ProjectEdit edit)
    {
        var errors = new List<FieldError>();
        var name = edit.Name?.Trim() ?? "";
        if (name.Length == 0) errors.Add(new(nameof(edit.Name), CoreText.Get("ProjectNameRequired")));
        else if (name.Length > Project.MaxName) errors.Add(new(nameof(edit.Name), CoreText.Get("NameTooLong")));
        var funder = Blank(edit.Funder);
        if (funder?.Length > Project.MaxFunder) errors.Add(new(nameof(edit.Funder), CoreText.Get("ProjectFunderTooLong", Project.MaxFunder)));
        var description = Blank(edit.Description);
        if (description?.Length > Project.MaxDescription)
            errors.Add(new(nameof(edit.Description), CoreText.Get("ProjectDescriptionTooLong", Project.MaxDescription)));
        var example = ProjectEdit.FormatDate(new DateOnly(2026, 9, 1))!;
        if (!ProjectEdit.TryParseDate(edit.FundingStarts, out var starts))
            errors.Add(new(nameof(edit.FundingStarts), CoreText.Get("ProjectDateUnreadable", example)));
        if (!ProjectEdit.TryParseDate(edit.FundingEnds, out var ends))
            errors.Add(new(nameof(edit.FundingEnds), CoreText.Get("ProjectDateUnreadable", example)));
        if (starts is { } s && ends is { } e && s > e)
            errors.Add(new(nameof(edit.FundingEnds), CoreText.Get("ProjectPeriodReversed")));
        if (errors.Count > 0) throw new ValidationFailedException(errors);
        return (name, funder, starts, ends, description);
    }

    /// <summary>No two open projects share a name, compared case-insensitively with ä and ö included (SQLite's lower()
    /// folds only ASCII, so the few open names are compared here).</summary>
    public static async Task EnsureNameFreeAsync(PortaaliDbContext db, string name, ProjectStatus status, int? exceptId, CancellationToken ct)
    {
        if (!IsOpen(status)) return;
        var open = await db.Projects.AsNoTracking()
            .Where(p => (p.Status == ProjectStatus.Planned || p.Status == ProjectStatus.Active) && p.Id != (exceptId ?? 0))
            .Select(p => p.Name).ToListAsync(ct);
        if (open.Any(n => string.Equals(n.Trim(), name, StringComparison.CurrentCultureIgnoreCase)))
            throw new ValidationFailedException([new(nameof(ProjectEdit.Name), CoreText.Get("ProjectNameTaken", name))]);
    }

    /// <summary>The project an activity is logged on: it must exist, and new work goes only on a planned or active one; an
    /// activity keeps the project it already has through its edits.</summary>
    public static async Task EnsureAssignableAsync(PortaaliDbContext db, int? projectId, int? storedProjectId, CancellationToken ct)
    {
        if (projectId is not { } id || id == storedProjectId) return;
        var project = await db.Projects.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.Name, p.Status }).FirstOrDefaultAsync(ct)
            ?? throw new ValidationFailedException([new("ProjectId", CoreText.Get("ProjectNotFound"))]);
        if (!IsOpen(project.Status))
            throw new ValidationFailedException([new("ProjectId", CoreText.Get("ProjectClosedForWork", project.Name))]);
    }

    /// <summary>A merge moves the duplicate's network rows to the survivor. Its contacts move with it, so only an
    /// organisation row can meet one of the survivor's own in the same project: that one is dropped (the survivor's role
    /// stays) and the rest move. Runs inside the merge's transaction.</summary>
    public static async Task MoveOnMergeAsync(PortaaliDbContext db, int duplicateId, int survivorId, CancellationToken ct)
    {
        var survivorProjects = db.ProjectNetworkMembers.Where(m => m.CustomerId == survivorId && m.ContactId == null).Select(m => m.ProjectId);
        await db.ProjectNetworkMembers.Where(m => m.CustomerId == duplicateId && m.ContactId == null && survivorProjects.Contains(m.ProjectId))
            .ExecuteDeleteAsync(ct);
        await db.ProjectNetworkMembers.Where(m => m.CustomerId == duplicateId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.CustomerId, survivorId), ct);
    }

    internal static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
