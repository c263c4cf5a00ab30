using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portaali.Core.Common;
using Portaali.Core.Common.Storage;

namespace Portaali.Core.Offers;

/// <summary>The "Portaali:Attachments" section: where offer attachments are kept (never under wwwroot) and what they may be.</summary>
public class AttachmentOptions
{
    public const string Section = "Portaali:Attachments";

    /// <summary>Empty: an "attachments" folder under <see cref="StorageOptions.SharedPath"/>.</summary>
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

    /// <summary>Empty: a "templates" folder under <see cref="StorageOptions.SharedPath"/>.</summary>
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
    /// when it has one; the folders default to the shared storage folder.</summary>
    public static IServiceCollection AddOfferFiles(this IServiceCollection services)
    {
        services.AddOptions<AttachmentOptions>()
            .Configure<IServiceProvider>((o, sp) => sp.GetService<IConfiguration>()?.GetSection(AttachmentOptions.Section).Bind(o))
            .PostConfigure<IOptions<StorageOptions>>((o, storage) => o.Folder = string.IsNullOrWhiteSpace(o.Folder) ? storage.Value.PathOf("attachments") : Path.GetFullPath(o.Folder));
        services.AddOptions<OfferDocumentOptions>()
            .Configure<IServiceProvider>((o, sp) => sp.GetService<IConfiguration>()?.GetSection(OfferDocumentOptions.Section).Bind(o))
            .PostConfigure<IOptions<StorageOptions>>((o, storage) => o.TemplateFolder = string.IsNullOrWhiteSpace(o.TemplateFolder) ? storage.Value.PathOf("templates") : Path.GetFullPath(o.TemplateFolder));
        services.AddOptions<CollegeOptions>()
            .Configure<IServiceProvider>((o, sp) => sp.GetService<IConfiguration>()?.GetSection(CollegeOptions.Section).Bind(o));
        services.AddScoped<OfferAttachmentService>();
        services.AddScoped<OfferDocumentService>();
        return services;
    }
}
