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
                o.Events.OnTokenValidated += EntraSignIn.MapToPortaaliUserAsync);
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
        services.AddAuthorization(Policies.Register);
        services.AddCascadingAuthenticationState();
        services.AddScoped<ICurrentUser, CircuitCurrentUser>();
        services.AddScoped<Components.Shared.FavouritesState>();
        return services;
    }

    public static void MapPortaaliEndpoints(this WebApplication app)
    {
        var mode = app.Services.GetRequiredService<SignInMode>();
        if (mode.LocalSignInEnabled)
        {
            app.MapPost("/account/local-signin", async (HttpContext http, UserService users, [FromForm] int userId, [FromForm] string? returnUrl) =>
            {
                var user = await users.FindActiveAsync(userId);
                if (user is null) return Results.Redirect("/signin?error=1");
                await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
                    new ClaimsPrincipal(PortaaliClaims.For(user, "LocalDemo")));
                return Results.LocalRedirect(SafeReturn(returnUrl));
            });
        }
        if (mode.UsesEntraId)
        {
            app.MapGet("/account/entra-signin", (string? returnUrl) =>
                Results.Challenge(new AuthenticationProperties { RedirectUri = SafeReturn(returnUrl) }, [OpenIdConnectDefaults.AuthenticationScheme]));
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
        app.MapGet("/culture", (HttpContext http, string ui, string? returnUrl) =>
        {
            if (UiCultures.Any(c => c.Name == ui))
                http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(new CultureInfo("fi-FI"), new CultureInfo(ui))),
                    new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(SafeReturn(returnUrl));
        });
    }

    private static string SafeReturn(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") ? returnUrl : "/";
}

/// <summary>The Blazor circuit's signed-in user, handed to Core services for their policy checks.</summary>
public class CircuitCurrentUser(AuthenticationStateProvider provider) : ICurrentUser
{
    public async Task<ClaimsPrincipal> GetPrincipalAsync() => (await provider.GetAuthenticationStateAsync()).User;
}

/// <summary>Turns an Entra ID sign-in into a Portaali identity: our user, our group role, plus any app roles in the token.</summary>
public static class EntraSignIn
{
    public static async Task MapToPortaaliUserAsync(TokenValidatedContext context)
    {
        var principal = context.Principal!;
        var objectId = principal.FindFirstValue("http://schemas.microsoft.com/identity/claims/objectidentifier") ?? principal.FindFirstValue("oid");
        var email = principal.FindFirstValue("preferred_username") ?? principal.FindFirstValue(ClaimTypes.Email);
        var users = context.HttpContext.RequestServices.GetRequiredService<UserService>();
        var user = objectId is null ? null : await users.MatchExternalAsync(objectId, email);
        if (user is null)
        {
            context.Fail("No active Portaali user matches this account.");
            return;
        }
        var identity = PortaaliClaims.For(user, "EntraId");
        foreach (var role in principal.FindAll(ClaimTypes.Role).Select(c => c.Value).Where(r => Enum.TryParse<UserGroup>(r, out _)).Distinct())
            if (!identity.HasClaim(ClaimTypes.Role, role)) identity.AddClaim(new Claim(ClaimTypes.Role, role));
        context.Principal = new ClaimsPrincipal(identity);
    }
}
