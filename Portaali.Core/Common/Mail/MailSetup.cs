using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Portaali.Core.Common.Mail;

public static class MailSetup
{
    /// <summary>Registers the one <see cref="IMailSender"/> with the <c>Portaali:Mail</c> settings (when the host has a
    /// configuration); the pickup folder defaults to <c>mail-pickup</c> beside the SQLite file, outside wwwroot.</summary>
    public static IServiceCollection AddPortaaliMail(this IServiceCollection services, string connectionString)
    {
        services.AddOptions<MailOptions>()
            .Configure<IServiceProvider>((o, sp) => sp.GetService<IConfiguration>()?.GetSection(MailOptions.Section).Bind(o))
            .PostConfigure(o => o.PickupFolder = string.IsNullOrWhiteSpace(o.PickupFolder) ? DefaultPickupFolder(connectionString) : o.PickupFolder);
        services.AddSingleton<IMailSender, MailSender>();
        return services;
    }

    /// <summary><c>App_Data/mail-pickup</c> for the default <c>Data Source=App_Data/portaali.db</c>.</summary>
    public static string DefaultPickupFolder(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" ? "App_Data" : Path.GetDirectoryName(Path.GetFullPath(dataSource));
        return Path.Combine(folder ?? "App_Data", MailOptions.DefaultPickupFolderName);
    }
}
