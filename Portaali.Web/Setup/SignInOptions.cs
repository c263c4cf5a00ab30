namespace Portaali.Web.Setup;

/// <summary>Which sign-in the app offers: Entra ID when an AzureAd section exists, otherwise the local demo sign-in.</summary>
public record SignInMode(bool UsesEntraId, bool LocalSignInEnabled)
{
    public static SignInMode From(IConfiguration configuration, IHostEnvironment environment)
    {
        var entra = configuration.GetSection("AzureAd").GetChildren().Any();
        var local = !entra && (environment.IsDevelopment() || configuration.GetValue("Portaali:DemoSignIn", false));
        return new SignInMode(entra, local);
    }
}

/// <summary>How often a signed-in user is checked against the database (<c>Portaali:SignInRevalidation</c>, default one
/// minute), and the e-mails that become administrators on their first Entra sign-in (<c>Portaali:BootstrapAdmins</c>,
/// a list or one string separated by commas or semicolons).</summary>
public record SignInSettings(TimeSpan RevalidationInterval, IReadOnlyList<string> BootstrapAdmins)
{
    public static readonly TimeSpan DefaultRevalidationInterval = TimeSpan.FromMinutes(1);

    public static SignInSettings From(IConfiguration configuration)
    {
        var interval = configuration.GetValue("Portaali:SignInRevalidation", DefaultRevalidationInterval);
        var section = configuration.GetSection("Portaali:BootstrapAdmins");
        var listed = section.GetChildren().Select(c => c.Value).Append(section.Value)
            .SelectMany(v => (v ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return new SignInSettings(interval < TimeSpan.Zero ? TimeSpan.Zero : interval, listed.Distinct(StringComparer.OrdinalIgnoreCase).ToList());
    }
}
