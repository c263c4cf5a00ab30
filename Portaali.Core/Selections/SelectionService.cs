using Microsoft.EntityFrameworkCore;
using Portaali.Core.Common;
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
/// last export. Personal unless shared; only the owner or an administrator changes one, everyone may open and copy a
/// shared one.</summary>
public class SelectionService(IDbContextFactory<PortaaliDbContext> dbFactory, AccessGuard guard, TimeProvider clock, SelectionEngine engine)
{
    /// <summary>How many added and gone members <see cref="ChangesSinceExportAsync"/> lists; the counts are complete.</summary>
    public const int ChangesShown = 50;

    /// <summary>My own selections and lists and those others share, by name.</summary>
    public async Task<IReadOnlyList<SelectionSummary>> ListAsync(CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Summaries(db, actor.Id, db.Selections.Where(s => s.OwnerUserId == actor.Id || s.IsShared)).ToListAsync(ct);
    }

    public async Task<SelectionDetails> GetAsync(int id, CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        var isAdministrator = await guard.IsAllowedAsync(Policies.Administer);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var s = await db.Selections.AsNoTracking().Include(x => x.Owner).FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFoundException(CoreText.Get("SelectionNotFound"));
        EnsureVisible(s, actor, isAdministrator);
        var isFavourite = await db.SelectionFavourites.AnyAsync(f => f.UserId == actor.Id && f.SelectionId == id, ct);
        return new SelectionDetails(s.Id, s.Name, s.Description, s.Kind, SelectionDefinition.Of(s), s.IsShared,
            s.OwnerUserId == actor.Id || isAdministrator, s.Owner?.DisplayName ?? "", s.Version, s.LastExportedAtUtc,
            s.LastExportedCount, isFavourite);
    }

    /// <summary>Saves a new selection (owned by the caller and starred in their menu) or a change to one, checked
    /// against its Version. Returns the saved selection's id.</summary>
    public async Task<int> SaveAsync(SelectionSave save, CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        var name = ValidName(save.Name);
        var description = string.IsNullOrWhiteSpace(save.Description) ? null : save.Description.Trim();
        if (description?.Length > Selection.MaxDescription)
            throw new ValidationFailedException([new("Description", CoreText.Get("SelectionDescriptionTooLong"))]);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        Selection selection;
        if (save.Id is { } id)
        {
            selection = await EditableAsync(db, id, actor, ct);
            if (selection.Version != save.Version) throw new ConcurrencyConflictException(CoreText.Get("SelectionConflict"));
            db.Entry(selection).Property(x => x.Version).OriginalValue = save.Version;
        }
        else
        {
            selection = new Selection { Name = name, Kind = SelectionKind.Dynamic, OwnerUserId = actor.Id, CreatedAtUtc = now };
            db.Selections.Add(selection);
        }
        var definition = save.Definition;
        selection.Name = name;
        selection.Description = description;
        selection.Target = definition.Target;
        selection.Purpose = definition.Purpose;
        selection.CriteriaJson = CriteriaJson.Write(definition.Criteria);
        selection.IncludePassive = definition.IncludePassive;
        selection.IncludeLeft = definition.IncludeLeft;
        selection.IsShared = save.IsShared;
        selection.UpdatedAtUtc = now;
        selection.UpdatedByName = actor.Name;
        selection.Version = Guid.NewGuid();
        await SaveOrConflictAsync(db, ct);
        if (save.Id is null)
        {
            db.SelectionFavourites.Add(new SelectionFavourite { UserId = actor.Id, SelectionId = selection.Id, AddedAtUtc = now });
            await db.SaveChangesAsync(ct);
        }
        return selection.Id;
    }

    /// <summary>A personal copy of a selection one may open (a static list's members copied with it); returns its id.</summary>
    public async Task<int> CopyAsync(int id, string name, CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        var isAdministrator = await guard.IsAllowedAsync(Policies.Administer);
        var validName = ValidName(name);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var source = await db.Selections.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFoundException(CoreText.Get("SelectionNotFound"));
        EnsureVisible(source, actor, isAdministrator);
        var copy = new Selection
        {
            Name = validName, Description = source.Description, Kind = source.Kind, Target = source.Target, Purpose = source.Purpose,
            CriteriaJson = source.CriteriaJson, IncludePassive = source.IncludePassive, IncludeLeft = source.IncludeLeft,
            OwnerUserId = actor.Id, CreatedAtUtc = now, UpdatedAtUtc = now, UpdatedByName = actor.Name,
        };
        db.Selections.Add(copy);
        await db.SaveChangesAsync(ct);
        if (source.Kind == SelectionKind.Static)
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO "StaticListMembers" ("SelectionId", "MemberId", "AddedAtUtc", "AddedByName")
                SELECT {copy.Id}, "MemberId", {now}, {actor.Name} FROM "StaticListMembers" WHERE "SelectionId" = {id}
                """, ct);
        db.SelectionFavourites.Add(new SelectionFavourite { UserId = actor.Id, SelectionId = copy.Id, AddedAtUtc = now });
        await db.SaveChangesAsync(ct);
        return copy.Id;
    }

    public async Task RenameAsync(int id, string name, Guid version, CancellationToken ct = default)
    {
        var validName = ValidName(name);
        await ChangeAsync(id, version, s => s.Name = validName, ct);
    }

    /// <summary>Shares the selection with everyone (they may open and copy it) or takes it back; returns the new Version.</summary>
    public Task<Guid> SetSharedAsync(int id, bool shared, Guid version, CancellationToken ct = default) =>
        ChangeAsync(id, version, s => s.IsShared = shared, ct);

    /// <summary>One change by the owner (or an administrator) to a selection last read at <paramref name="version"/>,
    /// stamped; returns the new Version. A save by someone else in between is a conflict, never overwritten.</summary>
    private async Task<Guid> ChangeAsync(int id, Guid version, Action<Selection> change, CancellationToken ct)
    {
        var actor = await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var selection = await EditableAsync(db, id, actor, ct);
        if (selection.Version != version) throw new ConcurrencyConflictException(CoreText.Get("SelectionConflict"));
        db.Entry(selection).Property(x => x.Version).OriginalValue = version;
        change(selection);
        selection.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        selection.UpdatedByName = actor.Name;
        selection.Version = Guid.NewGuid();
        await SaveOrConflictAsync(db, ct);
        return selection.Version;
    }

    /// <summary>Deletes the selection (its favourites and export snapshot with it); refused while another selection uses
    /// it through "member of".</summary>
    public async Task DeleteAsync(int id, CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var selection = await EditableAsync(db, id, actor, ct);
        var users = await UsersOfAsync(db, id, ct);
        if (users.Count > 0)
            throw new DomainException(CoreText.Get("SelectionInUse", selection.Name, string.Join(", ", users.Select(u => $"\"{u}\""))));
        db.Selections.Remove(selection);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Stars or unstars a selection one may open; returns whether it is now a favourite.</summary>
    public async Task<bool> ToggleFavouriteAsync(int id, CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        var isAdministrator = await guard.IsAllowedAsync(Policies.Administer);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var selection = await db.Selections.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFoundException(CoreText.Get("SelectionNotFound"));
        EnsureVisible(selection, actor, isAdministrator);
        var existing = await db.SelectionFavourites.FindAsync([actor.Id, id], ct);
        if (existing is null)
            db.SelectionFavourites.Add(new SelectionFavourite { UserId = actor.Id, SelectionId = id, AddedAtUtc = clock.GetUtcNow().UtcDateTime });
        else db.SelectionFavourites.Remove(existing);
        await db.SaveChangesAsync(ct);
        return existing is null;
    }

    /// <summary>The caller's starred selections and lists (own or shared with them), by name, for the menu.</summary>
    public async Task<IReadOnlyList<SelectionSummary>> FavouritesAsync(CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        var isAdministrator = await guard.IsAllowedAsync(Policies.Administer);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var starred = db.SelectionFavourites.Where(f => f.UserId == actor.Id).Select(f => f.SelectionId);
        return await Summaries(db, actor.Id, db.Selections.Where(s => starred.Contains(s.Id)
                && (s.OwnerUserId == actor.Id || s.IsShared || isAdministrator))).ToListAsync(ct);
    }

    /// <summary>Members added and gone since the last export, compared in SQL against the export snapshot; nothing
    /// before the first export.</summary>
    public async Task<SelectionChanges> ChangesSinceExportAsync(int id, CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        var isAdministrator = await guard.IsAllowedAsync(Policies.Administer);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var selection = await db.Selections.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFoundException(CoreText.Get("SelectionNotFound"));
        EnsureVisible(selection, actor, isAdministrator);
        if (selection.LastExportedAtUtc is null) return new SelectionChanges(null, 0, 0, [], []);
        var current = await engine.SavedMemberIdsAsync(db, id, ct);
        var exported = db.SelectionExportMembers.Where(m => m.SelectionId == id).Select(m => m.MemberId);
        var added = current.Where(m => !exported.Contains(m));
        var gone = exported.Where(m => !current.Contains(m));
        var addedCount = await added.CountAsync(ct);
        var goneCount = await gone.CountAsync(ct);
        var addedRows = addedCount == 0 ? [] : await engine.Rows(db, selection.Target, added).Take(ChangesShown).ToListAsync(ct);
        var goneRows = goneCount == 0 ? [] : await engine.Rows(db, selection.Target, gone).Take(ChangesShown).ToListAsync(ct);
        return new SelectionChanges(selection.LastExportedAtUtc, addedCount, goneCount, addedRows, goneRows);
    }

    /// <summary>Called by the export when it has written a saved selection's members: replaces the export snapshot
    /// with these members and stamps the time, inside the caller's context (saved by the caller). The members go from
    /// query to table in one INSERT … SELECT; no id is loaded.</summary>
    public static async Task RecordExportAsync(PortaaliDbContext db, int selectionId, IQueryable<int> memberIds, DateTime exportedAtUtc, CancellationToken ct)
    {
        await db.SelectionExportMembers.Where(m => m.SelectionId == selectionId).ExecuteDeleteAsync(ct);
        await using var query = memberIds.CreateDbCommand();
        var parameters = query.Parameters.Cast<System.Data.Common.DbParameter>().Select(p =>
        {
            var copy = query.CreateParameter();
            (copy.ParameterName, copy.Value, copy.DbType) = (p.ParameterName, p.Value, p.DbType);
            return (object)copy;
        }).ToArray();
        // The selection id is an int, not text: it goes into the statement as a literal beside the query's own parameters.
#pragma warning disable EF1002
        var count = await db.Database.ExecuteSqlRawAsync(
            $"INSERT INTO \"SelectionExportMembers\" (\"SelectionId\", \"MemberId\") SELECT DISTINCT {selectionId}, q.* FROM ({query.CommandText}) AS q",
            parameters, ct);
#pragma warning restore EF1002
        var selection = await db.Selections.FirstOrDefaultAsync(s => s.Id == selectionId, ct)
            ?? throw new NotFoundException(CoreText.Get("SelectionNotFound"));
        selection.LastExportedAtUtc = exportedAtUtc;
        selection.LastExportedCount = count;
    }

    /// <summary>The names of the selections whose criteria name this one through "member of".</summary>
    private static async Task<IReadOnlyList<string>> UsersOfAsync(PortaaliDbContext db, int id, CancellationToken ct)
    {
        // A text match narrows the candidates in SQL ("selectionId":12 also matches 123); reading their trees decides.
        var pattern = $"%\"selectionId\":{id}%";
        var candidates = await db.Selections.AsNoTracking().Where(s => s.Id != id && EF.Functions.Like(s.CriteriaJson, pattern))
            .Select(s => new { s.Name, s.CriteriaJson }).ToListAsync(ct);
        return candidates.Where(c => CriteriaJson.Flatten(CriteriaJson.Read(c.CriteriaJson)).OfType<MemberOfCriterion>().Any(m => m.SelectionId == id))
            .Select(c => c.Name).Order().ToList();
    }

    private static IQueryable<SelectionSummary> Summaries(PortaaliDbContext db, int userId, IQueryable<Selection> selections) =>
        selections.AsNoTracking().OrderBy(s => s.Name).ThenBy(s => s.Id).Select(s => new SelectionSummary(s.Id, s.Name, s.Kind, s.Target, s.Purpose, s.IsShared,
            s.OwnerUserId == userId, s.Owner!.DisplayName,
            db.SelectionFavourites.Any(f => f.UserId == userId && f.SelectionId == s.Id), s.UpdatedAtUtc, s.LastExportedAtUtc));

    private async Task<Selection> EditableAsync(PortaaliDbContext db, int id, Actor actor, CancellationToken ct)
    {
        var selection = await db.Selections.FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFoundException(CoreText.Get("SelectionNotFound"));
        if (selection.OwnerUserId != actor.Id && !await guard.IsAllowedAsync(Policies.Administer))
            throw new ForbiddenException(selection.IsShared
                ? CoreText.Get("SelectionNotYours", selection.Name)
                : CoreText.Get("SelectionNotFound"));
        return selection;
    }

    private static void EnsureVisible(Selection selection, Actor actor, bool isAdministrator)
    {
        if (selection.OwnerUserId != actor.Id && !selection.IsShared && !isAdministrator)
            throw new ForbiddenException(CoreText.Get("SelectionNotShared"));
    }

    private static string ValidName(string? name)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0) throw new ValidationFailedException([new("Name", CoreText.Get("NameRequired"))]);
        if (trimmed.Length > Selection.MaxName) throw new ValidationFailedException([new("Name", CoreText.Get("NameTooLong"))]);
        return trimmed;
    }

    private static async Task SaveOrConflictAsync(PortaaliDbContext db, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new ConcurrencyConflictException(CoreText.Get("SelectionConflict")); }
    }
}
