using Portaali.Core.Campaigns;

namespace Portaali.Web.Components.Pages.Campaigns;

/// <summary>The form state of "leave out members of campaign X at steps …"; registered-but-absent by default.</summary>
public sealed class ExclusionChoice
{
    public bool On { get; set; }
    public int? CampaignId { get; set; }
    public IReadOnlyCollection<CampaignStep> Steps { get; set; } = [CampaignStep.Absent];

    public CampaignExclusion? ToExclusion() =>
        On && CampaignId is int id && Steps.Any() ? new CampaignExclusion(id, Steps.ToList()) : null;
}
