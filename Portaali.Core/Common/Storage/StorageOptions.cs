using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Portaali.Core.Common.Storage;

/// <summary>The "Storage" section: the one folder Portaali keeps its files in — import uploads and pick-up folders, offer
/// attachments and templates, finished exports, the mail pickup folder and the unsubscribe key. Several app instances
/// point it at the same shared mount; a folder setting of its own (e.g. <c>Portaali:Attachments:Folder</c>) still wins.</summary>
public class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Empty: the SQLite database file's folder (App_Data), where the files have always been.</summary>
    public string? SharedPath { get; set; }

    /// <summary>A file or folder under the shared path.</summary>
    public string PathOf(string name) => Path.Combine(SharedPath ?? DefaultFolderName, name);

    public const string DefaultFolderName = "App_Data";
}

public static class StorageSetup
{
    /// <summary>Registers <see cref="StorageOptions"/>, resolved to a full path and checked writable when the host starts.</summary>
    public static IServiceCollection AddPortaaliStorage(this IServiceCollection services, string connectionString)
    {
        services.AddOptions<StorageOptions>()
            .Configure<IServiceProvider>((o, sp) => sp.GetService<IConfiguration>()?.GetSection(StorageOptions.Section).Bind(o))
            .PostConfigure(o => o.SharedPath = Path.GetFullPath(string.IsNullOrWhiteSpace(o.SharedPath) ? DefaultFolder(connectionString) : o.SharedPath))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, WritableSharedPath>();
        return services;
    }

    /// <summary>The SQLite file's folder ("App_Data" for the default "Data Source=App_Data/portaali.db"); for an in-memory
    /// (or temporary) database a temporary folder; for a connection string that is not SQLite's (a database server), App_Data.</summary>
    public static string DefaultFolder(string connectionString)
    {
        string? source;
        try { source = new SqliteConnectionStringBuilder(connectionString).DataSource; }
        catch (ArgumentException) { return Path.GetFullPath(StorageOptions.DefaultFolderName); }
        return string.IsNullOrEmpty(source) || source == ":memory:" || source.Contains("mode=memory", StringComparison.OrdinalIgnoreCase)
            ? Path.Combine(Path.GetTempPath(), "portaali")
            : Path.GetDirectoryName(Path.GetFullPath(source))!;
    }
}

/// <summary>Refuses to start when the shared folder cannot be created or written to: better a clear message at start-up
/// than an upload or a nightly import failing later on one instance only.</summary>
internal sealed class WritableSharedPath : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var folder = options.SharedPath!;
        var probe = Path.Combine(folder, $".write-check-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return ValidateOptionsResult.Success;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ValidateOptionsResult.Fail(
                $"Storage:SharedPath \"{folder}\" is not a writable folder ({e.Message}). Every app instance keeps uploads, " +
                "attachments, exports and import files there: create it, give the app's user write access, or point " +
                "Storage:SharedPath elsewhere.");
        }
    }
}
