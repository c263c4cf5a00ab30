using Microsoft.Extensions.DependencyInjection;

namespace Portaali.Core.Segments.Rfm;

public static class RfmSetup
{
    /// <summary>The RFM scores and the segment rules; the options come from "Portaali:Rfm" when the host binds it.</summary>
    public static IServiceCollection AddPortaaliRfm(this IServiceCollection services)
    {
        services.AddOptions<RfmOptions>();
        services.AddScoped<RfmService>();
        services.AddScoped<SegmentSuggestionRules>();
        return services;
    }
}
