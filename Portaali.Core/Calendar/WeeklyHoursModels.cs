using Portaali.Core.Activities;
using Portaali.Core.Customers;

namespace Portaali.Core.Calendar;

public record TypeHours(string TypeName, string Color, double Hours);

/// <summary>One user's ISO week: done hours split by customer work and other work, and by type; planned hours not yet OK.</summary>
public record WeekHours(IsoWeek Week, double CustomerHours, double OtherHours, double PlannedHours, IReadOnlyList<TypeHours> ByType)
{
    public double DoneHours => CustomerHours + OtherHours;
}

public record WeekTotal(IsoWeek Week, double CustomerHours, double OtherHours);

/// <summary>One of the user's recent weeks: hours of activities marked OK, and hours planned but not OK yet.</summary>
public record RecentWeekHours(IsoWeek Week, double DoneHours, double PlannedHours);

/// <summary>The account manager's weekly view: the week asked for with its activities, and every week of that ISO year.</summary>
public record WeeklyReport(PersonRef User, WeekHours Week, IReadOnlyList<ActivityRow> Activities, IReadOnlyList<WeekTotal> Year);
