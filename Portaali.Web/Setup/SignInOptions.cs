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
