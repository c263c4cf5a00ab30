using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portaali.Core.Calendar;
using Portaali.Core.Data;

namespace Portaali.Core.Usage;

/// <summary>Writes the usage report's records: a sign-in, and the first use of a day. Recording is best effort: a failure
/// is logged and swallowed, since a person must never be kept out because a statistic could not be written.</summary>
public class UsageRecorder(IDbContextFactory<PortaaliDbContext> dbFactory, TimeProvider clock, ILogger<UsageRecorder> logger)
{
    // The (user, Helsinki day) pairs this process has written: one write per user per day, not per page or circuit.
    private readonly object gate = new();
    private DateOnly rememberedDay;
    private HashSet<int> rememberedUsers = [];

    /// <summary>One sign-in of the user now (UTC time and its Helsinki date); the day counts as active too.</summary>
    public async Task RecordSignInAsync(int userId, CancellationToken ct = default)
    {
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.SignInRecords.Add(new SignInRecord { UserId = userId, AtUtc = now, LocalDate = DateOnly.FromDateTime(HelsinkiTime.ToLocal(now)) });
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "The sign-in of user {UserId} was not recorded for the usage report", userId);
        }
        await MarkActiveAsync(userId, ct);
    }

    /// <summary>Marks today (Helsinki) as an active day of the user, once per user and day in this process.</summary>
    public async Task MarkActiveAsync(int userId, CancellationToken ct = default)
    {
        var today = HelsinkiTime.Today(clock);
        lock (gate)
        {
            if (today != rememberedDay)
            {
                rememberedDay = today;
                rememberedUsers = [];
            }
            if (rememberedUsers.Contains(userId)) return;
        }
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            // Another process (or a restart) may have written the day already: the key makes the second write a no-op.
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO \"UserActiveDays\" (\"UserId\", \"Date\") VALUES ({userId}, {today}) ON CONFLICT DO NOTHING", ct);
            lock (gate)
                if (today == rememberedDay) rememberedUsers.Add(userId);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "The active day of user {UserId} was not recorded for the usage report", userId);
        }
    }
}

/// <summary>Deletes usage records older than the report needs (<see cref="KeptYears"/> years), run nightly.</summary>
public class UsageRetention(IDbContextFactory<PortaaliDbContext> dbFactory, TimeProvider clock, ILogger<UsageRetention> logger)
{
    /// <summary>The report is made twice a year and compared with earlier years; three years is plenty.</summary>
    public const int KeptYears = 3;

    /// <summary>Removes sign-ins and active days dated before the same day <see cref="KeptYears"/> years ago; returns the
    /// number of rows removed.</summary>
    public async Task<int> RemoveOldAsync(CancellationToken ct = default)
    {
        var cutoff = HelsinkiTime.Today(clock).AddYears(-KeptYears);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var signIns = await db.SignInRecords.Where(s => s.LocalDate < cutoff).ExecuteDeleteAsync(ct);
        var days = await db.UserActiveDays.Where(d => d.Date < cutoff).ExecuteDeleteAsync(ct);
        if (signIns + days > 0)
            logger.LogInformation("Usage retention removed {SignIns} sign-ins and {Days} active days before {Cutoff}", signIns, days, cutoff);
        return signIns + days;
    }
}
