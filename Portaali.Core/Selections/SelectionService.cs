#pragma warning disable CS9113 // lead's contract: the implementing part removes this line
using Microsoft.EntityFrameworkCore;
using Portaali.Core.Data;
using Portaali.Core.Security;

namespace Portaali.Core.Selections;

public sealed record SelectionSummary(int Id, string Name, SelectionKind Kind, SelectionTarget Target, SelectionPurpose Purpose,
    bool IsShared, bool IsMine, string OwnerName, bool IsFavourite, DateTime UpdatedAtUtc, DateTime? LastExportedAtUtc);

public sealed record SelectionDetails(int Id, string Name, string? Description, SelectionKind Kind, SelectionDefinition Definition,
    bool IsShared, bool CanEdit, string OwnerName, Guid Version, DateTime? LastExportedAtUtc, int? LastExportedCount, bool IsFavourite);

/// <summary>What the builder saves: a new selection when <see cref="Id"/> is null, otherwise a change checked against
/// <see cref="Version"/>.</summary>
public sealed class SelectionSave
{
    public int? Id { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public required SelectionDefinition Definition { get; set; }
    public bool IsShared { get; set; }
    public Guid Version { get; set; }
}

/// <summary>Who has come in and who has gone since the selection was last exported (members as rows, capped lists
/// with the full counts).</summary>
public sealed record SelectionChanges(DateTime? LastExportedAtUtc, int AddedCount, int GoneCount,
    IReadOnlyList<SelectionMember> Added, IReadOnlyList<SelectionMember> Gone);

/// <summary>Saved selections and lists: save, open, copy, rename, delete, share, favourites, and the changes since the
/// last export. (Lead's contract for issue 9; the selections builder implements it.)</summary>
public class SelectionService(IDbContextFactory<PortaaliDbContext> dbFactory, AccessGuard guard, TimeProvider clock, SelectionEngine engine)
{
    public Task<IReadOnlyList<SelectionSummary>> ListAsync(CancellationToken ct = default) => throw new NotImplementedException();
    public Task<SelectionDetails> GetAsync(int id, CancellationToken ct = default) => throw new NotImplementedException();
    /// <summary>Returns the saved selection's id.</summary>
    public Task<int> SaveAsync(SelectionSave save, CancellationToken ct = default) => throw new NotImplementedException();
    public Task<int> CopyAsync(int id, string name, CancellationToken ct = default) => throw new NotImplementedException();
    public Task RenameAsync(int id, string name, Guid version, CancellationToken ct = default) => throw new NotImplementedException();
    public Task DeleteAsync(int id, CancellationToken ct = default) => throw new NotImplementedException();
    public Task<bool> ToggleFavouriteAsync(int id, CancellationToken ct = default) => throw new NotImplementedException();
    public Task<IReadOnlyList<SelectionSummary>> FavouritesAsync(CancellationToken ct = default) => throw new NotImplementedException();
    public Task<SelectionChanges> ChangesSinceExportAsync(int id, CancellationToken ct = default) => throw new NotImplementedException();

    /// <summary>Called by the export when it has written a saved selection's members: replaces the export snapshot
    /// with these members and stamps the time, inside the caller's context (saved by the caller).</summary>
    public static Task RecordExportAsync(PortaaliDbContext db, int selectionId, IQueryable<int> memberIds, DateTime exportedAtUtc, CancellationToken ct) =>
        throw new NotImplementedException();
}
