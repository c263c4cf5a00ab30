using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portaali.Core.Common.Storage;

namespace Portaali.Core.Campaigns;

public static class MailingSetup
{
    public const string KeyFileName = "unsubscribe.key";

    /// <summary>Registers the mailings, the unsubscribe links and the one-person e-mail with the <c>Portaali:Mailings</c>
    /// settings; the unsubscribe key file is kept in the shared storage folder, so every app instance signs and checks
    /// links with the same key.</summary>
    public static IServiceCollection AddPortaaliMailings(this IServiceCollection services)
    {
        services.AddOptions<MailingOptions>().Configure<IServiceProvider>((o, sp) =>
        {
            var configuration = sp.GetService<IConfiguration>();
            configuration?.GetSection(MailingOptions.Section).Bind(o);
            o.PublicBaseUrl ??= configuration?[MailingOptions.PublicBaseUrlSetting];
        });
        services.AddSingleton(sp => new UnsubscribeTokens(sp.GetRequiredService<IOptions<MailingOptions>>(),
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.PathOf(KeyFileName)));
        services.AddScoped<MailingService>();
        services.AddScoped<MailingRunner>();
        services.AddScoped<UnsubscribeService>();
        services.AddScoped<Contacts.ContactEmailService>();
        return services;
    }
}
