using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Portaali.Core.Common.Mail;
using Portaali.Core.Common.Storage;
using Portaali.Core.Data;
using Portaali.Core.Exports;
using Portaali.Core.Imports;
using Portaali.Core.Offers;

namespace Portaali.Tests.Core.Common;

/// <summary>Every file Portaali keeps lands under Storage:SharedPath (the SQLite file's folder when unset), so several app
/// instances on one shared mount see the same uploads, attachments, exports and import files.</summary>
public class SharedStorageTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), $"portaali-storage-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
    }

    private string ConnectionString => new SqliteConnectionStringBuilder { DataSource = Path.Combine(root, "data", "portaali.db") }.ToString();

    private ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddPortaaliCore(ConnectionString);
        return services.BuildServiceProvider();
    }

    private static T Options<T>(ServiceProvider services) where T : class => services.GetRequiredService<IOptions<T>>().Value;

    [Fact]
    public void Without_a_shared_path_the_files_stay_beside_the_database_file_as_before()
    {
        using var services = Services([]);
        var data = Path.Combine(root, "data");

        Assert.Equal(data, Options<StorageOptions>(services).SharedPath);
        Assert.Equal(Path.Combine(data, "attachments"), Options<AttachmentOptions>(services).Folder);
        Assert.Equal(Path.Combine(data, "templates"), Options<OfferDocumentOptions>(services).TemplateFolder);
        Assert.Equal(Path.Combine(data, "exports"), Options<ExportOptions>(services).Folder);
        Assert.Equal(Path.Combine(data, "mail-pickup"), Options<MailOptions>(services).PickupFolder);
        Assert.Equal(Path.Combine(data, "imports", "prh-bulk"), Options<ImportOptions>(services).FolderOf(ImportSource.PrhBulk));
        Assert.Equal(MailSetup.DefaultPickupFolder(ConnectionString), Options<MailOptions>(services).PickupFolder);
    }

    [Fact]
    public void A_shared_path_holds_uploads_attachments_exports_import_pick_up_and_mail_folders()
    {
        var shared = Path.Combine(root, "shared");
        using var services = Services(new() { ["Storage:SharedPath"] = shared });

        Assert.Equal(Path.Combine(shared, "attachments"), Options<AttachmentOptions>(services).Folder);
        Assert.Equal(Path.Combine(shared, "templates"), Options<OfferDocumentOptions>(services).TemplateFolder);
        Assert.Equal(Path.Combine(shared, "exports"), Options<ExportOptions>(services).Folder);
        Assert.Equal(Path.Combine(shared, "mail-pickup"), Options<MailOptions>(services).PickupFolder);
        Assert.Equal(Path.Combine(shared, "imports", "uploads"), Options<ImportOptions>(services).UploadFolder);
        Assert.Equal(Path.Combine(shared, "imports", "business-info"), Options<ImportOptions>(services).FolderOf(ImportSource.BusinessInfoCsv));
    }

    [Fact]
    public void A_folder_setting_of_its_own_still_wins_over_the_shared_path()
    {
        var attachments = Path.Combine(root, "elsewhere", "attachments");
        using var services = Services(new() { ["Storage:SharedPath"] = Path.Combine(root, "shared"), ["Portaali:Attachments:Folder"] = attachments });

        Assert.Equal(attachments, Options<AttachmentOptions>(services).Folder);
        Assert.Equal(Path.Combine(root, "shared", "exports"), Options<ExportOptions>(services).Folder);
    }

    [Fact]
    public void A_connection_string_that_is_not_sqlites_keeps_the_files_in_app_data()
    {
        Assert.Equal(Path.GetFullPath("App_Data"), StorageSetup.DefaultFolder("Host=127.0.0.1;Username=portaali;Database=portaali"));
    }

    [Fact]
    public async Task The_app_refuses_to_start_when_the_shared_path_is_not_writable_and_says_which_setting()
    {
        Directory.CreateDirectory(root);
        var aFile = Path.Combine(root, "not-a-folder");
        await File.WriteAllTextAsync(aFile, "");
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["Storage:SharedPath"] = Path.Combine(aFile, "shared");
        builder.Services.AddPortaaliStorage(ConnectionString);
        using var host = builder.Build();

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Storage:SharedPath", refused.Message);
        Assert.Contains(Path.Combine(aFile, "shared"), refused.Message);
    }

    [Fact]
    public async Task A_writable_shared_path_is_created_at_start_up()
    {
        var shared = Path.Combine(root, "new", "shared");
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["Storage:SharedPath"] = shared;
        builder.Services.AddPortaaliStorage(ConnectionString);
        using var host = builder.Build();

        await host.StartAsync();
        await host.StopAsync();

        Assert.True(Directory.Exists(shared));
        Assert.Empty(Directory.EnumerateFileSystemEntries(shared));
    }
}
