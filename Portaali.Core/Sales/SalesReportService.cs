using Microsoft.EntityFrameworkCore;
using Portaali.Core.Common;
using Portaali.Core.Data;
using Portaali.Core.Offers;
using Portaali.Core.Security;

namespace Portaali.Core.Sales;

/// <summary>The sales follow-up reports: open offers, won against lost, the pipeline by month and orders against invoicing
/// by month. Every figure is summed in SQL over the whole-cent columns; only the handful of groups comes back.</summary>
public class SalesReportService(IDbContextFactory<PortaaliDbContext> dbFactory, AccessGuard guard)
{
    public const int MaxExportRows = 20_000;

    /// <summary>Open offers matching the filter, expiring soonest first, with their count and value by offer type.</summary>
    public async Task<OpenOffersReport> OpenOffersAsync(OpenOfferQuery query, CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var filtered = await FilterOpenAsync(db, query, ct);
        var byType = await TotalsByTypeAsync(filtered, ct);
        var size = Math.Clamp(query.PageSize, 1, 500);
        var items = await OfferQueries.Summaries(SortOpen(filtered).Skip(Math.Max(0, query.Page) * size).Take(size)).ToListAsync(ct);
        return new OpenOffersReport(items, byType.Sum(t => t.Count), byType);
    }

    /// <summary>Offers decided between the dates (both included): accepted against lost, recorded-directly orders left
    /// out (no offer was ever sent), and the reasons lost, the commonest first.</summary>
    public async Task<WinLossReport> WinLossAsync(DateOnly from, DateOnly to, int? accountManagerId = null, CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var decided = Decided(db, from, to, accountManagerId);
        var byState = await decided.GroupBy(o => o.State)
            .Select(g => new { State = g.Key, Count = g.Count(), Cents = g.Sum(o => o.TotalExVatCents) }).ToListAsync(ct);
        var reasons = await decided.Where(o => o.State == OfferState.Lost).GroupBy(o => o.LostReason ?? "")
            .Select(g => new { Reason = g.Key, Count = g.Count(), Cents = g.Sum(o => o.TotalExVatCents) })
            .OrderByDescending(r => r.Count).ThenByDescending(r => r.Cents).ThenBy(r => r.Reason).ToListAsync(ct);
        var won = byState.FirstOrDefault(s => s.State == OfferState.Accepted);
        var lost = byState.FirstOrDefault(s => s.State == OfferState.Lost);
        return new WinLossReport(from, to, won?.Count ?? 0, Money.FromCents(won?.Cents ?? 0), lost?.Count ?? 0, Money.FromCents(lost?.Cents ?? 0),
            reasons.Select(r => new LostReasonRow(r.Reason, r.Count, Money.FromCents(r.Cents))).ToList());
    }

    /// <summary>The open offers' value by the month they expire (an offer still open after its date shows in its month).</summary>
    public async Task<IReadOnlyList<PipelineMonth>> PipelineAsync(int? accountManagerId = null, CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var open = db.Offers.AsNoTracking().Where(o => o.State == OfferState.Open);
        if (accountManagerId is { } id) open = open.Where(o => o.AccountManagerId == id);
        return (await open.GroupBy(o => new { o.ValidUntil.Year, o.ValidUntil.Month })
                .Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count(), Cents = g.Sum(o => o.TotalExVatCents) }).ToListAsync(ct))
            .OrderBy(m => m.Year).ThenBy(m => m.Month)
            .Select(m => new PipelineMonth(m.Year, m.Month, m.Count, Money.FromCents(m.Cents))).ToList();
    }

    /// <summary>Each month of the year: the orders made (by order date) against the orders invoiced (by invoice date), ex VAT.</summary>
    public async Task<IReadOnlyList<OrdersMonth>> OrdersByMonthAsync(int year, int? accountManagerId = null, CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var from = new DateOnly(Math.Clamp(year, 2000, 2100), 1, 1);
        var to = from.AddYears(1);
        var orders = db.Orders.AsNoTracking();
        if (accountManagerId is { } id) orders = orders.Where(o => o.AccountManagerId == id);
        var ordered = await orders.Where(o => o.OrderedOn >= from && o.OrderedOn < to).GroupBy(o => o.OrderedOn.Month)
            .Select(g => new { Month = g.Key, Count = g.Count(), Cents = g.Sum(o => o.TotalExVatCents) }).ToListAsync(ct);
        // Only an invoiced order has an invoice date (and invoiced is final), so the date range alone uses its index.
        var invoiced = await orders.Where(o => o.InvoicedOn >= from && o.InvoicedOn < to)
            .GroupBy(o => o.InvoicedOn!.Value.Month)
            .Select(g => new { Month = g.Key, Count = g.Count(), Cents = g.Sum(o => o.TotalExVatCents) }).ToListAsync(ct);
        return Enumerable.Range(1, 12).Select(m =>
        {
            var o = ordered.FirstOrDefault(x => x.Month == m);
            var i = invoiced.FirstOrDefault(x => x.Month == m);
            return new OrdersMonth(m, o?.Count ?? 0, Money.FromCents(o?.Cents ?? 0), i?.Count ?? 0, Money.FromCents(i?.Cents ?? 0));
        }).ToList();
    }

    /// <summary>The top-level customer groups (asiakasryhmät) for the open-offers filter.</summary>
    public async Task<IReadOnlyList<SalesPerson>> CustomerGroupsAsync(CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ClassificationNodes.AsNoTracking().Where(n => n.Parent!.SystemKey == "customer-groups" && !n.IsRetired)
            .OrderBy(n => n.SortOrder).Select(n => new SalesPerson(n.Id, n.Name)).ToListAsync(ct);
    }

    /// <summary>People who make offers (anyone with an offer), for the filters.</summary>
    public async Task<IReadOnlyList<SalesPerson>> AccountManagersAsync(CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking().Where(u => db.Offers.Any(o => o.AccountManagerId == u.Id))
            .OrderBy(u => u.DisplayName).Select(u => new SalesPerson(u.Id, u.DisplayName)).ToListAsync(ct);
    }

    // ---- exports: each report as a workbook ------------------------------------------------------

    public async Task ExportOpenOffersAsync(OpenOfferQuery query, Stream output, CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var filtered = await FilterOpenAsync(db, query, ct);
        var byType = await TotalsByTypeAsync(filtered, ct);
        await using var excel = await ExcelWriter.CreateAsync(output, ct);
        await excel.AddSheetAsync(CoreText.Get("OpenOffersSheet"),
        [
            new(CoreText.Get("SalesColValidUntil"), ExcelKind.Date, 12), new(CoreText.Get("SalesColCustomer"), Width: 36),
            new(CoreText.Get("SalesColTitle"), Width: 36), new(CoreText.Get("SalesColType"), Width: 22),
            new(CoreText.Get("SalesColTotalExVat"), ExcelKind.Euro, 14), new(CoreText.Get("SalesColTotal"), ExcelKind.Euro, 14),
            new(CoreText.Get("SalesColAccountManager"), Width: 24), new(CoreText.Get("SalesColOfferedOn"), ExcelKind.Date, 12),
            new(CoreText.Get("SalesColOfferNumber"), ExcelKind.Integer, 10),
        ], ct);
        await foreach (var o in SortOpen(filtered).Take(MaxExportRows)
                           .Select(o => new { o.ValidUntil, Customer = o.Customer!.Name, o.Title, o.Type, o.TotalExVatCents, o.VatCents,
                               Manager = o.AccountManager!.DisplayName, o.OfferedOn, o.Id })
                           .AsAsyncEnumerable().WithCancellation(ct))
            await excel.AddRowAsync([o.ValidUntil, o.Customer, o.Title, SalesText.TypeName(o.Type), Money.FromCents(o.TotalExVatCents),
                Money.FromCents(o.TotalExVatCents + o.VatCents), o.Manager, o.OfferedOn, o.Id], ct);
        await AddTypeTotalsSheetAsync(excel, byType, ct);
        await excel.FinishAsync(ct);
    }

    public async Task ExportWinLossAsync(DateOnly from, DateOnly to, int? accountManagerId, Stream output, CancellationToken ct = default)
    {
        var report = await WinLossAsync(from, to, accountManagerId, ct);
        await using var excel = await ExcelWriter.CreateAsync(output, ct);
        await excel.AddSheetAsync(CoreText.Get("WinLossSheet"),
        [
            new(CoreText.Get("SalesColOutcome"), Width: 20), new(CoreText.Get("SalesColCount"), ExcelKind.Integer, 10),
            new(CoreText.Get("SalesColTotalExVat"), ExcelKind.Euro, 16), new(CoreText.Get("SalesColShare"), ExcelKind.Percent, 12),
        ], ct);
        await excel.AddRowAsync([CoreText.Get("SalesWon"), report.Won, report.WonExVat, report.WinRatio], ct);
        await excel.AddRowAsync([CoreText.Get("SalesLost"), report.Lost, report.LostExVat, report.WinRatio is { } r ? 1 - r : null], ct);
        await excel.AddSheetAsync(CoreText.Get("LostReasonsSheet"),
        [
            new(CoreText.Get("SalesColLostReason"), Width: 50), new(CoreText.Get("SalesColCount"), ExcelKind.Integer, 10),
            new(CoreText.Get("SalesColTotalExVat"), ExcelKind.Euro, 16),
        ], ct);
        foreach (var reason in report.Reasons) await excel.AddRowAsync([reason.Reason, reason.Count, reason.TotalExVat], ct);
        await excel.FinishAsync(ct);
    }

    public async Task ExportPipelineAsync(int? accountManagerId, Stream output, CancellationToken ct = default)
    {
        var months = await PipelineAsync(accountManagerId, ct);
        await using var excel = await ExcelWriter.CreateAsync(output, ct);
        await excel.AddSheetAsync(CoreText.Get("PipelineSheet"),
        [
            new(CoreText.Get("SalesColMonth"), ExcelKind.Month, 12), new(CoreText.Get("SalesColCount"), ExcelKind.Integer, 10),
            new(CoreText.Get("SalesColTotalExVat"), ExcelKind.Euro, 16),
        ], ct);
        foreach (var m in months) await excel.AddRowAsync([new DateOnly(m.Year, m.Month, 1), m.Count, m.TotalExVat], ct);
        await excel.FinishAsync(ct);
    }

    public async Task ExportOrdersByMonthAsync(int year, int? accountManagerId, Stream output, CancellationToken ct = default)
    {
        var months = await OrdersByMonthAsync(year, accountManagerId, ct);
        await using var excel = await ExcelWriter.CreateAsync(output, ct);
        await excel.AddSheetAsync(CoreText.Get("OrdersByMonthSheet", year),
        [
            new(CoreText.Get("SalesColMonth"), ExcelKind.Month, 12), new(CoreText.Get("SalesColOrders"), ExcelKind.Integer, 10),
            new(CoreText.Get("SalesColOrdered"), ExcelKind.Euro, 16), new(CoreText.Get("SalesColInvoicedCount"), ExcelKind.Integer, 10),
            new(CoreText.Get("SalesColInvoiced"), ExcelKind.Euro, 16),
        ], ct);
        foreach (var m in months) await excel.AddRowAsync([new DateOnly(year, m.Month, 1), m.OrderCount, m.Ordered, m.InvoicedCount, m.Invoiced], ct);
        await excel.FinishAsync(ct);
    }

    // ---- queries -----------------------------------------------------------------------------

    /// <summary>The open offers of the filter. A customer is in a customer group when it carries the group or any
    /// classification under it (the tree is a few hundred nodes, so the group's subtree is found in memory).</summary>
    internal static async Task<IQueryable<Offer>> FilterOpenAsync(PortaaliDbContext db, OpenOfferQuery q, CancellationToken ct)
    {
        var offers = db.Offers.AsNoTracking().Where(o => o.State == OfferState.Open);
        if (q.Type is { } type) offers = offers.Where(o => o.Type == type);
        if (q.AccountManagerId is { } managerId) offers = offers.Where(o => o.AccountManagerId == managerId);
        if (q.ValidFrom is { } from) offers = offers.Where(o => o.ValidUntil >= from);
        if (q.ValidTo is { } to) offers = offers.Where(o => o.ValidUntil <= to);
        if (q.CustomerGroupId is { } groupId)
        {
            var subtree = (await Classifications.ClassificationPaths.LoadAsync(db, ct)).SubtreeOf(groupId);
            offers = offers.Where(o => db.CustomerClassifications.Any(k => k.CustomerId == o.CustomerId && subtree.Contains(k.NodeId)));
        }
        return offers;
    }

    private static IQueryable<Offer> SortOpen(IQueryable<Offer> offers) => offers.OrderBy(o => o.ValidUntil).ThenBy(o => o.Id);

    private static IQueryable<Offer> Decided(PortaaliDbContext db, DateOnly from, DateOnly to, int? accountManagerId)
    {
        var decided = db.Offers.AsNoTracking().Where(o => !o.RecordedAsOrder && (o.State == OfferState.Accepted || o.State == OfferState.Lost)
            && o.DecidedOn >= from && o.DecidedOn <= to);
        return accountManagerId is { } id ? decided.Where(o => o.AccountManagerId == id) : decided;
    }

    private static async Task<List<TypeTotal>> TotalsByTypeAsync(IQueryable<Offer> offers, CancellationToken ct) =>
        (await offers.GroupBy(o => o.Type).Select(g => new { Type = g.Key, Count = g.Count(), Cents = g.Sum(o => o.TotalExVatCents) }).ToListAsync(ct))
        .OrderBy(t => t.Type).Select(t => new TypeTotal(t.Type, t.Count, Money.FromCents(t.Cents))).ToList();

    private static async Task AddTypeTotalsSheetAsync(ExcelWriter excel, IReadOnlyList<TypeTotal> byType, CancellationToken ct)
    {
        await excel.AddSheetAsync(CoreText.Get("TypeTotalsSheet"),
        [
            new(CoreText.Get("SalesColType"), Width: 26), new(CoreText.Get("SalesColCount"), ExcelKind.Integer, 10),
            new(CoreText.Get("SalesColTotalExVat"), ExcelKind.Euro, 16),
        ], ct);
        foreach (var t in byType) await excel.AddRowAsync([SalesText.TypeName(t.Type), t.Count, t.TotalExVat], ct);
    }
}
