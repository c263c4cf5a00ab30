using Microsoft.EntityFrameworkCore;
using Portaali.Core.Data;

namespace Portaali.Core.Classifications;

/// <summary>A customer group (asiakasryhmä) with the ids of its node and every node under it.</summary>
public sealed record CustomerGroup(int Id, string Name, bool IsRetired, IReadOnlyList<int> NodeIds);

/// <summary>The customer groups: the children of the node with <see cref="RootKey"/>. A customer classified in a
/// subgroup (a work-placement site's field, a framework agreement) belongs to the group above it.</summary>
public static class CustomerGroups
{
    public const string RootKey = "customer-groups";

    public static async Task<IReadOnlyList<CustomerGroup>> LoadAsync(PortaaliDbContext db, CancellationToken ct)
    {
        var nodes = await db.ClassificationNodes.AsNoTracking().ToDictionaryAsync(n => n.Id, ct);
        if (nodes.Values.FirstOrDefault(n => n.SystemKey == RootKey) is not { } root) return [];
        var paths = new ClassificationPaths(nodes);
        return nodes.Values.Where(n => n.ParentId == root.Id).OrderBy(n => n.SortOrder).ThenBy(n => n.Id)
            .Select(n => new CustomerGroup(n.Id, n.Shown, n.IsRetired, paths.SubtreeOf(n.Id))).ToList();
    }
}
