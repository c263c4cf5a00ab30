using Microsoft.EntityFrameworkCore;
using Portaali.Core.Common;
using Portaali.Core.Customers;
using Portaali.Core.Data;
using Portaali.Core.Security;
using Portaali.Core.Selections;

namespace Portaali.Core.Campaigns;

/// <summary>A saved selection or list one can start a campaign from or add members from.</summary>
public sealed record SelectionChoice(int Id, string Name, SelectionKind Kind, SelectionTarget Target);

/// <summary>Another campaign, for "leave out members of campaign X at steps …".</summary>
public sealed record CampaignChoice(int Id, string Name, DateOnly? EventDate);

/// <summary>Browsing campaigns: the list with counts per step, one campaign with its results, its members a page at a
/// time, and the choices the member tools offer. Everything is counted and paged in SQL.</summary>
public class CampaignQueries(IDbContextFactory<PortaaliDbContext> dbFactory, AccessGuard guard)
{
    public async Task<PagedResult<CampaignSummary>> ListAsync(string? search = null, int skip = 0, int take = 50, CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.RunCampaigns);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Campaigns.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = TextMatch.Pattern(search);
            query = query.Where(c => TextMatch.Lower(c.Name).Contains(text));
        }
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(c => c.CreatedAtUtc).ThenByDescending(c => c.Id).Skip(skip).Take(take)
            .Select(c => new CampaignSummary(c.Id, c.Name, c.Kind, c.EventDate, c.CreatedByName, c.CreatedAtUtc,
                db.CampaignMembers.Count(m => m.CampaignId == c.Id),
                db.CampaignMembers.Count(m => m.CampaignId == c.Id && m.Step == CampaignStep.Invited),
                db.CampaignMembers.Count(m => m.CampaignId == c.Id && m.Step == CampaignStep.Registered),
                db.CampaignMembers.Count(m => m.CampaignId == c.Id && m.Step == CampaignStep.Attended),
                db.CampaignMembers.Count(m => m.CampaignId == c.Id && m.Step == CampaignStep.Absent)))
            .ToListAsync(ct);
        return new PagedResult<CampaignSummary>(items, total);
    }

    public async Task<CampaignDetails> GetAsync(int id, CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.RunCampaigns);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw CampaignService.NotFound();
        return new CampaignDetails(c.Id, c.Name, c.Kind, c.Description, c.EventDate, c.CreatedByName, c.CreatedAtUtc,
            c.UpdatedByName, c.UpdatedAtUtc, c.Version, await ResultsAsync(db, id, ct));
    }

    /// <summary>Counts per step (every step, zero included), in one grouped query.</summary>
    public async Task<CampaignResults> ResultsAsync(int id, CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.RunCampaigns);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await CampaignService.EnsureExistsAsync(db, id, ct);
        return await ResultsAsync(db, id, ct);
    }

    private static async Task<CampaignResults> ResultsAsync(PortaaliDbContext db, int id, CancellationToken ct)
    {
        var counts = await db.CampaignMembers.AsNoTracking().Where(m => m.CampaignId == id).GroupBy(m => m.Step)
            .Select(g => new { Step = g.Key, Count = g.Count() }).ToListAsync(ct);
        return new CampaignResults(Enum.GetValues<CampaignStep>()
            .Select(s => new StepCount(s, counts.FirstOrDefault(c => c.Step == s)?.Count ?? 0)).ToList());
    }

    /// <summary>A page of members ordered by customer, then contact name; filtered by step and by name, customer or e-mail.</summary>
    public async Task<PagedResult<CampaignMemberRow>> MembersAsync(CampaignMemberQuery query, CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.RunCampaigns);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var members = db.CampaignMembers.AsNoTracking().Where(m => m.CampaignId == query.CampaignId);
        if (query.Step is { } step) members = members.Where(m => m.Step == step);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var text = CustomerRules.SearchForm(query.Search);
            members = members.Where(m => m.Contact!.NameSearch.Contains(text) || m.Contact.Customer!.NameSearch.Contains(text)
                || (m.Contact.Email != null && m.Contact.Email.ToLower().Contains(text)));
        }
        var total = await members.CountAsync(ct);
        var rows = await members.OrderBy(m => m.Contact!.Customer!.NameSearch).ThenBy(m => m.Contact!.NameSearch).ThenBy(m => m.Id)
            .Skip(query.Skip).Take(query.Take)
            .Select(m => new CampaignMemberRow(m.Id, m.ContactId, m.Contact!.FirstName + " " + m.Contact.LastName, m.Contact.Title,
                m.Contact.Email, m.CustomerId, m.Contact.Customer!.Name, m.Step, m.StepChangedAtUtc, m.StepChangedByName, m.Contact.HasLeft))
            .ToListAsync(ct);
        return new PagedResult<CampaignMemberRow>(rows, total);
    }

    /// <summary>Contacts (still there, of active customers) whose name, customer or e-mail holds the text, for adding one by hand.</summary>
    public async Task<IReadOnlyList<ContactChoice>> SearchContactsAsync(int campaignId, string text, int take = 20, CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.RunCampaigns);
        if (string.IsNullOrWhiteSpace(text)) return [];
        var search = CustomerRules.SearchForm(text);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Contacts.AsNoTracking()
            .Where(p => !p.HasLeft && !p.Customer!.IsPassive
                && (p.NameSearch.Contains(search) || p.Customer.NameSearch.Contains(search) || (p.Email != null && p.Email.ToLower().Contains(search))))
            .OrderBy(p => p.NameSearch).ThenBy(p => p.Id).Take(take)
            .Select(p => new ContactChoice(p.Id, p.FirstName + " " + p.LastName, p.Customer!.Name, p.Email,
                db.CampaignMembers.Any(m => m.CampaignId == campaignId && m.ContactId == p.Id)))
            .ToListAsync(ct);
    }

    /// <summary>The saved selections and lists the user sees (their own and the shared ones), by name.</summary>
    public async Task<IReadOnlyList<SelectionChoice>> SelectionChoicesAsync(CancellationToken ct = default)
    {
        var actor = await guard.DemandAsync(Policies.RunCampaigns);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Selections.AsNoTracking().Where(s => s.OwnerUserId == actor.Id || s.IsShared)
            .OrderBy(s => s.Name).ThenBy(s => s.Id).Select(s => new SelectionChoice(s.Id, s.Name, s.Kind, s.Target)).ToListAsync(ct);
    }

    /// <summary>The other campaigns, newest first, for the exclusion.</summary>
    public async Task<IReadOnlyList<CampaignChoice>> OtherCampaignsAsync(int campaignId, CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.RunCampaigns);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Campaigns.AsNoTracking().Where(c => c.Id != campaignId).OrderByDescending(c => c.CreatedAtUtc).ThenByDescending(c => c.Id)
            .Select(c => new CampaignChoice(c.Id, c.Name, c.EventDate)).ToListAsync(ct);
    }

    /// <summary>The campaign's fields as the edit form shows them.</summary>
    public async Task<CampaignEdit> GetForEditAsync(int id, CancellationToken ct = default)
    {
        var c = await GetAsync(id, ct);
        return new CampaignEdit
        {
            Name = c.Name, Kind = c.Kind, Description = c.Description, EventDate = CampaignEdit.FormatDate(c.EventDate), Version = c.Version,
        };
    }
}
