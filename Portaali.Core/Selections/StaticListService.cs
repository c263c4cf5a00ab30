using System.Data.Common;
using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Portaali.Core.Calendar;
using Portaali.Core.Common;
using Portaali.Core.Data;
using Portaali.Core.Security;

namespace Portaali.Core.Selections;

public enum SetOperation { Union, Intersection, Minus }

/// <summary>Static lists: freeze a selection, pick members by hand, combine lists and selections. Members are copied in
/// SQL (<c>INSERT … SELECT</c>), never through memory: a selection can hold a hundred thousand contacts.</summary>
public class StaticListService(IDbContextFactory<PortaaliDbContext> dbFactory, AccessGuard guard, TimeProvider clock, SelectionEngine engine)
{
    /// <summary>How many ids one hand-made change may carry (a page of picks, not a bulk import).</summary>
    public const int MaxHandPicked = 1000;

    /// <summary>A new static list holding the selection's members as they are now; returns its id.</summary>
    public async Task<int> FreezeAsync(int selectionId, string name, CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        var cleanName = ValidName(name);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var source = await ReadableAsync(db, selectionId, actor, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var frozenOn = HelsinkiTime.ToLocal(now).ToString("d", CultureInfo.CurrentCulture);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var list = NewList(cleanName, source.Target, source.Purpose, actor, now);
        list.CriteriaJson = source.CriteriaJson;
        list.IncludePassive = source.IncludePassive;
        list.IncludeLeft = source.IncludeLeft;
        list.Description = Truncate(CoreText.Get("StaticListFrozenFrom", source.Name, frozenOn), Selection.MaxDescription);
        db.Selections.Add(list);
        await db.SaveChangesAsync(ct);
        await InsertMembersAsync(db, list.Id, await engine.SavedMemberIdsAsync(db, selectionId, ct), now, actor.Name, ct);
        await transaction.CommitAsync(ct);
        return list.Id;
    }

    /// <summary>A new, empty personal list; returns its id.</summary>
    public async Task<int> CreateAsync(string name, SelectionTarget target, SelectionPurpose purpose, CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        var cleanName = ValidName(name);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var list = NewList(cleanName, target, purpose, actor, clock.GetUtcNow().UtcDateTime);
        db.Selections.Add(list);
        await db.SaveChangesAsync(ct);
        return list.Id;
    }

    /// <summary>Adds customers or contacts (by the list's target) picked by hand; members already there are skipped. Returns
    /// how many were added. A passive customer, a contact who has left or an id of the wrong kind is refused.</summary>
    public async Task<int> AddMembersAsync(int listId, IReadOnlyCollection<int> memberIds, CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        var ids = DistinctIds(memberIds);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var list = await EditableListAsync(db, listId, actor, ct);
        if (ids.Count == 0) return 0;
        await RefuseUnfitAsync(db, list.Target, ids, ct);

        var present = await db.StaticListMembers.Where(m => m.SelectionId == listId && ids.Contains(m.MemberId))
            .Select(m => m.MemberId).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var added = ids.Except(present).ToList();
        if (added.Count == 0) return 0;
        db.StaticListMembers.AddRange(added.Select(id => new StaticListMember
        {
            SelectionId = listId, MemberId = id, AddedAtUtc = now, AddedByName = actor.Name,
        }));
        Stamp(list, actor, now);
        await SaveOrConflictAsync(db, ct);
        return added.Count;
    }

    /// <summary>Takes members off the list; ids that are not members are ignored. Returns how many were removed.</summary>
    public async Task<int> RemoveMembersAsync(int listId, IReadOnlyCollection<int> memberIds, CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        var ids = DistinctIds(memberIds);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var list = await EditableListAsync(db, listId, actor, ct);
        if (ids.Count == 0) return 0;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var removed = await db.StaticListMembers.Where(m => m.SelectionId == listId && ids.Contains(m.MemberId)).ExecuteDeleteAsync(ct);
        if (removed == 0) return 0;
        Stamp(list, actor, clock.GetUtcNow().UtcDateTime);
        await SaveOrConflictAsync(db, ct);
        await transaction.CommitAsync(ct);
        return removed;
    }

    /// <summary>A new static list: left ∪ right, left ∩ right or left − right (both of the same target), computed in SQL
    /// over their members as they are now; returns its id. The new list keeps the left one's purpose.</summary>
    public async Task<int> CombineAsync(int leftId, SetOperation operation, int rightId, string name, CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        var cleanName = ValidName(name);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var left = await ReadableAsync(db, leftId, actor, ct);
        var right = await ReadableAsync(db, rightId, actor, ct);
        if (left.Target != right.Target) throw new DomainException(CoreText.Get("CombineTargetsDiffer", left.Name, right.Name));
        var now = clock.GetUtcNow().UtcDateTime;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var list = NewList(cleanName, left.Target, left.Purpose, actor, now);
        list.Description = Truncate(CoreText.Get(operation switch
        {
            SetOperation.Union => "StaticListUnionOf",
            SetOperation.Intersection => "StaticListIntersectionOf",
            _ => "StaticListMinusOf",
        }, left.Name, right.Name), Selection.MaxDescription);
        db.Selections.Add(list);
        await db.SaveChangesAsync(ct);

        var leftIds = await engine.SavedMemberIdsAsync(db, leftId, ct);
        var rightIds = await engine.SavedMemberIdsAsync(db, rightId, ct);
        var combined = left.Target == SelectionTarget.Customers
            ? db.Customers.Where(Combine<Customers.Customer>(c => leftIds.Contains(c.Id), c => rightIds.Contains(c.Id), operation)).Select(c => c.Id)
            : db.Contacts.Where(Combine<Contacts.Contact>(p => leftIds.Contains(p.Id), p => rightIds.Contains(p.Id), operation)).Select(p => p.Id);
        await InsertMembersAsync(db, list.Id, combined, now, actor.Name, ct);
        await transaction.CommitAsync(ct);
        return list.Id;
    }

    private static Expression<Func<T, bool>> Combine<T>(
        Expression<Func<T, bool>> inLeft, Expression<Func<T, bool>> inRight, SetOperation operation)
    {
        var row = inLeft.Parameters[0];
        var right = new ParameterSwap(inRight.Parameters[0], row).Visit(inRight.Body);
        Expression body = operation switch
        {
            SetOperation.Union => Expression.OrElse(inLeft.Body, right),
            SetOperation.Intersection => Expression.AndAlso(inLeft.Body, right),
            _ => Expression.AndAlso(inLeft.Body, Expression.Not(right)),
        };
        return Expression.Lambda<Func<T, bool>>(body, row);
    }

    private sealed class ParameterSwap(ParameterExpression from, ParameterExpression to)
        : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            node == from ? to : base.VisitParameter(node);
    }

    /// <summary>Copies the ids the query yields into the list in one <c>INSERT … SELECT</c>, inside the caller's transaction.
    /// EF Core builds the SELECT (with its parameters); only the INSERT around it is written here.</summary>
    private static async Task InsertMembersAsync(PortaaliDbContext db, int listId, IQueryable<int> ids, DateTime addedAtUtc, string addedBy, CancellationToken ct)
    {
        await using DbCommand command = ids.CreateDbCommand();
        command.CommandText =
            "INSERT INTO \"StaticListMembers\" (\"MemberId\", \"SelectionId\", \"AddedAtUtc\", \"AddedByName\")\n" +
            "SELECT \"frozen\".*, @list_id, @list_added_at, @list_added_by FROM (\n" + command.CommandText + "\n) AS \"frozen\"\n" +
            // ON CONFLICT rather than SQLite's INSERT OR IGNORE, so PostgreSQL runs it too; WHERE true keeps SQLite from
            // reading ON as the start of a join constraint.
            "WHERE true ON CONFLICT DO NOTHING";
        AddParameter(command, "@list_id", listId);
        AddParameter(command, "@list_added_at", addedAtUtc);
        AddParameter(command, "@list_added_by", addedBy);
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        await command.ExecuteNonQueryAsync(ct);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static Selection NewList(string name, SelectionTarget target, SelectionPurpose purpose, Actor actor, DateTime now) => new()
    {
        Name = name, Kind = SelectionKind.Static, Target = target, Purpose = purpose, OwnerUserId = actor.Id,
        CreatedAtUtc = now, UpdatedAtUtc = now, UpdatedByName = actor.Name,
    };

    private static void Stamp(Selection list, Actor actor, DateTime now)
    {
        list.UpdatedAtUtc = now;
        list.UpdatedByName = actor.Name;
        list.Version = Guid.NewGuid();
    }

    /// <summary>The selection or list, if the user may read it: their own, a shared one, or any for an administrator.</summary>
    private async Task<Selection> ReadableAsync(PortaaliDbContext db, int id, Actor actor, CancellationToken ct)
    {
        var selection = await db.Selections.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct)
            ?? throw new NotFoundException(CoreText.Get("SelectionNotFound"));
        if (selection.OwnerUserId != actor.Id && !selection.IsShared && !await guard.IsAllowedAsync(Policies.Administer))
            throw new NotFoundException(CoreText.Get("SelectionNotFound"));
        return selection;
    }

    /// <summary>The static list, tracked, if the user may change it: only its owner or an administrator.</summary>
    private async Task<Selection> EditableListAsync(PortaaliDbContext db, int id, Actor actor, CancellationToken ct)
    {
        var list = await db.Selections.FirstOrDefaultAsync(s => s.Id == id, ct)
            ?? throw new NotFoundException(CoreText.Get("SelectionNotFound"));
        if (list.OwnerUserId != actor.Id && !await guard.IsAllowedAsync(Policies.Administer))
        {
            if (!list.IsShared) throw new NotFoundException(CoreText.Get("SelectionNotFound"));
            throw new ForbiddenException(CoreText.Get("StaticListNotYours"));
        }
        if (list.Kind != SelectionKind.Static) throw new DomainException(CoreText.Get("StaticListIsDynamic", list.Name));
        return list;
    }

    /// <summary>Every id must be a customer (or contact) that exists, is active and has not left.</summary>
    private static async Task RefuseUnfitAsync(PortaaliDbContext db, SelectionTarget target, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var found = target == SelectionTarget.Customers
            ? await db.Customers.AsNoTracking().Where(c => ids.Contains(c.Id))
                .Select(c => new Candidate(c.Id, c.Name, c.IsPassive, false)).ToListAsync(ct)
            : await db.Contacts.AsNoTracking().Where(p => ids.Contains(p.Id))
                .Select(p => new Candidate(p.Id, p.FirstName + " " + p.LastName, p.Customer!.IsPassive, p.HasLeft)).ToListAsync(ct);
        if (found.Count < ids.Count)
            throw new DomainException(CoreText.Get(target == SelectionTarget.Customers ? "StaticListCustomersNotFound" : "StaticListContactsNotFound",
                ids.Count - found.Count));
        if (found.FirstOrDefault(c => c.Left) is { } left) throw new DomainException(CoreText.Get("StaticListContactLeft", left.Name));
        if (found.FirstOrDefault(c => c.Passive) is { } passive)
            throw new DomainException(CoreText.Get(target == SelectionTarget.Customers ? "StaticListCustomerPassive" : "StaticListContactsCustomerPassive", passive.Name));
    }

    private sealed record Candidate(int Id, string Name, bool Passive, bool Left);

    private static IReadOnlyCollection<int> DistinctIds(IReadOnlyCollection<int> ids)
    {
        var distinct = ids.Distinct().ToList();
        if (distinct.Count > MaxHandPicked) throw new DomainException(CoreText.Get("StaticListTooManyPicked", MaxHandPicked));
        return distinct;
    }

    private static string ValidName(string? name)
    {
        var clean = (name ?? "").Trim();
        if (clean.Length == 0) throw new ValidationFailedException([new("Name", CoreText.Get("StaticListNameRequired"))]);
        if (clean.Length > Selection.MaxName) throw new ValidationFailedException([new("Name", CoreText.Get("StaticListNameTooLong", Selection.MaxName))]);
        return clean;
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    private static async Task SaveOrConflictAsync(PortaaliDbContext db, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new ConcurrencyConflictException(CoreText.Get("StaticListConflict")); }
    }
}
