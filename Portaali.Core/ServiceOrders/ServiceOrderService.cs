using Microsoft.EntityFrameworkCore;
using Portaali.Core.Auditing;
using Portaali.Core.Calendar;
using Portaali.Core.Common;
using Portaali.Core.Customers;
using Portaali.Core.Data;
using Portaali.Core.Security;

namespace Portaali.Core.ServiceOrders;

/// <summary>Recording, editing and listing service orders; a passive customer gets no new one.</summary>
public class ServiceOrderService(IDbContextFactory<PortaaliDbContext> dbFactory, AccessGuard guard, TimeProvider clock)
{
    /// <summary>Active users (the deliverers to choose from) and, for a chosen customer, its contacts.</summary>
    public async Task<ServiceOrderFormData> GetFormDataAsync(int? customerId, CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var users = await db.Users.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.DisplayName)
            .Select(u => new PersonRef(u.Id, u.DisplayName)).ToListAsync(ct);
        return new ServiceOrderFormData(users, customerId is { } id ? await ContactsAsync(db, id, null, ct) : []);
    }

    /// <summary>The customer's contacts who still work there, with their e-mail addresses.</summary>
    public async Task<IReadOnlyList<ContactOption>> GetContactsAsync(int customerId, CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ContactsAsync(db, customerId, null, ct);
    }

    public async Task<ServiceOrderDetails> GetAsync(int id, CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var o = await db.ServiceOrders.AsNoTracking().Include(x => x.Deliverers).Include(x => x.Customer)
            .FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException(CoreText.Get("ServiceOrderNotFound"));
        var edit = new ServiceOrderEdit
        {
            CustomerId = o.CustomerId, ContactId = o.ContactId, Title = o.Title, Date = o.Date.ToDateTime(TimeOnly.MinValue),
            StartTime = o.StartTime, EndTime = o.EndTime, Place = o.Place, Rooms = o.Rooms, Materials = o.Materials, Catering = o.Catering,
            OtherGoods = o.OtherGoods, ParticipantCount = o.ParticipantCount, Notes = o.Notes, ExtraRecipients = o.ExtraRecipients,
            Version = o.Version,
            Deliverers = o.Deliverers.GroupBy(d => d.Part).ToDictionary(g => g.Key, g => g.Select(d => d.UserId).ToList()),
        };
        return new ServiceOrderDetails(o.Id, edit, o.Customer!.Name, o.Customer.IsPassive, o.CreatedByName, o.CreatedAtUtc,
            o.UpdatedByName, o.UpdatedAtUtc, await ContactsAsync(db, o.CustomerId, o.ContactId, ct));
    }

    /// <summary>Records a service order; refuses a passive customer, a contact of another customer and unknown users.</summary>
    public async Task<int> CreateAsync(ServiceOrderEdit edit, CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        CustomerService.ThrowIfInvalid(ServiceOrderRules.Validate(edit));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await CustomerService.EnsureActiveAsync(db, edit.CustomerId!.Value, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var order = new ServiceOrder { Title = "", CreatedByUserId = actor.Id, CreatedByName = actor.Name, CreatedAtUtc = now };
        await ApplyAsync(db, edit, order, actor, now, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ServiceOrders.Add(order);
        await db.SaveChangesAsync(ct); // the history entry needs the new id
        ServiceOrderAudit.Record(db, actor, now, order, null, await ServiceOrderAudit.FieldsAsync(db, order, ct));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return order.Id;
    }

    /// <summary>Saves an edit; a stale <see cref="ServiceOrderEdit.Version"/> is a conflict. Moving the order to another
    /// customer is refused when that customer is passive.</summary>
    public async Task<Guid> UpdateAsync(int id, ServiceOrderEdit edit, CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        CustomerService.ThrowIfInvalid(ServiceOrderRules.Validate(edit));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await db.ServiceOrders.Include(o => o.Deliverers).FirstOrDefaultAsync(o => o.Id == id, ct)
            ?? throw new NotFoundException(CoreText.Get("ServiceOrderNotFound"));
        if (order.Version != edit.Version) throw new ConcurrencyConflictException(CoreText.Get("ServiceOrderConflict"));
        if (edit.CustomerId != order.CustomerId) await CustomerService.EnsureActiveAsync(db, edit.CustomerId!.Value, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var before = await ServiceOrderAudit.FieldsAsync(db, order, ct);
        var customerBefore = order.CustomerId;
        await ApplyAsync(db, edit, order, actor, now, ct);
        var after = await ServiceOrderAudit.FieldsAsync(db, order, ct);
        if (customerBefore == order.CustomerId && AuditLog.Diff(before, after).Count == 0) return order.Version;
        if (customerBefore != order.CustomerId)
        {
            // Each customer's history tells its side: the old one saw it leave, the new one gets it whole.
            AuditLog.Record(db, actor, now, customerBefore, ServiceOrderAudit.Entity, id, "Deleted", [new("ServiceOrderTitle", order.Title, null)]);
            ServiceOrderAudit.Record(db, actor, now, order, null, after);
        }
        else ServiceOrderAudit.Record(db, actor, now, order, before, after);
        db.Entry(order).Property(o => o.Version).OriginalValue = edit.Version;
        order.Version = Guid.NewGuid();
        await CustomerService.SaveOrConflictAsync(db, "ServiceOrderConflict", ct);
        return order.Version;
    }

    /// <summary>Service orders filtered by customer, dates and text, paged in SQL: upcoming ones first (soonest first),
    /// then past ones (latest first).</summary>
    public async Task<PagedResult<ServiceOrderRow>> BrowseAsync(ServiceOrderQuery query, CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var orders = db.ServiceOrders.AsNoTracking();
        if (query.CustomerId is { } customerId) orders = orders.Where(o => o.CustomerId == customerId);
        if (query.From is { } from) orders = orders.Where(o => o.Date >= from);
        if (query.To is { } to) orders = orders.Where(o => o.Date <= to);
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = TextMatch.Pattern(query.Text);
            orders = orders.Where(o => TextMatch.Lower(o.Title).Contains(text) || TextMatch.Lower(o.Place).Contains(text)
                || EF.Functions.Like(o.Customer!.NameSearch, "%" + CustomerRules.SearchForm(query.Text).Replace("%", "").Replace("_", "") + "%"));
        }
        var total = await orders.CountAsync(ct);
        var today = HelsinkiTime.Today(clock);
        var page = orders.OrderBy(o => o.Date < today).ThenBy(o => o.Date < today ? (DateTime?)null : o.StartsAtUtc)
            .ThenByDescending(o => o.StartsAtUtc).ThenBy(o => o.Id)
            .Skip(Math.Max(0, query.Page) * Math.Clamp(query.PageSize, 1, 200)).Take(Math.Clamp(query.PageSize, 1, 200));
        var rows = await page.Select(o => new
        {
            o.Id, o.Date, o.StartTime, o.EndTime, o.Title, o.CustomerId, CustomerName = o.Customer!.Name, o.Place, o.ParticipantCount, o.Version,
            Last = o.Sendings.OrderByDescending(s => s.Id).Select(s => new { s.Outcome, s.StartedAtUtc }).FirstOrDefault(),
        }).ToListAsync(ct);
        return new PagedResult<ServiceOrderRow>(rows.Select(o => new ServiceOrderRow(o.Id, o.Date, o.StartTime, o.EndTime, o.Title, o.CustomerId,
            o.CustomerName, o.Place, o.ParticipantCount, o.Date < today, o.Last?.Outcome, o.Last?.StartedAtUtc, o.Version)).ToList(), total);
    }

    /// <summary>A customer's service orders (upcoming first) with what the customer page needs to offer a new one.</summary>
    public async Task<CustomerServiceOrderList> ListForCustomerAsync(int customerId, CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var customer = await db.Customers.AsNoTracking().Where(c => c.Id == customerId).Select(c => new { c.Name, c.IsPassive })
                .FirstOrDefaultAsync(ct) ?? throw new NotFoundException(CoreText.Get("CustomerNotFound"));
            var rows = await BrowseAsync(new ServiceOrderQuery { CustomerId = customerId, PageSize = 200 }, ct);
            return new CustomerServiceOrderList(customerId, customer.Name, customer.IsPassive, rows.Items, rows.TotalCount);
        }
    }

    private static async Task<List<ContactOption>> ContactsAsync(PortaaliDbContext db, int customerId, int? keepContactId, CancellationToken ct) =>
        await db.Contacts.AsNoTracking().Where(c => c.CustomerId == customerId && (!c.HasLeft || c.Id == keepContactId))
            .OrderBy(c => c.LastName).ThenBy(c => c.FirstName)
            .Select(c => new ContactOption(c.Id, c.FirstName + " " + c.LastName, c.Email)).ToListAsync(ct);

    private static async Task ApplyAsync(PortaaliDbContext db, ServiceOrderEdit edit, ServiceOrder order, Actor actor, DateTime now, CancellationToken ct)
    {
        if (edit.ContactId is { } contactId && !await db.Contacts.AnyAsync(c => c.Id == contactId && c.CustomerId == edit.CustomerId, ct))
            throw new ValidationFailedException([new("ContactId", CoreText.Get("ServiceOrderContactOfOtherCustomer"))]);
        var wanted = edit.Deliverers.SelectMany(kv => kv.Value.Distinct().Select(u => (Part: kv.Key, UserId: u))).ToList();
        var userIds = wanted.Select(w => w.UserId).Distinct().ToList();
        if (await db.Users.CountAsync(u => userIds.Contains(u.Id), ct) != userIds.Count)
            throw new ValidationFailedException([new("Deliverers", CoreText.Get("ServiceOrderUnknownUser"))]);

        var date = DateOnly.FromDateTime(edit.Date!.Value);
        order.CustomerId = edit.CustomerId!.Value;
        order.ContactId = edit.ContactId;
        order.Title = edit.Title.Trim();
        order.Date = date;
        order.StartTime = edit.StartTime!.Value;
        order.EndTime = edit.EndTime!.Value;
        order.StartsAtUtc = HelsinkiTime.ToUtc(date, order.StartTime);
        order.Place = ServiceOrderRules.Clean(edit.Place);
        order.Rooms = ServiceOrderRules.Clean(edit.Rooms);
        order.Materials = ServiceOrderRules.Clean(edit.Materials);
        order.Catering = ServiceOrderRules.Clean(edit.Catering);
        order.OtherGoods = ServiceOrderRules.Clean(edit.OtherGoods);
        order.ParticipantCount = edit.ParticipantCount;
        order.Notes = ServiceOrderRules.Clean(edit.Notes);
        order.ExtraRecipients = string.Join("\n", ServiceOrderRules.ParseAddresses(edit.ExtraRecipients).Addresses);
        order.UpdatedAtUtc = now;
        order.UpdatedByName = actor.Name;
        order.Deliverers.RemoveAll(d => !wanted.Contains((d.Part, d.UserId)));
        order.Deliverers.AddRange(wanted.Where(w => !order.Deliverers.Any(d => d.Part == w.Part && d.UserId == w.UserId))
            .Select(w => new ServiceOrderDeliverer { Part = w.Part, UserId = w.UserId }));
    }
}
