using Portaali.Core.Common;
using Microsoft.EntityFrameworkCore;
using Portaali.Core.Classifications;
using Portaali.Core.Data;
using Portaali.Core.Security;

namespace Portaali.Core.Selections;

/// <summary>One thing the builder offers to pick: an id and its name.</summary>
public sealed record Choice(int Id, string Name);

/// <summary>Everything the criteria editors offer, loaded once when the builder opens.</summary>
public sealed record BuilderChoices(IReadOnlyList<Choice> CustomerGroups, IReadOnlyList<Choice> ContactRoles,
    IReadOnlyList<Choice> People, IReadOnlyList<Choice> ActivityTypes, IReadOnlyList<Choice> Campaigns,
    IReadOnlyList<SelectionSummary> Selections, IReadOnlyList<Choice>? Projects = null);

/// <summary>The pick lists of the selection builder: customer groups, contact roles, responsible people, activity types,
/// campaigns, projects and the selections one may name in "member of".</summary>
public class SelectionBuilderChoices(IDbContextFactory<PortaaliDbContext> dbFactory, AccessGuard guard, SelectionService selections)
{
    public const string ContactRolesKey = "contact-roles";

    public async Task<BuilderChoices> LoadAsync(CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var groups = (await Classifications.CustomerGroups.LoadAsync(db, ct)).Where(g => !g.IsRetired).Select(g => new Choice(g.Id, g.Name)).ToList();
        var rolesRoot = db.ClassificationNodes.Where(n => n.SystemKey == ContactRolesKey).Select(n => n.Id);
        var roles = await db.ClassificationNodes.AsNoTracking()
            .Where(n => n.Target == ClassificationTarget.Contact && !n.IsRetired && n.ParentId != null && rolesRoot.Contains(n.ParentId.Value))
            .OrderBy(n => n.SortOrder).ThenBy(n => n.Id).Select(n => new Choice(n.Id, CoreText.ReaderIsEnglish ? n.NameEn ?? n.Name : n.Name)).ToListAsync(ct);
        var people = await db.Users.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.DisplayName)
            .Select(u => new Choice(u.Id, u.DisplayName)).ToListAsync(ct);
        var types = await db.ActivityTypes.AsNoTracking().OrderBy(t => t.Name).Select(t => new Choice(t.Id, CoreText.ReaderIsEnglish ? t.NameEn ?? t.Name : t.Name)).ToListAsync(ct);
        var campaigns = await db.Campaigns.AsNoTracking().OrderByDescending(c => c.CreatedAtUtc).ThenBy(c => c.Id)
            .Select(c => new Choice(c.Id, c.Name)).ToListAsync(ct);
        var projects = await db.Projects.AsNoTracking().OrderBy(p => p.Name).ThenBy(p => p.Id).Select(p => new Choice(p.Id, p.Name)).ToListAsync(ct);
        return new BuilderChoices(groups, roles, people, types, campaigns, await selections.ListAsync(ct), projects);
    }
}
