using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portaali.Core.Activities;
using Portaali.Core.Calendar;
using Portaali.Core.Common;
using Portaali.Core.Data;
using Portaali.Core.Security;

namespace Portaali.Core.Segments.Rfm;

/// <summary>A customer's score with what each part is made of, for the segment tab.</summary>
public sealed record RfmBreakdown(int Recency, int Frequency, int Monetary,
    DateOnly? LastContactOn, string? LastContactType, int? DaysSinceContact, DateOnly? LastOrderOn, int? DaysSinceOrder,
    int Contacts, int Orders, decimal OrderEuros, int WindowMonths, DateOnly WindowFrom, DateOnly AsOf, DateTime ComputedAt);

public sealed record RfmRecomputeResult(int CustomersScored, int SuggestionsCreated);

/// <summary>Computes every active customer's RFM score (nightly, from the Hangfire job) and shows one customer's.</summary>
public class RfmService(IDbContextFactory<PortaaliDbContext> dbFactory, AccessGuard guard, IOptions<RfmOptions> options,
    SegmentSuggestionRules rules, TimeProvider clock)
{
    private const int InsertBatch = 5_000;

    /// <summary>Replaces the stored scores with today's (Helsinki) and then runs the segment rules on them. A plain
    /// method: the job calls it, and so can a test.</summary>
    public async Task<RfmRecomputeResult> RecomputeAsync(CancellationToken ct = default)
    {
        var o = options.Value;
        var asOf = HelsinkiTime.Today(clock);
        var from = RfmScoring.WindowFrom(asOf, o.WindowMonths);
        var computedAt = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var raw = await RfmScoring.RawAsync(db, asOf, from, null, ct);
        var active = await db.Customers.AsNoTracking().Where(c => !c.IsPassive).Select(c => c.Id).ToListAsync(ct);

        // One transaction: the segment tab sees yesterday's scores or today's, never an empty table.
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await db.RfmScores.ExecuteDeleteAsync(ct);
            foreach (var batch in active.Chunk(InsertBatch))
            {
                db.RfmScores.AddRange(batch.Select(id => Score(raw.GetValueOrDefault(id) ?? new RfmRaw(id, null, 0, null, 0, 0), asOf, from, o, computedAt)));
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
            await tx.CommitAsync(ct);
        }
        var created = await rules.ApplyAsync(ct);
        return new RfmRecomputeResult(active.Count, created);
    }

    internal static RfmScore Score(RfmRaw r, DateOnly asOf, DateOnly from, RfmOptions o, DateTime computedAt) => new()
    {
        CustomerId = r.CustomerId,
        Recency = RfmScoring.Recency(asOf, RfmScoring.LastOf(r.LastContactOn, r.LastOrderOn), o),
        Frequency = RfmScoring.Frequency(r.Contacts + r.Orders, o),
        Monetary = RfmScoring.Monetary(r.OrderCents, o),
        LastContactOn = r.LastContactOn, LastOrderOn = r.LastOrderOn,
        Contacts = r.Contacts, Orders = r.Orders, OrderCents = r.OrderCents,
        WindowMonths = o.WindowMonths, WindowFrom = from, AsOf = asOf, ComputedAt = computedAt,
    };

    /// <summary>The customer's stored score and what it is made of; null before the first recompute or for a passive customer.</summary>
    public async Task<RfmBreakdown?> ForCustomerAsync(int customerId, CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var s = await db.RfmScores.AsNoTracking().FirstOrDefaultAsync(s => s.CustomerId == customerId && !s.Customer!.IsPassive, ct);
        if (s is null) return null;
        string? lastType = null;
        if (s.LastContactOn is { } day)
            lastType = await db.Activities.AsNoTracking()
                .Where(a => a.CustomerId == customerId && a.LocalDate == day && a.Status == ActivityStatus.Done
                    && RfmScoring.CountedTypeKeys.Contains(a.Type!.SystemKey!))
                .OrderByDescending(a => a.StartsAtUtc).Select(a => (CoreText.ReaderIsEnglish ? a.Type!.NameEn ?? a.Type!.Name : a.Type!.Name)).FirstOrDefaultAsync(ct);
        return new RfmBreakdown(s.Recency, s.Frequency, s.Monetary, s.LastContactOn, lastType, s.AsOf.DayNumber - s.LastContactOn?.DayNumber,
            s.LastOrderOn, s.AsOf.DayNumber - s.LastOrderOn?.DayNumber, s.Contacts, s.Orders, Money.FromCents(s.OrderCents),
            s.WindowMonths, s.WindowFrom, s.AsOf, s.ComputedAt);
    }
}
