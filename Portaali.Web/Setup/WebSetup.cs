using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Identity.Web;
using MudBlazor;
using MudBlazor.Services;
using Portaali.Core.Security;
using Portaali.Core.Users;

namespace Portaali.Web.Setup;

public static class WebSetup
{
    public static readonly CultureInfo[] UiCultures = [new("fi"), new("en")];

    /// <summary>Finnish formats (d.M.yyyy, 24-hour clock, decimal comma) with English day and month names: what the English
    /// UI formats with, so "ma 16.11." reads "Mon 16.11." while dates keep the shape everyone at the college knows.</summary>
    public static readonly CultureInfo FinnishFormatsEnglishNames = CreateFinnishFormatsEnglishNames();

    private static CultureInfo CreateFinnishFormatsEnglishNames()
    {
        var culture = (CultureInfo)new CultureInfo("fi-FI").Clone();
        var english = new CultureInfo("en-GB").DateTimeFormat;
        var format = culture.DateTimeFormat;
        format.DayNames = english.DayNames;
        format.AbbreviatedDayNames = english.AbbreviatedDayNames;
        format.ShortestDayNames = english.ShortestDayNames;
        format.MonthNames = english.MonthNames;
        format.AbbreviatedMonthNames = english.AbbreviatedMonthNames;
        format.MonthGenitiveNames = english.MonthGenitiveNames;
        format.AbbreviatedMonthGenitiveNames = english.AbbreviatedMonthGenitiveNames;
        return CultureInfo.ReadOnly(culture);
    }

    /// <summary>After request localization: the English UI formats with <see cref="FinnishFormatsEnglishNames"/>. The circuit
    /// started by this request keeps the culture, as it keeps the request's UI culture.</summary>
    public static IApplicationBuilder UseEnglishDayNames(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en") CultureInfo.CurrentCulture = FinnishFormatsEnglishNames;
        return next(context);
    });

    public static IServiceCollection AddPortaaliWeb(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var mode = SignInMode.From(configuration, environment);
        services.AddSingleton(mode);
        services.AddSingleton(SignInSettings.From(configuration));
        services.AddMudServices(c => c.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight);
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddTransient<MudLocalizer, FinnishMudLocalizer>();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            // Finnish date and number formats in both languages; only the UI language changes.
            o.DefaultRequestCulture = new RequestCulture(new CultureInfo("fi-FI"), new CultureInfo("fi"));
            o.SupportedCultures = [new CultureInfo("fi-FI")];
            o.SupportedUICultures = UiCultures;
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });

        if (mode.UsesEntraId)
        {
            services.AddAuthentication(OpenIdConnectDefaults.AuthenticationScheme)
                .AddMicrosoftIdentityWebApp(configuration.GetSection("AzureAd"));
            services.Configure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, o =>
            {
                // Chained, not +=: a multicast Func<Task> awaits only its last handler.
                var inner = o.Events.OnTokenValidated;
                o.Events.OnTokenValidated = async context =>
                {
                    await inner(context);
                    if (context.Result is null) await EntraSignIn.MapToPortaaliUserAsync(context);
                };
            });
            // Microsoft.Identity.Web.UI (its access-denied page) is not used: refusals go to our own page.
            services.Configure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, o => o.AccessDeniedPath = "/forbidden");
        }
        else
        {
            services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
                .AddCookie(o =>
                {
                    o.LoginPath = "/signin";
                    o.AccessDeniedPath = "/forbidden";
                    o.ExpireTimeSpan = TimeSpan.FromHours(10);
                    o.SlidingExpiration = true;
                });
        }
        // Both sign-in modes end in this cookie; PostConfigure runs after Microsoft.Identity.Web has set up its events.
        services.PostConfigure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, CookieRevalidation.AddTo);
        services.AddScoped<AuthenticationStateProvider, RevalidatingAuthenticationState>();
        services.AddAuthorization(Policies.Register);
        services.AddCascadingAuthenticationState();
        services.AddScoped<ICurrentUser, CircuitCurrentUser>();
        services.AddScoped<Components.Shared.FavouritesState>();
        services.AddSingleton<Components.Pages.Desktop.DesktopWidgetCatalog>();
        services.AddScoped<Components.Pages.Selections.SelectionPreviewer>();
        services.AddUsageRecording();
        return services;
    }

    public static void MapPortaaliEndpoints(this WebApplication app)
    {
        var mode = app.Services.GetRequiredService<SignInMode>();
        if (mode.LocalSignInEnabled)
        {
            app.MapPost("/account/local-signin", async (HttpContext http, UserService users, Core.Usage.UsageRecorder usage, [FromForm] int userId,
                [FromForm] string? returnUrl) =>
            {
                var user = await users.FindActiveAsync(userId);
                if (user is null) return Results.Redirect("/signin?error=1");
                await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
                    new ClaimsPrincipal(PortaaliClaims.For(user, "LocalDemo")));
                await usage.RecordSignInAsync(user.Id);
                return Results.LocalRedirect(LocalUrl.OrRoot(returnUrl));
            });
        }
        if (mode.UsesEntraId)
        {
            app.MapGet("/account/entra-signin", (string? returnUrl) =>
                Results.Challenge(new AuthenticationProperties { RedirectUri = LocalUrl.OrRoot(returnUrl) }, [OpenIdConnectDefaults.AuthenticationScheme]));
        }
        app.MapPost("/account/signout", async (HttpContext http) =>
        {
            if (mode.UsesEntraId) // ends the Entra session too, then Entra sends the browser back to /signin
                return Results.SignOut(new AuthenticationProperties { RedirectUri = "/signin" },
                    [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]);
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect("/signin");
        });
        Calendar.CalendarFeedEndpoint.MapCalendarFeed(app);
        Offers.OfferFileEndpoints.MapOfferFiles(app);
        Customers.CustomerExportEndpoint.MapCustomerExport(app);
        Exports.ExportDownloadEndpoint.MapExportDownload(app);
        Projects.ProjectNetworkEndpoint.MapProjectNetworkExport(app);
        app.MapGet("/culture", (HttpContext http, string? ui, string? returnUrl) =>
        {
            if (UiCultures.FirstOrDefault(c => c.Name == ui) is { } chosen)
                http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(new CultureInfo("fi-FI"), chosen)),
                    new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(LocalUrl.OrRoot(returnUrl));
        });
    }
}

/// <summary>Return addresses from the query string: only paths of this site. "//host" and "/\host" are other sites to a
/// browser (and LocalRedirect throws on them), and browsers drop tabs and newlines, so "/\t/host" is one too.</summary>
public static class LocalUrl
{
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || url[1] is not ('/' or '\\')) && !url.Any(char.IsControl);

    public static string OrRoot(string? url) => IsLocal(url) ? url! : "/";
}

/// <summary>The Blazor circuit's signed-in user, handed to Core services for their policy checks.</summary>
public class CircuitCurrentUser(AuthenticationStateProvider provider) : ICurrentUser
{
    public async Task<ClaimsPrincipal> GetPrincipalAsync() => (await provider.GetAuthenticationStateAsync()).User;
}

/// <summary>Turns an Entra ID sign-in into a Portaali identity: our user, our group role, plus any app roles in the token.</summary>
public static class EntraSignIn
{
    /// <summary>Where an Entra account without an active Portaali user lands: a page telling them to ask an administrator.</summary>
    public const string NotRegisteredPath = "/account/not-registered";

    public static async Task MapToPortaaliUserAsync(TokenValidatedContext context)
    {
        var principal = context.Principal!;
        var objectId = principal.FindFirstValue("http://schemas.microsoft.com/identity/claims/objectidentifier") ?? principal.FindFirstValue("oid");
        var email = principal.FindFirstValue("preferred_username") ?? principal.FindFirstValue(ClaimTypes.Email) ?? principal.FindFirstValue("email");
        var name = principal.FindFirstValue("name") ?? principal.FindFirstValue(ClaimTypes.Name);
        var services = context.HttpContext.RequestServices;
        var users = services.GetRequiredService<UserService>();
        var bootstrapAdmins = services.GetService<SignInSettings>()?.BootstrapAdmins ?? [];
        var user = objectId is null ? null : await users.MatchExternalAsync(objectId, email, name, bootstrapAdmins);
        if (user is null)
        {
            // No cookie, and no error page: the person is told to ask an administrator for access.
            context.HandleResponse();
            context.Response.Redirect(NotRegisteredPath);
            return;
        }
        var groups = Enum.GetNames<UserGroup>();
        var appRoles = principal.FindAll(c => c.Type is ClaimTypes.Role or "roles").Select(c => c.Value).Where(groups.Contains);
        context.Principal = new ClaimsPrincipal(PortaaliClaims.For(user, "EntraId", appRoles));
        await services.GetRequiredService<Core.Usage.UsageRecorder>().RecordSignInAsync(user.Id);
    }
}
