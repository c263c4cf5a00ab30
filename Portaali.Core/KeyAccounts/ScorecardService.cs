using Microsoft.EntityFrameworkCore;
using Portaali.Core.Auditing;
using Portaali.Core.Calendar;
using Portaali.Core.Common;
using Portaali.Core.Customers;
using Portaali.Core.Data;
using Portaali.Core.Security;

namespace Portaali.Core.KeyAccountTracking;

/// <summary>A key account's scorecard (tuloskortti): the yearly targets management keeps against the actuals from the
/// customer's orders and activities, and the year's trend month by month.</summary>
public class ScorecardService(IDbContextFactory<PortaaliDbContext> dbFactory, AccessGuard guard, TimeProvider clock)
{
    public const int MinYear = 2000, MaxYear = 2100;
    /// <summary>Far past any count a year of one customer could hold, and a guard against a mistyped euro amount in a count.</summary>
    public const int MaxCount = 100_000;

    /// <summary>Every measure of the year: target, actual, share achieved and whether it is on track.</summary>
    public async Task<Scorecard> GetAsync(int customerId, int year, CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.FollowKeyAccounts);
        EnsureYear(year);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var name = await CustomerNameAsync(db, customerId, ct);
        var today = HelsinkiTime.Today(clock);
        var targets = await TargetsAsync(db, [customerId], year, ct);
        var actuals = await ScorecardActuals.ByMonthAsync(db, [customerId], year, today, ct);
        var elapsed = ScorecardActuals.ElapsedShare(year, today);
        var lines = Enum.GetValues<ScorecardMeasure>().Select(m => ScorecardActuals.Line(m,
            targets.FirstOrDefault(t => t.Measure == m), actuals.Where(a => a.Measure == m).Sum(a => a.Value), elapsed)).ToList();
        return new Scorecard(customerId, name, year, elapsed, lines, await guard.IsAllowedAsync(Policies.ApproveKeyAccounts));
    }

    /// <summary>Per measure, the cumulative actual at each month's end against the linear target path (target × month / 12).</summary>
    public async Task<IReadOnlyList<MeasureTrend>> TrendAsync(int customerId, int year, CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.FollowKeyAccounts);
        EnsureYear(year);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await CustomerNameAsync(db, customerId, ct);
        var today = HelsinkiTime.Today(clock);
        var targets = await TargetsAsync(db, [customerId], year, ct);
        var actuals = await ScorecardActuals.ByMonthAsync(db, [customerId], year, today, ct);
        var lastMonth = year < today.Year ? 12 : year > today.Year ? 0 : today.Month;
        return Enum.GetValues<ScorecardMeasure>().Select(m =>
        {
            var target = targets.FirstOrDefault(t => t.Measure == m) is { } t ? ScorecardActuals.Shown(m, t.Target) : (decimal?)null;
            long running = 0;
            var months = Enumerable.Range(1, 12).Select(month =>
            {
                running += actuals.Where(a => a.Measure == m && a.Month == month).Sum(a => a.Value);
                return new TrendMonth(month, target is { } tv ? Math.Round(tv * month / 12m, 2) : null,
                    month <= lastMonth ? ScorecardActuals.Shown(m, running) : null);
            }).ToList();
            return new MeasureTrend(m, target, months);
        }).ToList();
    }

    /// <summary>Sets, changes or (with an empty text) removes the year's targets, typed as people write numbers in the UI
    /// language: euros with at most two decimals, counts as whole numbers, none negative. All or nothing: one bad value
    /// saves none, and a target someone else changed since it was loaded is a conflict.</summary>
    public async Task SaveTargetsAsync(int customerId, int year, IReadOnlyList<ScorecardTargetInput> inputs, CancellationToken ct = default)
    {
        var actor = await guard.DemandAsync(Policies.ApproveKeyAccounts);
        EnsureYear(year);
        var parsed = new Dictionary<ScorecardMeasure, long?>();
        var errors = new List<FieldError>();
        foreach (var input in inputs)
        {
            var euros = input.Measure == ScorecardMeasure.SalesEuros;
            var result = euros ? Money.Parse(input.Text, required: false) : Money.Parse(input.Text, maxDecimals: 0, max: MaxCount, required: false);
            if (!result.IsValid) errors.Add(new FieldError(input.Measure.ToString(), $"{ScorecardText.MeasureName(input.Measure)}: {result.Error}"));
            else parsed[input.Measure] = result.Value is { } v ? euros ? Money.ToCents(v) : (long)v : null;
        }
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await CustomerNameAsync(db, customerId, ct);
        var existing = await db.ScorecardTargets.Where(t => t.CustomerId == customerId && t.Year == year).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var changes = new List<FieldChange>();
        foreach (var input in inputs)
        {
            var target = existing.FirstOrDefault(t => t.Measure == input.Measure);
            if (target?.Version != input.Version) throw new ConcurrencyConflictException(CoreText.Get("ScorecardConflict"));
            var value = parsed[input.Measure];
            if (target?.Target == value) continue;
            changes.Add(new FieldChange($"Scorecard{input.Measure}", Text(input.Measure, target?.Target), Text(input.Measure, value)));
            if (value is not { } v)
            {
                db.ScorecardTargets.Remove(target!);
                continue;
            }
            if (target is null) db.ScorecardTargets.Add(target = new ScorecardTarget { CustomerId = customerId, Year = year, Measure = input.Measure });
            target.Target = v;
            target.UpdatedAtUtc = now;
            target.UpdatedByUserId = actor.Id;
            target.UpdatedByName = actor.Name;
            target.Version = Guid.NewGuid();
        }
        if (changes.Count == 0) return;
        // The year rides along as unchanged context (old = new), which the change history shows as "Vuosi: 2026".
        var yearText = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        AuditLog.Record(db, actor, now, customerId, "Scorecard", customerId, "ScorecardTargetsChanged",
            [new FieldChange("ScorecardYear", yearText, yearText), .. changes]);
        try { await db.SaveChangesAsync(ct); }
        // Someone changed or removed a loaded target (the version token), or added the same one at the same moment (the unique index).
        catch (DbUpdateException) { throw new ConcurrencyConflictException(CoreText.Get("ScorecardConflict")); }
    }

    /// <summary>The current Helsinki year: the scorecard opens on it.</summary>
    public int ThisYear() => HelsinkiTime.Today(clock).Year;

    internal static Task<List<ScorecardTarget>> TargetsAsync(PortaaliDbContext db, IReadOnlyCollection<int> customerIds, int year, CancellationToken ct) =>
        db.ScorecardTargets.AsNoTracking().Where(t => customerIds.Contains(t.CustomerId) && t.Year == year).ToListAsync(ct);

    /// <summary>"3 of 4 targets on track" for each of the customers, in the same handful of queries as one scorecard.</summary>
    internal static async Task<Dictionary<int, ScorecardSummary>> SummariesAsync(PortaaliDbContext db, IReadOnlyCollection<int> customerIds,
        int year, DateOnly today, CancellationToken ct)
    {
        var targets = await TargetsAsync(db, customerIds, year, ct);
        var actuals = targets.Count == 0 ? [] : await ScorecardActuals.ByMonthAsync(db, customerIds, year, today, ct);
        var elapsed = ScorecardActuals.ElapsedShare(year, today);
        return customerIds.ToDictionary(id => id, id =>
        {
            var lines = targets.Where(t => t.CustomerId == id).Select(t => ScorecardActuals.Line(t.Measure, t,
                actuals.Where(a => a.CustomerId == id && a.Measure == t.Measure).Sum(a => a.Value), elapsed)).ToList();
            return new ScorecardSummary(lines.Count(l => l.OnTrack == true), lines.Count);
        });
    }

    private static string? Text(ScorecardMeasure measure, long? value) =>
        value is not { } v ? null : measure == ScorecardMeasure.SalesEuros ? Money.FromCents(v).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : v.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<string> CustomerNameAsync(PortaaliDbContext db, int customerId, CancellationToken ct) =>
        await db.Customers.AsNoTracking().Where(c => c.Id == customerId).Select(c => c.Name).FirstOrDefaultAsync(ct)
        ?? throw new NotFoundException(CoreText.Get("CustomerNotFound"));

    private static void EnsureYear(int year)
    {
        if (year is < MinYear or > MaxYear) throw new ValidationFailedException([new("Year", CoreText.Get("SalesYearOutOfRange", MinYear, MaxYear))]);
    }
}

/// <summary>The scorecard's measure names in the UI language.</summary>
public static class ScorecardText
{
    public static string MeasureName(ScorecardMeasure measure) => measure switch
    {
        ScorecardMeasure.SalesEuros => CoreText.Get("ScorecardMeasureSalesEuros"),
        ScorecardMeasure.TrainingsDelivered => CoreText.Get("ScorecardMeasureTrainingsDelivered"),
        ScorecardMeasure.ManagementMeetings => CoreText.Get("ScorecardMeasureManagementMeetings"),
        ScorecardMeasure.CoDevelopment => CoreText.Get("ScorecardMeasureCoDevelopment"),
        ScorecardMeasure.Visits => CoreText.Get("ScorecardMeasureVisits"),
        _ => measure.ToString(),
    };
}
