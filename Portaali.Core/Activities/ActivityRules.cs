using Portaali.Core.Common;

namespace Portaali.Core.Activities;

/// <summary>The rules of an activity that need no database: validation, default status, resolving negative feedback.</summary>
public static class ActivityRules
{
    public const int MaxTitle = 200;
    public const int MaxMemo = 20_000;
    public const int MaxDurationMinutes = 24 * 60;

    public static IReadOnlyList<FieldError> Validate(ActivityEdit edit, TypeOption? type, KeywordOption? keyword)
    {
        var errors = new List<FieldError>();
        if (type is null) errors.Add(new("TypeId", CoreText.Get("ActivityTypeRequired")));
        else if (type.RequiresCustomer && edit.CustomerId is null) errors.Add(new("CustomerId", CoreText.Get("ActivityCustomerRequired", type.Name)));
        if (keyword is not null && keyword.TypeId != edit.TypeId) errors.Add(new("KeywordId", CoreText.Get("ActivityKeywordWrongType")));
        if (string.IsNullOrWhiteSpace(edit.Title)) errors.Add(new("Title", CoreText.Get("ActivityTitleRequired")));
        else if (edit.Title.Trim().Length > MaxTitle) errors.Add(new("Title", CoreText.Get("ActivityTitleTooLong", MaxTitle)));
        if (edit.Date is null) errors.Add(new("Date", CoreText.Get("ActivityDateRequired")));
        else if (edit.Date.Value.Year is < 2000 or > 2100) errors.Add(new("Date", CoreText.Get("ActivityDateOutOfRange")));
        if (edit.StartTime is { } t && (t < TimeSpan.Zero || t >= TimeSpan.FromDays(1))) errors.Add(new("StartTime", CoreText.Get("ActivityTimeInvalid")));
        if (edit.DurationMinutes is < 0 or > MaxDurationMinutes) errors.Add(new("DurationMinutes", CoreText.Get("ActivityDurationInvalid")));
        if (edit.Memo is { Length: > MaxMemo }) errors.Add(new("Memo", CoreText.Get("ActivityMemoTooLong", MaxMemo)));
        if (edit.ContactIds.Count > 0 && edit.CustomerId is null) errors.Add(new("ContactIds", CoreText.Get("ActivityContactsNeedCustomer")));
        return errors;
    }

    /// <summary>A future activity and negative feedback start open (Hoitamatta); work already done is OK.</summary>
    public static ActivityStatus DefaultStatus(DateTime startsLocal, DateTime nowLocal, bool needsResolution) =>
        needsResolution || startsLocal > nowLocal ? ActivityStatus.Open : ActivityStatus.Done;

    /// <summary>Closing negative feedback asks for a short note of how it was resolved.</summary>
    public static FieldError? CheckResolution(ActivityStatus from, ActivityStatus to, bool needsResolution, string? note) =>
        needsResolution && to == ActivityStatus.Done && from != ActivityStatus.Done && string.IsNullOrWhiteSpace(note)
            ? new FieldError("ResolutionNote", CoreText.Get("ActivityResolutionNoteRequired"))
            : null;

    /// <summary>The type is chosen at creation and cannot be changed afterwards.</summary>
    public static void EnsureTypeUnchanged(int storedTypeId, int requestedTypeId)
    {
        if (storedTypeId != requestedTypeId) throw new DomainException(CoreText.Get("ActivityTypeImmutable"));
    }

    public static string SearchForm(string title, string? memo) =>
        (title + "\n" + memo).ToLowerInvariant();

    /// <summary>Search words of a free-text filter, each matched with LIKE; wildcards typed by the user are taken literally out.</summary>
    public static IReadOnlyList<string> SearchWords(string? text) =>
        string.IsNullOrWhiteSpace(text) ? []
            : text.ToLowerInvariant().Replace("%", " ").Replace("_", " ")
                .Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().Take(8).ToList();

    public static string? Excerpt(string? memo, int length = 140)
    {
        if (string.IsNullOrWhiteSpace(memo)) return null;
        var flat = string.Join(' ', memo.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return flat.Length <= length ? flat : flat[..length] + "…";
    }
}
