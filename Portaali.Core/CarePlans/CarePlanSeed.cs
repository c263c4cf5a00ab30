using Microsoft.EntityFrameworkCore;
using Portaali.Core.Activities;
using Portaali.Core.Calendar;
using Portaali.Core.Data;
using Portaali.Core.Segments;
using Portaali.Core.Users;

namespace Portaali.Core.CarePlans;

/// <summary>Makes sure the plans of thesis tables 5 and 6 exist, on every start: the two meeting keywords the A plan
/// counts, a plan per segment, and a plan per customer group whose node exists. A plan that exists is never touched
/// again (the customer team keeps it from then on), so running it twice adds nothing.</summary>
public static class CarePlanSeed
{
    public const string SeedAuthor = "Portaali";

    public static async Task EnsureAsync(PortaaliDbContext db, TimeProvider clock, CancellationToken ct = default)
    {
        await EnsureKeywordsAsync(db, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var reviewOn = CarePlanRules.NextYearlyReview(HelsinkiTime.Today(clock));
        var types = await db.ActivityTypes.Where(t => t.SystemKey != null).ToDictionaryAsync(t => t.SystemKey!, t => t.Id, ct);
        var keywords = await db.ActivityKeywords.Where(k => k.SystemKey != null).ToDictionaryAsync(k => k.SystemKey!, k => k.Id, ct);
        var salesManager = await db.Users.Where(u => u.Group == UserGroup.SalesAndMarketing && u.IsActive).OrderBy(u => u.Id)
            .Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);

        var segmentsWithPlan = await db.CarePlans.Where(p => p.Segment != null).Select(p => p.Segment!.Value).ToListAsync(ct);
        foreach (var (segment, content) in CarePlanSeedContent.Segments.Where(s => !segmentsWithPlan.Contains(s.Key)))
            db.CarePlans.Add(new CarePlan
            {
                Scope = CarePlanScope.Segment, Segment = segment,
                Versions = [FirstVersion(content, "Opinnäytetyön taulukko 6 (thesis table 6)", now, reviewOn, types, keywords, salesManager)],
            });

        var groupKeys = CarePlanSeedContent.Groups.Keys.ToList();
        var groups = await db.ClassificationNodes
            .Where(n => n.Parent!.SystemKey == CarePlanRules.CustomerGroupsKey && groupKeys.Contains(n.SystemKey!))
            .Where(n => !db.CarePlans.Any(p => p.CustomerGroupId == n.Id))
            .Select(n => new { n.Id, n.SystemKey }).ToListAsync(ct);
        foreach (var group in groups)
            db.CarePlans.Add(new CarePlan
            {
                Scope = CarePlanScope.CustomerGroup, CustomerGroupId = group.Id,
                Versions = [FirstVersion(CarePlanSeedContent.Groups[group.SystemKey!], "Opinnäytetyön taulukko 5 (thesis table 5)", now, reviewOn,
                    types, keywords, salesManager)],
            });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The keywords "Johdon katselmus" and "Yhteiskehittäminen" of the meeting type, by system key; a keyword of
    /// that name an installation already made for meetings is adopted rather than doubled.</summary>
    private static async Task EnsureKeywordsAsync(PortaaliDbContext db, CancellationToken ct)
    {
        var meeting = await db.ActivityTypes.Where(t => t.SystemKey == ActivityReferenceData.Meeting).Select(t => (int?)t.Id).FirstOrDefaultAsync(ct);
        if (meeting is not { } meetingId) return;
        foreach (var (key, name) in new[] { (ActivityReferenceData.ManagementReview, "Johdon katselmus"), (ActivityReferenceData.CoDevelopment, "Yhteiskehittäminen") })
        {
            if (await db.ActivityKeywords.AnyAsync(k => k.SystemKey == key, ct)) continue;
            var same = await db.ActivityKeywords.FirstOrDefaultAsync(k => k.ActivityTypeId == meetingId && k.Name == name && k.SystemKey == null, ct);
            if (same is not null) same.SystemKey = key;
            else db.ActivityKeywords.Add(new ActivityKeyword { ActivityTypeId = meetingId, Name = name, SystemKey = key });
        }
        await db.SaveChangesAsync(ct);
    }

    private static CarePlanVersion FirstVersion(SeedPlan content, string note, DateTime now, DateOnly reviewOn,
        Dictionary<string, int> types, Dictionary<string, int> keywords, int? salesManager) => new()
    {
        Number = 1, State = CarePlanVersionState.Active,
        CareFi = CarePlanSeedContent.Text(content.CareFi), CareEn = CarePlanSeedContent.Text(content.CareEn),
        InternalFi = CarePlanSeedContent.Text(content.InternalFi), InternalEn = CarePlanSeedContent.Text(content.InternalEn),
        ResponsibleFi = content.ResponsibleFi, ResponsibleEn = content.ResponsibleEn,
        ResponsibleUserId = content.SalesManagerResponsible ? salesManager : null,
        ReviewOn = reviewOn, MaxContactGapDays = content.MaxGapDays, PlannedContactCounts = content.PlannedContactCounts,
        ContactTypes = [.. (content.ContactTypes ?? []).Where(types.ContainsKey).Select(k => new CarePlanContactType { ActivityTypeId = types[k] })],
        Requirements = [.. (content.Requirements ?? [])
            .Where(r => types.ContainsKey(r.TypeKey) && (r.KeywordKey is null || keywords.ContainsKey(r.KeywordKey)))
            .Select(r => new CarePlanRequirement
            {
                ActivityTypeId = types[r.TypeKey], KeywordId = r.KeywordKey is null ? null : keywords[r.KeywordKey],
                PerYear = r.PerYear, LabelFi = r.LabelFi, LabelEn = r.LabelEn,
            })],
        ChangeNote = note, CreatedAt = now, CreatedByName = SeedAuthor, ActiveFrom = now, DecidedAt = null,
    };
}
