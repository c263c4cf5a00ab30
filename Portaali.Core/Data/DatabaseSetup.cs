using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portaali.Core.Activities;
using Portaali.Core.Calendar;
using Portaali.Core.Classifications;
using Portaali.Core.Common.Mail;
using Portaali.Core.Contacts;
using Portaali.Core.Customers;
using Portaali.Core.Imports;
using Portaali.Core.Security;
using Portaali.Core.Seeding;
using Portaali.Core.Segments;
using Portaali.Core.ServiceOrders;
using Portaali.Core.Users;

namespace Portaali.Core.Data;

public static class DatabaseSetup
{
    /// <summary>Registers the DbContext factory of the provider and every feature service of Core. The factory pools its
    /// contexts: a context made afresh costs more than the short queries the screens run with it (setting up its
    /// internal services and connection), and every service makes one per call. The options carry
    /// <see cref="SqliteFunctions"/> themselves, since a pooled context may not change its options when configured.
    /// On PostgreSQL the factory makes <see cref="PostgreSqlPortaaliDbContext"/>s (its own migrations), handed out as
    /// <see cref="PortaaliDbContext"/> like SQLite's.</summary>
    public static IServiceCollection AddPortaaliCore(this IServiceCollection services, string connectionString,
        DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        if (provider == DatabaseProvider.PostgreSql)
        {
            services.AddPooledDbContextFactory<PostgreSqlPortaaliDbContext>(o =>
                PostgreSqlPortaaliDbContext.Configure(o, connectionString).AddInterceptors(SqliteFunctions.Instance));
            services.AddSingleton<IDbContextFactory<PortaaliDbContext>>(sp =>
                new BaseContextFactory<PostgreSqlPortaaliDbContext>(sp.GetRequiredService<IDbContextFactory<PostgreSqlPortaaliDbContext>>()));
            // What asks for a scoped context rather than the factory (Data Protection's key store) gets the same type.
            services.AddScoped<PortaaliDbContext>(sp => sp.GetRequiredService<IDbContextFactory<PortaaliDbContext>>().CreateDbContext());
        }
        else
        {
            services.AddPooledDbContextFactory<PortaaliDbContext>(o => o.UseSqlite(connectionString).AddInterceptors(SqliteFunctions.Instance));
            services.AddScoped<PortaaliDbContext>(sp => sp.GetRequiredService<IDbContextFactory<PortaaliDbContext>>().CreateDbContext());
        }
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<Jobs.InstanceOptions>();
        services.AddSingleton<Jobs.ThisInstance>();
        services.AddSingleton<Jobs.InstanceRegistry>();
        services.AddScoped<AccessGuard>();
        services.AddSingleton<SignInRevalidator>();
        services.AddScoped<CustomerService>();
        services.AddScoped<ContactService>();
        services.AddScoped<ClassificationService>();
        services.AddScoped<SegmentService>();
        services.AddScoped<CarePlans.CarePlanService>();
        Segments.Rfm.RfmSetup.AddPortaaliRfm(services);
        services.AddScoped<KeyAccountProposalService>();
        services.AddScoped<UserService>();
        services.AddScoped<ActivityService>();
        services.AddScoped<ActivitySetupService>();
        services.AddScoped<EmailImportService>();
        services.AddScoped<CalendarService>();
        services.AddScoped<WeeklyHoursService>();
        services.AddScoped<TeamMeetingService>();
        services.AddScoped<Offers.OfferService>();
        services.AddScoped<Offers.ProductService>();
        services.AddScoped<Sales.BillingService>();
        services.AddScoped<Sales.SalesTargetService>();
        services.AddScoped<Sales.SalesReportService>();
        services.AddScoped<CustomerExportService>();
        services.AddScoped<Selections.SelectionEngine>();
        services.AddScoped<Selections.SelectionService>();
        services.AddScoped<Desktops.DesktopService>();
        services.AddScoped<Desktops.WorkWidgetQueries>();
        services.AddScoped<Desktops.RecentCustomerService>();
        services.AddScoped<Selections.StaticListService>();
        services.AddScoped<Selections.StaticListBrowser>();
        services.AddScoped<Selections.SelectionExplainer>();
        services.AddScoped<Projects.ProjectService>();
        services.AddScoped<Projects.ProjectQueries>();
        services.AddScoped<Projects.ProjectNetworkExport>();
        services.AddScoped<Campaigns.CampaignService>();
        services.AddScoped<Campaigns.CampaignQueries>();
        services.AddScoped<Campaigns.RegistrationImportService>();
        Common.Storage.StorageSetup.AddPortaaliStorage(services, connectionString);
        Exports.ExportSetup.AddPortaaliExports(services);
        services.AddScoped<Selections.SelectionBuilderChoices>();
        services.AddScoped<CustomerBase.CustomerBaseAnalysisService>();
        services.AddScoped<Desktops.ManagementWidgetQueries>();
        services.AddScoped<KeyAccountTracking.KeyAccountTrackerService>();
        services.AddScoped<KeyAccountTracking.ScorecardService>();
        Offers.OfferFilesSetup.AddOfferFiles(services);
        services.AddPortaaliImports();
        services.AddPortaaliMail();
        Campaigns.MailingSetup.AddPortaaliMailings(services);
        services.AddScoped<ServiceOrderService>();
        services.AddScoped<ServiceOrderMailer>();
        services.AddScoped<CarePlans.CarePlanMonitor>();
        services.AddScoped<CarePlans.CarePlanMonitorQueries>();
        Usage.UsageSetup.AddPortaaliUsage(services);
        return services;
    }

    /// <summary>Applies migrations and, when the database holds no users, seeds the demo base. Reseed starts from an empty file.</summary>
    public static async Task InitializeAsync(IServiceProvider services, bool seedDemo, bool reseed, ILogger logger, CancellationToken ct = default)
    {
        var factory = services.GetRequiredService<IDbContextFactory<PortaaliDbContext>>();
        await using var db = await factory.CreateDbContextAsync(ct);
        var dataSource = db.Database.IsSqlite()
            ? new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource : null;
        if (!string.IsNullOrEmpty(dataSource) && Path.GetDirectoryName(Path.GetFullPath(dataSource)) is { } dir)
            Directory.CreateDirectory(dir);
        if (reseed)
        {
            logger.LogWarning("Re-seeding: the database is emptied and the demo base written again");
            await db.Database.EnsureDeletedAsync(ct);
        }
        await db.Database.MigrateAsync(ct);
        var seeded = false;
        if (seedDemo && !await db.Users.AnyAsync(ct))
        {
            // The first start is otherwise silent for a minute after "Building…"; say what is going on (README).
            logger.LogInformation("Seeding the demo database… (first start only, about a minute)");
            await new DemoSeeder(db).SeedAsync(ct);
            seeded = true;
        }
        // After the demo seed, so its customer groups get their plans too; on a production base, the segment plans.
        await CarePlans.CarePlanSeed.EnsureAsync(db, services.GetRequiredService<TimeProvider>(), ct);
        if (seeded)
        {
            // What the nightly jobs would have found, so a fresh demo shows RFM scores, the rules' suggestions and the
            // care-plan monitor's list on first start rather than "not computed yet". Before the app serves anyone.
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<Segments.Rfm.RfmService>().RecomputeAsync(ct);
            await scope.ServiceProvider.GetRequiredService<CarePlans.CarePlanMonitor>().RunAsync(CarePlans.CarePlanCheckTrigger.Nightly, ct);
            logger.LogInformation("The demo database is ready");
        }
    }

    /// <summary>A provider's context factory as the <see cref="PortaaliDbContext"/> factory the services ask for.</summary>
    private sealed class BaseContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<PortaaliDbContext>
        where TContext : PortaaliDbContext
    {
        public PortaaliDbContext CreateDbContext() => inner.CreateDbContext();

        public async Task<PortaaliDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
            await inner.CreateDbContextAsync(cancellationToken);
    }
}
