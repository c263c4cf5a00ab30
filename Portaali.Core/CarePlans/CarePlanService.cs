using Microsoft.EntityFrameworkCore;
using Portaali.Core.Calendar;
using Portaali.Core.Common;
using Portaali.Core.Data;
using Portaali.Core.Security;

namespace Portaali.Core.CarePlans;

/// <summary>The care plans: everyone signed in reads them, the customer team changes them (each change a new version),
/// management approves or rejects changes to the A plan.</summary>
public class CarePlanService(IDbContextFactory<PortaaliDbContext> dbFactory, AccessGuard guard, TimeProvider clock)
{
    /// <summary>Every plan: the segment plans (A, B, C, Potential), then the customer groups in the tree's order.</summary>
    public async Task<IReadOnlyList<CarePlanRow>> ListAsync(CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plans = await db.CarePlans.AsNoTracking()
            .Select(p => new
            {
                p.Id, p.Scope, p.Segment, GroupName = p.CustomerGroup!.Name, GroupOrder = (int?)p.CustomerGroup.SortOrder,
                ActiveId = p.Versions.Where(v => v.State == CarePlanVersionState.Active).Select(v => (int?)v.Id).FirstOrDefault(),
                Pending = p.Versions.Any(v => v.State == CarePlanVersionState.PendingApproval),
            }).ToListAsync(ct);
        var active = await CarePlanViews.LoadAsync(db, [.. plans.Where(p => p.ActiveId != null).Select(p => p.ActiveId!.Value)], ct);
        var today = HelsinkiTime.Today(clock);
        return [.. plans
            .OrderBy(p => p.Scope).ThenBy(p => p.Segment).ThenBy(p => p.GroupOrder).ThenBy(p => p.GroupName, StringComparer.CurrentCulture)
            .Select(p =>
            {
                var v = p.ActiveId is { } id ? active[id] : null;
                return new CarePlanRow(p.Id, p.Scope, p.Segment, p.GroupName, v?.Number, v?.ReviewOn,
                    v is not null && CarePlanRules.IsReviewDue(v.ReviewOn, today), v?.Rules, p.Pending);
            })];
    }

    /// <summary>A plan with its active version in full, the change waiting for approval and the history, newest first.</summary>
    public async Task<CarePlanDetails> GetAsync(int planId, CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plan = await db.CarePlans.AsNoTracking().Where(p => p.Id == planId)
            .Select(p => new { p.Id, p.Scope, p.Segment, GroupName = p.CustomerGroup!.Name }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException(CoreText.Get("CarePlanNotFound"));
        var history = await db.CarePlanVersions.AsNoTracking().Where(v => v.CarePlanId == planId).OrderByDescending(v => v.Number)
            .Select(v => new CarePlanHistoryRow(v.Id, v.Number, v.State, v.CreatedByName, v.CreatedAt, v.ChangeNote, v.ActiveFrom,
                v.DecidedByName, v.DecidedAt, v.DecisionNote))
            .ToListAsync(ct);
        var shown = history.Where(h => h.State is CarePlanVersionState.Active or CarePlanVersionState.PendingApproval).Select(h => h.Id).ToList();
        var views = await CarePlanViews.LoadAsync(db, shown, ct);
        var active = views.Values.FirstOrDefault(v => v.State == CarePlanVersionState.Active);
        var pending = views.Values.FirstOrDefault(v => v.State == CarePlanVersionState.PendingApproval);
        return new CarePlanDetails(plan.Id, plan.Scope, plan.Segment, plan.GroupName, active, pending, history,
            active is not null && CarePlanRules.IsReviewDue(active.ReviewOn, HelsinkiTime.Today(clock)));
    }

    /// <summary>The plans that apply to a customer (its segment's, then its customer groups'), each with its active version.</summary>
    public async Task<IReadOnlyList<CustomerCarePlanView>> ForCustomerAsync(int customerId, CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var planIds = await (await CarePlanRules.ApplicablePlanVersionsAsync(db, ct)).Where(l => l.CustomerId == customerId)
            .Select(l => l.CarePlanId).Distinct().ToListAsync(ct);
        var plans = await db.CarePlans.AsNoTracking().Where(p => planIds.Contains(p.Id))
            .Select(p => new
            {
                p.Id, p.Scope, p.Segment, GroupName = p.CustomerGroup!.Name, GroupOrder = (int?)p.CustomerGroup.SortOrder,
                ActiveId = p.Versions.Where(v => v.State == CarePlanVersionState.Active).Select(v => (int?)v.Id).FirstOrDefault(),
            }).ToListAsync(ct);
        var views = await CarePlanViews.LoadAsync(db, [.. plans.Where(p => p.ActiveId != null).Select(p => p.ActiveId!.Value)], ct);
        return [.. plans.Where(p => p.ActiveId != null).OrderBy(p => p.Scope).ThenBy(p => p.GroupOrder)
            .Select(p => new CustomerCarePlanView(p.Id, p.Scope, p.Segment, p.GroupName, views[p.ActiveId!.Value]))];
    }

    /// <summary>The activity types, keywords and people the edit dialog offers.</summary>
    public async Task<CarePlanEditChoices> EditChoicesAsync(CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.KeepCarePlans);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var keywords = (await db.ActivityKeywords.AsNoTracking().Where(k => !k.IsRetired).OrderBy(k => k.Name)
            .Select(k => new { k.ActivityTypeId, k.Id, Name = CoreText.ReaderIsEnglish ? k.NameEn ?? k.Name : k.Name }).ToListAsync(ct)).ToLookup(k => k.ActivityTypeId, k => new CarePlanTypeRef(k.Id, k.Name));
        var types = await db.ActivityTypes.AsNoTracking().Where(t => !t.IsRetired).OrderBy(t => t.SortOrder).ThenBy(t => t.Name)
            .Select(t => new { t.Id, Name = CoreText.ReaderIsEnglish ? t.NameEn ?? t.Name : t.Name }).ToListAsync(ct);
        var people = await db.Users.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.DisplayName)
            .Select(u => new CarePlanTypeRef(u.Id, u.DisplayName)).ToListAsync(ct);
        return new CarePlanEditChoices([.. types.Select(t => new CarePlanTypeChoice(t.Id, t.Name, [.. keywords[t.Id]]))], people);
    }

    /// <summary>Saves a change as a new version. The A plan's change waits for management unless management made it;
    /// any other change applies at once and supersedes the active version. <paramref name="expectedActiveVersion"/> is
    /// the number of the active version the form was filled from: a different one means someone changed the plan meanwhile.</summary>
    public async Task<CarePlanSaveResult> SaveChangeAsync(int planId, CarePlanEdit edit, int? expectedActiveVersion, CancellationToken ct = default)
    {
        var actor = await guard.DemandAsync(Policies.KeepCarePlans);
        var approves = await guard.IsAllowedAsync(Policies.ApproveKeyAccounts);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var plan = await db.CarePlans.FirstOrDefaultAsync(p => p.Id == planId, ct) ?? throw new NotFoundException(CoreText.Get("CarePlanNotFound"));
        var change = await CarePlanValidation.CheckAsync(db, edit, ct);
        var active = await db.CarePlanVersions.FirstOrDefaultAsync(v => v.CarePlanId == planId && v.State == CarePlanVersionState.Active, ct);
        if (active?.Number != expectedActiveVersion) throw new ConcurrencyConflictException(CoreText.Get("CarePlanChangedByOther"));
        var waits = CarePlanRules.ChangesNeedApproval(plan.Scope, plan.Segment) && !approves;
        if (waits && await db.CarePlanVersions.AnyAsync(v => v.CarePlanId == planId && v.State == CarePlanVersionState.PendingApproval, ct))
            throw new DomainException(CoreText.Get("CarePlanPendingExists"));

        var now = clock.GetUtcNow().UtcDateTime;
        var number = (await db.CarePlanVersions.Where(v => v.CarePlanId == planId).MaxAsync(v => (int?)v.Number, ct) ?? 0) + 1;
        var version = new CarePlanVersion
        {
            CarePlanId = planId, Number = number, State = waits ? CarePlanVersionState.PendingApproval : CarePlanVersionState.Active,
            CareFi = edit.CareFi.Trim(), CareEn = edit.CareEn.Trim(), InternalFi = edit.InternalFi.Trim(), InternalEn = edit.InternalEn.Trim(),
            ResponsibleFi = edit.ResponsibleFi.Trim(), ResponsibleEn = edit.ResponsibleEn.Trim(), ResponsibleUserId = edit.ResponsibleUserId,
            ReviewOn = edit.ReviewOn!.Value, MaxContactGapDays = change.MaxContactGapDays,
            PlannedContactCounts = edit.PlannedContactCounts && change.MaxContactGapDays is not null,
            ContactTypes = [.. change.ContactTypeIds.Select(id => new CarePlanContactType { ActivityTypeId = id })],
            Requirements = [.. change.Requirements],
            ChangeNote = edit.ChangeNote.Trim(), CreatedAt = now, CreatedByUserId = actor.Id, CreatedByName = actor.Name,
            ActiveFrom = waits ? null : now,
        };
        if (!waits && CarePlanRules.ChangesNeedApproval(plan.Scope, plan.Segment))
        {
            // Management's own change to the A plan: approved as it is made.
            version.DecidedAt = now;
            version.DecidedByName = actor.Name;
        }
        if (!waits && active is not null) await SupersedeAsync(db, active, ct);
        db.CarePlanVersions.Add(version);
        await SaveAsync(db, ct);
        await tx.CommitAsync(ct);
        return new CarePlanSaveResult(version.Id, version.Number, version.State);
    }

    /// <summary>Management approves a pending change to the A plan: it applies from now on and the old version is superseded.</summary>
    public async Task ApproveAsync(int versionId, string? note, CancellationToken ct = default)
    {
        var actor = await guard.DemandAsync(Policies.ApproveKeyAccounts);
        if ((note?.Trim().Length ?? 0) > CarePlanValidation.MaxNote)
            throw new ValidationFailedException([new("Note", CoreText.Get("CarePlanTooLong", CarePlanValidation.MaxNote))]);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var pending = await LoadPendingAsync(db, versionId, ct);
        var active = await db.CarePlanVersions.FirstOrDefaultAsync(v => v.CarePlanId == pending.CarePlanId && v.State == CarePlanVersionState.Active, ct);
        if (active is not null) await SupersedeAsync(db, active, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        pending.State = CarePlanVersionState.Active;
        pending.ActiveFrom = now;
        Decide(pending, actor, now, note);
        await SaveAsync(db, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Management turns a pending change down, with a note saying why; the active version keeps applying.</summary>
    public async Task RejectAsync(int versionId, string? note, CancellationToken ct = default)
    {
        var actor = await guard.DemandAsync(Policies.ApproveKeyAccounts);
        if (string.IsNullOrWhiteSpace(note))
            throw new ValidationFailedException([new("Note", CoreText.Get("CarePlanRejectNoteRequired"))]);
        if (note.Trim().Length > CarePlanValidation.MaxNote)
            throw new ValidationFailedException([new("Note", CoreText.Get("CarePlanTooLong", CarePlanValidation.MaxNote))]);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pending = await LoadPendingAsync(db, versionId, ct);
        pending.State = CarePlanVersionState.Rejected;
        Decide(pending, actor, clock.GetUtcNow().UtcDateTime, note);
        await SaveAsync(db, ct);
    }

    private static async Task<CarePlanVersion> LoadPendingAsync(PortaaliDbContext db, int versionId, CancellationToken ct)
    {
        var version = await db.CarePlanVersions.FirstOrDefaultAsync(v => v.Id == versionId, ct)
            ?? throw new NotFoundException(CoreText.Get("CarePlanVersionNotFound"));
        if (version.State != CarePlanVersionState.PendingApproval) throw new ConcurrencyConflictException(CoreText.Get("CarePlanNotPending"));
        return version;
    }

    private static void Decide(CarePlanVersion version, Actor actor, DateTime now, string? note)
    {
        version.DecidedAt = now;
        version.DecidedByName = actor.Name;
        version.DecisionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        version.Version = Guid.NewGuid();
    }

    /// <summary>Retires the active version, saved on its own first: the "one active version" index is checked per
    /// statement, so the new active version can only be written after the old one stopped being active.</summary>
    private static async Task SupersedeAsync(PortaaliDbContext db, CarePlanVersion active, CancellationToken ct)
    {
        active.State = CarePlanVersionState.Superseded;
        active.Version = Guid.NewGuid();
        await SaveAsync(db, ct);
    }

    private static async Task SaveAsync(PortaaliDbContext db, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new ConcurrencyConflictException(CoreText.Get("CarePlanChangedByOther")); }
        catch (DbUpdateException e) when (e.InnerException?.Message.Contains("UNIQUE", StringComparison.Ordinal) == true)
        {
            // The indexes back up the checks above against a save that came in between.
            throw e.InnerException.Message.Contains("IX_CarePlanVersions_OnePending", StringComparison.Ordinal)
                ? new DomainException(CoreText.Get("CarePlanPendingExists"))
                : new ConcurrencyConflictException(CoreText.Get("CarePlanChangedByOther"));
        }
    }
}
