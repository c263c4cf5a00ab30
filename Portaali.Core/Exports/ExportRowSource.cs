using Microsoft.EntityFrameworkCore;
using Portaali.Core.Activities;
using Portaali.Core.Classifications;
using Portaali.Core.Common;
using Portaali.Core.Customers;
using Portaali.Core.Data;
using Portaali.Core.Selections;

namespace Portaali.Core.Exports;

/// <summary>The rows of an export as one ordered SQL query (streamed, never collected), and the extras of each batch of
/// rows loaded by their ids: classifications, responsible people, last contact, contact roles, last mailing outcome.</summary>
internal sealed class ExportRowSource(IQueryable<ExportRow> rows, IReadOnlyList<ExportColumn> columns, int? campaignId)
{
    /// <summary>The rows in order (customer name, then contact name; a campaign's by the same).</summary>
    public IQueryable<ExportRow> Rows { get; } = rows;

    public static async Task<ExportRowSource> CreateAsync(PortaaliDbContext db, SelectionEngine engine, StoredExportRequest request,
        int ownerUserId, IReadOnlyList<ExportColumn> columns, CancellationToken ct)
    {
        switch (request.Kind)
        {
            case ExportSourceKind.Customers:
                var customers = await CustomerFilter.ApplyAsync(db, request.CustomerQuery ?? new CustomerQuery(), ownerUserId, ct);
                return new(CustomerFilter.Sort(db, customers, request.CustomerQuery ?? new CustomerQuery()).Select(CustomerRow), columns, null);
            case ExportSourceKind.Campaign:
                var campaign = request.SourceId!.Value;
                return new(db.CampaignMembers.AsNoTracking().Where(m => m.CampaignId == campaign)
                    .OrderBy(m => m.Contact!.Customer!.NameSearch).ThenBy(m => m.CustomerId).ThenBy(m => m.Contact!.NameSearch).ThenBy(m => m.Id)
                    .Select(m => new ExportRow
                    {
                        CustomerId = m.CustomerId, CustomerName = m.Contact!.Customer!.Name, BusinessId = m.Contact.Customer.BusinessId,
                        CompanyForm = m.Contact.Customer.CompanyForm,
                        VisitingStreet = m.Contact.Customer.VisitingAddress.Street, VisitingPostalCode = m.Contact.Customer.VisitingAddress.PostalCode,
                        VisitingCity = m.Contact.Customer.VisitingAddress.City, PostalStreet = m.Contact.Customer.PostalAddress.Street,
                        PostalPostalCode = m.Contact.Customer.PostalAddress.PostalCode, PostalCity = m.Contact.Customer.PostalAddress.City,
                        MunicipalityCode = m.Contact.Customer.MunicipalityCode, Phone = m.Contact.Customer.Phone, Email = m.Contact.Customer.Email,
                        Website = m.Contact.Customer.Website, SizeClass = m.Contact.Customer.SizeClass, Revenue = m.Contact.Customer.Revenue,
                        IndustryCode = m.Contact.Customer.IndustryCode, Segment = m.Contact.Customer.Segment, IsPassive = m.Contact.Customer.IsPassive,
                        ContactId = m.ContactId, FirstName = m.Contact.FirstName, LastName = m.Contact.LastName, Title = m.Contact.Title,
                        AreaOfResponsibility = m.Contact.AreaOfResponsibility, DecisionLevel = m.Contact.DecisionLevel,
                        ContactPhone = m.Contact.Phone, ContactEmail = m.Contact.Email, NoMarketingEmail = m.Contact.NoMarketingEmail,
                        NoMarketingEmailChangedAtUtc = m.Contact.NoMarketingEmailChangedAtUtc, HasLeft = m.Contact.HasLeft,
                        MemberId = m.Id, Step = m.Step, StepChangedAtUtc = m.StepChangedAtUtc,
                    }), columns, campaign);
            default:
                var (target, ids) = await MemberIdsAsync(db, engine, request, ct);
                return new(target == SelectionTarget.Customers
                    ? db.Customers.AsNoTracking().Where(c => ids.Contains(c.Id)).OrderBy(c => c.NameSearch).ThenBy(c => c.Id).Select(CustomerRow)
                    : db.Contacts.AsNoTracking().Where(p => ids.Contains(p.Id))
                        .OrderBy(p => p.Customer!.NameSearch).ThenBy(p => p.CustomerId).ThenBy(p => p.NameSearch).ThenBy(p => p.Id)
                        .Select(p => new ExportRow
                        {
                            CustomerId = p.CustomerId, CustomerName = p.Customer!.Name, BusinessId = p.Customer.BusinessId,
                            CompanyForm = p.Customer.CompanyForm,
                            VisitingStreet = p.Customer.VisitingAddress.Street, VisitingPostalCode = p.Customer.VisitingAddress.PostalCode,
                            VisitingCity = p.Customer.VisitingAddress.City, PostalStreet = p.Customer.PostalAddress.Street,
                            PostalPostalCode = p.Customer.PostalAddress.PostalCode, PostalCity = p.Customer.PostalAddress.City,
                            MunicipalityCode = p.Customer.MunicipalityCode, Phone = p.Customer.Phone, Email = p.Customer.Email,
                            Website = p.Customer.Website, SizeClass = p.Customer.SizeClass, Revenue = p.Customer.Revenue,
                            IndustryCode = p.Customer.IndustryCode, Segment = p.Customer.Segment, IsPassive = p.Customer.IsPassive,
                            ContactId = p.Id, FirstName = p.FirstName, LastName = p.LastName, Title = p.Title,
                            AreaOfResponsibility = p.AreaOfResponsibility, DecisionLevel = p.DecisionLevel,
                            ContactPhone = p.Phone, ContactEmail = p.Email, NoMarketingEmail = p.NoMarketingEmail,
                            NoMarketingEmailChangedAtUtc = p.NoMarketingEmailChangedAtUtc, HasLeft = p.HasLeft,
                        }), columns, null);
        }
    }

    /// <summary>The member ids of a saved selection or an unsaved definition, with the target they are ids of.</summary>
    public static async Task<(SelectionTarget Target, IQueryable<int> Ids)> MemberIdsAsync(PortaaliDbContext db, SelectionEngine engine,
        StoredExportRequest request, CancellationToken ct)
    {
        if (request.Kind == ExportSourceKind.Selection)
        {
            var target = await db.Selections.Where(s => s.Id == request.SourceId).Select(s => s.Target).FirstAsync(ct);
            return (target, await engine.SavedMemberIdsAsync(db, request.SourceId!.Value, ct));
        }
        var definition = request.Definition();
        return (definition.Target, await engine.MemberIdsAsync(db, definition, ct));
    }

    private static readonly System.Linq.Expressions.Expression<Func<Customer, ExportRow>> CustomerRow = c => new ExportRow
    {
        CustomerId = c.Id, CustomerName = c.Name, BusinessId = c.BusinessId, CompanyForm = c.CompanyForm,
        VisitingStreet = c.VisitingAddress.Street, VisitingPostalCode = c.VisitingAddress.PostalCode, VisitingCity = c.VisitingAddress.City,
        PostalStreet = c.PostalAddress.Street, PostalPostalCode = c.PostalAddress.PostalCode, PostalCity = c.PostalAddress.City,
        MunicipalityCode = c.MunicipalityCode, Phone = c.Phone, Email = c.Email, Website = c.Website, SizeClass = c.SizeClass,
        Revenue = c.Revenue, IndustryCode = c.IndustryCode, Segment = c.Segment, IsPassive = c.IsPassive,
    };

    private ClassificationPaths? paths;
    private int? lastMailingId;
    private bool lastMailingLoaded;

    private bool Wants(string key) => columns.Any(c => c.Key == key);

    /// <summary>Fills the per-batch columns of these rows with one query per column over the batch's ids, on a context other
    /// than the one <see cref="Rows"/> streams from: PostgreSQL runs one command at a time on a connection.</summary>
    public async Task FillAsync(PortaaliDbContext db, IReadOnlyList<ExportRow> batch, CancellationToken ct)
    {
        var customerIds = batch.Select(r => r.CustomerId).Distinct().ToList();
        if (Wants("classifications"))
        {
            paths ??= await ClassificationPaths.LoadAsync(db, ct);
            var assigned = (await db.CustomerClassifications.AsNoTracking().Where(x => customerIds.Contains(x.CustomerId))
                .Select(x => new { x.CustomerId, x.NodeId }).ToListAsync(ct)).ToLookup(x => x.CustomerId, x => x.NodeId);
            foreach (var row in batch)
                row.Classifications = Joined(assigned[row.CustomerId].Select(paths.PathOf));
        }
        if (Wants("responsibles"))
        {
            var people = (await db.CustomerResponsibles.AsNoTracking().Where(x => customerIds.Contains(x.CustomerId))
                .Select(x => new { x.CustomerId, x.User!.DisplayName }).ToListAsync(ct)).ToLookup(x => x.CustomerId, x => x.DisplayName);
            foreach (var row in batch) row.Responsibles = Joined(people[row.CustomerId]);
        }
        if (Wants("lastContact"))
        {
            var latest = await db.Activities.AsNoTracking()
                .Where(a => a.CustomerId != null && customerIds.Contains(a.CustomerId.Value) && a.Status == ActivityStatus.Done)
                .GroupBy(a => a.CustomerId!.Value).Select(g => new { g.Key, Latest = g.Max(a => a.LocalDate) })
                .ToDictionaryAsync(x => x.Key, x => x.Latest, ct);
            foreach (var row in batch) row.LastContact = latest.TryGetValue(row.CustomerId, out var d) ? d : null;
        }
        if (Wants("roles"))
        {
            var contactIds = batch.Where(r => r.ContactId is not null).Select(r => r.ContactId!.Value).ToList();
            var roles = (await db.ContactClassifications.AsNoTracking().Where(x => contactIds.Contains(x.ContactId))
                .Select(x => new { x.ContactId, x.Node!.Name }).ToListAsync(ct)).ToLookup(x => x.ContactId, x => x.Name);
            foreach (var row in batch) row.Roles = row.ContactId is { } id ? Joined(roles[id]) : null;
        }
        if (campaignId is { } campaign && Wants("lastMailing"))
        {
            if (!lastMailingLoaded)
            {
                lastMailingId = await db.CampaignMailings.Where(m => m.CampaignId == campaign).OrderByDescending(m => m.Id)
                    .Select(m => (int?)m.Id).FirstOrDefaultAsync(ct);
                lastMailingLoaded = true;
            }
            if (lastMailingId is { } mailing)
            {
                var memberIds = batch.Select(r => r.MemberId!.Value).ToList();
                var outcomes = await db.MailingDeliveries.AsNoTracking().Where(d => d.MailingId == mailing && memberIds.Contains(d.MemberId))
                    .ToDictionaryAsync(d => d.MemberId, d => d.State, ct);
                foreach (var row in batch) row.LastMailing = outcomes.TryGetValue(row.MemberId!.Value, out var s) ? s : null;
            }
        }
    }

    private static string? Joined(IEnumerable<string> values)
    {
        var list = values.Order(StringComparer.CurrentCulture).ToList();
        return list.Count == 0 ? null : string.Join("; ", list);
    }
}
