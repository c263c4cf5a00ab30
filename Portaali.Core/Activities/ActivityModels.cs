using Portaali.Core.Common;
using Portaali.Core.Customers;

namespace Portaali.Core.Activities;

/// <summary>The fields a person edits on an activity; date and time are Helsinki wall-clock; Version carries the concurrency token.</summary>
public class ActivityEdit
{
    public int? CustomerId { get; set; }
    public int TypeId { get; set; }
    public int? KeywordId { get; set; }
    public string Title { get; set; } = "";
    public DateTime? Date { get; set; }
    public TimeSpan? StartTime { get; set; } = new(9, 0, 0);
    public int DurationMinutes { get; set; } = 60;
    /// <summary>Null on a new activity: Core picks the default (future or negative feedback → open, else done).</summary>
    public ActivityStatus? Status { get; set; }
    public string? Memo { get; set; }
    public string? ResolutionNote { get; set; }
    public List<int> ParticipantIds { get; set; } = [];
    public List<int> ContactIds { get; set; } = [];
    public string? EmailMessageId { get; set; }
    /// <summary>On a new activity: how many more weekly occurrences to create after the first (0 = just this one).</summary>
    public int RepeatWeeks { get; set; }
    /// <summary>The project this is work for (a planned or active one on new work); null for most activities.</summary>
    public int? ProjectId { get; set; }
    public Guid Version { get; set; }

    public ActivityEdit Copy()
    {
        var copy = (ActivityEdit)MemberwiseClone();
        copy.ParticipantIds = [.. ParticipantIds];
        copy.ContactIds = [.. ContactIds];
        return copy;
    }
}

/// <summary><c>Name</c> (and a template's <c>Body</c>) is in the reader's language; <c>NameFi</c> and <c>NameEn</c> are what
/// administrators edit (an English name may be missing: the Finnish one is shown then).</summary>
public record TypeOption(int Id, string Name, string? SystemKey, string Color, bool RequiresCustomer, bool IsRetired, string? NameFi = null, string? NameEn = null);
public record KeywordOption(int Id, int TypeId, string Name, bool NeedsResolution, bool IsRetired, string? NameFi = null, string? NameEn = null);
public record TemplateOption(int Id, int TypeId, string Name, string Body, bool IsRetired, string? NameFi = null, string? NameEn = null,
    string? BodyFi = null, string? BodyEn = null);

/// <summary>Everything the activity form offers: types, keywords, templates and the people to attach.</summary>
public record ActivityFormData(IReadOnlyList<TypeOption> Types, IReadOnlyList<KeywordOption> Keywords,
    IReadOnlyList<TemplateOption> Templates, IReadOnlyList<PersonRef> Users, IReadOnlyList<Projects.ProjectChoice>? Projects = null);

/// <summary>An activity opened for editing, with what the form shows but does not edit.</summary>
public record ActivityDetails(int Id, ActivityEdit Edit, string TypeName, string? CustomerName, bool CustomerIsPassive,
    string CreatedByName, DateTime CreatedAtUtc, string UpdatedByName, DateTime UpdatedAtUtc,
    DateTime? ResolvedAtUtc, string? ResolvedByName, IReadOnlyList<PersonRef> CustomerContacts, bool CanDelete,
    int LaterInSeries = 0, Projects.ProjectChoice? Project = null);

public record ActivityRow(int Id, DateTime StartsLocal, int DurationMinutes, int TypeId, string TypeName, string TypeColor,
    string? KeywordName, bool NeedsResolution, string Title, ActivityStatus Status, int? CustomerId, string? CustomerName,
    string Participants, bool IsOverdue, string? MemoExcerpt, Guid Version);

/// <summary>A page of the user's open activities (oldest first), how many there are (up to <see cref="PagedCount.Cap"/>) and
/// how many of them are overdue, so the page's overdue count is the list's, not the shown page's.</summary>
public record MyOpenPage(IReadOnlyList<ActivityRow> Items, int TotalCount, bool TotalIsLowerBound, int OverdueCount)
    : PagedResult<ActivityRow>(Items, TotalCount, TotalIsLowerBound);

/// <summary>What an activity export wrote: the rows, and whether <see cref="ActivityService.MaxExportRows"/> cut the rest.</summary>
public record ActivityExportResult(int Rows, bool WasCut);

public enum ActivitySort { StartsDescending, StartsAscending }

/// <summary>Browse's two lists: what has started, the most recent first, and what is still ahead, the soonest first.</summary>
public enum ActivityPeriod { All, Past, Upcoming }

/// <summary>Browse filters; every one is applied in SQL.</summary>
public record ActivityQuery
{
    public int? TypeId { get; init; }
    public int? KeywordId { get; init; }
    public ActivityStatus? Status { get; init; }
    public bool OnlyNotDone { get; init; }
    public int? UserId { get; init; }
    public int? CustomerId { get; init; }
    public Segments.Segment? Segment { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    /// <summary>Words searched in title and memo; every word must occur.</summary>
    public string? Text { get; init; }
    public ActivitySort Sort { get; init; }
    /// <summary>Past or Upcoming also sets the order (newest past first, soonest upcoming first) over <see cref="Sort"/>.</summary>
    public ActivityPeriod Period { get; init; }
    public int Page { get; init; }
    public int PageSize { get; init; } = 25;
}

public record FeedbackQuery
{
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    /// <summary>A top-level customer group of the classification tree.</summary>
    public int? CustomerGroupId { get; init; }
    /// <summary>Null for both, true for negative only, false for positive only.</summary>
    public bool? Negative { get; init; }
}

/// <summary>Customer feedback of a period, open negative feedback first, with the counts management asks for.</summary>
public record FeedbackReport(IReadOnlyList<ActivityRow> Rows, int Positive, int Negative, int OpenNegative);
