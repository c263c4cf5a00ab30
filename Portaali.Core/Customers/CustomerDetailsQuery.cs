using Microsoft.EntityFrameworkCore;
using Portaali.Core.Classifications;
using Portaali.Core.Common;
using Portaali.Core.Data;

namespace Portaali.Core.Customers;

/// <summary>The customer page's own data, each part a statement rooted at the customer's id through an index: the contacts'
/// roles come by a join from the customer's contacts, not as a collection inside the contact query (SQLite materialises
/// such a collection over every contact's classifications, 300,000 at 25× the base, on every opening).</summary>
internal static class CustomerDetailsQuery
{
    public static async Task<CustomerDetails> LoadAsync(PortaaliDbContext db, int id, int actorId, CancellationToken ct)
    {
        var c = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new NotFoundException(CoreText.Get("CustomerNotFound"));
        var numbers = await db.ExternalNumbers.AsNoTracking().Where(n => n.CustomerId == id)
            .Select(n => new ExternalNumberRow(n.System, n.Number)).ToListAsync(ct);
        var responsibles = await db.CustomerResponsibles.AsNoTracking().Where(r => r.CustomerId == id)
            .Select(r => new PersonRef(r.UserId, r.User!.DisplayName)).ToListAsync(ct);

        var contacts = await db.Contacts.AsNoTracking().Where(p => p.CustomerId == id)
            .OrderBy(p => p.HasLeft).ThenBy(p => p.LastName).ThenBy(p => p.FirstName).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.FirstName, p.LastName, p.Title, p.Phone, p.Email, p.HasLeft, p.NoMarketingEmail, p.NoMarketingEmailChangedAtUtc })
            .ToListAsync(ct);
        var roles = (await db.Contacts.AsNoTracking().Where(p => p.CustomerId == id)
            .SelectMany(p => p.Classifications, (p, k) => new { k.ContactId, k.NodeId }).ToListAsync(ct))
            .OrderBy(k => k.NodeId).ToLookup(k => k.ContactId, k => k.NodeId);
        var nodes = await ClassificationPaths.LoadAsync(db, ct);
        var classifications = await db.CustomerClassifications.AsNoTracking().Where(k => k.CustomerId == id)
            .Select(k => new { k.NodeId, k.AssignedAt }).ToListAsync(ct);
        var history = await db.SegmentChanges.AsNoTracking().Where(s => s.CustomerId == id)
            .OrderByDescending(s => s.ChangedAt).ThenByDescending(s => s.Id)
            .Select(s => new SegmentHistoryRow(s.From, s.To, s.Reason, s.ChangedByName, s.ChangedAt)).ToListAsync(ct);
        var merges = await db.CustomerMerges.AsNoTracking().Where(m => m.SurvivorId == id).OrderByDescending(m => m.MergedAt)
            .Select(m => new MergeRow(m.MergedName, m.MergedBusinessId, m.Summary, m.MergedAt)).ToListAsync(ct);
        var isFavourite = await db.Favourites.AnyAsync(f => f.UserId == actorId && f.CustomerId == id, ct);
        var municipality = Municipalities.All.FirstOrDefault(m => m.Code == c.MunicipalityCode);

        return new CustomerDetails(c.Id, c.Name, c.BusinessId, c.CompanyForm, c.VisitingAddress, c.PostalAddress,
            c.MunicipalityCode, municipality?.Name, municipality?.Region, c.Phone, c.Email, c.Website, c.SizeClass, c.Revenue,
            c.IndustryCode, c.Segment, c.IsPassive, c.PassivatedOn, c.PassivationReason, c.Version,
            contacts.Select(p => new ContactRow(p.Id, p.FirstName, p.LastName, p.Title, p.Phone, p.Email, p.HasLeft,
                roles[p.Id].Select(nodes.NameOf).ToList(), p.NoMarketingEmail, p.NoMarketingEmail ? p.NoMarketingEmailChangedAtUtc : null)).ToList(),
            classifications.Select(k => new AssignedClassification(k.NodeId, nodes.PathOf(k.NodeId), nodes.IsRetired(k.NodeId), k.AssignedAt))
                .OrderBy(k => k.Path, StringComparer.CurrentCulture).ToList(),
            history,
            responsibles.OrderBy(p => p.Name).ToList(),
            numbers,
            merges, isFavourite);
    }
}
