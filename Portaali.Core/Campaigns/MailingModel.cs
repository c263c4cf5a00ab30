using Microsoft.EntityFrameworkCore;

namespace Portaali.Core.Campaigns;

/// <summary>What the mailings add to the mapping in <see cref="Selections.SelectionsModel"/>.</summary>
public static class MailingModel
{
    public const int MaxPublicBaseUrl = 500;

    public static void Configure(ModelBuilder b) =>
        b.Entity<CampaignMailing>(e => e.Property(m => m.PublicBaseUrl).HasMaxLength(MaxPublicBaseUrl));
}
