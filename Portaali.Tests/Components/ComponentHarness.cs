using System.Globalization;
using System.Security.Claims;
using Bunit;
using Bunit.Rendering;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor;
using MudBlazor.Services;
using Portaali.Core.Classifications;
using Portaali.Core.Customers;
using Portaali.Core.Data;
using Portaali.Core.Security;
using Portaali.Core.Users;
using Portaali.Web.Components.Shared;
using Portaali.Web.Setup;

namespace Portaali.Tests.Components;

/// <summary>
/// A bUnit context wired like the app: real Core services on a migrated SQLite temp file, real policies,
/// MudBlazor services, the Finnish UI texts, and one signed-in principal seen alike by AuthorizeView and by Core's AccessGuard.
/// </summary>
/// <remarks>
/// bUnit's AddAuthorization() is deliberately not used: it swaps IAuthorizationService and IAuthorizationPolicyProvider for
/// fakes that grant policies from a hand-set list, so Core's guard would refuse even <see cref="Policies.SignedIn"/> unless every
/// test repeated Policies.Register by hand. Here the real policies judge the principal that <see cref="SignInAsync"/> builds.
/// </remarks>
public abstract class ComponentHarness : BunitContext, IAsyncLifetime
{
    private static readonly Lazy<string> MigratedTemplate = new(CreateTemplate);
    private readonly string dbPath = Path.Combine(Path.GetTempPath(), $"portaali-bunit-{Guid.NewGuid():N}.db");
    private readonly TestAuthenticationStateProvider authentication = new();
    private readonly CultureInfo previousCulture = CultureInfo.CurrentCulture;
    private readonly CultureInfo previousUiCulture = CultureInfo.CurrentUICulture;
    private IRenderedComponent<ContainerFragment>? providers;

    protected ComponentHarness()
    {
        // The assertions read the Finnish texts of Ui.resx and CoreText.resx, as a user of the default language sees them.
        CultureInfo.CurrentCulture = new CultureInfo("fi-FI");
        CultureInfo.CurrentUICulture = new CultureInfo("fi");

        File.Copy(MigratedTemplate.Value, dbPath);
        DefaultWaitTimeout = TimeSpan.FromSeconds(5); // search debounce plus a query, on a busy two-core machine
        JSInterop.Mode = JSRuntimeMode.Loose;

        // ReadWrite: a query still in flight after disposal fails instead of recreating the deleted file.
        Services.AddPortaaliCore(ConnectionString(dbPath) + ";Mode=ReadWrite");
        // bUnit registers placeholders that throw until AddAuthorization() is called; the real services replace them.
        Services.RemoveAll<IAuthorizationService>();
        Services.RemoveAll<AuthenticationStateProvider>();
        Services.AddAuthorization(Policies.Register);
        Services.AddSingleton<AuthenticationStateProvider>(authentication);
        Services.AddCascadingAuthenticationState();
        // The app's own ICurrentUser reads the same authentication state, so Core's guard judges the principal AuthorizeView shows.
        Services.AddScoped<ICurrentUser, CircuitCurrentUser>();
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        Services.AddMudServices();
        Services.AddScoped<FavouritesState>();
    }

    /// <summary>Inserts an active user of the group and signs them in, for the components and the Core guard alike.</summary>
    protected async Task<AppUser> SignInAsync(UserGroup group, string name = "Testi Käyttäjä")
    {
        var user = await AddUserAsync(group, name);
        authentication.SignIn(new ClaimsPrincipal(PortaaliClaims.For(user, "Test")));
        return user;
    }

    /// <summary>Signs in a user already in the database (one a seeded template brought), found by name.</summary>
    protected async Task<AppUser> SignInAsExistingAsync(string name)
    {
        var user = await WithDbAsync(db => db.Users.SingleAsync(u => u.DisplayName == name));
        authentication.SignIn(new ClaimsPrincipal(PortaaliClaims.For(user, "Test")));
        return user;
    }

    protected async Task<AppUser> AddUserAsync(UserGroup group, string name)
    {
        var user = NewUser(group, name);
        await WithDbAsync(db => { db.Users.Add(user); return db.SaveChangesAsync(); });
        return user;
    }

    /// <summary>An active user of the group, not yet saved (<see cref="AddUserAsync"/> saves one; a seeded template's seed too).</summary>
    protected static AppUser NewUser(UserGroup group, string name) => new()
    {
        DisplayName = name, Group = group,
        Email = $"{name.Replace(' ', '.').ToLowerInvariant()}.{Guid.NewGuid():N}@example.fi",
    };

    /// <summary>Inserts a customer straight into the database, as the data was before the test began.</summary>
    protected async Task<int> AddCustomerAsync(string name, string? businessId = null, bool passive = false,
        int? responsibleUserId = null, string? municipalityCode = null)
    {
        var customer = NewCustomer(name, businessId, passive, responsibleUserId, municipalityCode);
        await WithDbAsync(db => { db.Customers.Add(customer); return db.SaveChangesAsync(); });
        return customer.Id;
    }

    /// <summary>The customer <see cref="AddCustomerAsync"/> inserts, not yet saved (for a seeded template's seed).</summary>
    protected static Customer NewCustomer(string name, string? businessId = null, bool passive = false,
        int? responsibleUserId = null, string? municipalityCode = null)
    {
        var customer = new Customer
        {
            Name = name, NameSearch = CustomerRules.SearchForm(name), BusinessId = businessId, MunicipalityCode = municipalityCode,
            CreatedAt = DateTime.UtcNow, IsPassive = passive,
            PassivatedOn = passive ? DateOnly.FromDateTime(DateTime.UtcNow) : null,
            PassivationReason = passive ? "Toiminta loppunut" : null,
        };
        if (responsibleUserId is { } userId) customer.Responsibles.Add(new CustomerResponsible { UserId = userId });
        return customer;
    }

    /// <summary>Replaces this test's database with a copy of <paramref name="file"/>, a seeded template from
    /// <see cref="Support.SeededTemplates"/>; call it before anything opens the database.</summary>
    protected void UseDatabaseFrom(string file) => File.Copy(file, dbPath, overwrite: true);

    protected async Task<int> AddClassificationAsync(ClassificationTarget target, string name, int? parentId = null, bool retired = false)
    {
        var node = new ClassificationNode { Name = name, Target = target, ParentId = parentId, IsRetired = retired };
        await WithDbAsync(db => { db.ClassificationNodes.Add(node); return db.SaveChangesAsync(); });
        return node.Id;
    }

    protected async Task WithDbAsync(Func<PortaaliDbContext, Task> action)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<PortaaliDbContext>>().CreateDbContextAsync();
        await action(db);
    }

    protected async Task<T> WithDbAsync<T>(Func<PortaaliDbContext, Task<T>> query)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<PortaaliDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    /// <summary>The app layout's providers (popovers, dialogs, snackbars); dialogs and select lists appear in their markup.</summary>
    protected IRenderedComponent<ContainerFragment> Providers => providers ??= RenderOnTheServer(builder =>
    {
        builder.OpenComponent<MudPopoverProvider>(0);
        builder.CloseComponent();
        builder.OpenComponent<MudDialogProvider>(1);
        builder.CloseComponent();
        builder.OpenComponent<MudSnackbarProvider>(2);
        builder.CloseComponent();
    });

    /// <summary>Renders as the app renders its pages, interactively on the server (a page asks RendererInfo whether it is
    /// prerendering); set here, at the first render, as bUnit takes no services after its renderer exists.</summary>
    private IRenderedComponent<ContainerFragment> RenderOnTheServer(RenderFragment fragment)
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return Render(fragment);
    }

    /// <summary>Renders the component with the layout's providers beside it, as a page sits in MainLayout.</summary>
    protected IRenderedComponent<TComponent> RenderWithProviders<TComponent>(Action<ComponentParameterCollectionBuilder<TComponent>>? parameters = null)
        where TComponent : IComponent
    {
        _ = Providers;
        return Render(parameters);
    }

    /// <summary>Opens a dialog through IDialogService inside the rendered providers, as the pages do.</summary>
    protected async Task<IDialogReference> ShowDialogAsync<TDialog>(DialogParameters<TDialog> parameters) where TDialog : IComponent
    {
        var dialogs = Services.GetRequiredService<IDialogService>();
        return await Providers.InvokeAsync(() => dialogs.ShowAsync<TDialog>("Dialogi", parameters));
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    /// <summary>xunit 2 only calls Dispose(), which MudBlazor's async-only disposable services refuse; dispose asynchronously first.</summary>
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        CleanUp();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) CleanUp();
    }

    private void CleanUp()
    {
        CultureInfo.CurrentCulture = previousCulture;
        CultureInfo.CurrentUICulture = previousUiCulture;
        try { File.Delete(dbPath); } catch (IOException) { /* a leftover temp file is harmless */ }
    }

    private static string ConnectionString(string path) => $"Data Source={path};Pooling=False";

    /// <summary>Migrates one database per test run; each test copies it, which is much faster than migrating again.</summary>
    private static string CreateTemplate()
    {
        var path = Path.Combine(Path.GetTempPath(), $"portaali-bunit-template-{Guid.NewGuid():N}.db");
        var options = new DbContextOptionsBuilder<PortaaliDbContext>().UseSqlite(ConnectionString(path)).Options;
        using (var db = new PortaaliDbContext(options))
            db.Database.MigrateAsync().GetAwaiter().GetResult();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(path);
        return path;
    }

    private sealed class TestAuthenticationStateProvider : AuthenticationStateProvider
    {
        private AuthenticationState state = new(new ClaimsPrincipal(new ClaimsIdentity()));

        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(state);

        public void SignIn(ClaimsPrincipal principal)
        {
            state = new AuthenticationState(principal);
            NotifyAuthenticationStateChanged(Task.FromResult(state));
        }
    }
}
