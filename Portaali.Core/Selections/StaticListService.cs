#pragma warning disable CS9113 // lead's contract: the implementing part removes this line
using Microsoft.EntityFrameworkCore;
using Portaali.Core.Data;
using Portaali.Core.Security;

namespace Portaali.Core.Selections;

public enum SetOperation { Union, Intersection, Minus }

/// <summary>Static lists: freeze a selection, pick members by hand, combine lists and selections. (Lead's contract for
/// issue 9; the static-lists part implements it.)</summary>
public class StaticListService(IDbContextFactory<PortaaliDbContext> dbFactory, AccessGuard guard, TimeProvider clock, SelectionEngine engine)
{
    /// <summary>A new static list holding the selection's members as they are now; returns its id.</summary>
    public Task<int> FreezeAsync(int selectionId, string name, CancellationToken ct = default) => throw new NotImplementedException();
    public Task<int> CreateAsync(string name, SelectionTarget target, SelectionPurpose purpose, CancellationToken ct = default) => throw new NotImplementedException();
    public Task<int> AddMembersAsync(int listId, IReadOnlyCollection<int> memberIds, CancellationToken ct = default) => throw new NotImplementedException();
    public Task<int> RemoveMembersAsync(int listId, IReadOnlyCollection<int> memberIds, CancellationToken ct = default) => throw new NotImplementedException();
    /// <summary>A new static list: left ∪ right, left ∩ right or left − right (both of the same target); returns its id.</summary>
    public Task<int> CombineAsync(int leftId, SetOperation operation, int rightId, string name, CancellationToken ct = default) => throw new NotImplementedException();
}
