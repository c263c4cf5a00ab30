using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portaali.Core.Common;
using Portaali.Core.Data;
using Portaali.Core.Security;

namespace Portaali.Core.Campaigns;

/// <summary>A campaign's mailings: preview, queue, resend and follow the progress. The sending itself is
/// <see cref="MailingRunner"/>, run as a background job.</summary>
public class MailingService(IDbContextFactory<PortaaliDbContext> dbFactory, AccessGuard guard, TimeProvider clock,
    UnsubscribeTokens tokens, IOptions<MailingOptions> options, IServiceProvider services)
{
    /// <summary>The message of the first member who can be mailed (alphabetically), merged as it will be sent, and how
    /// many members can be mailed; no message when nobody can.</summary>
    public async Task<MailingPreview> PreviewAsync(int campaignId, MailingDraft draft, string requestBaseUrl, CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.RunCampaigns);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await EnsureCampaignAsync(db, campaignId, ct);
        var members = db.CampaignMembers.AsNoTracking().Where(m => m.CampaignId == campaignId);
        var total = await members.CountAsync(ct);
        var optedOut = await members.CountAsync(m => m.Contact!.NoMarketingEmail, ct);
        var noEmail = await members.CountAsync(m => !m.Contact!.NoMarketingEmail && (m.Contact.Email == null || m.Contact.Email == ""), ct);
        var first = await Mailable(members).OrderBy(m => m.Contact!.LastName).ThenBy(m => m.Contact!.FirstName)
            .Select(m => new MailingRecipient(m.ContactId, m.Contact!.FirstName, m.Contact.LastName, m.Contact.Customer!.Name, m.Contact.Email!))
            .FirstOrDefaultAsync(ct);
        if (first is null) return new MailingPreview(null, null, null, null, total, 0, noEmail, optedOut);
        var url = MailingText.UnsubscribeUrl(BaseUrl(requestBaseUrl), tokens.Create(first.ContactId));
        var message = MailingText.Message(draft.Subject, draft.Body, first, url);
        return new MailingPreview(first.FullName, first.Email, message.Subject ?? "", MailingText.Body(draft.Body, first, url),
            total, await Mailable(members).CountAsync(ct), noEmail, optedOut);
    }

    /// <summary>Records the mailing with a pending delivery per member and queues the job. Returns the mailing's id.</summary>
    public async Task<int> QueueAsync(int campaignId, MailingDraft draft, string requestBaseUrl, CancellationToken ct = default)
    {
        var actor = await guard.DemandAsync(Policies.RunCampaigns);
        Validate(draft);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await EnsureCampaignAsync(db, campaignId, ct);
        var memberIds = await db.CampaignMembers.Where(m => m.CampaignId == campaignId).Select(m => m.Id).ToListAsync(ct);
        if (memberIds.Count == 0) throw new DomainException(CoreText.Get("MailingNoMembers"));
        var mailing = new CampaignMailing
        {
            CampaignId = campaignId, Subject = draft.Subject.Trim(), Body = draft.Body.TrimEnd(), State = MailingState.Queued,
            Total = memberIds.Count, CreatedAtUtc = clock.GetUtcNow().UtcDateTime, CreatedByUserId = actor.Id, CreatedByName = actor.Name,
            PublicBaseUrl = BaseUrl(requestBaseUrl),
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.CampaignMailings.Add(mailing);
        await db.SaveChangesAsync(ct);
        db.MailingDeliveries.AddRange(memberIds.Select(id => new MailingDelivery { MailingId = mailing.Id, MemberId = id, State = DeliveryState.Pending }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        Queue().Enqueue(mailing.Id);
        return mailing.Id;
    }

    /// <summary>Sends again to the members whose delivery failed, and to members added to the campaign since; never to
    /// anyone the mailing was sent to (or may have been: an unconfirmed delivery stays as it is).</summary>
    public async Task<int> ResendAsync(int mailingId, CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.RunCampaigns);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var mailing = await db.CampaignMailings.FirstOrDefaultAsync(m => m.Id == mailingId, ct)
            ?? throw new NotFoundException(CoreText.Get("MailingNotFound"));
        if (mailing.State is MailingState.Queued or MailingState.Running) throw new DomainException(CoreText.Get("MailingStillSending"));
        var retried = await db.MailingDeliveries.Where(d => d.MailingId == mailingId && d.State == DeliveryState.Failed)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.State, DeliveryState.Pending).SetProperty(d => d.Error, (string?)null), ct);
        var newMembers = await db.CampaignMembers.Where(m => m.CampaignId == mailing.CampaignId
                && !db.MailingDeliveries.Any(d => d.MailingId == mailingId && d.MemberId == m.Id))
            .Select(m => m.Id).ToListAsync(ct);
        db.MailingDeliveries.AddRange(newMembers.Select(id => new MailingDelivery { MailingId = mailingId, MemberId = id, State = DeliveryState.Pending }));
        if (retried + newMembers.Count == 0) throw new DomainException(CoreText.Get("MailingNothingToResend"));
        mailing.State = MailingState.Queued;
        mailing.Total += newMembers.Count;
        mailing.Failed -= retried;
        mailing.FinishedAtUtc = null;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        Queue().Enqueue(mailingId);
        return retried + newMembers.Count;
    }

    /// <summary>The campaign's mailings, newest first, with their counts.</summary>
    public async Task<IReadOnlyList<MailingRow>> ListAsync(int campaignId, CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.RunCampaigns);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Rows(db, db.CampaignMailings.Where(m => m.CampaignId == campaignId), ct);
    }

    /// <summary>One mailing's counts and the members it did not reach, for the progress view (polled while it runs).</summary>
    public async Task<MailingProgress> ProgressAsync(int mailingId, CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.RunCampaigns);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = (await Rows(db, db.CampaignMailings.Where(m => m.Id == mailingId), ct)).SingleOrDefault()
            ?? throw new NotFoundException(CoreText.Get("MailingNotFound"));
        var problems = await db.MailingDeliveries.AsNoTracking()
            .Where(d => d.MailingId == mailingId && d.State != DeliveryState.Sent && d.State != DeliveryState.Pending
                && (d.State != DeliveryState.Unconfirmed || !row.IsActive))
            .Join(db.CampaignMembers, d => d.MemberId, m => m.Id, (d, m) => new { d, m })
            .OrderBy(x => x.d.State).ThenBy(x => x.m.Contact!.LastName).ThenBy(x => x.m.Contact!.FirstName)
            .Select(x => new DeliveryProblem(x.m.Id, x.m.Contact!.FirstName + " " + x.m.Contact.LastName, x.m.Contact.Customer!.Name,
                x.d.Email ?? x.m.Contact.Email, x.d.State, x.d.Error))
            .Take(500).ToListAsync(ct);
        return new MailingProgress(row, problems);
    }

    public static void Validate(MailingDraft draft)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(draft.Subject)) errors.Add(new(nameof(draft.Subject), CoreText.Get("MailingSubjectRequired")));
        else if (draft.Subject.Trim().Length > CampaignMailing.MaxSubject) errors.Add(new(nameof(draft.Subject), CoreText.Get("MailingSubjectTooLong", CampaignMailing.MaxSubject)));
        if (string.IsNullOrWhiteSpace(draft.Body)) errors.Add(new(nameof(draft.Body), CoreText.Get("MailingBodyRequired")));
        else if (draft.Body.Length > CampaignMailing.MaxBody) errors.Add(new(nameof(draft.Body), CoreText.Get("MailingBodyTooLong", CampaignMailing.MaxBody)));
        if (errors.Count > 0) throw new ValidationFailedException(errors);
    }

    internal static IQueryable<CampaignMember> Mailable(IQueryable<CampaignMember> members) =>
        members.Where(m => !m.Contact!.NoMarketingEmail && !m.Contact.HasLeft && !m.Contact.Customer!.IsPassive
            && m.Contact.Email != null && m.Contact.Email != "");

    private static async Task<IReadOnlyList<MailingRow>> Rows(PortaaliDbContext db, IQueryable<CampaignMailing> mailings, CancellationToken ct)
    {
        var list = await mailings.AsNoTracking().OrderByDescending(m => m.CreatedAtUtc).ThenByDescending(m => m.Id)
            .Select(m => new { m.Id, m.Subject, m.State, m.CreatedAtUtc, m.CreatedByName, m.FinishedAtUtc }).ToListAsync(ct);
        var ids = list.Select(m => m.Id).ToList();
        var counts = await db.MailingDeliveries.AsNoTracking().Where(d => ids.Contains(d.MailingId))
            .GroupBy(d => new { d.MailingId, d.State }).Select(g => new { g.Key.MailingId, g.Key.State, Count = g.Count() })
            .ToListAsync(ct);
        int Count(int id, params DeliveryState[] states) => counts.Where(c => c.MailingId == id && states.Contains(c.State)).Sum(c => c.Count);
        return list.Select(m => new MailingRow(m.Id, m.Subject, m.State, Count(m.Id, Enum.GetValues<DeliveryState>()),
            Count(m.Id, DeliveryState.Sent), Count(m.Id, DeliveryState.Failed),
            Count(m.Id, DeliveryState.SkippedNoEmail, DeliveryState.SkippedOptedOut, DeliveryState.SkippedLeft), Count(m.Id, DeliveryState.Unconfirmed),
            m.CreatedAtUtc, m.CreatedByName, m.FinishedAtUtc)).ToList();
    }

    private string BaseUrl(string requestBaseUrl)
    {
        var url = string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl) ? requestBaseUrl : options.Value.PublicBaseUrl!;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || url.Length > MailingModel.MaxPublicBaseUrl)
            throw new DomainException(CoreText.Get("MailingBadBaseUrl", url));
        return uri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/";
    }

    private static async Task EnsureCampaignAsync(PortaaliDbContext db, int campaignId, CancellationToken ct)
    {
        if (!await db.Campaigns.AnyAsync(c => c.Id == campaignId, ct)) throw new NotFoundException(CoreText.Get("MailingCampaignNotFound"));
    }

    private IMailingQueue Queue() => services.GetService<IMailingQueue>() ?? throw new InvalidOperationException("No mailing queue is registered");
}
