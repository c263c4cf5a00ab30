using Microsoft.EntityFrameworkCore;
using Portaali.Core.Data;

namespace Portaali.Core.Classifications;

/// <summary>The whole tree in memory (a few hundred nodes) for showing a node with its ancestors.</summary>
public class ClassificationPaths(IReadOnlyDictionary<int, ClassificationNode> nodes)
{
    public static async Task<ClassificationPaths> LoadAsync(PortaaliDbContext db, CancellationToken ct) =>
        new(await db.ClassificationNodes.AsNoTracking().ToDictionaryAsync(n => n.Id, ct));

    /// <summary>No nodes: for a page that has nothing to name.</summary>
    public static readonly ClassificationPaths Empty = new(new Dictionary<int, ClassificationNode>());

    public string PathOf(int id)
    {
        var names = new List<string>();
        for (int? cursor = id; cursor is { } c && nodes.TryGetValue(c, out var node) && names.Count < 50; cursor = node.ParentId)
            names.Add(node.Shown);
        names.Reverse();
        return string.Join(" › ", names);
    }

    /// <summary>The node's own name in the reader's language (a contact's role), without its ancestors.</summary>
    public string NameOf(int id) => nodes.TryGetValue(id, out var node) ? node.Shown : "";

    public bool IsRetired(int id) => nodes.TryGetValue(id, out var node) && node.IsRetired;

    /// <summary>The node and everything under it, e.g. a customer group with its subgroups for a filter.</summary>
    public IReadOnlyList<int> SubtreeOf(int id) => [.. nodes.Keys.Where(n => IsAncestorOrSelf(id, n))];

    public bool IsAncestorOrSelf(int ancestorId, int id)
    {
        for (int? cursor = id; cursor is { } c && nodes.TryGetValue(c, out var node); cursor = node.ParentId)
            if (c == ancestorId) return true;
        return false;
    }
}
