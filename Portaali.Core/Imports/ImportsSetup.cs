using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Portaali.Core.Common.Storage;
using Portaali.Core.Imports.BusinessInfo;
using Portaali.Core.Imports.Prh;
using Portaali.Core.Imports.WorkPlacement;

using Portaali.Core.Suggestions;

namespace Portaali.Core.Imports;

public static class ImportsSetup
{
    /// <summary>Registers the import services; the options come from the "Imports" section when the host binds it.</summary>
    public static IServiceCollection AddPortaaliImports(this IServiceCollection services)
    {
        services.AddOptions<ImportOptions>().PostConfigure<IOptions<StorageOptions>>((o, storage) =>
            o.DataFolder = string.IsNullOrWhiteSpace(o.DataFolder) ? storage.Value.PathOf("imports") : o.DataFolder);
        services.AddHttpClient<PrhClient>((sp, http) =>
        {
            var baseUrl = sp.GetRequiredService<IOptions<ImportOptions>>().Value.Prh.BaseUrl;
            http.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");
            http.Timeout = TimeSpan.FromSeconds(100);
        });
        services.AddScoped<ImportEngine>();
        services.AddScoped<ImportJobs>();
        services.AddScoped<ImportService>();
        services.TryAddSingleton<IImportSchedule, NoImportSchedule>();
        services.AddScoped<SuggestionService>();
        services.AddScoped<CompanyProfileService>();
        services.AddScoped<PrhApiHandler>();
        services.AddScoped<PrhBulkHandler>();
        services.AddScoped<BusinessInfoHandler>();
        services.AddScoped<WorkPlacementHandler>();
        return services;
    }
}
