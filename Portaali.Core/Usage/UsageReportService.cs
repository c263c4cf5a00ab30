using Microsoft.EntityFrameworkCore;
using Portaali.Core.Auditing;
using Portaali.Core.Calendar;
using Portaali.Core.Common;
using Portaali.Core.Data;
using Portaali.Core.Exports;
using Portaali.Core.Security;
using Portaali.Core.Users;

namespace Portaali.Core.Usage;

/// <summary>The administrator's usage report (käyttöraportti): per user group and per user over a period, every column
/// counted in SQL with GROUP BY; users are grouped by their group today. See docs/usage.md for what each column counts.</summary>
public class UsageReportService(IDbContextFactory<PortaaliDbContext> dbFactory, AccessGuard guard, TimeProvider clock)
{
    /// <summary>The change-history entries that make a customer "created": <see cref="Customers.CustomerService"/> writes one.</summary>
    public const string CustomerEntity = "Customer";
    public const string ContactEntity = "Contact";
    public const string CreatedAction = "Created";

    // An export's request JSON starts with its kind (StoredExportRequest): a saved selection or list, or a builder's selection.
    private const string SelectionExportPrefix = "{\"Kind\":\"Selection\"";
    private const string DefinitionExportPrefix = "{\"Kind\":\"Definition\"";

    public async Task<UsageReport> ReportAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.Administer);
        new UsagePeriod(from, to).Validate();
        var fromUtc = HelsinkiTime.ToUtc(from);
        var toUtc = HelsinkiTime.ToUtc(to.AddDays(1));
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        var users = await db.Users.AsNoTracking().Select(u => new { u.Id, u.DisplayName, u.Group, u.IsActive }).ToListAsync(ct);
        var signIns = await db.SignInRecords.Where(s => s.LocalDate >= from && s.LocalDate <= to)
            .GroupBy(s => s.UserId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var activeDays = await db.UserActiveDays.Where(d => d.Date >= from && d.Date <= to)
            .GroupBy(d => d.UserId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var activities = await db.Activities.Where(a => a.CreatedAtUtc >= fromUtc && a.CreatedAtUtc < toUtc)
            .GroupBy(a => a.CreatedByUserId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var offers = await db.Offers.Where(o => o.CreatedAtUtc >= fromUtc && o.CreatedAtUtc < toUtc && !o.RecordedAsOrder)
            .GroupBy(o => o.AccountManagerId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var exports = await db.ExportJobs.Where(j => j.CreatedAtUtc >= fromUtc && j.CreatedAtUtc < toUtc && j.State != ExportState.Failed
                && (EF.Functions.Like(j.RequestJson, SelectionExportPrefix + "%") || EF.Functions.Like(j.RequestJson, DefinitionExportPrefix + "%")))
            .GroupBy(j => j.OwnerUserId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var created = Created(db, fromUtc, toUtc);
        var updated = Updated(db, fromUtc, toUtc);
        var createdByUser = await DistinctCustomersByUserAsync(created, ct);
        var updatedByUser = await DistinctCustomersByUserAsync(updated, ct);
        var createdByGroup = await DistinctCustomersByGroupAsync(db, created, ct);
        var updatedByGroup = await DistinctCustomersByGroupAsync(db, updated, ct);

        var userRows = users.Select(u => new UsageUserRow(u.Id, u.DisplayName, u.Group, u.IsActive, new UsageCounts(
                signIns.GetValueOrDefault(u.Id), activeDays.GetValueOrDefault(u.Id), activities.GetValueOrDefault(u.Id),
                createdByUser.GetValueOrDefault(u.Id), updatedByUser.GetValueOrDefault(u.Id), offers.GetValueOrDefault(u.Id),
                exports.GetValueOrDefault(u.Id))))
            .Where(r => r.IsActive || r.Counts != UsageCounts.Zero)
            .OrderBy(r => r.Group).ThenBy(r => r.Name, StringComparer.CurrentCulture).ThenBy(r => r.UserId).ToList();
        var groupRows = Enum.GetValues<UserGroup>().Select(group =>
        {
            var members = userRows.Where(r => r.Group == group).Select(r => r.Counts).ToList();
            return new UsageGroupRow(group, users.Count(u => u.Group == group && u.IsActive), members.Count(c => c.ActiveDays > 0),
                new UsageCounts(members.Sum(c => c.SignIns), members.Sum(c => c.ActiveDays), members.Sum(c => c.Activities),
                    createdByGroup.GetValueOrDefault(group), updatedByGroup.GetValueOrDefault(group), members.Sum(c => c.Offers),
                    members.Sum(c => c.SelectionExports)));
        }).ToList();

        var (first, last) = (from, to);
        var series = (await (from d in db.UserActiveDays
                             where d.Date >= first && d.Date <= last
                             join u in db.Users on d.UserId equals u.Id
                             group d by new { u.Group, d.Date.Year, d.Date.Month } into g
                             select new { g.Key.Group, g.Key.Year, g.Key.Month, Users = g.Select(x => x.UserId).Distinct().Count(), Days = g.Count() })
                .ToListAsync(ct))
            .Select(m => new UsageMonth(m.Group, new DateOnly(m.Year, m.Month, 1), m.Users, m.Days)).ToList();
        return new UsageReport(from, to, groupRows, userRows, MonthsOf(from, to), series);
    }

    /// <summary>The last <paramref name="days"/> days up to today in short: active users and sign-ins per group.</summary>
    public async Task<UsageSummary> SummaryAsync(int days = 30, CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.Administer);
        var to = HelsinkiTime.Today(clock);
        var first = to.AddDays(1 - Math.Clamp(days, 1, 366));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var active = await (from d in db.UserActiveDays
                            where d.Date >= first && d.Date <= to
                            join u in db.Users on d.UserId equals u.Id
                            group d.UserId by u.Group into g
                            select new { g.Key, Count = g.Distinct().Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var signIns = await (from s in db.SignInRecords
                             where s.LocalDate >= first && s.LocalDate <= to
                             join u in db.Users on s.UserId equals u.Id
                             group s by u.Group into g
                             select new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return new UsageSummary(first, to, Enum.GetValues<UserGroup>()
            .Select(g => new UsageSummaryRow(g, active.GetValueOrDefault(g), signIns.GetValueOrDefault(g))).ToList());
    }

    /// <summary>The report as a workbook: groups, users, and the groups' months, one sheet each.</summary>
    public async Task ExportAsync(DateOnly from, DateOnly to, Stream output, CancellationToken ct = default)
    {
        var report = await ReportAsync(from, to, ct);
        await using var excel = await ExcelWriter.CreateAsync(output, ct);
        await excel.AddSheetAsync(CoreText.Get("UsageGroupsSheet"),
            [new(CoreText.Get("UsageColGroup"), Width: 30), new(CoreText.Get("UsageColUsers"), ExcelKind.Integer, 12),
                new(CoreText.Get("UsageColActiveUsers"), ExcelKind.Integer, 14), .. CountColumns()], ct);
        foreach (var g in report.Groups)
            await excel.AddRowAsync([UsageText.GroupName(g.Group), g.Users, g.ActiveUsers, .. CountValues(g.Counts)], ct);
        await excel.AddSheetAsync(CoreText.Get("UsageUsersSheet"),
            [new(CoreText.Get("UsageColUser"), Width: 28), new(CoreText.Get("UsageColGroup"), Width: 30),
                new(CoreText.Get("UsageColAccountActive"), Width: 14), .. CountColumns()], ct);
        foreach (var u in report.Users)
            await excel.AddRowAsync([u.Name, UsageText.GroupName(u.Group), CoreText.Get(u.IsActive ? "UsageYes" : "UsageNo"), .. CountValues(u.Counts)], ct);
        await excel.AddSheetAsync(CoreText.Get("UsageMonthsSheet"),
            [new(CoreText.Get("UsageColGroup"), Width: 30), new(CoreText.Get("UsageColMonth"), ExcelKind.Month, 12),
                new(CoreText.Get("UsageColActiveUsers"), ExcelKind.Integer, 14), new(CoreText.Get("UsageColActiveDays"), ExcelKind.Integer, 14)], ct);
        foreach (var g in report.Groups.Where(g => g.Users > 0 || g.Counts.ActiveDays > 0))
            foreach (var month in report.Months)
            {
                var m = report.MonthOf(g.Group, month);
                await excel.AddRowAsync([UsageText.GroupName(g.Group), month, m.ActiveUsers, m.ActiveDays], ct);
            }
        await excel.FinishAsync(ct);
    }

    private static IEnumerable<ExcelColumn> CountColumns() =>
        UsageText.CountColumnKeys.Select(key => new ExcelColumn(CoreText.Get(key), ExcelKind.Integer, 14));

    private static IEnumerable<object?> CountValues(UsageCounts c) =>
        [c.SignIns, c.ActiveDays, c.Activities, c.CustomersCreated, c.CustomersUpdated, c.Offers, c.SelectionExports];

    private static IReadOnlyList<DateOnly> MonthsOf(DateOnly from, DateOnly to)
    {
        var months = new List<DateOnly>();
        for (var m = new DateOnly(from.Year, from.Month, 1); m <= to; m = m.AddMonths(1)) months.Add(m);
        return months;
    }

    /// <summary>Customers created by a person in the period (an import writes no change history, so it counts for nobody).</summary>
    private static IQueryable<AuditEntry> Created(PortaaliDbContext db, DateTime fromUtc, DateTime toUtc) =>
        db.AuditEntries.Where(a => a.At >= fromUtc && a.At < toUtc && a.UserId != null
            && a.EntityType == CustomerEntity && a.Action == CreatedAction);

    /// <summary>Changes to a customer's own data or its contacts: edits, passivation, merging, classifications, a contact
    /// added or edited. Offers, activities and the rest have their own columns or are not customer data.</summary>
    private static IQueryable<AuditEntry> Updated(PortaaliDbContext db, DateTime fromUtc, DateTime toUtc) =>
        db.AuditEntries.Where(a => a.At >= fromUtc && a.At < toUtc && a.UserId != null
            && ((a.EntityType == CustomerEntity && a.Action != CreatedAction) || a.EntityType == ContactEntity));

    private static Task<Dictionary<int, int>> DistinctCustomersByUserAsync(IQueryable<AuditEntry> entries, CancellationToken ct) =>
        entries.GroupBy(a => a.UserId!.Value).Select(g => new { g.Key, Count = g.Select(a => a.CustomerId).Distinct().Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);

    private static Task<Dictionary<UserGroup, int>> DistinctCustomersByGroupAsync(PortaaliDbContext db, IQueryable<AuditEntry> entries,
        CancellationToken ct) =>
        (from a in entries
         join u in db.Users on a.UserId equals (int?)u.Id
         group a.CustomerId by u.Group into g
         select new { g.Key, Count = g.Distinct().Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
}

/// <summary>The report's words in the UI language, shared by the page and the workbook.</summary>
public static class UsageText
{
    /// <summary>The count columns in the report's order, as CoreText keys.</summary>
    public static readonly string[] CountColumnKeys =
    [
        "UsageColSignIns", "UsageColActiveDays", "UsageColActivities", "UsageColCustomersCreated", "UsageColCustomersUpdated",
        "UsageColOffers", "UsageColSelectionExports",
    ];

    public static string GroupName(UserGroup group) => CoreText.Get($"UserGroup_{group}");

    /// <summary>"kayttoraportti-1.1.2026-30.6.2026.xlsx".</summary>
    public static string FileName(DateOnly from, DateOnly to) =>
        FileNames.Safe($"{CoreText.Get("UsageFile")}-{from.ToString("d.M.yyyy", System.Globalization.CultureInfo.InvariantCulture)}-"
            + $"{to.ToString("d.M.yyyy", System.Globalization.CultureInfo.InvariantCulture)}.xlsx", "usage.xlsx");
}
