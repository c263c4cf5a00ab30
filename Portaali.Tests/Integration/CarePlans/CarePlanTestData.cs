using Microsoft.EntityFrameworkCore;
using Portaali.Core.Activities;
using Portaali.Core.Calendar;
using Portaali.Core.CarePlans;
using Portaali.Core.Data;
using Portaali.Core.Segments;

namespace Portaali.Tests.Integration.CarePlans;

/// <summary>Care plans written straight into the database as the plans helper's seed will give them (until that branch is
/// merged there are no seeded plans), and activities dated in Helsinki time.</summary>
public static class CarePlanTestData
{
    public static readonly int Visit = TypeId(ActivityReferenceData.Visit), Call = TypeId(ActivityReferenceData.Call),
        Email = TypeId(ActivityReferenceData.Email), Meeting = TypeId(ActivityReferenceData.Meeting),
        CustomerWork = TypeId(ActivityReferenceData.CustomerWork), SteeringGroup = TypeId(ActivityReferenceData.SteeringGroup);

    public static readonly int[] ContactTypes = [Visit, Call, Email, Meeting, CustomerWork, SteeringGroup];

    private static int TypeId(string key) => ActivityReferenceData.Types.Single(t => t.SystemKey == key).Id;

    /// <summary>The meeting keywords the care plans count by; the activities helper ensures them at start-up.</summary>
    public static async Task<(int Review, int CoDevelopment)> EnsureKeywordsAsync(PortaaliDbContext db)
    {
        async Task<int> Ensure(string key, string name)
        {
            var existing = await db.ActivityKeywords.FirstOrDefaultAsync(k => k.SystemKey == key);
            if (existing is not null) return existing.Id;
            var keyword = new ActivityKeyword { ActivityTypeId = Meeting, Name = name, SystemKey = key };
            db.ActivityKeywords.Add(keyword);
            await db.SaveChangesAsync();
            return keyword.Id;
        }
        return (await Ensure(ActivityReferenceData.ManagementReview, "Johdon katselmus"),
            await Ensure(ActivityReferenceData.CoDevelopment, "Yhteiskehittäminen"));
    }

    /// <summary>A: at most 7 days between contacts; a management review and two co-development meetings a year.</summary>
    public static async Task<CarePlanVersion> AddPlanAAsync(PortaaliDbContext db, bool withRequirements = true)
    {
        var (review, coDevelopment) = await EnsureKeywordsAsync(db);
        return await AddPlanAsync(db, new CarePlan { Scope = CarePlanScope.Segment, Segment = Segment.A }, 7, v =>
        {
            if (!withRequirements) return;
            v.Requirements.Add(new CarePlanRequirement { ActivityTypeId = Meeting, KeywordId = review, PerYear = 1, LabelFi = "johdon katselmus", LabelEn = "management review" });
            v.Requirements.Add(new CarePlanRequirement { ActivityTypeId = Meeting, KeywordId = coDevelopment, PerYear = 2, LabelFi = "yhteiskehittämispalaveri", LabelEn = "co-development meeting" });
        });
    }

    public static Task<CarePlanVersion> AddSegmentPlanAsync(PortaaliDbContext db, Segment segment, int? gap, Action<CarePlanVersion>? configure = null) =>
        AddPlanAsync(db, new CarePlan { Scope = CarePlanScope.Segment, Segment = segment }, gap, configure);

    /// <summary>Potential: a planned or done contact every 30 days, the sales and marketing manager responsible.</summary>
    public static Task<CarePlanVersion> AddPotentialPlanAsync(PortaaliDbContext db, int responsibleUserId) =>
        AddSegmentPlanAsync(db, Segment.Potential, 30, v => { v.PlannedContactCounts = true; v.ResponsibleUserId = responsibleUserId; });

    public static Task<CarePlanVersion> AddGroupPlanAsync(PortaaliDbContext db, int groupNodeId, int gap) =>
        AddPlanAsync(db, new CarePlan { Scope = CarePlanScope.CustomerGroup, CustomerGroupId = groupNodeId }, gap, null);

    private static async Task<CarePlanVersion> AddPlanAsync(PortaaliDbContext db, CarePlan plan, int? gap, Action<CarePlanVersion>? configure)
    {
        var version = new CarePlanVersion
        {
            Number = 1, State = CarePlanVersionState.Active, MaxContactGapDays = gap, ReviewOn = new DateOnly(2026, 12, 1),
            CareFi = "Hoito", CareEn = "Care", CreatedAt = new DateTime(2026, 1, 1), ActiveFrom = new DateTime(2026, 1, 1),
        };
        if (gap is not null) version.ContactTypes.AddRange(ContactTypes.Select(t => new CarePlanContactType { ActivityTypeId = t }));
        configure?.Invoke(version);
        plan.Versions.Add(version);
        db.CarePlans.Add(plan);
        await db.SaveChangesAsync();
        return version;
    }

    /// <summary>An activity at a Helsinki wall-clock time, with its local date and ISO week as the activity service stores them.</summary>
    public static async Task<Activity> AddActivityAsync(PortaaliDbContext db, int customerId, int typeId, DateTime helsinki,
        ActivityStatus status = ActivityStatus.Done, int? keywordId = null)
    {
        var date = DateOnly.FromDateTime(helsinki);
        var week = IsoWeek.Of(date);
        var activity = new Activity
        {
            CustomerId = customerId, ActivityTypeId = typeId, KeywordId = keywordId, Title = "Yhteydenotto",
            StartsAtUtc = HelsinkiTime.ToUtc(helsinki), DurationMinutes = 30, LocalDate = date, IsoYear = week.Year, IsoWeek = week.Week,
            Status = status, CreatedByName = "Testi", CreatedAtUtc = HelsinkiTime.ToUtc(helsinki), UpdatedAtUtc = HelsinkiTime.ToUtc(helsinki),
        };
        db.Activities.Add(activity);
        await db.SaveChangesAsync();
        return activity;
    }
}
