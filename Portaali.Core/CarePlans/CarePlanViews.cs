using Microsoft.EntityFrameworkCore;
using Portaali.Core.Common;
using Portaali.Core.Data;

namespace Portaali.Core.CarePlans;

/// <summary>Reads versions in full (texts, rules with their type and keyword names, the responsible person) for the
/// few versions a page shows, in four small queries rather than one wide join.</summary>
internal static class CarePlanViews
{
    public static async Task<IReadOnlyDictionary<int, CarePlanVersionView>> LoadAsync(PortaaliDbContext db, IReadOnlyCollection<int> versionIds, CancellationToken ct)
    {
        if (versionIds.Count == 0) return new Dictionary<int, CarePlanVersionView>();
        var ids = versionIds.ToList();
        var versions = await db.CarePlanVersions.AsNoTracking().Where(v => ids.Contains(v.Id)).ToListAsync(ct);
        var types = await db.ActivityTypes.AsNoTracking().Select(t => new { t.Id, Name = CoreText.ReaderIsEnglish ? t.NameEn ?? t.Name : t.Name, t.SortOrder }).ToDictionaryAsync(t => t.Id, ct);
        var contactTypes = (await db.CarePlanContactTypes.AsNoTracking().Where(c => ids.Contains(c.CarePlanVersionId)).ToListAsync(ct))
            .ToLookup(c => c.CarePlanVersionId, c => c.ActivityTypeId);
        var requirements = (await db.CarePlanRequirements.AsNoTracking().Where(r => ids.Contains(r.CarePlanVersionId)).OrderBy(r => r.Id)
                .Select(r => new { r.CarePlanVersionId, r.ActivityTypeId, r.KeywordId, Keyword = db.ActivityKeywords.Where(k => k.Id == r.KeywordId).Select(k => CoreText.ReaderIsEnglish ? k.NameEn ?? k.Name : k.Name).FirstOrDefault(), r.PerYear, r.LabelFi, r.LabelEn })
                .ToListAsync(ct))
            .ToLookup(r => r.CarePlanVersionId);
        var userIds = versions.Where(v => v.ResponsibleUserId != null).Select(v => v.ResponsibleUserId!.Value).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);

        string TypeName(int id) => types.TryGetValue(id, out var t) ? t.Name : "?";
        return versions.ToDictionary(v => v.Id, v => new CarePlanVersionView(v.Id, v.Number, v.State, v.CareFi, v.CareEn, v.InternalFi,
            v.InternalEn, v.ResponsibleFi, v.ResponsibleEn, v.ResponsibleUserId,
            v.ResponsibleUserId is { } u ? users.GetValueOrDefault(u) : null, v.ReviewOn,
            new CarePlanRulesView(v.MaxContactGapDays, v.PlannedContactCounts,
                [.. contactTypes[v.Id].OrderBy(id => types.TryGetValue(id, out var t) ? t.SortOrder : int.MaxValue).Select(id => new CarePlanTypeRef(id, TypeName(id)))],
                [.. requirements[v.Id].Select(r => new CarePlanRequirementView(r.ActivityTypeId, TypeName(r.ActivityTypeId), r.KeywordId, r.Keyword,
                    r.PerYear, r.LabelFi, r.LabelEn))]),
            v.ChangeNote, v.CreatedAt, v.CreatedByName, v.ActiveFrom, v.DecidedAt, v.DecidedByName, v.DecisionNote));
    }
}
