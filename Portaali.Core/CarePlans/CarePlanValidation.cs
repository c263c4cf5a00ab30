using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portaali.Core.Common;
using Portaali.Core.Data;

namespace Portaali.Core.CarePlans;

/// <summary>Checks a typed plan change and reads its numbers in the UI culture; every problem comes back at once, by field.</summary>
public static class CarePlanValidation
{
    public const int MaxGapDays = 365, MaxPerYear = 52, MaxShortText = 200, MaxNote = 1000;

    /// <summary>A checked change, numbers read and texts trimmed, ready to become a version.</summary>
    public sealed record Checked(int? MaxContactGapDays, IReadOnlyList<int> ContactTypeIds, IReadOnlyList<CarePlanRequirement> Requirements);

    public static async Task<Checked> CheckAsync(PortaaliDbContext db, CarePlanEdit edit, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(edit.CareFi)) errors.Add(new(nameof(edit.CareFi), CoreText.Get("CarePlanCareFiRequired")));
        if (edit.ReviewOn is null) errors.Add(new(nameof(edit.ReviewOn), CoreText.Get("CarePlanReviewRequired")));
        Length(errors, nameof(edit.ResponsibleFi), edit.ResponsibleFi, MaxShortText);
        Length(errors, nameof(edit.ResponsibleEn), edit.ResponsibleEn, MaxShortText);
        Length(errors, nameof(edit.ChangeNote), edit.ChangeNote, MaxNote);

        int? gap = null;
        if (!string.IsNullOrWhiteSpace(edit.MaxContactGapDays))
        {
            if (!TryWhole(edit.MaxContactGapDays, out var days))
                errors.Add(new(nameof(edit.MaxContactGapDays), CoreText.Get("CarePlanGapNotWhole")));
            else if (days is < 1 or > MaxGapDays)
                errors.Add(new(nameof(edit.MaxContactGapDays), CoreText.Get("CarePlanGapRange", MaxGapDays)));
            else gap = days;
        }

        var types = await db.ActivityTypes.AsNoTracking().Select(t => new { t.Id, t.IsRetired }).ToDictionaryAsync(t => t.Id, t => t.IsRetired, ct);
        var contactTypes = edit.ContactTypeIds.Distinct().ToList();
        if (contactTypes.Any(id => !types.ContainsKey(id)))
            errors.Add(new(nameof(edit.ContactTypeIds), CoreText.Get("CarePlanTypeUnknown")));
        else if (!string.IsNullOrWhiteSpace(edit.MaxContactGapDays) && contactTypes.Count == 0)
            errors.Add(new(nameof(edit.ContactTypeIds), CoreText.Get("CarePlanContactTypesRequired")));

        var keywords = await db.ActivityKeywords.AsNoTracking().Select(k => new { k.Id, k.ActivityTypeId }).ToDictionaryAsync(k => k.Id, k => k.ActivityTypeId, ct);
        var requirements = new List<CarePlanRequirement>();
        for (var i = 0; i < edit.Requirements.Count; i++)
        {
            var r = edit.Requirements[i];
            var field = $"{nameof(edit.Requirements)}[{i}].";
            if (r.ActivityTypeId is not { } typeId || !types.ContainsKey(typeId))
                errors.Add(new(field + nameof(r.ActivityTypeId), CoreText.Get("CarePlanRequirementTypeRequired")));
            else if (r.KeywordId is { } keywordId && (!keywords.TryGetValue(keywordId, out var ofType) || ofType != typeId))
                errors.Add(new(field + nameof(r.KeywordId), CoreText.Get("CarePlanKeywordNotOfType")));
            var perYear = 0;
            if (string.IsNullOrWhiteSpace(r.PerYear) || !TryWhole(r.PerYear, out perYear))
                errors.Add(new(field + nameof(r.PerYear), CoreText.Get("CarePlanPerYearNotWhole")));
            else if (perYear is < 1 or > MaxPerYear)
                errors.Add(new(field + nameof(r.PerYear), CoreText.Get("CarePlanPerYearRange", MaxPerYear)));
            if (string.IsNullOrWhiteSpace(r.LabelFi)) errors.Add(new(field + nameof(r.LabelFi), CoreText.Get("CarePlanLabelRequired")));
            Length(errors, field + nameof(r.LabelFi), r.LabelFi, MaxShortText);
            Length(errors, field + nameof(r.LabelEn), r.LabelEn, MaxShortText);
            requirements.Add(new CarePlanRequirement
            {
                ActivityTypeId = r.ActivityTypeId ?? 0, KeywordId = r.KeywordId, PerYear = perYear,
                LabelFi = r.LabelFi.Trim(), LabelEn = r.LabelEn.Trim(),
            });
        }

        if (edit.ResponsibleUserId is { } userId && !await db.Users.AnyAsync(u => u.Id == userId && u.IsActive, ct))
            errors.Add(new(nameof(edit.ResponsibleUserId), CoreText.Get("CarePlanResponsibleUnknown")));
        if (errors.Count > 0) throw new ValidationFailedException(errors);
        return new Checked(gap, contactTypes, requirements);
    }

    /// <summary>A whole number as people type it in the UI language: "7" and " 7 " read, "7,0" or "7.5" do not.</summary>
    public static bool TryWhole(string? text, out int value) =>
        int.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.CurrentCulture, out value);

    private static void Length(List<FieldError> errors, string field, string? text, int max)
    {
        if ((text?.Trim().Length ?? 0) > max) errors.Add(new(field, CoreText.Get("CarePlanTooLong", max)));
    }
}
