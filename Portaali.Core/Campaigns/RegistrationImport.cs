using Microsoft.EntityFrameworkCore;
using Portaali.Core.Common;
using Portaali.Core.Data;
using Portaali.Core.Security;

namespace Portaali.Core.Campaigns;

/// <summary>What the user chose for a registration list: the e-mail column (null: detected from the header), the step
/// the file means, and whether contacts not yet in the campaign are added.</summary>
public sealed class RegistrationImportOptions
{
    public int? EmailColumn { get; set; }
    public CampaignStep Step { get; set; } = CampaignStep.Registered;
    public bool AddNonMembers { get; set; }
}

/// <summary>A row of the file and the e-mail in it; for a match, the contact and customer.</summary>
public sealed record RegistrationRowRef(long Line, string Email, string? ContactName = null, string? CustomerName = null);

/// <summary>A row whose e-mail belongs to more than one contact: listed, never guessed.</summary>
public sealed record AmbiguousRegistration(long Line, string Email, IReadOnlyList<string> Contacts);

/// <summary>The dry run: what applying would do, and the rows it cannot use.</summary>
public sealed record RegistrationPlan(
    IReadOnlyList<string> Columns, int? EmailColumn, CampaignStep Step, int Rows,
    int ToMark, int AlreadyAtStep, IReadOnlyList<RegistrationRowRef> NotMembers, bool AddNonMembers,
    IReadOnlyList<RegistrationRowRef> Unmatched, IReadOnlyList<AmbiguousRegistration> Ambiguous, int EmptyRows, int DuplicateRows)
{
    public bool HasEmailColumn => EmailColumn is not null;
}

public sealed record RegistrationImportResult(int Marked, int Added);

/// <summary>
/// Marks members registered (or attended) from a registration list, matched on e-mail (trimmed, without case). A dry
/// run first says how many members it would mark, how many matched a contact outside the campaign, which rows matched
/// nobody and which matched more than one contact; applying does the same analysis again and changes only what it said.
/// </summary>
public class RegistrationImportService(IDbContextFactory<PortaaliDbContext> dbFactory, AccessGuard guard, CampaignService campaigns)
{
    /// <summary>Reads an uploaded .csv or .xlsx; a wrong type, an empty or unreadable file is refused with a message.</summary>
    public async Task<RegistrationFile> ReadFileAsync(Stream content, string fileName, long? size, CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.RunCampaigns);
        return await RegistrationFiles.ReadAsync(content, fileName, size, ct);
    }

    public async Task<RegistrationPlan> DryRunAsync(int campaignId, RegistrationFile file, RegistrationImportOptions options, CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.RunCampaigns);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await AnalyseAsync(db, campaignId, file, options, ct)).Plan;
    }

    public async Task<RegistrationImportResult> ApplyAsync(int campaignId, RegistrationFile file, RegistrationImportOptions options, CancellationToken ct = default)
    {
        var actor = await guard.DemandAsync(Policies.RunCampaigns);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var analysis = await AnalyseAsync(db, campaignId, file, options, ct);
        if (!analysis.Plan.HasEmailColumn) throw new DomainException(CoreText.Get("RegistrationNoEmailColumn"));
        var added = 0;
        if (options.AddNonMembers && analysis.NewContacts.Count > 0)
        {
            foreach (var (contactId, customerId) in analysis.NewContacts)
                db.CampaignMembers.Add(campaigns.NewMember(campaignId, contactId, customerId, options.Step, actor));
            await db.SaveChangesAsync(ct);
            added = analysis.NewContacts.Count;
        }
        var marked = await campaigns.MoveAsync(db, campaignId, analysis.MembersToMark, options.Step, actor, ct);
        await campaigns.TouchAsync(db, campaignId, actor, ct);
        await tx.CommitAsync(ct);
        return new RegistrationImportResult(marked, added);
    }

    /// <summary>Registered moves added and invited members on; attended also corrects one marked absent. A member
    /// already further (attended, when the file means registered) is left where it is.</summary>
    public static bool ShouldMark(CampaignStep current, CampaignStep target) =>
        CampaignSteps.Rank(current) < CampaignSteps.Rank(target) || (target == CampaignStep.Attended && current == CampaignStep.Absent);

    private sealed record Analysis(RegistrationPlan Plan, List<int> MembersToMark, List<(int ContactId, int CustomerId)> NewContacts);

    private static async Task<Analysis> AnalyseAsync(PortaaliDbContext db, int campaignId, RegistrationFile file, RegistrationImportOptions options, CancellationToken ct)
    {
        if (options.Step is not (CampaignStep.Registered or CampaignStep.Attended))
            throw new DomainException(CoreText.Get("RegistrationStepInvalid"));
        await CampaignService.EnsureExistsAsync(db, campaignId, ct);
        var column = options.EmailColumn is int chosen && chosen >= 0 && chosen < file.Columns.Count ? chosen : RegistrationFiles.DetectEmailColumn(file);
        if (column is null)
            return new Analysis(new RegistrationPlan(file.Columns, null, options.Step, file.Rows.Count, 0, 0, [], options.AddNonMembers, [], [], 0, 0), [], []);

        var rows = new List<(long Line, string Email, string Key)>();
        var seen = new HashSet<string>();
        int empty = 0, duplicates = 0;
        foreach (var row in file.Rows)
        {
            var email = row[column.Value]?.Trim();
            if (string.IsNullOrEmpty(email)) { empty++; continue; }
            var key = email.ToLowerInvariant();
            if (!seen.Add(key)) { duplicates++; continue; }
            rows.Add((row.Line, email, key));
        }

        var keys = rows.Select(r => r.Key).ToList();
        // A contact who has left still matches when they are a member; otherwise only contacts still there do.
        var contacts = await db.Contacts.AsNoTracking()
            .Where(p => p.Email != null && keys.Contains(p.Email.Trim().ToLower()))
            .Select(p => new
            {
                p.Id, p.CustomerId, Key = p.Email!.Trim().ToLower(), Name = p.FirstName + " " + p.LastName, CustomerName = p.Customer!.Name, p.HasLeft,
                Member = db.CampaignMembers.Where(m => m.CampaignId == campaignId && m.ContactId == p.Id).Select(m => new { m.Id, m.Step }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var byKey = contacts.Where(p => !p.HasLeft || p.Member != null).ToLookup(p => p.Key);

        var toMark = new List<int>();
        var newContacts = new List<(int, int)>();
        var notMembers = new List<RegistrationRowRef>();
        var unmatched = new List<RegistrationRowRef>();
        var ambiguous = new List<AmbiguousRegistration>();
        var already = 0;
        foreach (var (line, email, key) in rows)
        {
            var matches = byKey[key].ToList();
            if (matches.Count == 0) unmatched.Add(new(line, email));
            else if (matches.Count > 1) ambiguous.Add(new(line, email, matches.OrderBy(m => m.Name).Select(m => $"{m.Name} ({m.CustomerName})").ToList()));
            else if (matches[0].Member is { } member)
            {
                if (ShouldMark(member.Step, options.Step)) toMark.Add(member.Id);
                else already++;
            }
            else
            {
                notMembers.Add(new(line, email, matches[0].Name, matches[0].CustomerName));
                newContacts.Add((matches[0].Id, matches[0].CustomerId));
            }
        }
        var plan = new RegistrationPlan(file.Columns, column, options.Step, file.Rows.Count, toMark.Count, already, notMembers,
            options.AddNonMembers, unmatched, ambiguous, empty, duplicates);
        return new Analysis(plan, toMark, newContacts);
    }
}
