using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portaali.Core.Common.Mail;

namespace Portaali.Core.Campaigns;

public static class MailingSetup
{
    public const string KeyFileName = "unsubscribe.key";

    /// <summary>Registers the mailings, the unsubscribe links and the one-person e-mail with the <c>Portaali:Mailings</c>
    /// settings; the unsubscribe key file defaults to beside the SQLite file, like the mail pickup folder.</summary>
    public static IServiceCollection AddPortaaliMailings(this IServiceCollection services, string connectionString)
    {
        services.AddOptions<MailingOptions>().Configure<IServiceProvider>((o, sp) =>
        {
            var configuration = sp.GetService<IConfiguration>();
            configuration?.GetSection(MailingOptions.Section).Bind(o);
            o.PublicBaseUrl ??= configuration?[MailingOptions.PublicBaseUrlSetting];
        });
        var keyFile = Path.Combine(Path.GetDirectoryName(MailSetup.DefaultPickupFolder(connectionString))!, KeyFileName);
        services.AddSingleton(sp => new UnsubscribeTokens(sp.GetRequiredService<IOptions<MailingOptions>>(), keyFile));
        services.AddScoped<MailingService>();
        services.AddScoped<MailingRunner>();
        services.AddScoped<UnsubscribeService>();
        services.AddScoped<Contacts.ContactEmailService>();
        return services;
    }
}
