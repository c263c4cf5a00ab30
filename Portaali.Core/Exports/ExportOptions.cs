using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portaali.Core.Common;
using Portaali.Core.Common.Storage;

namespace Portaali.Core.Exports;

/// <summary>The "Portaali:Exports" section: where finished exports are kept (never under wwwroot), for how long, the row
/// limit and how often a running export reports its progress.</summary>
public class ExportOptions
{
    public const string Section = "Portaali:Exports";

    /// <summary>Empty: an "exports" folder under <see cref="StorageOptions.SharedPath"/> (App_Data/exports by default), so
    /// any app instance can hand out a file another instance wrote.</summary>
    public string? Folder { get; set; }
    /// <summary>Files older than this are removed by the daily clean-up.</summary>
    public int KeepDays { get; set; } = 7;
    /// <summary>Excel's own limit by default; tests set a small one.</summary>
    public int MaxRows { get; set; } = ExcelWriter.MaxRows;
    /// <summary>Done/Total is written after every this many rows.</summary>
    public int ProgressEvery { get; set; } = 5000;
    /// <summary>Rows whose extra columns (classifications, last contact …) are loaded together.</summary>
    public int BatchSize { get; set; } = 1000;
}

/// <summary>Hands a queued export to the background job runner (Hangfire in the app).</summary>
public interface IExportQueue
{
    void Enqueue(int jobId);
}

public static class ExportSetup
{
    /// <summary>Registers the export services; the folder defaults to "exports" under the shared storage folder.</summary>
    public static IServiceCollection AddPortaaliExports(this IServiceCollection services)
    {
        services.AddOptions<ExportOptions>()
            .Configure<IServiceProvider>((o, sp) => sp.GetService<IConfiguration>()?.GetSection(ExportOptions.Section).Bind(o))
            .PostConfigure<IOptions<StorageOptions>>((o, storage) => o.Folder = string.IsNullOrWhiteSpace(o.Folder) ? storage.Value.PathOf("exports") : Path.GetFullPath(o.Folder));
        services.AddScoped<ExportService>();
        services.AddScoped<ExportRunner>();
        return services;
    }
}
