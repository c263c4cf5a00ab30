using Portaali.Core.Desktops;
using Portaali.Web.Components.Pages.Desktop.Widgets;

namespace Portaali.Web.Components.Pages.Desktop;

/// <summary>The component of every widget in <see cref="WidgetRegistry"/>; each takes one parameter,
/// <c>Placement</c> (<see cref="WidgetPlacement"/>: its size and settings).</summary>
public static class DesktopWidgets
{
    public static readonly IReadOnlyDictionary<string, Type> Components = new Dictionary<string, Type>
    {
        [WidgetRegistry.MyOpenActivities] = typeof(MyOpenActivitiesWidget),
        [WidgetRegistry.MyWeek] = typeof(MyWeekWidget),
        [WidgetRegistry.MyHours] = typeof(MyHoursWidget),
        [WidgetRegistry.MyCustomers] = typeof(MyCustomersWidget),
        [WidgetRegistry.Favourites] = typeof(FavouritesWidget),
        [WidgetRegistry.CarePlanBreaches] = typeof(CarePlanBreachesWidget),
        [WidgetRegistry.KeyAccountTracker] = typeof(KeyAccountTrackerWidget),
        [WidgetRegistry.PendingProposals] = typeof(PendingProposalsWidget),
        [WidgetRegistry.OpenOffers] = typeof(OpenOffersWidget),
        [WidgetRegistry.BillingList] = typeof(BillingListWidget),
        [WidgetRegistry.SalesTargets] = typeof(SalesTargetsWidget),
        [WidgetRegistry.CustomerBaseCharts] = typeof(CustomerBaseChartsWidget),
        [WidgetRegistry.Selections] = typeof(SelectionsWidget),
        [WidgetRegistry.Campaigns] = typeof(CampaignsWidget),
        [WidgetRegistry.ImportStatus] = typeof(ImportStatusWidget),
        [WidgetRegistry.NegativeFeedback] = typeof(NegativeFeedbackWidget),
        [WidgetRegistry.QuickActivity] = typeof(QuickActivityWidget),
        [WidgetRegistry.Suggestions] = typeof(SuggestionsWidget),
        [WidgetRegistry.Users] = typeof(UsersWidget),
        [WidgetRegistry.Usage] = typeof(UsageWidget),
        [WidgetRegistry.MyProjects] = typeof(MyProjectsWidget),
    };
}
