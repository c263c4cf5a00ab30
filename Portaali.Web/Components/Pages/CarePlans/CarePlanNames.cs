using Microsoft.Extensions.Localization;
using Portaali.Core.CarePlans;
using Portaali.Core.Segments;

namespace Portaali.Web.Components.Pages.CarePlans;

/// <summary>How a plan is named in the UI: "Segment A" or "Customer group: Viranomaiset".</summary>
public static class CarePlanNames
{
    public static string Of(CarePlanScope scope, Segment? segment, string? groupName, IStringLocalizer<Ui> l) =>
        scope == CarePlanScope.Segment && segment is { } s ? l["CarePlanSegmentPlan", l["Segment_" + s].Value]
        : l["CarePlanGroupPlan", groupName ?? ""];
}
