using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portaali.Core.Calendar;
using Portaali.Core.Common;
using Portaali.Core.Data;
using Portaali.Core.Suggestions;

namespace Portaali.Core.Segments.Rfm;

/// <summary>Turns the stored RFM scores into suggestions for people to decide: a Potential customer with an order → B,
/// a B customer at the top now and a year ago → propose A, a C customer with nothing in three years → consider
/// passivating. Never changes a customer itself. One open suggestion per customer, kind and code; a decided one is
/// not made again within a year of the decision.</summary>
public class SegmentSuggestionRules(IDbContextFactory<PortaaliDbContext> dbFactory, IOptions<RfmOptions> options, TimeProvider clock)
{
    public const string OrderCode = "RFM-ORDER", TopCode = "RFM-TOP", DormantCode = "RFM-DORMANT";
    public const int DormantYears = 3;
    private static readonly string[] Codes = [OrderCode, TopCode, DormantCode];
    private static readonly CultureInfo Finnish = new("fi-FI");

    /// <summary>Writes the suggestions the current scores call for; returns how many were new.</summary>
    public async Task<int> ApplyAsync(CancellationToken ct = default)
    {
        var o = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = HelsinkiTime.Today(clock);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scores = db.RfmScores.AsNoTracking().Where(s => !s.Customer!.IsPassive);
        var found = new List<Suggestion>();

        var ordered = await scores.Where(s => s.Customer!.Segment == Segment.Potential && s.Orders > 0)
            .Select(s => new { s.CustomerId, s.Orders, s.OrderCents, s.LastOrderOn, s.WindowMonths }).ToListAsync(ct);
        found.AddRange(ordered.Select(s => New(s.CustomerId, SuggestionKind.SegmentB, OrderCode, now,
            Text("RfmOrderReason", s.Orders, s.WindowMonths, CoreMessage.Cents(s.OrderCents), Date(s.LastOrderOn)))));

        var top = o.TopMinimum;
        var topNow = await scores.Where(s => s.Customer!.Segment == Segment.B && s.Recency >= top && s.Frequency >= top && s.Monetary >= top)
            .Select(s => new { s.CustomerId, s.Recency, s.Frequency, s.Monetary }).ToListAsync(ct);
        if (topNow.Count > 0)
        {
            // The score a year ago, from the same activities and orders as they stood then.
            var then = today.AddYears(-1);
            var rawThen = await RfmScoring.RawAsync(db, then, RfmScoring.WindowFrom(then, o.WindowMonths), [.. topNow.Select(s => s.CustomerId)], ct);
            foreach (var s in topNow)
            {
                var past = RfmService.Score(rawThen.GetValueOrDefault(s.CustomerId) ?? new RfmRaw(s.CustomerId, null, 0, null, 0, 0),
                    then, RfmScoring.WindowFrom(then, o.WindowMonths), o, now);
                if (!RfmScoring.IsTop(past.Recency, past.Frequency, past.Monetary, o)) continue;
                found.Add(New(s.CustomerId, SuggestionKind.ProposeA, TopCode, now, Text("RfmTopReason", top,
                    s.Recency, s.Frequency, s.Monetary, then, past.Recency, past.Frequency, past.Monetary)));
            }
        }

        // Nothing after the cut-off day; a customer added to Portaali less than three years ago is not dormant yet.
        var cutoff = today.AddYears(-DormantYears);
        var addedBefore = HelsinkiTime.ToUtc(cutoff.AddDays(1));
        var dormant = await scores.Where(s => s.Customer!.Segment == Segment.C && s.Customer.CreatedAt < addedBefore
                && (s.LastContactOn == null || s.LastContactOn <= cutoff) && (s.LastOrderOn == null || s.LastOrderOn <= cutoff))
            .Select(s => new { s.CustomerId, s.LastContactOn, s.LastOrderOn }).ToListAsync(ct);
        found.AddRange(dormant.Select(s => New(s.CustomerId, SuggestionKind.ConsiderPassivation, DormantCode, now,
            Text("RfmDormantReason", DormantYears, Date(s.LastContactOn), Date(s.LastOrderOn)))));

        if (found.Count == 0) return 0;
        var decidedSince = now.AddYears(-1);
        var blocked = (await db.Suggestions.AsNoTracking()
                .Where(s => Codes.Contains(s.Code) && (s.ResolvedAt == null || s.ResolvedAt > decidedSince))
                .Select(s => new { s.CustomerId, s.Kind, s.Code }).ToListAsync(ct))
            .Select(s => (s.CustomerId, s.Kind, s.Code)).ToHashSet();
        var fresh = found.Where(s => !blocked.Contains((s.CustomerId, s.Kind, s.Code))).ToList();
        db.Suggestions.AddRange(fresh);
        await db.SaveChangesAsync(ct);
        return fresh.Count;
    }

    /// <summary>The reason is kept as a message, rendered in each reader's language; <see cref="Suggestion.Reason"/> holds
    /// its Finnish text for whatever reads the column directly.</summary>
    private static Suggestion New(int customerId, SuggestionKind kind, string code, DateTime now, CoreMessage reason) =>
        new() { CustomerId = customerId, Kind = kind, Code = code, Reason = reason.Render(Finnish), ReasonMessage = reason.ToJson(), CreatedAt = now };

    private static CoreMessage Text(string key, params object?[] args) => CoreMessage.Of(key, args);

    private static object Date(DateOnly? day) => CoreMessage.Date(day, "RfmNever");
}
