using Microsoft.EntityFrameworkCore;
using Portaali.Core.Auditing;
using Portaali.Core.Common;
using Portaali.Core.Data;
using Portaali.Core.Security;
using Portaali.Core.Selections;

namespace Portaali.Core.Campaigns;

/// <summary>Making and changing campaigns and their members: add from a saved selection or list (in SQL), add one
/// contact, remove, and move members through the steps one by one or in bulk.</summary>
public class CampaignService(IDbContextFactory<PortaaliDbContext> dbFactory, AccessGuard guard, TimeProvider clock, SelectionEngine engine)
{
    public async Task<int> CreateAsync(CampaignEdit edit, CancellationToken ct = default)
    {
        var actor = await guard.DemandAsync(Policies.RunCampaigns);
        var (name, date) = Validate(edit);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var campaign = new Campaign
        {
            Name = name, Kind = edit.Kind, Description = Blank(edit.Description), EventDate = date, OwnerUserId = actor.Id,
            CreatedAtUtc = now, CreatedByName = actor.Name, UpdatedAtUtc = now, UpdatedByName = actor.Name,
        };
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(ct);
        return campaign.Id;
    }

    /// <summary>Makes a campaign and fills it from a saved selection or list (<see cref="AddFromSelectionAsync"/>) in one
    /// action: the builder's "start a campaign" lands here.</summary>
    public async Task<(int Id, MembersAdded Added)> CreateFromSelectionAsync(CampaignEdit edit, int selectionId, CampaignExclusion? exclude = null,
        CancellationToken ct = default)
    {
        var actor = await guard.DemandAsync(Policies.RunCampaigns);
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            if (!await db.Selections.AnyAsync(s => s.Id == selectionId && (s.OwnerUserId == actor.Id || s.IsShared), ct))
                throw new NotFoundException(CoreText.Get("SelectionNotFound"));
        var id = await CreateAsync(edit, ct);
        return (id, await AddFromSelectionAsync(id, selectionId, exclude, ct));
    }

    /// <summary>Changes the name, kind, description and date; refused when someone else saved after the form was loaded.</summary>
    public async Task<Guid> UpdateAsync(int id, CampaignEdit edit, CancellationToken ct = default)
    {
        var actor = await guard.DemandAsync(Policies.RunCampaigns);
        var (name, date) = Validate(edit);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var campaign = await db.Campaigns.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw NotFound();
        if (edit.Version is { } loaded && loaded != campaign.Version) throw Conflict();
        campaign.Name = name;
        campaign.Kind = edit.Kind;
        campaign.Description = Blank(edit.Description);
        campaign.EventDate = date;
        campaign.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        campaign.UpdatedByName = actor.Name;
        campaign.Version = Guid.NewGuid();
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw Conflict(); }
        return campaign.Version;
    }

    /// <summary>
    /// Adds the members of a saved selection or static list as they are now, in one INSERT … SELECT: a customer
    /// selection brings its customers' active contacts, a contact selection its contacts (the engine's default
    /// exclusions of passive customers and contacts who left hold). A contact already in the campaign stays at its step;
    /// with <paramref name="exclude"/>, members of that campaign at those steps are left out.
    /// </summary>
    public async Task<MembersAdded> AddFromSelectionAsync(int campaignId, int selectionId, CampaignExclusion? exclude = null, CancellationToken ct = default)
    {
        var actor = await guard.DemandAsync(Policies.RunCampaigns);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await EnsureExistsAsync(db, campaignId, ct);
        // Someone else's personal selection is not offered, and not reachable by its id either.
        var target = await db.Selections.Where(s => s.Id == selectionId && (s.OwnerUserId == actor.Id || s.IsShared))
            .Select(s => (SelectionTarget?)s.Target).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException(CoreText.Get("SelectionNotFound"));
        if (exclude is not null) await EnsureExistsAsync(db, exclude.CampaignId, ct);

        var ids = await engine.SavedMemberIdsAsync(db, selectionId, ct);
        var candidates = target == SelectionTarget.Customers
            ? db.Contacts.Where(p => ids.Contains(p.CustomerId) && !p.HasLeft)
            : db.Contacts.Where(p => ids.Contains(p.Id));
        var notMembers = candidates.Where(p => !db.CampaignMembers.Any(m => m.CampaignId == campaignId && m.ContactId == p.Id));
        var toAdd = notMembers;
        if (exclude is not null)
        {
            var steps = exclude.Steps.Distinct().ToList();
            toAdd = notMembers.Where(p => !db.CampaignMembers.Any(m => m.CampaignId == exclude.CampaignId && m.ContactId == p.Id && steps.Contains(m.Step)));
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var total = await candidates.CountAsync(ct);
        var outside = await notMembers.CountAsync(ct);
        var added = await InsertMembersAsync(db, campaignId, toAdd.Select(p => new { p.Id, p.CustomerId }), actor, ct);
        await TouchAsync(db, campaignId, actor, ct);
        await tx.CommitAsync(ct);
        return new MembersAdded(added, total - outside, outside - added);
    }

    /// <summary>Adds one contact (found by search) at the first step; false when the contact is already a member.</summary>
    public async Task<bool> AddContactAsync(int campaignId, int contactId, CancellationToken ct = default)
    {
        var actor = await guard.DemandAsync(Policies.RunCampaigns);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await EnsureExistsAsync(db, campaignId, ct);
        var contact = await db.Contacts.AsNoTracking().Where(p => p.Id == contactId).Select(p => new { p.Id, p.CustomerId }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException(CoreText.Get("ContactNotFound"));
        if (await db.CampaignMembers.AnyAsync(m => m.CampaignId == campaignId && m.ContactId == contactId, ct)) return false;
        db.CampaignMembers.Add(NewMember(campaignId, contact.Id, contact.CustomerId, CampaignStep.Added, actor));
        await TouchAsync(db, campaignId, actor, ct);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Takes members out of the campaign (their mailing deliveries go with them); returns how many.</summary>
    public async Task<int> RemoveMembersAsync(int campaignId, IReadOnlyCollection<int> memberIds, CancellationToken ct = default)
    {
        var actor = await guard.DemandAsync(Policies.RunCampaigns);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await EnsureExistsAsync(db, campaignId, ct);
        var ids = memberIds.Distinct().ToList();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var removed = await db.CampaignMembers.Where(m => m.CampaignId == campaignId && ids.Contains(m.Id)).ExecuteDeleteAsync(ct);
        await TouchAsync(db, campaignId, actor, ct);
        await tx.CommitAsync(ct);
        return removed;
    }

    /// <summary>Moves the members to a step, stamping the time and the user's name. Moving back (or between attended
    /// and absent) is a correction: allowed, and written to the customer's change history. Returns how many changed.</summary>
    public async Task<int> SetStepAsync(int campaignId, IReadOnlyCollection<int> memberIds, CampaignStep step, CancellationToken ct = default)
    {
        var actor = await guard.DemandAsync(Policies.RunCampaigns);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var changed = await MoveAsync(db, campaignId, memberIds, step, actor, ct);
        await tx.CommitAsync(ct);
        return changed;
    }

    /// <summary>The step change shared by the page and the registration import, inside the caller's transaction.</summary>
    internal async Task<int> MoveAsync(PortaaliDbContext db, int campaignId, IReadOnlyCollection<int> memberIds, CampaignStep step, Actor actor, CancellationToken ct)
    {
        var campaignName = await db.Campaigns.Where(c => c.Id == campaignId).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? throw NotFound();
        var ids = memberIds.Distinct().ToList();
        var moving = await db.CampaignMembers.AsNoTracking().Where(m => m.CampaignId == campaignId && ids.Contains(m.Id) && m.Step != step)
            .Select(m => new { m.Id, m.CustomerId, m.Step, Name = m.Contact!.FirstName + " " + m.Contact.LastName }).ToListAsync(ct);
        if (moving.Count == 0) return 0;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var m in moving.Where(m => CampaignSteps.IsCorrection(m.Step, step)))
            AuditLog.Record(db, actor, now, m.CustomerId, "CampaignMember", m.Id, "CampaignStepCorrected",
                [new("Campaign", null, campaignName), new("Contact", null, m.Name), new("CampaignStep", m.Step.ToString(), step.ToString())]);
        await db.SaveChangesAsync(ct);
        var movingIds = moving.Select(m => m.Id).ToList();
        await db.CampaignMembers.Where(m => movingIds.Contains(m.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Step, step).SetProperty(m => m.StepChangedAtUtc, now).SetProperty(m => m.StepChangedByName, actor.Name), ct);
        await TouchAsync(db, campaignId, actor, ct);
        return moving.Count;
    }

    /// <summary>Inserts the (contact id, customer id) rows of the query as members at the first step in one statement,
    /// skipping any contact that is already a member; returns how many were inserted.</summary>
    internal async Task<int> InsertMembersAsync<T>(PortaaliDbContext db, int campaignId, IQueryable<T> contactAndCustomerIds, Actor actor,
        CancellationToken ct, CampaignStep step = CampaignStep.Added)
    {
        await using var source = contactAndCustomerIds.CreateDbCommand();
        var sql = $"""
            WITH "cm_source"("ContactId", "CustomerId") AS ({source.CommandText})
            INSERT INTO "CampaignMembers" ("CampaignId", "ContactId", "CustomerId", "Step", "StepChangedAtUtc", "StepChangedByName", "AddedAtUtc")
            SELECT @cm_campaign, "ContactId", "CustomerId", @cm_step, @cm_now, @cm_by, @cm_now FROM "cm_source" WHERE true
            ON CONFLICT ("CampaignId", "ContactId") DO NOTHING
            """;
        // Parameters of the provider's own kind (the command makes them), copied: one belongs to one command only.
        object Parameter(string name, object? value)
        {
            var p = source.CreateParameter();
            (p.ParameterName, p.Value) = (name, value ?? DBNull.Value);
            return p;
        }
        var parameters = source.Parameters.Cast<System.Data.Common.DbParameter>()
            .Select(p => Parameter(p.ParameterName, p.Value)).ToList();
        parameters.Add(Parameter("@cm_campaign", campaignId));
        parameters.Add(Parameter("@cm_step", step.ToString()));
        parameters.Add(Parameter("@cm_now", clock.GetUtcNow().UtcDateTime));
        parameters.Add(Parameter("@cm_by", actor.Name));
        return await db.Database.ExecuteSqlRawAsync(sql, parameters, ct);
    }

    internal CampaignMember NewMember(int campaignId, int contactId, int customerId, CampaignStep step, Actor actor)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new CampaignMember
        {
            CampaignId = campaignId, ContactId = contactId, CustomerId = customerId, Step = step,
            StepChangedAtUtc = now, StepChangedByName = actor.Name, AddedAtUtc = now,
        };
    }

    internal async Task TouchAsync(PortaaliDbContext db, int campaignId, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Campaigns.Where(c => c.Id == campaignId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UpdatedAtUtc, now).SetProperty(c => c.UpdatedByName, actor.Name), ct);
    }

    internal static async Task EnsureExistsAsync(PortaaliDbContext db, int campaignId, CancellationToken ct)
    {
        if (!await db.Campaigns.AnyAsync(c => c.Id == campaignId, ct)) throw NotFound();
    }

    private static (string Name, DateOnly? Date) Validate(CampaignEdit edit)
    {
        var errors = new List<FieldError>();
        var name = edit.Name?.Trim() ?? "";
        if (name.Length == 0) errors.Add(new(nameof(edit.Name), CoreText.Get("CampaignNameRequired")));
        else if (name.Length > Campaign.MaxName) errors.Add(new(nameof(edit.Name), CoreText.Get("NameTooLong")));
        if (edit.Description?.Trim().Length > 4000) errors.Add(new(nameof(edit.Description), CoreText.Get("CampaignDescriptionTooLong", 4000)));
        if (!CampaignEdit.TryParseDate(edit.EventDate, out var date))
            errors.Add(new(nameof(edit.EventDate), CoreText.Get("CampaignDateUnreadable", CampaignEdit.FormatDate(new DateOnly(2027, 3, 15)))));
        if (errors.Count > 0) throw new ValidationFailedException(errors);
        return (name, edit.Kind == CampaignKind.Event ? date : null);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    internal static NotFoundException NotFound() => new(CoreText.Get("CampaignNotFound"));

    private static ConcurrencyConflictException Conflict() => new(CoreText.Get("CampaignChangedByOther"));
}

/// <summary>The order of the steps: added → invited → registered → attended or absent.</summary>
public static class CampaignSteps
{
    public static int Rank(CampaignStep step) => step switch
    {
        CampaignStep.Added => 0,
        CampaignStep.Invited => 1,
        CampaignStep.Registered => 2,
        _ => 3,
    };

    /// <summary>A move back, or between attended and absent: a correction of what was recorded.</summary>
    public static bool IsCorrection(CampaignStep from, CampaignStep to) =>
        Rank(to) < Rank(from) || (Rank(to) == Rank(from) && to != from);
}
