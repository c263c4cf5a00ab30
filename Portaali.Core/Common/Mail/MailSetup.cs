using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portaali.Core.Common.Storage;

namespace Portaali.Core.Common.Mail;

public static class MailSetup
{
    /// <summary>Registers the one <see cref="IMailSender"/> with the <c>Portaali:Mail</c> settings (when the host has a
    /// configuration); the pickup folder defaults to <c>mail-pickup</c> under the shared storage folder, outside wwwroot.</summary>
    public static IServiceCollection AddPortaaliMail(this IServiceCollection services)
    {
        services.AddOptions<MailOptions>()
            .Configure<IServiceProvider>((o, sp) => sp.GetService<IConfiguration>()?.GetSection(MailOptions.Section).Bind(o))
            .PostConfigure<IOptions<StorageOptions>>((o, storage) =>
                o.PickupFolder = string.IsNullOrWhiteSpace(o.PickupFolder) ? storage.Value.PathOf(MailOptions.DefaultPickupFolderName) : o.PickupFolder);
        services.AddSingleton<IMailSender, MailSender>();
        return services;
    }

    /// <summary><c>App_Data/mail-pickup</c> for the default <c>Data Source=App_Data/portaali.db</c> when
    /// <c>Storage:SharedPath</c> is not set.</summary>
    public static string DefaultPickupFolder(string connectionString) =>
        Path.Combine(StorageSetup.DefaultFolder(connectionString), MailOptions.DefaultPickupFolderName);
}
