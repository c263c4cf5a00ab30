using Portaali.Core.Contacts;
using Portaali.Core.Customers;
using Portaali.Core.Users;

namespace Portaali.Core.Activities;

/// <summary>Hoitamatta (open) · Kesken (in progress) · OK (done).</summary>
public enum ActivityStatus { Open, InProgress, Done }

/// <summary>What kind of work an activity is (visit, call, customer feedback …); administrators keep the list.</summary>
public class ActivityType
{
    public int Id { get; set; }
    public required string Name { get; set; }
    /// <summary>The English name; null for a type an administrator added without one, shown by its Finnish name.</summary>
    public string? NameEn { get; set; }
    /// <summary>Stable key the code relies on ("visit", "email", "feedback"); null for types administrators added.</summary>
    public string? SystemKey { get; set; }
    /// <summary>Calendar colour, #rrggbb.</summary>
    public string Color { get; set; } = "#546e7a";
    /// <summary>Visits, calls, e-mails and feedback are always about a customer; planning and internal meetings need not be.</summary>
    public bool RequiresCustomer { get; set; }
    public int SortOrder { get; set; }
    public bool IsRetired { get; set; }
}

/// <summary>Refines a type, e.g. customer feedback → positive / negative.</summary>
public class ActivityKeyword
{
    public int Id { get; set; }
    public int ActivityTypeId { get; set; }
    public required string Name { get; set; }
    /// <summary>The English name; null falls back to the Finnish one.</summary>
    public string? NameEn { get; set; }
    public string? SystemKey { get; set; }
    /// <summary>Negative feedback: stays open until someone resolves it with a note.</summary>
    public bool NeedsResolution { get; set; }
    public bool IsRetired { get; set; }
}

/// <summary>Standard memo headings for a type, e.g. a visit's goal and agreed items.</summary>
public class ActivityTemplate
{
    public int Id { get; set; }
    public int ActivityTypeId { get; set; }
    public required string Name { get; set; }
    public required string Body { get; set; }
    /// <summary>The English name and headings, put in the memo when the writer's UI is English; null falls back to Finnish.</summary>
    public string? NameEn { get; set; }
    public string? BodyEn { get; set; }
    public bool IsRetired { get; set; }
}

public class Activity
{
    public int Id { get; set; }
    /// <summary>Null for work not tied to one customer (planning, internal meetings).</summary>
    public int? CustomerId { get; set; }
    public Customer? Customer { get; set; }
    /// <summary>Chosen at creation, never changed.</summary>
    public int ActivityTypeId { get; set; }
    public ActivityType? Type { get; set; }
    public int? KeywordId { get; set; }
    public ActivityKeyword? Keyword { get; set; }
    public required string Title { get; set; }
    public string? Memo { get; set; }
    /// <summary>Lower-cased title and memo for searching (SQLite LIKE folds only ASCII, not ä and ö).</summary>
    public string SearchText { get; set; } = "";
    public DateTime StartsAtUtc { get; set; }
    public int DurationMinutes { get; set; }
    /// <summary>Helsinki calendar date and its ISO week, stored so weeks are summed in SQL.</summary>
    public DateOnly LocalDate { get; set; }
    public int IsoYear { get; set; }
    public int IsoWeek { get; set; }
    public ActivityStatus Status { get; set; }
    public string? ResolutionNote { get; set; }
    public DateTime? ResolvedAtUtc { get; set; }
    public string? ResolvedByName { get; set; }
    /// <summary>Message-ID of the e-mail this activity was made from, so the same message is not imported twice.</summary>
    public string? EmailMessageId { get; set; }
    /// <summary>Shared by the occurrences of a weekly series created at once (the team's weekly meeting); each is its own activity.</summary>
    public Guid? SeriesId { get; set; }
    /// <summary>The project this is work for (project work, a project event), shown on the project; null for most.</summary>
    public int? ProjectId { get; set; }
    public int CreatedByUserId { get; set; }
    public string CreatedByName { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public string UpdatedByName { get; set; } = "";
    /// <summary>Changes on every save; a stale value means someone else saved first.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<ActivityParticipant> Participants { get; set; } = [];
    public List<ActivityContact> Contacts { get; set; } = [];
}

/// <summary>
/// One person on an activity. The row also carries copies of the activity's fields that a person's own lists and hours
/// need ("my open activities", weekly hours), so those read one index over the person's rows instead of looking up each of
/// thousands of activities. Triggers (<see cref="Data.ActivityParticipantCopies"/>) keep the copies equal to the activity
/// on every path that writes either table; the app sets only the keys.
/// </summary>
public class ActivityParticipant
{
    public int ActivityId { get; set; }
    public Activity? Activity { get; set; }
    public int UserId { get; set; }
    public AppUser? User { get; set; }

    /// <summary>Copy of <see cref="Activities.Activity.StartsAtUtc"/>.</summary>
    public DateTime StartsAtUtc { get; set; }
    /// <summary>Copies of the activity's ISO week.</summary>
    public int IsoYear { get; set; }
    public int IsoWeek { get; set; }
    /// <summary>The activity is not OK yet (its status is not <see cref="ActivityStatus.Done"/>).</summary>
    public bool IsOpen { get; set; }
    /// <summary>The activity is about a customer (its customer is set): customer work in the weekly hours.</summary>
    public bool IsCustomerWork { get; set; }
    /// <summary>Copies of the activity's type and duration, what the weekly hours sum.</summary>
    public int ActivityTypeId { get; set; }
    public int DurationMinutes { get; set; }

    /// <summary>A participant row with its copies filled from <paramref name="activity"/>, as the triggers fill them; for
    /// bulk writers that insert participants before the activity row is in the table.</summary>
    public static ActivityParticipant Of(Activity activity, int userId) => new()
    {
        ActivityId = activity.Id, UserId = userId, StartsAtUtc = activity.StartsAtUtc, IsoYear = activity.IsoYear, IsoWeek = activity.IsoWeek,
        IsOpen = activity.Status != ActivityStatus.Done, IsCustomerWork = activity.CustomerId != null,
        ActivityTypeId = activity.ActivityTypeId, DurationMinutes = activity.DurationMinutes,
    };
}

public class ActivityContact
{
    public int ActivityId { get; set; }
    public int ContactId { get; set; }
    public Contact? Contact { get; set; }
}
