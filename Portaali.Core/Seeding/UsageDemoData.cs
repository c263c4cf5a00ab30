using Microsoft.EntityFrameworkCore;
using Portaali.Core.Calendar;
using Portaali.Core.Data;
using Portaali.Core.Usage;
using Portaali.Core.Users;

namespace Portaali.Core.Seeding;

/// <summary>
/// A generated usage history for the demo base, so the usage report is alive on first start: about eight months of sign-ins
/// and active days up to yesterday. A day on which a user logged an activity or made an offer is always active; other
/// working days are active by a chance that depends on the group (the customer team every day, project staff now and then),
/// and July is quiet. The same seed and the same day give the same history.
/// </summary>
internal sealed class UsageDemoData(PortaaliDbContext db, int seed, DateOnly today)
{
    public const int Days = 240;

    private readonly Random random = new(seed * 53 + 11);

    private static double Chance(UserGroup group) => group switch
    {
        UserGroup.Administrator => 0.9,
        UserGroup.AccountManager or UserGroup.CustomerRelationshipManager => 0.85,
        UserGroup.SalesAndMarketing => 0.8,
        UserGroup.DeputyAdministrator => 0.6,
        UserGroup.Management => 0.55,
        UserGroup.Communications or UserGroup.ProductManager => 0.5,
        UserGroup.RegionalCoordinator => 0.45,
        UserGroup.ServiceOperations => 0.4,
        UserGroup.PedagogicalManager => 0.35,
        UserGroup.ProjectOperations => 0.3,
        UserGroup.InnoOmnia => 0.25,
        _ => 0.2,
    };

    public async Task SeedAsync(CancellationToken ct)
    {
        var first = today.AddDays(-Days);
        var firstUtc = HelsinkiTime.ToUtc(first);
        var todayUtc = HelsinkiTime.ToUtc(today);
        var users = await db.Users.OrderBy(u => u.Id).Select(u => new { u.Id, u.Group }).ToListAsync(ct);
        // The days people did something the report counts: those days they certainly used Portaali.
        var worked = (await db.Activities.Where(a => a.CreatedAtUtc >= firstUtc && a.CreatedAtUtc < todayUtc)
                .Select(a => new { UserId = a.CreatedByUserId, a.CreatedAtUtc }).ToListAsync(ct))
            .Concat(await db.Offers.Where(o => o.CreatedAtUtc >= firstUtc && o.CreatedAtUtc < todayUtc)
                .Select(o => new { UserId = o.AccountManagerId, o.CreatedAtUtc }).ToListAsync(ct))
            .Select(w => (w.UserId, DateOnly.FromDateTime(HelsinkiTime.ToLocal(w.CreatedAtUtc)))).ToHashSet();

        var days = new List<UserActiveDay>();
        var signIns = new List<SignInRecord>();
        foreach (var user in users)
        {
            var personal = 0.6 + random.NextDouble() * 0.6;
            for (var date = first; date < today; date = date.AddDays(1))
            {
                var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
                var chance = weekend ? 0.02 : Math.Min(0.97, Chance(user.Group) * personal * (date.Month == 7 ? 0.3 : 1));
                var roll = random.NextDouble();
                if (!worked.Contains((user.Id, date)) && roll >= chance) continue;
                days.Add(new UserActiveDay { UserId = user.Id, Date = date });
                // The sign-in cookie lasts a working day: mostly one sign-in, now and then a second (another browser), and
                // sometimes none (yesterday's cookie still valid in the morning).
                var signInsToday = random.NextDouble() switch { < 0.08 => 0, < 0.88 => 1, _ => 2 };
                for (var i = 0; i < signInsToday; i++)
                {
                    var local = date.ToDateTime(new TimeOnly(7, 30)).AddMinutes(random.Next(0, 150) + i * random.Next(180, 420));
                    signIns.Add(new SignInRecord { Id = signIns.Count + 1, UserId = user.Id, AtUtc = HelsinkiTime.ToUtc(local), LocalDate = date });
                }
            }
        }
        await SeedInserts.InsertAsync(db, days, ct);
        await SeedInserts.InsertAsync(db, signIns, ct);
    }
}
