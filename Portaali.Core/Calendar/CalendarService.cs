using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portaali.Core.Activities;
using Portaali.Core.Common;
using Portaali.Core.Data;
using Portaali.Core.Security;
using Portaali.Core.Users;

namespace Portaali.Core.Calendar;

/// <summary>An activity dragged to a new start in the calendar.</summary>
public record CalendarMove(CalendarEntry Entry, DateTime StartsLocal);

public record CalendarEntry(int Id, DateTime StartsLocal, int DurationMinutes, string Title, string TypeName, string Color,
    ActivityStatus Status, bool NeedsResolution, string? CustomerName, IReadOnlyList<string> Participants, Guid Version = default)
{
    public DateTime EndsLocal => StartsLocal.AddMinutes(DurationMinutes);
}

/// <summary>The entries a calendar shows, by start, and how many there are in all: beyond <see cref="CalendarService.MaxEntries"/>
/// the view is limited, and the page says so and offers a narrower one. When <paramref name="TotalIsLowerBound"/> is set the
/// entries were counted only up to <see cref="CalendarService.CountCap"/> and there are more than <paramref name="TotalCount"/>.</summary>
public record CalendarView(IReadOnlyList<CalendarEntry> Entries, int TotalCount, bool TotalIsLowerBound = false)
{
    public bool IsLimited => TotalIsLowerBound || TotalCount > Entries.Count;
}

public record CalendarPerson(int Id, string Name, UserGroup Group);

/// <summary>Calendars of activities: whose, which days, and each user's secret, revocable iCalendar feed.</summary>
public class CalendarService(IDbContextFactory<PortaaliDbContext> dbFactory, AccessGuard guard, TimeProvider clock)
{
    /// <summary>How far back and ahead the subscribed feed reaches.</summary>
    public static readonly TimeSpan FeedPast = TimeSpan.FromDays(92), FeedFuture = TimeSpan.FromDays(366);

    public async Task<IReadOnlyList<CalendarPerson>> GetPeopleAsync(CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.DisplayName)
            .Select(u => new CalendarPerson(u.Id, u.DisplayName, u.Group)).ToListAsync(ct);
    }

    /// <summary>The most entries one calendar view shows; a person's or a team's week stays far below it.</summary>
    public const int MaxEntries = 2000;

    /// <summary>How far a limited view counts its entries before it says "over": the number only tells how much narrower
    /// to look, and counting the whole staff's month (55,000 at 25× the base) would cost more than showing it.</summary>
    public const int CountCap = 10_000;

    /// <summary>Activities of the given users on the Helsinki days from <paramref name="from"/> to <paramref name="to"/> (inclusive),
    /// the first <see cref="MaxEntries"/> by start, with the total (up to <see cref="CountCap"/>) when there are more.</summary>
    public async Task<CalendarView> GetEntriesAsync(IReadOnlyCollection<int> userIds, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        if (userIds.Count == 0) return new CalendarView([], 0);
        var ids = userIds.Distinct().ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // "UserId + 0" keeps SQLite from seeking the participants' key (ActivityId, UserId) once per person asked for, which
        // for the whole staff is 200 seeks per activity: it seeks the activity's one or two participants and tests each
        // against the list (the whole staff's month on the 25× base, sqlite3: the first 2,001 rows 240 → 45 ms, counting all 4.4 s → 0.2 s).
        var matching = db.Activities.AsNoTracking()
            .Where(a => a.LocalDate >= from && a.LocalDate <= to && a.Participants.Any(p => ids.Contains(p.UserId + 0)));
        // In the order of the (LocalDate, StartsAtUtc) index (the local date grows with the start), so SQLite reads the
        // index in order and stops after the rows shown instead of sorting a whole month of the staff's activities.
        var data = await matching.OrderBy(a => a.LocalDate).ThenBy(a => a.StartsAtUtc).ThenBy(a => a.Id).Take(MaxEntries + 1)
            .Select(a => new
            {
                a.Id, a.StartsAtUtc, a.DurationMinutes, a.Title, TypeName = (CoreText.ReaderIsEnglish ? a.Type!.NameEn ?? a.Type!.Name : a.Type!.Name), a.Type.Color, a.Status,
                NeedsResolution = (bool?)a.Keyword!.NeedsResolution, CustomerName = a.Customer!.Name, a.Version,
            }).ToListAsync(ct);
        var (total, isLowerBound) = (data.Count, false);
        if (data.Count > MaxEntries)
        {
            data.RemoveAt(MaxEntries);
            (total, isLowerBound) = await PagedCount.CountAsync(matching, ct, CountCap);
        }
        // The names in a second query over the shown ids: projected inside the first, SQLite joins every participant.
        var shown = data.Select(a => a.Id).ToList();
        // The up to 2,000 ids as one parameter (a JSON array on SQLite, an array on PostgreSQL): as one parameter each, the
        // way EF Core 10 sends a list by default, the statement cost more to prepare than to run.
        var names = (await db.ActivityParticipants.AsNoTracking().Where(p => EF.Parameter(shown).Contains(p.ActivityId))
            .Select(p => new { p.ActivityId, p.User!.DisplayName }).ToListAsync(ct)).ToLookup(p => p.ActivityId, p => p.DisplayName);
        return new CalendarView(data.Select(a => new CalendarEntry(a.Id, HelsinkiTime.ToLocal(a.StartsAtUtc), a.DurationMinutes, a.Title, a.TypeName, a.Color,
            a.Status, a.NeedsResolution ?? false, a.CustomerName, names[a.Id].Order().ToList(), a.Version)).ToList(), total, isLowerBound);
    }

    public async Task<bool> HasFeedAsync(CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.CalendarFeedTokens.AnyAsync(t => t.UserId == actor.Id, ct);
    }

    /// <summary>Makes a new secret for the signed-in user's feed and returns it; any earlier address stops working.</summary>
    public async Task<string> CreateFeedTokenAsync(CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.CalendarFeedTokens.Where(t => t.UserId == actor.Id).ExecuteDeleteAsync(ct);
        db.CalendarFeedTokens.Add(new CalendarFeedToken { UserId = actor.Id, TokenHash = Hash(token), CreatedAtUtc = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
        return token;
    }

    /// <summary>Revokes the signed-in user's feed address.</summary>
    public async Task RevokeFeedAsync(CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.CalendarFeedTokens.Where(t => t.UserId == actor.Id).ExecuteDeleteAsync(ct);
    }

    /// <summary>The iCalendar text of the feed the token opens, or null for an unknown or revoked token. The token itself is the credential.</summary>
    public async Task<string?> GetFeedAsync(string token, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100) return null;
        var hash = Hash(token);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var owner = await db.CalendarFeedTokens.AsNoTracking().Where(t => t.TokenHash == hash)
            .Join(db.Users.Where(u => u.IsActive), t => t.UserId, u => u.Id, (t, u) => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(ct);
        if (owner is null) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now - FeedPast;
        var until = now + FeedFuture;
        // Rooted at the owner's participations: a year and a quarter of everyone's activities is far more than one person's.
        var events = await (from p in db.ActivityParticipants.AsNoTracking()
                            where p.UserId == owner.Id
                            join a in db.Activities.AsNoTracking() on p.ActivityId equals a.Id
                            where a.StartsAtUtc >= since && a.StartsAtUtc <= until
                            select a)
            .OrderBy(a => a.StartsAtUtc)
            .Select(a => new IcsEvent(a.Id, a.StartsAtUtc, a.DurationMinutes, a.Title, a.Memo, (CoreText.ReaderIsEnglish ? a.Type!.NameEn ?? a.Type!.Name : a.Type!.Name), a.Customer!.Name,
                a.Status, a.UpdatedAtUtc, a.CreatedAtUtc))
            .ToListAsync(ct);
        return IcsWriter.Write(CoreText.Get("CalendarFeedName", owner.DisplayName), events, now);
    }

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
