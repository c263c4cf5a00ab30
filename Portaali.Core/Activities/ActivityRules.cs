using Portaali.Core.Common;

namespace Portaali.Core.Activities;

/// <summary>The rules of an activity that need no database: validation, default status, resolving negative feedback.</summary>
public static class ActivityRules
{
    public const int MaxTitle = 200;
    public const int MaxMemo = 20_000;
    public const int MaxDurationMinutes = 24 * 60;
    /// <summary>A weekly series covers at most a year ahead.</summary>
    public const int MaxRepeatWeeks = 52;

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
        if (edit.RepeatWeeks is < 0 or > MaxRepeatWeeks) errors.Add(new("RepeatWeeks", CoreText.Get("ActivityRepeatInvalid", MaxRepeatWeeks)));
        return errors;
    }

    /// <summary>The starts of a weekly series in Helsinki wall-clock time: the same weekday and time every week, so a
    /// 9.00 meeting stays at 9.00 across the summer-time change (its UTC time moves instead).</summary>
    public static IReadOnlyList<DateTime> WeeklyStarts(DateTime firstLocal, int repeatWeeks) =>
        Enumerable.Range(0, Math.Max(0, repeatWeeks) + 1).Select(k => firstLocal.AddDays(7 * k)).ToList();

    /// <summary>A future activity and negative feedback start open (Hoitamatta); work already done is OK.</summary>
    public static ActivityStatus DefaultStatus(DateTime startsLocal, DateTime nowLocal, bool needsResolution) =>
        needsResolution || startsLocal > nowLocal ? ActivityStatus.Open : ActivityStatus.Done;

    /// <summary>Closing negative feedback asks for a short note of how it was resolved.</summary>
    public static FieldError? CheckResolution(ActivityStatus from, ActivityStatus to, bool needsResolution, string? note) =>
        needsResolution && to == ActivityStatus.Done && from != ActivityStatus.Done && string.IsNullOrWhiteSpace(note)
            ? new FieldError("ResolutionNote", CoreText.Get("ActivityResolutionNoteRequired"))
            : null;

    /// <summary>Its creator may delete an activity that is not OK yet (a mistake, a visit that was called off); an OK one is
    /// history that hours and the team meeting have reported, so only an administrator removes it.</summary>
    public static bool CanDelete(bool isCreator, bool isAdministrator, ActivityStatus status) =>
        isAdministrator || isCreator && status != ActivityStatus.Done;

    /// <summary>A retired keyword is refused on new work; an activity that already has it keeps it through its edits.</summary>
    public static void EnsureKeywordInUse(KeywordOption? keyword, int? storedKeywordId)
    {
        if (keyword is { IsRetired: true } && keyword.Id != storedKeywordId)
            throw new ValidationFailedException([new("KeywordId", CoreText.Get("ActivityKeywordRetired", keyword.Name))]);
    }

    /// <summary>The type is chosen at creation and cannot be changed afterwards.</summary>
    public static void EnsureTypeUnchanged(int storedTypeId, int requestedTypeId)
    {
        if (storedTypeId != requestedTypeId) throw new DomainException(CoreText.Get("ActivityTypeImmutable"));
    }

    /// <summary>Lower-cased title and memo; searched with LIKE only for words too short for the trigram index.</summary>
    public static string SearchForm(string title, string? memo) =>
        (title + "\n" + memo).ToLowerInvariant();

    /// <summary>Shortest word the FTS5 trigram index can find; shorter words are matched with LIKE.</summary>
    public const int MinIndexedWordLength = 3;

    /// <summary>Words of a free-text filter: split at spaces and at characters that are punctuation or query syntax
    /// (quotes, brackets, *, %, _ …), so nothing the user types can act as an FTS5 operator or a LIKE wildcard.</summary>
    public static IReadOnlyList<string> SearchWords(string? text) =>
        string.IsNullOrWhiteSpace(text) ? []
            : text.Normalize(System.Text.NormalizationForm.FormC).ToLowerInvariant()
                .SplitAt(c => !IsWordChar(c))
                .Select(w => w.Trim('.', ':', '-', '/', '&', '+', '@', '#'))
                .Where(w => w.Length > 0).Distinct().Take(8).ToList();

    /// <summary>The FTS5 MATCH expression for the words the trigram index can find: each word a quoted string
    /// (a substring, so "koulu" finds "henkilöstökoulutus"), all required; null when no word is long enough.</summary>
    public static string? FullTextQuery(IEnumerable<string> words)
    {
        var indexed = words.Where(w => w.Length >= MinIndexedWordLength).Select(w => "\"" + w.Replace("\"", "\"\"") + "\"").ToList();
        return indexed.Count == 0 ? null : string.Join(" AND ", indexed);
    }

    // Letters and digits, plus what belongs inside e-mail addresses, dates, "Oy:n" and "e-kirje".
    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '-' or '.' or ':' or '/' or '@' or '&' or '+' or '#';

    private static string[] SplitAt(this string s, Func<char, bool> isSeparator)
    {
        var words = new List<string>();
        var start = 0;
        for (var i = 0; i <= s.Length; i++)
        {
            if (i < s.Length && !isSeparator(s[i])) continue;
            if (i > start) words.Add(s[start..i]);
            start = i + 1;
        }
        return [.. words];
    }

    public static string? Excerpt(string? memo, int length = 140)
    {
        if (string.IsNullOrWhiteSpace(memo)) return null;
        var flat = string.Join(' ', memo.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return flat.Length <= length ? flat : flat[..length] + "…";
    }
}
