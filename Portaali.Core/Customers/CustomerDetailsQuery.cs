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
        var found = await CustomerWithFavourite.For(db)(db, id, actorId, ct) ?? throw new NotFoundException(CoreText.Get("CustomerNotFound"));
        var c = found.Customer;
        var numbers = await NumbersOf.For(db)(db, id).ToListAsync(ct);
        var responsibles = await ResponsiblesOf.For(db)(db, id).ToListAsync(ct);
        var contacts = await ContactsOf.For(db)(db, id).ToListAsync(ct);
        var roles = (await RolesOf.For(db)(db, id).ToListAsync(ct)).OrderBy(k => k.NodeId).ToLookup(k => k.ContactId, k => k.NodeId);
        var classifications = await ClassificationsOf.For(db)(db, id).ToListAsync(ct);
        // The tree names the roles and classifications; a customer with neither needs no names.
        var nodes = roles.Count == 0 && classifications.Count == 0 ? ClassificationPaths.Empty : await ClassificationPaths.LoadAsync(db, ct);
        var history = await HistoryOf.For(db)(db, id).ToListAsync(ct);
        var merges = await MergesOf.For(db)(db, id).ToListAsync(ct);
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
            merges, found.IsFavourite);
    }

    // Compiled once: opening a customer is one of the hottest paths, and EF's per-call work of finding a LINQ query in its
    // cache (about a millisecond each under load, against a quarter of that for a compiled one) was most of its time.

    private sealed record CustomerAndFavourite(Customer Customer, bool IsFavourite);

    private sealed record ContactData(int Id, string FirstName, string LastName, string? Title, string? Phone, string? Email, bool HasLeft,
        bool NoMarketingEmail, DateTime? NoMarketingEmailChangedAtUtc);

    private sealed record Role(int ContactId, int NodeId);

    private sealed record Assigned(int NodeId, DateTime AssignedAt);

    // Whether it is the user's favourite comes in the customer's own statement, not a round trip of its own.
    private static readonly PerModel<Func<PortaaliDbContext, int, int, CancellationToken, Task<CustomerAndFavourite?>>> CustomerWithFavourite =
        new(() => EF.CompileAsyncQuery((PortaaliDbContext db, int id, int actorId, CancellationToken ct) => db.Customers.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new CustomerAndFavourite(c, db.Favourites.Any(f => f.UserId == actorId && f.CustomerId == c.Id))).FirstOrDefault()));

    private static readonly PerModel<Func<PortaaliDbContext, int, IAsyncEnumerable<ExternalNumberRow>>> NumbersOf =
        new(() => EF.CompileAsyncQuery((PortaaliDbContext db, int id) => db.ExternalNumbers.AsNoTracking().Where(n => n.CustomerId == id)
            .Select(n => new ExternalNumberRow(n.System, n.Number))));

    private static readonly PerModel<Func<PortaaliDbContext, int, IAsyncEnumerable<PersonRef>>> ResponsiblesOf =
        new(() => EF.CompileAsyncQuery((PortaaliDbContext db, int id) => db.CustomerResponsibles.AsNoTracking().Where(r => r.CustomerId == id)
            .Select(r => new PersonRef(r.UserId, r.User!.DisplayName))));

    private static readonly PerModel<Func<PortaaliDbContext, int, IAsyncEnumerable<ContactData>>> ContactsOf =
        new(() => EF.CompileAsyncQuery((PortaaliDbContext db, int id) => db.Contacts.AsNoTracking().Where(p => p.CustomerId == id)
            .OrderBy(p => p.HasLeft).ThenBy(p => p.LastName).ThenBy(p => p.FirstName).ThenBy(p => p.Id)
            .Select(p => new ContactData(p.Id, p.FirstName, p.LastName, p.Title, p.Phone, p.Email, p.HasLeft, p.NoMarketingEmail,
                p.NoMarketingEmailChangedAtUtc))));

    private static readonly PerModel<Func<PortaaliDbContext, int, IAsyncEnumerable<Role>>> RolesOf =
        new(() => EF.CompileAsyncQuery((PortaaliDbContext db, int id) => db.Contacts.AsNoTracking().Where(p => p.CustomerId == id)
            .SelectMany(p => p.Classifications, (p, k) => new Role(k.ContactId, k.NodeId))));

    private static readonly PerModel<Func<PortaaliDbContext, int, IAsyncEnumerable<Assigned>>> ClassificationsOf =
        new(() => EF.CompileAsyncQuery((PortaaliDbContext db, int id) => db.CustomerClassifications.AsNoTracking().Where(k => k.CustomerId == id)
            .Select(k => new Assigned(k.NodeId, k.AssignedAt))));

    private static readonly PerModel<Func<PortaaliDbContext, int, IAsyncEnumerable<SegmentHistoryRow>>> HistoryOf =
        new(() => EF.CompileAsyncQuery((PortaaliDbContext db, int id) => db.SegmentChanges.AsNoTracking().Where(s => s.CustomerId == id)
            .OrderByDescending(s => s.ChangedAt).ThenByDescending(s => s.Id)
            .Select(s => new SegmentHistoryRow(s.From, s.To, s.Reason, s.ChangedByName, s.ChangedAt))));

    private static readonly PerModel<Func<PortaaliDbContext, int, IAsyncEnumerable<MergeRow>>> MergesOf =
        new(() => EF.CompileAsyncQuery((PortaaliDbContext db, int id) => db.CustomerMerges.AsNoTracking().Where(m => m.SurvivorId == id)
            .OrderByDescending(m => m.MergedAt).Select(m => new MergeRow(m.MergedName, m.MergedBusinessId, m.Summary, m.MergedAt))));
}
