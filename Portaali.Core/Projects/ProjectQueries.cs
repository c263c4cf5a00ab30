using Microsoft.EntityFrameworkCore;
using Portaali.Core.Activities;
using Portaali.Core.Common;
using Portaali.Core.Data;
using Portaali.Core.Security;

namespace Portaali.Core.Projects;

/// <summary>Reading projects: the list, one project with its network and its activities, a customer's projects, the
/// user's own projects and the pick lists. Everyone signed in sees projects and networks.</summary>
public class ProjectQueries(IDbContextFactory<PortaaliDbContext> dbFactory, AccessGuard guard, ActivityService activities)
{
    /// <summary>Projects filtered by name, funder and status, active first, paged in SQL.</summary>
    public async Task<PagedResult<ProjectSummary>> ListAsync(ProjectQuery query, CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var projects = db.Projects.AsNoTracking();
        if (query.Status is { } status) projects = projects.Where(p => p.Status == status);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var text = TextMatch.Pattern(query.Search);
            projects = projects.Where(p => TextMatch.Lower(p.Name).Contains(text) || (p.Funder != null && TextMatch.Lower(p.Funder).Contains(text)));
        }
        var total = await projects.CountAsync(ct);
        var page = await projects
            .OrderBy(p => p.Status == ProjectStatus.Active ? 0 : p.Status == ProjectStatus.Planned ? 1 : p.Status == ProjectStatus.Ended ? 2 : 3)
            .ThenBy(p => p.Name).ThenBy(p => p.Id)
            .Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 1, 200))
            .Select(p => new ProjectSummary(p.Id, p.Name, p.Funder, p.FundingStarts, p.FundingEnds, p.Status, p.Owner!.DisplayName,
                db.ProjectNetworkMembers.Count(m => m.ProjectId == p.Id)))
            .ToListAsync(ct);
        return new PagedResult<ProjectSummary>(page, total);
    }

    public async Task<ProjectDetails> GetAsync(int id, CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var p = await db.Projects.AsNoTracking().Where(x => x.Id == id).Select(x => new
        {
            x.Id, x.Name, x.Funder, x.FundingStarts, x.FundingEnds, x.OwnerUserId, OwnerName = x.Owner!.DisplayName, x.Status, x.Description,
            x.CreatedAtUtc, x.UpdatedAtUtc, x.UpdatedByName, x.Version, NetworkSize = db.ProjectNetworkMembers.Count(m => m.ProjectId == x.Id),
        }).FirstOrDefaultAsync(ct) ?? throw ProjectService.NotFound();
        var group = await db.Users.AsNoTracking().Where(u => u.Id == actor.Id).Select(u => (Users.UserGroup?)u.Group).FirstOrDefaultAsync(ct);
        return new ProjectDetails(p.Id, p.Name, p.Funder, p.FundingStarts, p.FundingEnds, p.OwnerUserId, p.OwnerName, p.Status, p.Description,
            p.CreatedAtUtc, p.UpdatedAtUtc, p.UpdatedByName, p.Version, p.NetworkSize,
            group is { } g && ProjectRules.CanChange(actor.Id, g, p.OwnerUserId));
    }

    /// <summary>The project as its form edits it, dates written in the user's culture.</summary>
    public async Task<ProjectEdit> GetForEditAsync(int id, CancellationToken ct = default)
    {
        var p = await GetAsync(id, ct);
        return new ProjectEdit
        {
            Name = p.Name, Funder = p.Funder, FundingStarts = ProjectEdit.FormatDate(p.FundingStarts), FundingEnds = ProjectEdit.FormatDate(p.FundingEnds),
            OwnerUserId = p.OwnerUserId, Status = p.Status, Description = p.Description, Version = p.Version,
        };
    }

    /// <summary>A page of the network by organisation, each organisation's own row before its contacts.</summary>
    public async Task<PagedResult<NetworkRow>> NetworkAsync(int projectId, int skip = 0, int take = 100, CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var members = Network(db, projectId);
        var total = await members.CountAsync(ct);
        var page = await members.Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 500)).ToListAsync(ct);
        return new PagedResult<NetworkRow>(page, total);
    }

    /// <summary>The network in its display order, for the page and the Excel export.</summary>
    internal static IQueryable<NetworkRow> Network(PortaaliDbContext db, int projectId) =>
        db.ProjectNetworkMembers.AsNoTracking().Where(m => m.ProjectId == projectId)
            .OrderBy(m => m.Customer!.NameSearch).ThenBy(m => m.CustomerId).ThenBy(m => m.ContactId != null)
            .ThenBy(m => m.Contact!.LastName).ThenBy(m => m.Contact!.FirstName).ThenBy(m => m.Id)
            .Select(m => new NetworkRow(m.Id, m.CustomerId, m.Customer!.Name, m.Customer.IsPassive, m.ContactId,
                m.ContactId == null ? null : m.Contact!.FirstName + " " + m.Contact.LastName, m.Contact!.Title, m.Contact.Email,
                m.ContactId != null && m.Contact.HasLeft, m.Role, m.Note));

    /// <summary>The activities logged on the project, newest first, paged in SQL.</summary>
    public async Task<PagedResult<ActivityRow>> ActivitiesAsync(int projectId, int page = 0, int pageSize = 25, CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var logged = db.Activities.AsNoTracking().Where(a => a.ProjectId == projectId);
        var total = await logged.CountAsync(ct);
        var size = Math.Clamp(pageSize, 1, 200);
        var rows = await activities.ToRowsAsync(logged.OrderByDescending(a => a.StartsAtUtc).ThenByDescending(a => a.Id)
            .Skip(Math.Max(0, page) * size).Take(size), ct);
        return new PagedResult<ActivityRow>(rows, total);
    }

    /// <summary>The projects a customer or its contacts are in, a row per part, active projects first.</summary>
    public async Task<IReadOnlyList<CustomerProjectRow>> ForCustomerAsync(int customerId, CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.ProjectNetworkMembers.AsNoTracking().Where(m => m.CustomerId == customerId)
            .Join(db.Projects, m => m.ProjectId, p => p.Id, (m, p) => new { m, p })
            .OrderBy(x => x.p.Id).Take(500)
            .Select(x => new CustomerProjectRow(x.p.Id, x.p.Name, x.p.Status, x.m.Role,
                x.m.ContactId == null ? null : x.m.Contact!.FirstName + " " + x.m.Contact.LastName, x.m.ContactId != null && x.m.Contact!.HasLeft,
                x.p.FundingEnds))
            .ToListAsync(ct);
        return rows.OrderBy(r => ProjectRules.Rank(r.Status)).ThenBy(r => r.ProjectName, StringComparer.CurrentCulture)
            .ThenBy(r => r.ContactName is not null).ThenBy(r => r.ContactName, StringComparer.CurrentCulture).ToList();
    }

    /// <summary>The signed-in user's projects: those they own or have logged project work on, active first, with the
    /// network's size and the last activity's date.</summary>
    public async Task<PagedResult<MyProjectRow>> MineAsync(int take, CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var worked = db.Activities.Where(a => a.ProjectId != null && a.Participants.Any(x => x.UserId == actor.Id)).Select(a => a.ProjectId!.Value);
        var mine = db.Projects.AsNoTracking().Where(p => p.Status != ProjectStatus.Cancelled && (p.OwnerUserId == actor.Id || worked.Contains(p.Id)));
        var total = await mine.CountAsync(ct);
        var rows = await mine
            .OrderBy(p => p.Status == ProjectStatus.Active ? 0 : p.Status == ProjectStatus.Planned ? 1 : 2).ThenBy(p => p.Name).ThenBy(p => p.Id)
            .Take(Math.Clamp(take, 1, 50))
            .Select(p => new MyProjectRow(p.Id, p.Name, p.Status, p.OwnerUserId == actor.Id, db.ProjectNetworkMembers.Count(m => m.ProjectId == p.Id),
                db.Activities.Where(a => a.ProjectId == p.Id).Max(a => (DateOnly?)a.LocalDate)))
            .ToListAsync(ct);
        return new PagedResult<MyProjectRow>(rows, total);
    }

    /// <summary>Every project by name, for the selection builder (an ended project's network is still worth marketing to).</summary>
    public async Task<IReadOnlyList<ProjectChoice>> ChoicesAsync(CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Choices(db.Projects.AsNoTracking(), ct);
    }

    /// <summary>The users who may own a project: active members of the groups that keep projects.</summary>
    public async Task<IReadOnlyList<Customers.PersonRef>> OwnerChoicesAsync(CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var groups = ProjectRules.Keepers.ToList();
        return await db.Users.AsNoTracking().Where(u => u.IsActive && groups.Contains(u.Group)).OrderBy(u => u.DisplayName)
            .Select(u => new Customers.PersonRef(u.Id, u.DisplayName)).ToListAsync(ct);
    }

    /// <summary>Planned and active projects by name: what new work can be logged on.</summary>
    internal static Task<List<ProjectChoice>> OpenChoicesAsync(PortaaliDbContext db, CancellationToken ct) =>
        Choices(db.Projects.AsNoTracking().Where(p => p.Status == ProjectStatus.Planned || p.Status == ProjectStatus.Active), ct);

    private static Task<List<ProjectChoice>> Choices(IQueryable<Project> projects, CancellationToken ct) =>
        projects.OrderBy(p => p.Name).ThenBy(p => p.Id).Select(p => new ProjectChoice(p.Id, p.Name, p.Status)).ToListAsync(ct);
}
