using Portaali.Core.Activities;
using Portaali.Core.Common;
using Portaali.Core.Customers;

namespace Portaali.Core.Calendar;

/// <summary>One account manager in the meeting's overview: the week's hours and how many activities this week and next;
/// the rows themselves come with <see cref="TeamMeetingService.GetMemberWeeksAsync"/> when the meeting reaches them.</summary>
public record TeamMemberSummary(PersonRef User, WeekHours Hours, int ThisWeekCount, int NextWeekCount);

/// <summary>A person's activities this week and next as the meeting opens them: the first page of each, with its count.</summary>
public record TeamMemberWeeks(PagedResult<ActivityRow> ThisWeek, PagedResult<ActivityRow> NextWeek);

public record KeyAccountContact(int CustomerId, string Name, DateOnly? LastContact, int? DaysSince);

/// <summary>What the weekly customer-team meeting projects at once: every account manager's week in figures, open negative
/// feedback (a page and the count), A accounts' last contact.</summary>
public record TeamMeeting(IsoWeek Week, IReadOnlyList<TeamMemberSummary> Members, PagedResult<ActivityRow> OpenNegativeFeedback,
    IReadOnlyList<KeyAccountContact> KeyAccounts);
