using Microsoft.EntityFrameworkCore;
using Portaali.Core.Calendar;
using Portaali.Core.Common;
using Portaali.Core.Data;
using Portaali.Core.Offers;
using Portaali.Core.Security;

namespace Portaali.Core.Sales;

/// <summary>The account managers' yearly euro targets (kept by management) against their actual orders: the ex-VAT totals
/// of the orders made in the year (by the order's Helsinki date; orders recorded directly count too).</summary>
public class SalesTargetService(IDbContextFactory<PortaaliDbContext> dbFactory, AccessGuard guard, TimeProvider clock)
{
    public const int MinYear = 2000, MaxYear = 2100;

    /// <summary>Everyone with a target or an order in the year, with a month-by-month running total of both.</summary>
    public async Task<TargetReport> GetYearAsync(int year, CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        EnsureYear(year);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var targets = await db.SalesTargets.AsNoTracking().Where(t => t.Year == year)
            .Select(t => new { t.UserId, t.AmountCents }).ToDictionaryAsync(t => t.UserId, t => t.AmountCents, ct);
        var byMonth = await OrdersOfYear(db, year)
            .GroupBy(o => new { o.AccountManagerId, o.OrderedOn.Month })
            .Select(g => new { g.Key.AccountManagerId, g.Key.Month, Count = g.Count(), Cents = g.Sum(o => o.TotalExVatCents) })
            .ToListAsync(ct);
        var people = targets.Keys.Concat(byMonth.Select(m => m.AccountManagerId)).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var rows = people.Select(id => new TargetRow(id, names.GetValueOrDefault(id, "?"),
                targets.TryGetValue(id, out var t) ? Money.FromCents(t) : null,
                Money.FromCents(byMonth.Where(m => m.AccountManagerId == id).Sum(m => m.Cents)),
                byMonth.Where(m => m.AccountManagerId == id).Sum(m => m.Count)))
            .OrderBy(r => r.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fi-FI"), true)).ToList();
        var totalTarget = targets.Values.Sum();
        long running = 0;
        var cumulative = Enumerable.Range(1, 12).Select(month =>
        {
            running += byMonth.Where(m => m.Month == month).Sum(m => m.Cents);
            // The target line grows evenly through the year, so a month's point says where the team should be by then.
            return new CumulativeMonth(month, Math.Round(Money.FromCents(totalTarget) * month / 12m, 2), Money.FromCents(running));
        }).ToList();
        return new TargetReport(year, rows, cumulative, await guard.IsAllowedAsync(Policies.ManageSalesTargets));
    }

    /// <summary>The orders behind a person's actual figure in the year, newest first.</summary>
    public async Task<IReadOnlyList<OrderSummary>> OrdersAsync(int userId, int year, CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        EnsureYear(year);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await OfferQueries.OrderSummaries(db, OrdersOfYear(db, year).Where(o => o.AccountManagerId == userId)
            .OrderByDescending(o => o.OrderedOn).ThenByDescending(o => o.Id)).ToListAsync(ct);
    }

    /// <summary>Sets (or with an empty amount removes) a person's target for the year, typed as people write euros in the UI
    /// language (<see cref="Money.Parse"/>).</summary>
    public async Task SetAsync(int userId, int year, string? amount, CancellationToken ct = default)
    {
        var actor = await guard.DemandAsync(Policies.ManageSalesTargets);
        EnsureYear(year);
        var parsed = Money.Parse(amount, required: false);
        if (!parsed.IsValid) throw new ValidationFailedException([new("Amount", parsed.Error!)]);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Users.AnyAsync(u => u.Id == userId && u.IsActive, ct))
            throw new ValidationFailedException([new("UserId", CoreText.Get("SalesTargetPersonInactive"))]);
        var target = await db.SalesTargets.FirstOrDefaultAsync(t => t.UserId == userId && t.Year == year, ct);
        if (parsed.Value is not { } euros)
        {
            if (target is not null) db.SalesTargets.Remove(target);
        }
        else
        {
            if (target is null) db.SalesTargets.Add(target = new SalesTarget { UserId = userId, Year = year });
            target.AmountCents = Money.ToCents(euros);
            target.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
            target.UpdatedByName = actor.Name;
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>People a target can be set for: active account managers first, then anyone else active who sells.</summary>
    public async Task<IReadOnlyList<SalesPerson>> PeopleAsync(CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking().Where(u => u.IsActive)
            .OrderBy(u => u.Group != Users.UserGroup.AccountManager).ThenBy(u => u.DisplayName)
            .Select(u => new SalesPerson(u.Id, u.DisplayName)).ToListAsync(ct);
    }

    /// <summary>The targets and actuals of the year, and every order behind them, as an Excel workbook.</summary>
    public async Task ExportAsync(int year, Stream output, CancellationToken ct = default)
    {
        var report = await GetYearAsync(year, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var excel = await ExcelWriter.CreateAsync(output, ct);
        await excel.AddSheetAsync(CoreText.Get("TargetsSheet", year),
        [
            new(CoreText.Get("SalesColPerson"), Width: 28), new(CoreText.Get("SalesColTarget"), ExcelKind.Euro, 16),
            new(CoreText.Get("SalesColActual"), ExcelKind.Euro, 16), new(CoreText.Get("SalesColAchieved"), ExcelKind.Percent, 12),
            new(CoreText.Get("SalesColOrders"), ExcelKind.Integer, 10),
        ], ct);
        foreach (var r in report.Rows) await excel.AddRowAsync([r.Name, r.Target, r.Actual, r.Achieved, r.OrderCount], ct);
        await excel.AddSheetAsync(CoreText.Get("TargetOrdersSheet", year),
        [
            new(CoreText.Get("SalesColAccountManager"), Width: 24), new(CoreText.Get("SalesColOrderedOn"), ExcelKind.Date, 12),
            new(CoreText.Get("SalesColCustomer"), Width: 36), new(CoreText.Get("SalesColTitle"), Width: 36),
            new(CoreText.Get("SalesColType"), Width: 22), new(CoreText.Get("SalesColTotalExVat"), ExcelKind.Euro, 14),
            new(CoreText.Get("SalesColOrderNumber"), ExcelKind.Integer, 10),
        ], ct);
        await foreach (var o in OfferQueries.OrderSummaries(db, OrdersOfYear(db, year).OrderBy(o => o.OrderedOn).ThenBy(o => o.Id))
                           .AsAsyncEnumerable().WithCancellation(ct))
            await excel.AddRowAsync([o.AccountManagerName, o.OrderedOn, o.CustomerName, o.Title, SalesText.TypeName(o.Type), o.TotalExVat, o.OrderId], ct);
        await excel.FinishAsync(ct);
    }

    /// <summary>Orders whose Helsinki order date falls in the year (dates compare as text in SQL, so an index serves them).</summary>
    private static IQueryable<Order> OrdersOfYear(PortaaliDbContext db, int year)
    {
        var from = new DateOnly(year, 1, 1);
        var to = from.AddYears(1);
        return db.Orders.AsNoTracking().Where(o => o.OrderedOn >= from && o.OrderedOn < to);
    }

    private static void EnsureYear(int year)
    {
        if (year is < MinYear or > MaxYear) throw new ValidationFailedException([new("Year", CoreText.Get("SalesYearOutOfRange", MinYear, MaxYear))]);
    }

    /// <summary>The current Helsinki year: the page opens on it.</summary>
    public int ThisYear() => HelsinkiTime.Today(clock).Year;
}
