using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portaali.Core.Auditing;
using Portaali.Core.Calendar;
using Portaali.Core.Common;
using Portaali.Core.Customers;
using Portaali.Core.Data;
using Portaali.Core.Security;

namespace Portaali.Core.Offers;

/// <summary>Making, changing and deciding offers, and moving their orders through delivery to invoicing. Every change
/// goes to the customer's change history; the state machine itself is <see cref="OfferRules"/>.</summary>
public class OfferService(IDbContextFactory<PortaaliDbContext> dbFactory, AccessGuard guard, TimeProvider clock)
{
    /// <summary>A blank offer for the customer: the signed-in user as account manager, valid for 30 days.</summary>
    public async Task<OfferEdit> NewAsync(int customerId, CancellationToken ct = default)
    {
        var actor = await guard.DemandAsync(Policies.Sell);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await CustomerService.EnsureActiveAsync(db, customerId, ct);
        return new OfferEdit { AccountManagerId = actor.Id, ValidUntil = Today().AddDays(30) };
    }

    /// <summary>The customer's contacts (still there), its latest activities and the active users, for the offer form.</summary>
    public async Task<OfferFormData> GetFormDataAsync(int customerId, CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == customerId).Select(c => new { c.Name, c.IsPassive }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException(CoreText.Get("CustomerNotFound"));
        var contacts = await db.Contacts.AsNoTracking().Where(c => c.CustomerId == customerId && !c.HasLeft)
            .OrderBy(c => c.LastName).ThenBy(c => c.FirstName).Select(c => new PersonRef(c.Id, c.FirstName + " " + c.LastName)).ToListAsync(ct);
        var users = await db.Users.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.DisplayName)
            .Select(u => new PersonRef(u.Id, u.DisplayName)).ToListAsync(ct);
        var activities = await db.Activities.AsNoTracking().Where(a => a.CustomerId == customerId)
            .OrderByDescending(a => a.StartsAtUtc).Take(50).Select(a => new ActivityChoice(a.Id, a.Title, a.LocalDate)).ToListAsync(ct);
        return new OfferFormData(customerId, customer.Name, customer.IsPassive, contacts, users, activities);
    }

    public async Task<OfferEdit> GetForEditAsync(int id, CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var o = await db.Offers.AsNoTracking().Include(o => o.Lines).FirstOrDefaultAsync(o => o.Id == id, ct)
            ?? throw new NotFoundException(CoreText.Get("OfferNotFound"));
        return new OfferEdit
        {
            ContactId = o.ContactId, AccountManagerId = o.AccountManagerId, Type = o.Type, Title = o.Title, ValidUntil = o.ValidUntil,
            Notes = o.Notes, CustomerReference = o.CustomerReference, ActivityId = o.ActivityId, Version = o.Version,
            Lines = o.Lines.OrderBy(l => l.SortOrder).Select(l => new OfferLineEdit
            {
                ProductId = l.ProductId, Description = l.Description, Quantity = l.Quantity, UnitPrice = l.UnitPrice,
                VatRate = l.VatRate, Participants = l.Participants,
            }).ToList(),
        };
    }

    /// <summary>Makes an open offer for an active customer; the chosen products' content-responsible people are kept on it.</summary>
    public async Task<int> CreateAsync(int customerId, OfferEdit edit, CancellationToken ct = default)
    {
        var actor = await guard.DemandAsync(Policies.Sell);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var offer = await BuildNewAsync(db, customerId, edit, actor, ct);
        await db.SaveChangesAsync(ct);
        AuditLog.Record(db, actor, offer.CreatedAtUtc, customerId, "Offer", offer.Id, "Created", Summary(offer));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return offer.Id;
    }

    /// <summary>Records an order straight away (no offer was sent): an accepted offer and its order in one step.</summary>
    public async Task<int> RecordOrderAsync(int customerId, OfferEdit edit, OrderDates dates, CancellationToken ct = default)
    {
        var actor = await guard.DemandAsync(Policies.Sell);
        ValidateDates(dates);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var offer = await BuildNewAsync(db, customerId, edit, actor, ct);
        offer.State = OfferState.Accepted;
        offer.RecordedAsOrder = true;
        offer.DecidedOn = offer.OfferedOn;
        offer.Order = NewOrder(offer, dates, actor);
        await db.SaveChangesAsync(ct);
        AuditLog.Record(db, actor, offer.CreatedAtUtc, customerId, "Order", offer.Order.Id, "RecordedDirectly", Summary(offer));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return offer.Order.Id;
    }

    /// <summary>Changes an open offer. Lines are replaced; people kept from products still on the offer stay as they were.</summary>
    public async Task<Guid> UpdateAsync(int id, OfferEdit edit, CancellationToken ct = default)
    {
        var actor = await guard.DemandAsync(Policies.Sell);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var offer = await db.Offers.Include(o => o.Lines).Include(o => o.Responsibles).FirstOrDefaultAsync(o => o.Id == id, ct)
            ?? throw new NotFoundException(CoreText.Get("OfferNotFound"));
        OfferRules.EnsureOpen(offer.State);
        EnsureVersion(offer.Version, edit.Version);
        var errors = OfferRules.Validate(edit, Today(), isNew: false);
        await ValidateReferencesAsync(db, offer.CustomerId, offer.Id, edit, errors, ct);
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        var before = Summary(offer);
        var keptProducts = offer.Lines.Where(l => l.ProductId is not null).Select(l => l.ProductId!.Value).ToHashSet();
        db.OfferLines.RemoveRange(offer.Lines);
        offer.Lines = await BuildLinesAsync(db, edit.Lines, ct);
        var newProducts = offer.Lines.Where(l => l.ProductId is int p && !keptProducts.Contains(p)).Select(l => l.ProductId!.Value).ToList();
        foreach (var person in await ResponsiblesOfAsync(db, newProducts, ct))
            if (offer.Responsibles.All(r => r.UserId != person.UserId)) offer.Responsibles.Add(person);
        Apply(offer, edit);
        Touch(offer, actor);
        AuditLog.Record(db, actor, offer.UpdatedAtUtc, offer.CustomerId, "Offer", offer.Id, "Updated",
            [new FieldChange("Offer", offer.Title, offer.Title), .. AuditLog.Diff(ToDictionary(before), ToDictionary(Summary(offer)))]);
        await SaveAsync(db, ct);
        return offer.Version;
    }

    /// <summary>The customer accepted: the offer becomes an order awaiting delivery and leaves the open offers. A customer
    /// passivated since the offer was made gets no order (it may be lost, or the customer reactivated first).</summary>
    public async Task<int> AcceptAsync(int id, Guid version, OrderDates dates, CancellationToken ct = default)
    {
        var actor = await guard.DemandAsync(Policies.Sell);
        ValidateDates(dates);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var offer = await LoadForDecisionAsync(db, id, version, ct);
        await CustomerService.EnsureActiveAsync(db, offer.CustomerId, ct); // an open offer of a passivated customer is not won
        offer.State = OfferState.Accepted;
        offer.DecidedOn = Today();
        offer.Order = NewOrder(offer, dates, actor);
        Touch(offer, actor);
        AuditLog.Record(db, actor, offer.UpdatedAtUtc, offer.CustomerId, "Offer", offer.Id, "Accepted",
            [new("Offer", offer.Title, offer.Title), new("State", nameof(OfferState.Open), nameof(OfferState.Accepted))]);
        await SaveAsync(db, ct);
        return offer.Order.Id;
    }

    /// <summary>The customer declined or chose another provider; the reason is required for the won/lost follow-up.</summary>
    public async Task LoseAsync(int id, Guid version, string reason, CancellationToken ct = default)
    {
        var actor = await guard.DemandAsync(Policies.Sell);
        var why = reason?.Trim() ?? "";
        if (why.Length == 0) throw new ValidationFailedException([new("LostReason", CoreText.Get("OfferLostReasonRequired"))]);
        if (why.Length > 500) throw new ValidationFailedException([new("LostReason", CoreText.Get("OfferLostReasonTooLong", 500))]);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var offer = await LoadForDecisionAsync(db, id, version, ct);
        offer.State = OfferState.Lost;
        offer.DecidedOn = Today();
        offer.LostReason = why;
        Touch(offer, actor);
        AuditLog.Record(db, actor, offer.UpdatedAtUtc, offer.CustomerId, "Offer", offer.Id, "Lost",
            [new("Offer", offer.Title, offer.Title), new("State", nameof(OfferState.Open), nameof(OfferState.Lost)), new("LostReason", null, why)]);
        await SaveAsync(db, ct);
    }

    /// <summary>Moves an order one step: into delivery (which lets the sales assistant invoice it), back to awaiting
    /// delivery, or invoiced (sales assistant only, with the invoice number when there is one).</summary>
    public async Task<Guid> MoveOrderAsync(int orderId, Guid version, OrderState to, string? invoiceNumber = null, CancellationToken ct = default)
    {
        var actor = await guard.DemandAsync(to == OrderState.Invoiced ? Policies.Invoice : Policies.Sell);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await db.Orders.Include(o => o.Offer).FirstOrDefaultAsync(o => o.Id == orderId, ct)
            ?? throw new NotFoundException(CoreText.Get("OrderNotFound"));
        EnsureVersion(order.Version, version);
        OfferRules.EnsureOrderTransition(order.State, to);
        var number = invoiceNumber?.Trim();
        if (number?.Length > 40) throw new ValidationFailedException([new("InvoiceNumber", CoreText.Get("InvoiceNumberTooLong", 40))]);
        var from = order.State;
        order.State = to;
        var today = Today();
        if (to == OrderState.InDelivery) order.DeliveryStartedOn = today;
        if (to == OrderState.AwaitingDelivery) order.DeliveryStartedOn = null;
        if (to == OrderState.Invoiced)
        {
            order.InvoicedOn = today;
            order.InvoiceNumber = string.IsNullOrEmpty(number) ? null : number;
            order.InvoicedByName = actor.Name;
        }
        order.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        order.UpdatedByName = actor.Name;
        order.Version = Guid.NewGuid();
        List<FieldChange> changes = [new("Order", order.Offer!.Title, order.Offer.Title), new("OrderState", from.ToString(), to.ToString())];
        if (order.InvoiceNumber is not null && to == OrderState.Invoiced) changes.Add(new("InvoiceNumber", null, order.InvoiceNumber));
        AuditLog.Record(db, actor, order.UpdatedAtUtc, order.CustomerId, "Order", order.Id, "StateChanged", changes);
        await SaveAsync(db, ct);
        return order.Version;
    }

    /// <summary>Changes when an order's training runs (not once it is invoiced).</summary>
    public async Task<Guid> SetOrderDatesAsync(int orderId, Guid version, OrderDates dates, CancellationToken ct = default)
    {
        var actor = await guard.DemandAsync(Policies.Sell);
        ValidateDates(dates);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await db.Orders.Include(o => o.Offer).FirstOrDefaultAsync(o => o.Id == orderId, ct)
            ?? throw new NotFoundException(CoreText.Get("OrderNotFound"));
        EnsureVersion(order.Version, version);
        if (order.State == OrderState.Invoiced) throw new IllegalTransitionException(CoreText.Get("OrderInvoicedLocked"));
        var changes = AuditLog.Diff(
            new Dictionary<string, string?> { ["StartsOn"] = Iso(order.StartsOn), ["EndsOn"] = Iso(order.EndsOn) },
            new Dictionary<string, string?> { ["StartsOn"] = Iso(dates.StartsOn), ["EndsOn"] = Iso(dates.EndsOn) });
        order.StartsOn = dates.StartsOn;
        order.EndsOn = dates.EndsOn;
        order.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        order.UpdatedByName = actor.Name;
        order.Version = Guid.NewGuid();
        AuditLog.Record(db, actor, order.UpdatedAtUtc, order.CustomerId, "Order", order.Id, "Updated",
            [new("Order", order.Offer!.Title, order.Offer.Title), .. changes]);
        await SaveAsync(db, ct);
        return order.Version;
    }

    public async Task<OfferDetails> GetAsync(int id, CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var o = await db.Offers.AsNoTracking().AsSplitQuery()
            .Include(o => o.Customer).Include(o => o.Contact).Include(o => o.AccountManager)
            .Include(o => o.Lines).Include(o => o.Responsibles).Include(o => o.Attachments).Include(o => o.Order)
            .FirstOrDefaultAsync(o => o.Id == id, ct) ?? throw new NotFoundException(CoreText.Get("OfferNotFound"));
        var activity = o.ActivityId is int activityId
            ? await db.Activities.AsNoTracking().Where(a => a.Id == activityId).Select(a => new { a.Title, a.LocalDate }).FirstOrDefaultAsync(ct)
            : null;
        var order = o.Order is { } r
            ? new OrderRow(r.Id, r.State, r.OrderedOn, r.StartsOn, r.EndsOn, r.DeliveryStartedOn, r.InvoicedOn, r.InvoiceNumber, r.InvoicedByName, r.Version)
            : null;
        return new OfferDetails(o.Id, o.CustomerId, o.Customer!.Name, o.Customer.IsPassive, o.ContactId,
            o.Contact is null ? null : $"{o.Contact.FirstName} {o.Contact.LastName}".Trim(),
            o.AccountManagerId, o.AccountManager!.DisplayName, o.Type, o.State, o.Title, o.OfferedOn, o.ValidUntil, o.Notes,
            o.CustomerReference, o.ActivityId, o.TotalExVat, o.Vat, o.Total, o.DecidedOn, o.LostReason, o.RecordedAsOrder,
            o.CreatedAtUtc, o.CreatedByName, o.UpdatedAtUtc, o.UpdatedByName, o.Version,
            o.Lines.OrderBy(l => l.SortOrder).Select(l => new OfferLineRow(l.Id, l.ProductId, l.Description, l.Quantity, l.UnitPrice,
                l.VatRate, l.Participants, l.LineTotalExVat, Money.FromCents(l.LineVatCents))).ToList(),
            o.Responsibles.OrderBy(p => p.Name, StringComparer.Create(CultureInfo.GetCultureInfo("fi-FI"), true)).Select(p => p.Name).ToList(),
            o.Attachments.OrderBy(a => a.UploadedAtUtc).Select(a => new OfferAttachmentRow(a.Id, a.FileName, a.ContentType, a.SizeBytes,
                a.UploadedAtUtc, a.UploadedByName)).ToList(),
            order, activity?.Title, activity?.LocalDate);
    }

    /// <summary>The customer's offers tab.</summary>
    public async Task<CustomerOffers> ForCustomerAsync(int customerId, CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = Today();
        var offers = await OfferQueries.Summaries(db.Offers.AsNoTracking().Where(o => o.CustomerId == customerId && o.State != OfferState.Accepted))
            .ToListAsync(ct);
        var orders = await OfferQueries.OrderSummaries(db, db.Orders.AsNoTracking().Where(o => o.CustomerId == customerId)).ToListAsync(ct);
        bool Past(OrderSummary o) => o.State == OrderState.Invoiced || o.EndsOn < today;
        return new CustomerOffers(
            offers.Where(o => o.State == OfferState.Open).OrderBy(o => o.ValidUntil).ThenBy(o => o.Id).ToList(),
            orders.Where(o => !Past(o)).OrderBy(o => o.StartsOn ?? DateOnly.MaxValue).ThenBy(o => o.OrderedOn).ToList(),
            orders.Where(Past).OrderByDescending(o => o.EndsOn ?? o.OrderedOn).ThenByDescending(o => o.OrderId).ToList(),
            offers.Where(o => o.State == OfferState.Lost).OrderByDescending(o => o.DecidedOn).ThenByDescending(o => o.Id).ToList());
    }

    private async Task<Offer> BuildNewAsync(PortaaliDbContext db, int customerId, OfferEdit edit, Actor actor, CancellationToken ct)
    {
        await CustomerService.EnsureActiveAsync(db, customerId, ct);
        var errors = OfferRules.Validate(edit, Today(), isNew: true);
        await ValidateReferencesAsync(db, customerId, null, edit, errors, ct);
        if (errors.Count > 0) throw new ValidationFailedException(errors);
        var now = clock.GetUtcNow().UtcDateTime;
        var offer = new Offer
        {
            CustomerId = customerId, Title = "", State = OfferState.Open, OfferedOn = Today(),
            CreatedAtUtc = now, CreatedByName = actor.Name, UpdatedAtUtc = now, UpdatedByName = actor.Name,
        };
        offer.Lines = await BuildLinesAsync(db, edit.Lines, ct);
        offer.Responsibles = await ResponsiblesOfAsync(db, offer.Lines.Where(l => l.ProductId is not null).Select(l => l.ProductId!.Value).ToList(), ct);
        Apply(offer, edit);
        db.Offers.Add(offer);
        return offer;
    }

    private static void Apply(Offer offer, OfferEdit edit)
    {
        offer.ContactId = edit.ContactId;
        offer.AccountManagerId = edit.AccountManagerId;
        offer.Type = edit.Type;
        offer.Title = edit.Title.Trim();
        offer.ValidUntil = edit.ValidUntil;
        offer.Notes = Blank(edit.Notes);
        offer.CustomerReference = Blank(edit.CustomerReference);
        offer.ActivityId = edit.ActivityId;
        offer.TotalExVatCents = offer.Lines.Sum(l => l.LineTotalExVatCents);
        offer.VatCents = offer.Lines.Sum(l => l.LineVatCents);
    }

    /// <summary>Lines with their totals; a product line keeps the product's name as offered when no text was typed.</summary>
    private static async Task<List<OfferLine>> BuildLinesAsync(PortaaliDbContext db, List<OfferLineEdit> lines, CancellationToken ct)
    {
        var ids = lines.Where(l => l.ProductId is not null).Select(l => l.ProductId!.Value).Distinct().ToList();
        var products = await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        return lines.Select((l, i) =>
        {
            var unit = Money.ToCents(l.UnitPrice);
            var t = OfferRules.LineTotal(l.Quantity, unit, l.VatRate);
            var description = string.IsNullOrWhiteSpace(l.Description) && l.ProductId is int p ? products[p].NameFi : l.Description.Trim();
            return new OfferLine
            {
                SortOrder = i, ProductId = l.ProductId, Description = description, Quantity = l.Quantity, UnitPriceCents = unit,
                VatRate = l.VatRate, Participants = l.Participants, LineTotalExVatCents = t.ExVatCents, LineVatCents = t.VatCents,
            };
        }).ToList();
    }

    private static async Task<List<OfferResponsible>> ResponsiblesOfAsync(PortaaliDbContext db, List<int> productIds, CancellationToken ct) =>
        (await db.ProductResponsibles.AsNoTracking().Where(r => productIds.Contains(r.ProductId))
            .Select(r => new { r.UserId, r.User!.DisplayName }).Distinct().ToListAsync(ct))
        .Select(r => new OfferResponsible { UserId = r.UserId, Name = r.DisplayName }).ToList();

    /// <summary>The contact must be the customer's, the account manager an active user, products exist and, for a new
    /// line, not be retired (a retired product already on the offer may stay).</summary>
    private static async Task ValidateReferencesAsync(PortaaliDbContext db, int customerId, int? offerId, OfferEdit edit, List<FieldError> errors, CancellationToken ct)
    {
        if (edit.ContactId is int contactId && !await db.Contacts.AnyAsync(c => c.Id == contactId && c.CustomerId == customerId, ct))
            errors.Add(new(nameof(edit.ContactId), CoreText.Get("OfferContactNotCustomers")));
        if (edit.AccountManagerId > 0 && !await db.Users.AnyAsync(u => u.Id == edit.AccountManagerId && u.IsActive, ct))
            errors.Add(new(nameof(edit.AccountManagerId), CoreText.Get("OfferAccountManagerInactive")));
        if (edit.ActivityId is int activityId && !await db.Activities.AnyAsync(a => a.Id == activityId && a.CustomerId == customerId, ct))
            errors.Add(new(nameof(edit.ActivityId), CoreText.Get("OfferActivityNotCustomers")));
        var ids = edit.Lines.Where(l => l.ProductId is not null).Select(l => l.ProductId!.Value).Distinct().ToList();
        if (ids.Count == 0) return;
        var known = await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.IsRetired, p.NameFi }).ToListAsync(ct);
        var onOffer = offerId is null ? [] : await db.OfferLines.Where(l => l.OfferId == offerId && l.ProductId != null)
            .Select(l => l.ProductId!.Value).ToListAsync(ct);
        foreach (var id in ids)
        {
            var p = known.FirstOrDefault(k => k.Id == id);
            if (p is null) errors.Add(new(nameof(edit.Lines), CoreText.Get("ProductNotFound")));
            else if (p.IsRetired && !onOffer.Contains(id)) errors.Add(new(nameof(edit.Lines), CoreText.Get("ProductRetired", p.NameFi)));
        }
    }

    private async Task<Offer> LoadForDecisionAsync(PortaaliDbContext db, int id, Guid version, CancellationToken ct)
    {
        var offer = await db.Offers.FirstOrDefaultAsync(o => o.Id == id, ct) ?? throw new NotFoundException(CoreText.Get("OfferNotFound"));
        OfferRules.EnsureOpen(offer.State);
        EnsureVersion(offer.Version, version);
        return offer;
    }

    private Order NewOrder(Offer offer, OrderDates dates, Actor actor) => new()
    {
        Offer = offer, CustomerId = offer.CustomerId, AccountManagerId = offer.AccountManagerId, Type = offer.Type,
        TotalExVatCents = offer.TotalExVatCents, VatCents = offer.VatCents, State = OrderState.AwaitingDelivery,
        OrderedOn = Today(), StartsOn = dates.StartsOn, EndsOn = dates.EndsOn,
        UpdatedAtUtc = clock.GetUtcNow().UtcDateTime, UpdatedByName = actor.Name,
    };

    private static void ValidateDates(OrderDates dates)
    {
        if (dates.StartsOn is { } s && dates.EndsOn is { } e && e < s)
            throw new ValidationFailedException([new("EndsOn", CoreText.Get("OrderEndsBeforeStart"))]);
    }

    private static void EnsureVersion(Guid current, Guid? loaded)
    {
        if (loaded is not null && loaded != current) throw new ConcurrencyConflictException(CoreText.Get("OfferChangedByOther"));
    }

    private void Touch(Offer offer, Actor actor)
    {
        offer.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        offer.UpdatedByName = actor.Name;
        offer.Version = Guid.NewGuid();
    }

    private static async Task SaveAsync(PortaaliDbContext db, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new ConcurrencyConflictException(CoreText.Get("OfferChangedByOther")); }
    }

    private static List<FieldChange> Summary(Offer o) =>
    [
        new("Title", null, o.Title), new("OfferType", null, o.Type.ToString()), new("ValidUntil", null, Iso(o.ValidUntil)),
        new("TotalExVat", null, o.TotalExVat.ToString("0.00", CultureInfo.InvariantCulture)),
        new("Vat", null, o.Vat.ToString("0.00", CultureInfo.InvariantCulture)),
        new("Lines", null, string.Join("; ", o.Lines.OrderBy(l => l.SortOrder).Select(l =>
            $"{l.Description} {l.Quantity.ToString("0.##", CultureInfo.InvariantCulture)} × {l.UnitPrice.ToString("0.00", CultureInfo.InvariantCulture)}"))),
        new("AccountManagerId", null, o.AccountManagerId.ToString(CultureInfo.InvariantCulture)),
        new("ContactId", null, o.ContactId?.ToString(CultureInfo.InvariantCulture)),
        new("Notes", null, o.Notes), new("CustomerReference", null, o.CustomerReference),
    ];

    private static Dictionary<string, string?> ToDictionary(List<FieldChange> summary) => summary.ToDictionary(c => c.Field, c => c.New);

    private DateOnly Today() => DateOnly.FromDateTime(HelsinkiTime.Now(clock));

    private static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
