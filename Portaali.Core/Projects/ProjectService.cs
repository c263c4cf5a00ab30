using Microsoft.EntityFrameworkCore;
using Portaali.Core.Common;
using Portaali.Core.Data;
using Portaali.Core.Security;

namespace Portaali.Core.Projects;

/// <summary>Creating and changing projects and their networks. Creating needs <see cref="Policies.KeepProjects"/>; a
/// project and its network are changed by the owner, administrators and management.</summary>
public class ProjectService(IDbContextFactory<PortaaliDbContext> dbFactory, AccessGuard guard, TimeProvider clock)
{
    /// <summary>Creates a project owned by the creator (or the owner the form names, who must also keep projects).</summary>
    public async Task<int> CreateAsync(ProjectEdit edit, CancellationToken ct = default)
    {
        var actor = await guard.DemandAsync(Policies.KeepProjects);
        var (name, funder, starts, ends, description) = ProjectRules.Validate(edit);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ownerId = edit.OwnerUserId ?? actor.Id;
        await EnsureOwnerAsync(db, ownerId, ct);
        await ProjectRules.EnsureNameFreeAsync(db, name, edit.Status, null, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var project = new Project
        {
            Name = name, Funder = funder, FundingStarts = starts, FundingEnds = ends, Description = description, Status = edit.Status,
            OwnerUserId = ownerId, CreatedAtUtc = now, UpdatedAtUtc = now, UpdatedByName = actor.Name,
        };
        db.Projects.Add(project);
        await db.SaveChangesAsync(ct);
        return project.Id;
    }

    /// <summary>Saves the project form; refused when someone else saved after the form was loaded.</summary>
    public async Task<Guid> UpdateAsync(int id, ProjectEdit edit, CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        var (name, funder, starts, ends, description) = ProjectRules.Validate(edit);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var project = await db.Projects.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw NotFound();
        await EnsureMayChangeAsync(db, actor, project.OwnerUserId, ct);
        if (edit.Version is { } loaded && loaded != project.Version) throw Conflict();
        var ownerId = edit.OwnerUserId ?? project.OwnerUserId;
        if (ownerId != project.OwnerUserId) await EnsureOwnerAsync(db, ownerId, ct);
        await ProjectRules.EnsureNameFreeAsync(db, name, edit.Status, id, ct);
        (project.Name, project.Funder, project.FundingStarts, project.FundingEnds, project.Description) = (name, funder, starts, ends, description);
        project.Status = edit.Status;
        project.OwnerUserId = ownerId;
        Stamp(project, actor);
        // The network is not on the form, so only a save of the form itself makes an open form stale.
        if (edit.Version is { } version) db.Entry(project).Property(p => p.Version).OriginalValue = version;
        project.Version = Guid.NewGuid();
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw Conflict(); }
        return project.Version;
    }

    /// <summary>Adds an organisation or one of its contacts to the network. The contact must be the customer's; the same
    /// organisation or contact is in a network once (checked here: SQLite's unique index would let two NULL contacts by);
    /// a passive customer or a contact who has left is not added.</summary>
    public async Task<int> AddMemberAsync(int projectId, NetworkMemberEdit edit, CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        var note = ValidNote(edit.Note);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var project = await db.Projects.FirstOrDefaultAsync(p => p.Id == projectId, ct) ?? throw NotFound();
        await EnsureMayChangeAsync(db, actor, project.OwnerUserId, ct);
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == edit.CustomerId).Select(c => new { c.Name, c.IsPassive }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException(CoreText.Get("CustomerNotFound"));
        if (customer.IsPassive) throw new DomainException(CoreText.Get("CustomerPassive", customer.Name));
        if (edit.ContactId is { } contactId)
        {
            var contact = await db.Contacts.AsNoTracking().Where(p => p.Id == contactId)
                .Select(p => new { p.CustomerId, p.HasLeft, Name = p.FirstName + " " + p.LastName }).FirstOrDefaultAsync(ct)
                ?? throw new NotFoundException(CoreText.Get("ContactNotFound"));
            if (contact.CustomerId != edit.CustomerId) throw new DomainException(CoreText.Get("ProjectContactOfOtherCustomer", contact.Name, customer.Name));
            if (contact.HasLeft) throw new DomainException(CoreText.Get("ProjectContactHasLeft", contact.Name));
        }
        if (await db.ProjectNetworkMembers.AnyAsync(m => m.ProjectId == projectId && m.CustomerId == edit.CustomerId && m.ContactId == edit.ContactId, ct))
            throw new DomainException(CoreText.Get(edit.ContactId is null ? "ProjectOrganisationAlreadyIn" : "ProjectContactAlreadyIn", customer.Name));
        var member = new ProjectNetworkMember
        {
            ProjectId = projectId, CustomerId = edit.CustomerId, ContactId = edit.ContactId, Role = edit.Role, Note = note,
            AddedAtUtc = clock.GetUtcNow().UtcDateTime, AddedByName = actor.Name,
        };
        db.ProjectNetworkMembers.Add(member);
        Stamp(project, actor);
        await db.SaveChangesAsync(ct);
        return member.Id;
    }

    /// <summary>Changes a member's role and note.</summary>
    public async Task ChangeMemberAsync(int memberId, ProjectRole role, string? note, CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        var clean = ValidNote(note);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var member = await db.ProjectNetworkMembers.FirstOrDefaultAsync(m => m.Id == memberId, ct) ?? throw MemberNotFound();
        var project = await db.Projects.FirstAsync(p => p.Id == member.ProjectId, ct);
        await EnsureMayChangeAsync(db, actor, project.OwnerUserId, ct);
        (member.Role, member.Note) = (role, clean);
        Stamp(project, actor);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Takes an organisation or contact out of the network.</summary>
    public async Task RemoveMemberAsync(int memberId, CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var member = await db.ProjectNetworkMembers.FirstOrDefaultAsync(m => m.Id == memberId, ct) ?? throw MemberNotFound();
        var project = await db.Projects.FirstAsync(p => p.Id == member.ProjectId, ct);
        await EnsureMayChangeAsync(db, actor, project.OwnerUserId, ct);
        db.ProjectNetworkMembers.Remove(member);
        Stamp(project, actor);
        await db.SaveChangesAsync(ct);
    }

    internal static async Task EnsureMayChangeAsync(PortaaliDbContext db, Actor actor, int ownerUserId, CancellationToken ct)
    {
        var group = await db.Users.AsNoTracking().Where(u => u.Id == actor.Id).Select(u => (Users.UserGroup?)u.Group).FirstOrDefaultAsync(ct);
        if (group is null || !ProjectRules.CanChange(actor.Id, group.Value, ownerUserId))
            throw new ForbiddenException(CoreText.Get("ProjectChangeNotAllowed"));
    }

    /// <summary>An owner is an active user of a group that keeps projects.</summary>
    private static async Task EnsureOwnerAsync(PortaaliDbContext db, int userId, CancellationToken ct)
    {
        var owner = await db.Users.AsNoTracking().Where(u => u.Id == userId && u.IsActive).Select(u => new { u.Group }).FirstOrDefaultAsync(ct);
        if (owner is null || !ProjectRules.Keepers.Contains(owner.Group))
            throw new ValidationFailedException([new(nameof(ProjectEdit.OwnerUserId), CoreText.Get("ProjectOwnerInvalid"))]);
    }

    private static string? ValidNote(string? note)
    {
        var clean = ProjectRules.Blank(note);
        if (clean?.Length > ProjectNetworkMember.MaxNote)
            throw new ValidationFailedException([new(nameof(NetworkMemberEdit.Note), CoreText.Get("ProjectNoteTooLong", ProjectNetworkMember.MaxNote))]);
        return clean;
    }

    private void Stamp(Project project, Actor actor)
    {
        project.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        project.UpdatedByName = actor.Name;
    }

    internal static NotFoundException NotFound() => new(CoreText.Get("ProjectNotFound"));
    private static NotFoundException MemberNotFound() => new(CoreText.Get("ProjectMemberNotFound"));
    private static ConcurrencyConflictException Conflict() => new(CoreText.Get("ProjectChangedByOther"));
}
