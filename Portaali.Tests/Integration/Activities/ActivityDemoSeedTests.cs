using Microsoft.EntityFrameworkCore;
using Portaali.Core.Activities;
using Portaali.Core.Calendar;
using Portaali.Core.Users;
using Portaali.Tests.Integration.Seeding;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Activities;

[Collection(SeededDatabaseCollection.Name)]
public class ActivityDemoSeedTests
{
    private readonly CoreHarness h;

    public ActivityDemoSeedTests(SeededDatabase seeded) : this(seeded.H) { }

    /// <summary>For the PostgreSQL twin, over its own demo base.</summary>
    protected ActivityDemoSeedTests(CoreHarness h) => this.h = h;

    [Fact]
    public async Task Every_account_manager_has_work_this_week_and_visits_planned_ahead()
    {
        await using var db = h.Db();
        var week = IsoWeek.Of(HelsinkiTime.Today(TimeProvider.System));
        var managers = await db.Users.Where(u => u.Group == UserGroup.AccountManager).Select(u => u.Id).ToListAsync();
        foreach (var id in managers)
        {
            Assert.True(await db.ActivityParticipants.AnyAsync(p => p.UserId == id && p.Activity!.IsoYear == week.Year && p.Activity.IsoWeek == week.Week));
            Assert.True(await db.ActivityParticipants.AnyAsync(p => p.UserId == id && p.Activity!.Status == ActivityStatus.Open
                && p.Activity.StartsAtUtc > DateTime.UtcNow && p.Activity.Type!.SystemKey == ActivityReferenceData.Visit));
        }
    }

    [Fact]
    public async Task Some_negative_feedback_is_still_open_and_older_ones_resolved_with_a_note()
    {
        await using var db = h.Db();
        var negative = db.Activities.Where(a => a.Keyword!.SystemKey == ActivityReferenceData.NegativeFeedback);
        Assert.True(await negative.AnyAsync(a => a.Status == ActivityStatus.Open));
        Assert.True(await negative.Where(a => a.Status == ActivityStatus.Done).AllAsync(a => a.ResolutionNote != null));
        Assert.InRange(await db.Activities.CountAsync(), 800, 5000);
    }
}
