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

    /// <summary>Activities of the given users on the Helsinki days from <paramref name="from"/> to <paramref name="to"/> (inclusive).</summary>
    public async Task<IReadOnlyList<CalendarEntry>> GetEntriesAsync(IReadOnlyCollection<int> userIds, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        if (userIds.Count == 0) return [];
        var ids = userIds.ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var data = await db.Activities.AsNoTracking()
            .Where(a => a.LocalDate >= from && a.LocalDate <= to && a.Participants.Any(p => ids.Contains(p.UserId)))
            .OrderBy(a => a.StartsAtUtc).ThenBy(a => a.Id).Take(2000)
            .Select(a => new
            {
                a.Id, a.StartsAtUtc, a.DurationMinutes, a.Title, TypeName = (CoreText.ReaderIsEnglish ? a.Type!.NameEn ?? a.Type!.Name : a.Type!.Name), a.Type.Color, a.Status,
                NeedsResolution = (bool?)a.Keyword!.NeedsResolution, CustomerName = a.Customer!.Name,
                Participants = a.Participants.Select(p => p.User!.DisplayName).ToList(), a.Version,
            }).ToListAsync(ct);
        return data.Select(a => new CalendarEntry(a.Id, HelsinkiTime.ToLocal(a.StartsAtUtc), a.DurationMinutes, a.Title, a.TypeName, a.Color,
            a.Status, a.NeedsResolution ?? false, a.CustomerName, a.Participants.Order().ToList(), a.Version)).ToList();
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
        var from = now - FeedPast;
        var to = now + FeedFuture;
        var events = await db.Activities.AsNoTracking()
            .Where(a => a.StartsAtUtc >= from && a.StartsAtUtc <= to && a.Participants.Any(p => p.UserId == owner.Id))
            .OrderBy(a => a.StartsAtUtc)
            .Select(a => new IcsEvent(a.Id, a.StartsAtUtc, a.DurationMinutes, a.Title, a.Memo, (CoreText.ReaderIsEnglish ? a.Type!.NameEn ?? a.Type!.Name : a.Type!.Name), a.Customer!.Name,
                a.Status, a.UpdatedAtUtc, a.CreatedAtUtc))
            .ToListAsync(ct);
        return IcsWriter.Write(CoreText.Get("CalendarFeedName", owner.DisplayName), events, now);
    }

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
