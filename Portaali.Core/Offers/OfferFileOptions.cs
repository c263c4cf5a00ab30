using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portaali.Core.Common;

namespace Portaali.Core.Offers;

/// <summary>The "Portaali:Attachments" section: where offer attachments are kept (never under wwwroot) and what they may be.</summary>
public class AttachmentOptions
{
    public const string Section = "Portaali:Attachments";

    /// <summary>Empty: an "attachments" folder next to the SQLite database file.</summary>
    public string? Folder { get; set; }
    public int MaxMegabytes { get; set; } = 25;
    /// <summary>Empty: <see cref="DefaultExtensions"/>. (Not a list with defaults: the configuration binder would append to it.)</summary>
    public string[]? AllowedExtensions { get; set; }

    public static readonly string[] DefaultExtensions =
        [".pdf", ".docx", ".xlsx", ".doc", ".xls", ".odt", ".ods", ".txt", ".jpg", ".jpeg", ".png", ".eml", ".msg"];

    public UploadRule Rule => new((AllowedExtensions is { Length: > 0 } configured ? configured : DefaultExtensions)
        .Select(e => "." + e.Trim().TrimStart('.').ToLowerInvariant()).Distinct().ToList(), MaxMegabytes * 1024L * 1024);
}

/// <summary>The "Portaali:OfferDocument" section: where an administrator's own offer template is kept.</summary>
public class OfferDocumentOptions
{
    public const string Section = "Portaali:OfferDocument";

    /// <summary>Empty: a "templates" folder next to the SQLite database file.</summary>
    public string? TemplateFolder { get; set; }
}

/// <summary>The "Portaali:College" section: the college's own details printed on every offer document.</summary>
public class CollegeOptions
{
    public const string Section = "Portaali:College";

    public string Name { get; set; } = "Aikuisopisto";
    public string? BusinessId { get; set; }
    /// <summary>One or more lines ("Opistotie 1\n00100 Helsinki").</summary>
    public string? Address { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Website { get; set; }
}

public static class OfferFilesSetup
{
    /// <summary>Registers the offer document and attachment services. Their settings bind from the host's configuration
    /// when it has one; the folders default to the database file's folder.</summary>
    public static IServiceCollection AddOfferFiles(this IServiceCollection services, string connectionString)
    {
        var dataFolder = DataFolderOf(connectionString);
        services.AddOptions<AttachmentOptions>()
            .Configure<IServiceProvider>((o, sp) => sp.GetService<IConfiguration>()?.GetSection(AttachmentOptions.Section).Bind(o))
            .PostConfigure(o => o.Folder = string.IsNullOrWhiteSpace(o.Folder) ? Path.Combine(dataFolder, "attachments") : Path.GetFullPath(o.Folder));
        services.AddOptions<OfferDocumentOptions>()
            .Configure<IServiceProvider>((o, sp) => sp.GetService<IConfiguration>()?.GetSection(OfferDocumentOptions.Section).Bind(o))
            .PostConfigure(o => o.TemplateFolder = string.IsNullOrWhiteSpace(o.TemplateFolder) ? Path.Combine(dataFolder, "templates") : Path.GetFullPath(o.TemplateFolder));
        services.AddOptions<CollegeOptions>()
            .Configure<IServiceProvider>((o, sp) => sp.GetService<IConfiguration>()?.GetSection(CollegeOptions.Section).Bind(o));
        services.AddScoped<OfferAttachmentService>();
        services.AddScoped<OfferDocumentService>();
        return services;
    }

    /// <summary>The folder of the SQLite file ("App_Data" for the default "Data Source=App_Data/portaali.db").</summary>
    private static string DataFolderOf(string connectionString)
    {
        var source = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        return string.IsNullOrEmpty(source) || source == ":memory:"
            ? Path.Combine(Path.GetTempPath(), "portaali")
            : Path.GetDirectoryName(Path.GetFullPath(source))!;
    }
}
