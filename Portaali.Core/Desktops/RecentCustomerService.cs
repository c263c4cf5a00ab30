using Microsoft.EntityFrameworkCore;
using Portaali.Core.Data;
using Portaali.Core.Security;

namespace Portaali.Core.Desktops;

/// <summary>A customer the user opened lately, newest first.</summary>
public record RecentCustomerRow(int CustomerId, string Name, bool IsPassive, DateTime OpenedAtUtc);

/// <summary>The customers each user opened lately: recorded when the customer page loads one, the latest
/// <see cref="RecentCustomer.Kept"/> kept per user, listed on the desktop's favourites widget.</summary>
public class RecentCustomerService(IDbContextFactory<PortaaliDbContext> dbFactory, AccessGuard guard, TimeProvider clock)
{
    /// <summary>Records that the signed-in user opened the customer now (one row per customer, its time moved on) and
    /// drops the user's rows beyond the latest <see cref="RecentCustomer.Kept"/>, in one transaction.</summary>
    public async Task RecordOpenedAsync(int customerId, CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // An upsert in SQL: two tabs opening the same customer at once update the one row instead of failing on its key.
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "RecentCustomers" ("UserId", "CustomerId", "OpenedAtUtc") VALUES ({actor.Id}, {customerId}, {now})
            ON CONFLICT ("UserId", "CustomerId") DO UPDATE SET "OpenedAtUtc" = excluded."OpenedAtUtc"
            """, ct);
        var stale = await db.RecentCustomers.Where(r => r.UserId == actor.Id)
            .OrderByDescending(r => r.OpenedAtUtc).ThenByDescending(r => r.CustomerId).Skip(RecentCustomer.Kept).ToListAsync(ct);
        db.RecentCustomers.RemoveRange(stale);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The signed-in user's latest opened customers, newest first.</summary>
    public async Task<IReadOnlyList<RecentCustomerRow>> ListAsync(int take, CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.RecentCustomers.AsNoTracking().Where(r => r.UserId == actor.Id)
            .OrderByDescending(r => r.OpenedAtUtc).ThenByDescending(r => r.CustomerId).Take(Math.Clamp(take, 1, RecentCustomer.Kept))
            .Join(db.Customers, r => r.CustomerId, c => c.Id, (r, c) => new RecentCustomerRow(c.Id, c.Name, c.IsPassive, r.OpenedAtUtc))
            .ToListAsync(ct);
    }

    /// <summary>A merge moves the duplicate's recent rows to the survivor: a user who opened both keeps one row with the
    /// later time (the key is user and customer); run inside the merge's transaction before the duplicate is deleted.</summary>
    internal static async Task MoveOnMergeAsync(PortaaliDbContext db, int duplicateId, int survivorId, CancellationToken ct)
    {
        var duplicates = await db.RecentCustomers.Where(r => r.CustomerId == duplicateId).ToListAsync(ct);
        if (duplicates.Count == 0) return;
        var users = duplicates.Select(r => r.UserId).ToList();
        var survivors = await db.RecentCustomers.Where(r => r.CustomerId == survivorId && users.Contains(r.UserId))
            .ToDictionaryAsync(r => r.UserId, ct);
        foreach (var row in duplicates)
        {
            if (survivors.TryGetValue(row.UserId, out var kept))
            {
                if (row.OpenedAtUtc > kept.OpenedAtUtc) kept.OpenedAtUtc = row.OpenedAtUtc;
            }
            else db.RecentCustomers.Add(new RecentCustomer { UserId = row.UserId, CustomerId = survivorId, OpenedAtUtc = row.OpenedAtUtc });
        }
        db.RecentCustomers.RemoveRange(duplicates);
        await db.SaveChangesAsync(ct);
    }
}
