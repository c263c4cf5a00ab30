using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portaali.Core.Common;
using Portaali.Core.Data;
using Portaali.Core.Offers;
using Portaali.Core.Security;

namespace Portaali.Core.Sales;

/// <summary>The sales assistant's billing list: orders in delivery and not yet invoiced, with the customer's billing
/// details, exported to Excel and marked invoiced one or several at once.</summary>
public class BillingService(IDbContextFactory<PortaaliDbContext> dbFactory, AccessGuard guard, OfferService offers)
{
    public const int MaxExportRows = 20_000;

    /// <summary>Oldest delivery first; the totals cover every row the filter matches, not only the page.</summary>
    public async Task<BillingList> ListAsync(BillingQuery query, CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.Invoice);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var filtered = Filter(db, query);
        var totals = await filtered.GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), ExVat = g.Sum(o => o.TotalExVatCents), Vat = g.Sum(o => o.VatCents) })
            .FirstOrDefaultAsync(ct);
        var page = Sorted(filtered).Skip(Math.Max(0, query.Page) * Math.Clamp(query.PageSize, 1, 500)).Take(Math.Clamp(query.PageSize, 1, 500));
        var rows = await ToRowsAsync(db, page, ct);
        return new BillingList(rows, totals?.Count ?? 0, Money.FromCents(totals?.ExVat ?? 0), Money.FromCents(totals?.Vat ?? 0),
            Money.FromCents((totals?.ExVat ?? 0) + (totals?.Vat ?? 0)));
    }

    /// <summary>The whole filtered billing list as an Excel workbook, in the list's order.</summary>
    public async Task ExportAsync(BillingQuery query, Stream output, CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.Invoice);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await ToRowsAsync(db, Sorted(Filter(db, query)).Take(MaxExportRows), ct);
        await using var excel = await ExcelWriter.CreateAsync(output, ct);
        await excel.AddSheetAsync(CoreText.Get("BillingSheet"),
        [
            new(CoreText.Get("SalesColDeliveryStarted"), ExcelKind.Date, 12), new(CoreText.Get("SalesColCustomer"), Width: 36),
            new(CoreText.Get("SalesColBusinessId"), Width: 12), new(CoreText.Get("SalesColBillingAddress"), Width: 40),
            new(CoreText.Get("SalesColReference"), Width: 24), new(CoreText.Get("SalesColContact"), Width: 24),
            new(CoreText.Get("SalesColType"), Width: 22), new(CoreText.Get("SalesColTitle"), Width: 36),
            new(CoreText.Get("SalesColLines"), Width: 60), new(CoreText.Get("SalesColTotalExVat"), ExcelKind.Euro, 14),
            new(CoreText.Get("SalesColVat"), ExcelKind.Euro, 12), new(CoreText.Get("SalesColTotal"), ExcelKind.Euro, 14),
            new(CoreText.Get("SalesColAccountManager"), Width: 24), new(CoreText.Get("SalesColOrderedOn"), ExcelKind.Date, 12),
            new(CoreText.Get("SalesColOrderNumber"), ExcelKind.Integer, 10),
        ], ct);
        foreach (var r in rows)
            await excel.AddRowAsync([r.DeliveryStartedOn, r.CustomerName, r.BusinessId, r.BillingAddress, r.CustomerReference, r.ContactName,
                SalesText.TypeName(r.Type), r.Title, r.LinesSummary, r.TotalExVat, r.Vat, r.Total, r.AccountManagerName, r.OrderedOn, r.OrderId], ct);
        await excel.FinishAsync(ct);
    }

    /// <summary>Marks orders invoiced, each through <see cref="OfferService.MoveOrderAsync"/> (its rules and change history,
    /// its own transaction): an order someone else changed since the list was loaded, or that is no longer in delivery,
    /// is reported and left as it is; the rest are still invoiced.</summary>
    public async Task<BillingOutcome> MarkInvoicedAsync(IReadOnlyList<InvoiceMark> marks, CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.Invoice);
        var ids = marks.Select(m => m.OrderId).Distinct().ToList();
        Dictionary<int, string> titles;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            titles = await db.Orders.AsNoTracking().Where(o => ids.Contains(o.Id))
                .Select(o => new { o.Id, Title = o.Offer!.Customer!.Name + ": " + o.Offer.Title }).ToDictionaryAsync(o => o.Id, o => o.Title, ct);
        var invoiced = new List<int>();
        var failed = new List<BillingFailure>();
        foreach (var mark in marks.DistinctBy(m => m.OrderId))
        {
            try
            {
                await offers.MoveOrderAsync(mark.OrderId, mark.Version, OrderState.Invoiced, mark.InvoiceNumber, ct);
                invoiced.Add(mark.OrderId);
            }
            catch (ForbiddenException) { throw; }
            catch (DomainException e)
            {
                failed.Add(new BillingFailure(mark.OrderId, titles.GetValueOrDefault(mark.OrderId, "#" + mark.OrderId), e.Message));
            }
        }
        return new BillingOutcome(invoiced, failed);
    }

    /// <summary>Account managers who have orders waiting for invoicing, for the filter.</summary>
    public async Task<IReadOnlyList<SalesPerson>> AccountManagersAsync(CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.Invoice);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking()
            .Where(u => db.Orders.Any(o => o.AccountManagerId == u.Id && o.State == OrderState.InDelivery))
            .OrderBy(u => u.DisplayName).Select(u => new SalesPerson(u.Id, u.DisplayName)).ToListAsync(ct);
    }

    private static IQueryable<Order> Filter(PortaaliDbContext db, BillingQuery query)
    {
        var orders = db.Orders.AsNoTracking().Where(o => o.State == OrderState.InDelivery);
        if (query.AccountManagerId is { } managerId) orders = orders.Where(o => o.AccountManagerId == managerId);
        return orders;
    }

    private static IQueryable<Order> Sorted(IQueryable<Order> orders) =>
        orders.OrderBy(o => o.DeliveryStartedOn).ThenBy(o => o.OrderedOn).ThenBy(o => o.Id);

    private static async Task<List<BillingRow>> ToRowsAsync(PortaaliDbContext db, IQueryable<Order> orders, CancellationToken ct)
    {
        var rows = await orders.Select(o => new
        {
            o.Id, o.OfferId, o.Version, o.CustomerId, CustomerName = o.Offer!.Customer!.Name, o.Offer.Customer.BusinessId,
            Postal = o.Offer.Customer.PostalAddress, Visiting = o.Offer.Customer.VisitingAddress, o.Offer.CustomerReference,
            ContactFirst = o.Offer.Contact!.FirstName, ContactLast = o.Offer.Contact.LastName, o.Type, o.Offer.Title,
            o.TotalExVatCents, o.VatCents, AccountManagerName = o.Offer.AccountManager!.DisplayName, o.OrderedOn, o.DeliveryStartedOn,
            o.StartsOn, o.EndsOn,
        }).ToListAsync(ct);
        // The lines of this page's offers only, in a second query (a collection inside the page query would read them all).
        var offerIds = rows.Select(r => r.OfferId).ToList();
        var lines = (await db.OfferLines.AsNoTracking().Where(l => offerIds.Contains(l.OfferId))
                .OrderBy(l => l.OfferId).ThenBy(l => l.SortOrder)
                .Select(l => new { l.OfferId, l.Description, l.Quantity, l.UnitPriceCents }).ToListAsync(ct))
            .ToLookup(l => l.OfferId, l => $"{l.Description} {l.Quantity.ToString("0.##", CultureInfo.CurrentCulture)} × {Money.FormatCents(l.UnitPriceCents)}");
        return rows.Select(r => new BillingRow(r.Id, r.OfferId, r.Version, r.CustomerId, r.CustomerName, r.BusinessId,
            BillingAddress(r.Postal, r.Visiting), r.CustomerReference,
            r.ContactFirst is null && r.ContactLast is null ? null : $"{r.ContactFirst} {r.ContactLast}".Trim(),
            r.Type, r.Title, string.Join("; ", lines[r.OfferId]), Money.FromCents(r.TotalExVatCents), Money.FromCents(r.VatCents),
            Money.FromCents(r.TotalExVatCents + r.VatCents), r.AccountManagerName, r.OrderedOn, r.DeliveryStartedOn, r.StartsOn, r.EndsOn)).ToList();
    }

    /// <summary>Invoices go to the postal address; a customer without one is billed at its visiting address.</summary>
    private static string BillingAddress(Customers.Address? postal, Customers.Address? visiting) =>
        postal?.ToString() is { Length: > 0 } p ? p : visiting?.ToString() ?? "";
}
