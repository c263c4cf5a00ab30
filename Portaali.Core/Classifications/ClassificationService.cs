using Microsoft.EntityFrameworkCore;
using Portaali.Core.Auditing;
using Portaali.Core.Common;
using Portaali.Core.Customers;
using Portaali.Core.Data;
using Portaali.Core.Security;

namespace Portaali.Core.Classifications;

/// <summary><c>Name</c> is in the reader's language; <c>NameFi</c> and <c>NameEn</c> are what administrators edit.</summary>
public record ClassificationTreeNode(int Id, int? ParentId, string Name, bool IsRetired, string? SystemKey,
    IReadOnlyList<ClassificationTreeNode> Children, string? NameFi = null, string? NameEn = null);

/// <summary>Keeps the classification trees (administrators) and assigns their nodes to customers and contacts (everyone).</summary>
public class ClassificationService(IDbContextFactory<PortaaliDbContext> dbFactory, AccessGuard guard, TimeProvider clock)
{
    public async Task<IReadOnlyList<ClassificationTreeNode>> GetTreeAsync(ClassificationTarget target, CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var nodes = await db.ClassificationNodes.AsNoTracking().Where(n => n.Target == target)
            .OrderBy(n => n.SortOrder).ThenBy(n => n.Name).ToListAsync(ct);
        var byParent = nodes.ToLookup(n => n.ParentId);
        IReadOnlyList<ClassificationTreeNode> Build(int? parentId) =>
            byParent[parentId].Select(n => new ClassificationTreeNode(n.Id, n.ParentId, n.Shown, n.IsRetired, n.SystemKey, Build(n.Id), n.Name, n.NameEn)).ToList();
        return Build(null);
    }

    public async Task<int> AddNodeAsync(ClassificationTarget target, int? parentId, string name, CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.ManageClassifications);
        var clean = RequireName(name);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (parentId is { } p)
        {
            var parent = await db.ClassificationNodes.FindAsync([p], ct) ?? throw new NotFoundException(CoreText.Get("ClassificationNotFound"));
            if (parent.Target != target) throw new DomainException(CoreText.Get("ClassificationWrongTree"));
        }
        await EnsureUniqueSiblingAsync(db, target, parentId, clean, null, ct);
        var order = await db.ClassificationNodes.Where(n => n.ParentId == parentId && n.Target == target).CountAsync(ct);
        var node = new ClassificationNode { Name = clean, ParentId = parentId, Target = target, SortOrder = order };
        db.ClassificationNodes.Add(node);
        await db.SaveChangesAsync(ct);
        return node.Id;
    }

    public async Task RenameAsync(int id, string name, CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.ManageClassifications);
        var clean = RequireName(name);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var node = await db.ClassificationNodes.FindAsync([id], ct) ?? throw new NotFoundException(CoreText.Get("ClassificationNotFound"));
        await EnsureUniqueSiblingAsync(db, node.Target, node.ParentId, clean, id, ct);
        node.Name = clean;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The node's English name beside its Finnish one; empty clears it (the English UI then shows the Finnish name).</summary>
    public async Task SetEnglishNameAsync(int id, string? name, CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.ManageClassifications);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var node = await db.ClassificationNodes.FindAsync([id], ct) ?? throw new NotFoundException(CoreText.Get("ClassificationNotFound"));
        node.NameEn = string.IsNullOrWhiteSpace(name) ? null : name.Trim();
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Moves a node under a new parent (null for a root) in the same tree; a node cannot move under itself.</summary>
    public async Task MoveAsync(int id, int? newParentId, CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.ManageClassifications);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var node = await db.ClassificationNodes.FindAsync([id], ct) ?? throw new NotFoundException(CoreText.Get("ClassificationNotFound"));
        if (newParentId is { } p)
        {
            var parent = await db.ClassificationNodes.FindAsync([p], ct) ?? throw new NotFoundException(CoreText.Get("ClassificationNotFound"));
            if (parent.Target != node.Target) throw new DomainException(CoreText.Get("ClassificationWrongTree"));
            var paths = await ClassificationPaths.LoadAsync(db, ct);
            if (paths.IsAncestorOrSelf(id, p)) throw new DomainException(CoreText.Get("ClassificationMoveUnderItself"));
        }
        await EnsureUniqueSiblingAsync(db, node.Target, newParentId, node.Name, id, ct);
        node.ParentId = newParentId;
        node.SortOrder = await db.ClassificationNodes.Where(n => n.ParentId == newParentId && n.Target == node.Target).CountAsync(ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Retires a node and everything under it: they stay on history but cannot be newly assigned.</summary>
    public async Task SetRetiredAsync(int id, bool retired, CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.ManageClassifications);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var paths = await ClassificationPaths.LoadAsync(db, ct);
        var all = await db.ClassificationNodes.ToListAsync(ct);
        var node = all.FirstOrDefault(n => n.Id == id) ?? throw new NotFoundException(CoreText.Get("ClassificationNotFound"));
        if (!retired && node.ParentId is { } parentId && paths.IsRetired(parentId))
            throw new DomainException(CoreText.Get("ClassificationParentRetired"));
        foreach (var n in all.Where(n => retired ? paths.IsAncestorOrSelf(id, n.Id) : n.Id == id)) n.IsRetired = retired;
        await db.SaveChangesAsync(ct);
    }

    public async Task AssignToCustomerAsync(int customerId, int nodeId, CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var node = await AssignableAsync(db, nodeId, ClassificationTarget.Customer, ct);
        if (await db.CustomerClassifications.AnyAsync(k => k.CustomerId == customerId && k.NodeId == nodeId, ct)) return;
        var now = clock.GetUtcNow().UtcDateTime;
        db.CustomerClassifications.Add(new CustomerClassification { CustomerId = customerId, NodeId = nodeId, AssignedAt = now, AssignedByUserId = actor.Id });
        var path = (await ClassificationPaths.LoadAsync(db, ct)).PathOf(node.Id);
        AuditLog.Record(db, actor, now, customerId, "Customer", customerId, "ClassificationAdded", [new("Classification", null, path)]);
        await db.SaveChangesAsync(ct);
    }

    public async Task RemoveFromCustomerAsync(int customerId, int nodeId, CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var link = await db.CustomerClassifications.FindAsync([customerId, nodeId], ct);
        if (link is null) return;
        db.CustomerClassifications.Remove(link);
        var path = (await ClassificationPaths.LoadAsync(db, ct)).PathOf(nodeId);
        AuditLog.Record(db, actor, clock.GetUtcNow().UtcDateTime, customerId, "Customer", customerId, "ClassificationRemoved", [new("Classification", path, null)]);
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<AssignedClassification>> GetContactClassificationsAsync(int contactId, CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var paths = await ClassificationPaths.LoadAsync(db, ct);
        var links = await db.ContactClassifications.AsNoTracking().Where(k => k.ContactId == contactId).ToListAsync(ct);
        return links.Select(k => new AssignedClassification(k.NodeId, paths.PathOf(k.NodeId), paths.IsRetired(k.NodeId), k.AssignedAt))
            .OrderBy(k => k.Path).ToList();
    }

    public async Task AssignToContactAsync(int contactId, int nodeId, CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var node = await AssignableAsync(db, nodeId, ClassificationTarget.Contact, ct);
        var customerId = await db.Contacts.Where(c => c.Id == contactId).Select(c => (int?)c.CustomerId).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException(CoreText.Get("ContactNotFound"));
        if (await db.ContactClassifications.AnyAsync(k => k.ContactId == contactId && k.NodeId == nodeId, ct)) return;
        var now = clock.GetUtcNow().UtcDateTime;
        db.ContactClassifications.Add(new ContactClassification { ContactId = contactId, NodeId = nodeId, AssignedAt = now, AssignedByUserId = actor.Id });
        var path = (await ClassificationPaths.LoadAsync(db, ct)).PathOf(node.Id);
        AuditLog.Record(db, actor, now, customerId, "Contact", contactId, "ClassificationAdded", [new("Classification", null, path)]);
        await db.SaveChangesAsync(ct);
    }

    public async Task RemoveFromContactAsync(int contactId, int nodeId, CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var link = await db.ContactClassifications.FindAsync([contactId, nodeId], ct);
        if (link is null) return;
        var customerId = await db.Contacts.Where(c => c.Id == contactId).Select(c => c.CustomerId).FirstAsync(ct);
        db.ContactClassifications.Remove(link);
        var path = (await ClassificationPaths.LoadAsync(db, ct)).PathOf(nodeId);
        AuditLog.Record(db, actor, clock.GetUtcNow().UtcDateTime, customerId, "Contact", contactId, "ClassificationRemoved", [new("Classification", path, null)]);
        await db.SaveChangesAsync(ct);
    }

    private static async Task<ClassificationNode> AssignableAsync(PortaaliDbContext db, int nodeId, ClassificationTarget target, CancellationToken ct)
    {
        var node = await db.ClassificationNodes.AsNoTracking().FirstOrDefaultAsync(n => n.Id == nodeId, ct)
            ?? throw new NotFoundException(CoreText.Get("ClassificationNotFound"));
        if (node.IsRetired) throw new DomainException(CoreText.Get("ClassificationRetired", node.Name));
        if (node.Target != target) throw new DomainException(CoreText.Get("ClassificationWrongTree"));
        return node;
    }

    private static string RequireName(string name) =>
        string.IsNullOrWhiteSpace(name) ? throw new ValidationFailedException([new("Name", CoreText.Get("NameRequired"))]) : name.Trim();

    private static async Task EnsureUniqueSiblingAsync(PortaaliDbContext db, ClassificationTarget target, int? parentId, string name, int? exceptId, CancellationToken ct)
    {
        var siblings = await db.ClassificationNodes.Where(n => n.Target == target && n.ParentId == parentId && n.Id != exceptId)
            .Select(n => n.Name).ToListAsync(ct);
        if (siblings.Any(s => string.Equals(s, name, StringComparison.CurrentCultureIgnoreCase)))
            throw new DomainException(CoreText.Get("ClassificationDuplicateName", name));
    }
}
