using Microsoft.Extensions.DependencyInjection;

namespace Portaali.Core.Usage;

public static class UsageSetup
{
    /// <summary>The recorder is a singleton: it remembers which users' days this process has written.</summary>
    public static void AddPortaaliUsage(IServiceCollection services)
    {
        services.AddSingleton<UsageRecorder>();
        services.AddScoped<UsageRetention>();
        services.AddScoped<UsageReportService>();
    }
}
