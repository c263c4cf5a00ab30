using Microsoft.EntityFrameworkCore;
using Portaali.Core.Calendar;
using Portaali.Core.Seeding;
using Portaali.Core.Usage;
using Portaali.Core.Users;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Seeding;

/// <summary>The demo base's generated usage history agrees with its activities, so a fresh demo shows a living report.</summary>
[Collection(SeededDatabaseCollection.Name)]
public class UsageDemoSeedTests(SeededDatabase seeded)
{
    private CoreHarness H => seeded.H;

    [Fact]
    public async Task Every_day_someone_logged_an_activity_is_an_active_day_of_theirs()
    {
        await using var db = H.Db();
        var today = HelsinkiTime.Today(TimeProvider.System);
        var firstUtc = HelsinkiTime.ToUtc(today.AddDays(-60));
        var todayUtc = HelsinkiTime.ToUtc(today);
        var logged = (await db.Activities.Where(a => a.CreatedAtUtc >= firstUtc && a.CreatedAtUtc < todayUtc)
                .Select(a => new { a.CreatedByUserId, a.CreatedAtUtc }).ToListAsync())
            .Select(a => (a.CreatedByUserId, DateOnly.FromDateTime(HelsinkiTime.ToLocal(a.CreatedAtUtc)))).ToHashSet();
        var active = (await db.UserActiveDays.Select(d => new { d.UserId, d.Date }).ToListAsync()).Select(d => (d.UserId, d.Date)).ToHashSet();

        Assert.NotEmpty(logged);
        Assert.Empty(logged.Except(active));
        Assert.All(active, d => Assert.True(d.Date < today && d.Date >= today.AddDays(-UsageDemoData.Days)));
    }

    [Fact]
    public async Task The_report_of_the_last_months_shows_the_customer_team_busiest()
    {
        await H.SignInAsAsync(UserGroup.Administrator); // the seeded one: the shared base must keep its 46 users
        var today = HelsinkiTime.Today(TimeProvider.System);

        var report = await H.Service<UsageReportService>().ReportAsync(today.AddMonths(-6), today);

        var accountManagers = report.Groups.Single(g => g.Group == UserGroup.AccountManager);
        var projectStaff = report.Groups.Single(g => g.Group == UserGroup.ProjectOperations);
        Assert.Equal(accountManagers.Users, accountManagers.ActiveUsers);
        Assert.True(accountManagers.Counts.Activities > 0);
        Assert.InRange(accountManagers.Counts.SignIns, accountManagers.Counts.ActiveDays * 7 / 10, accountManagers.Counts.ActiveDays * 14 / 10);
        Assert.True((double)accountManagers.Counts.ActiveDays / accountManagers.Users > (double)projectStaff.Counts.ActiveDays / projectStaff.Users);
        Assert.Equal(7, report.Months.Count);
    }
}
