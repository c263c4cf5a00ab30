using System.Security.Claims;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portaali.Core.Classifications;
using Portaali.Core.Contacts;
using Portaali.Core.Customers;
using Portaali.Core.Data;
using Portaali.Core.Security;
using Portaali.Core.Segments;
using Portaali.Core.Users;

namespace Portaali.Tests.Support;

/// <summary>
/// Core services over a real, migrated SQLite file of their own (or, with <see cref="DatabaseProvider.PostgreSql"/>, a
/// database of their own on the test cluster: <see cref="PostgreSqlTestDatabases"/>), with a switchable signed-in user and
/// a fixed clock. Create with <see cref="CreateAsync"/>; disposing deletes the file or drops the database.
/// </summary>
public sealed class CoreHarness : IAsyncDisposable
{
    /// <summary>The harness clock starts here: a Tuesday, so dates in assertions are easy to read.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 30, 0, TimeSpan.Zero);

    private readonly ServiceProvider root;
    private readonly AsyncServiceScope scope;
    private readonly TestCurrentUser currentUser;

    /// <summary>The SQLite file; on PostgreSQL the database's name.</summary>
    public string DatabasePath { get; }
    public DatabaseProvider Provider { get; }
    public FixedClock Clock { get; }
    public IDbContextFactory<PortaaliDbContext> DbFactory { get; }
    public CustomerService Customers => scope.ServiceProvider.GetRequiredService<CustomerService>();
    public ContactService Contacts => scope.ServiceProvider.GetRequiredService<ContactService>();
    public ClassificationService Classifications => scope.ServiceProvider.GetRequiredService<ClassificationService>();
    public SegmentService Segments => scope.ServiceProvider.GetRequiredService<SegmentService>();
    public UserService Users => scope.ServiceProvider.GetRequiredService<UserService>();
    public Portaali.Core.Activities.ActivityService Activities => scope.ServiceProvider.GetRequiredService<Portaali.Core.Activities.ActivityService>();
    public Portaali.Core.Activities.ActivitySetupService ActivitySetup => scope.ServiceProvider.GetRequiredService<Portaali.Core.Activities.ActivitySetupService>();
    public Portaali.Core.Activities.EmailImportService EmailImport => scope.ServiceProvider.GetRequiredService<Portaali.Core.Activities.EmailImportService>();
    public Portaali.Core.Calendar.CalendarService Calendar => scope.ServiceProvider.GetRequiredService<Portaali.Core.Calendar.CalendarService>();
    public Portaali.Core.Calendar.WeeklyHoursService WeeklyHours => scope.ServiceProvider.GetRequiredService<Portaali.Core.Calendar.WeeklyHoursService>();
    public Portaali.Core.Calendar.TeamMeetingService TeamMeeting => scope.ServiceProvider.GetRequiredService<Portaali.Core.Calendar.TeamMeetingService>();
    public Portaali.Core.Offers.OfferService Offers => scope.ServiceProvider.GetRequiredService<Portaali.Core.Offers.OfferService>();
    public Portaali.Core.Offers.ProductService Products => scope.ServiceProvider.GetRequiredService<Portaali.Core.Offers.ProductService>();

    private CoreHarness(string databasePath, DatabaseProvider provider, ServiceProvider root, TestCurrentUser currentUser, FixedClock clock)
    {
        DatabasePath = databasePath;
        Provider = provider;
        this.root = root;
        this.currentUser = currentUser;
        Clock = clock;
        scope = root.CreateAsyncScope();
        DbFactory = root.GetRequiredService<IDbContextFactory<PortaaliDbContext>>();
    }

    /// <summary>A fresh database file with every migration applied and nobody signed in.</summary>
    /// <param name="postgreSqlLocale">On PostgreSQL, a database created with this ICU locale's collation instead of the
    /// test cluster's (and migrated here when <paramref name="migrate"/>).</param>
    public static async Task<CoreHarness> CreateAsync(bool migrate = true, Action<IServiceCollection>? configure = null,
        DatabaseProvider provider = DatabaseProvider.Sqlite, string? postgreSqlLocale = null)
    {
        var path = provider == DatabaseProvider.PostgreSql
            ? postgreSqlLocale is null ? await PostgreSqlTestDatabases.CreateAsync(migrate) : await PostgreSqlTestDatabases.CreateWithLocaleAsync(postgreSqlLocale)
            : Path.Combine(Path.GetTempPath(), $"portaali-test-{Guid.NewGuid():N}.db");
        // No pooling: a pooled connection would keep the file open and block deleting it on dispose.
        var connectionString = provider == DatabaseProvider.PostgreSql
            ? PostgreSqlTestDatabases.ConnectionString(path)
            : new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        var currentUser = new TestCurrentUser();
        var clock = new FixedClock(Now);

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAuthorizationCore(Policies.Register);
        services.AddPortaaliCore(connectionString, provider);
        services.Replace(ServiceDescriptor.Singleton<ICurrentUser>(currentUser));
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
        configure?.Invoke(services);

        // Every migration is applied once per test run, to a template each harness copies: migrating a fresh file
        // for each of several hundred tests was minutes of CPU in a suite that must stay under fifteen.
        if (migrate && provider == DatabaseProvider.Sqlite) File.Copy(await MigratedTemplate.Value, path);
        var harness = new CoreHarness(path, provider, services.BuildServiceProvider(validateScopes: true), currentUser, clock);
        if (migrate && postgreSqlLocale is not null)
        {
            await using var db = harness.Db();
            await db.Database.MigrateAsync();
        }
        return harness;
    }

    /// <summary>A database file with every migration applied, made once per test run; copy it, never open it.</summary>
    public static Task<string> MigratedTemplateAsync() => MigratedTemplate.Value;

    private static readonly Lazy<Task<string>> MigratedTemplate = new(async () =>
    {
        var path = Path.Combine(Path.GetTempPath(), $"portaali-core-template-{Guid.NewGuid():N}.db");
        var options = new DbContextOptionsBuilder<PortaaliDbContext>()
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()).Options;
        await using (var db = new PortaaliDbContext(options)) await db.Database.MigrateAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(path);
        return path;
    });

    public PortaaliDbContext Db() => DbFactory.CreateDbContext();

    /// <summary>Replaces this harness's database with a copy of <paramref name="file"/> (a seeded template from
    /// <see cref="SeededTemplates"/>); call it before the test opens the database.</summary>
    public void UseDatabaseFrom(string file)
    {
        if (Provider != DatabaseProvider.Sqlite) throw new NotSupportedException("Seeded templates are SQLite files.");
        File.Copy(file, DatabasePath, overwrite: true);
    }

    /// <summary>Replaces this harness's database with a copy of a seeded template from <see cref="SeededTemplates"/> made on
    /// the same provider (a file on SQLite, a template database on PostgreSQL); call it before the test opens the database.</summary>
    public async Task UseDatabaseFromAsync(string template)
    {
        if (Provider == DatabaseProvider.PostgreSql) await PostgreSqlTestDatabases.ReplaceAsync(DatabasePath, template);
        else UseDatabaseFrom(template);
    }

    /// <summary>Any service of the harness's scope, for features without a shortcut above.</summary>
    public T Service<T>() where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    // ---- who is signed in -------------------------------------------------------------------

    public void SignInAs(AppUser user) =>
        currentUser.Principal = new ClaimsPrincipal(PortaaliClaims.For(user, "Test"));

    /// <summary>Signs in the first user of the group, creating one when the database has none.</summary>
    public async Task<AppUser> SignInAsAsync(UserGroup group)
    {
        await using var db = Db();
        var user = await db.Users.AsNoTracking().Where(u => u.Group == group && u.IsActive).OrderBy(u => u.Id).FirstOrDefaultAsync()
            ?? await CreateUserAsync(group);
        SignInAs(user);
        return user;
    }

    public void SignOut() => currentUser.Principal = new ClaimsPrincipal(new ClaimsIdentity());

    // ---- quick data -------------------------------------------------------------------------

    private int userNumber;

    public async Task<AppUser> CreateUserAsync(UserGroup group, string? name = null)
    {
        var number = Interlocked.Increment(ref userNumber);
        var user = new AppUser
        {
            DisplayName = name ?? $"{group} Testaaja {number}",
            Email = $"{group.ToString().ToLowerInvariant()}.{number}@test.invalid",
            Group = group,
        };
        await using var db = Db();
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user;
    }

    /// <summary>Writes a customer straight to the database (no audit, no responsible) for arranging a test.</summary>
    public async Task<Customer> AddCustomerAsync(string name, string? businessId = null, string? municipalityCode = "091",
        Segment segment = Segment.C, bool passive = false, Action<Customer>? configure = null)
    {
        var customer = new Customer
        {
            Name = name, NameSearch = CustomerRules.SearchForm(name), BusinessId = businessId, MunicipalityCode = municipalityCode,
            Segment = segment, IsPassive = passive, CreatedAt = Now.UtcDateTime,
        };
        configure?.Invoke(customer);
        await using var db = Db();
        db.Customers.Add(customer);
        await db.SaveChangesAsync();
        return customer;
    }

    /// <summary>A customer written in SQL with the columns the first migration made, for tests that migrate from an early
    /// schema: the current model has columns (ComparableName) that schema does not have yet.</summary>
    public async Task<Customer> AddCustomerToEarlySchemaAsync(string name, string? businessId = null, string? industryCode = null)
    {
        await using var db = Db();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Customers" ("Name", "NameSearch", "BusinessId", "MunicipalityCode", "IndustryCode", "SizeClass", "Segment", "IsPassive", "CreatedAt", "Version")
            VALUES ({name}, {CustomerRules.SearchForm(name)}, {businessId}, '091', {industryCode}, 0, 'C', 0, {Now.UtcDateTime}, {Guid.NewGuid()})
            """);
        var id = await db.Database.SqlQuery<int>($"SELECT max(\"Id\") AS \"Value\" FROM \"Customers\"").SingleAsync();
        return new Customer { Id = id, Name = name, BusinessId = businessId, IndustryCode = industryCode, MunicipalityCode = "091" };
    }

    public async Task<Contact> AddContactAsync(int customerId, string firstName, string lastName, Action<Contact>? configure = null)
    {
        var contact = new Contact
        {
            CustomerId = customerId, FirstName = firstName, LastName = lastName,
            NameSearch = CustomerRules.SearchForm($"{firstName} {lastName}"),
        };
        configure?.Invoke(contact);
        await using var db = Db();
        db.Contacts.Add(contact);
        await db.SaveChangesAsync();
        return contact;
    }

    public async Task AddResponsibleAsync(int customerId, int userId)
    {
        await using var db = Db();
        db.CustomerResponsibles.Add(new CustomerResponsible { CustomerId = customerId, UserId = userId });
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await scope.DisposeAsync();
        await root.DisposeAsync();
        if (Provider == DatabaseProvider.PostgreSql)
        {
            await PostgreSqlTestDatabases.DropAsync(DatabasePath);
            return;
        }
        foreach (var file in new[] { DatabasePath, DatabasePath + "-wal", DatabasePath + "-shm", DatabasePath + "-journal" })
            if (File.Exists(file)) File.Delete(file);
    }
}

/// <summary>The signed-in user of a test; switch it between calls to act as someone else.</summary>
public sealed class TestCurrentUser : ICurrentUser
{
    public ClaimsPrincipal Principal { get; set; } = new(new ClaimsIdentity());
    public Task<ClaimsPrincipal> GetPrincipalAsync() => Task.FromResult(Principal);
}

/// <summary>A clock that stands still until a test moves it.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    private Action? onNextRead;

    public DateTimeOffset UtcNow { get; set; } = now;

    public override DateTimeOffset GetUtcNow()
    {
        Interlocked.Exchange(ref onNextRead, null)?.Invoke();
        return UtcNow;
    }

    public void Advance(TimeSpan by) => UtcNow += by;

    /// <summary>Runs an action the next time a service reads the clock: services read it between loading and saving,
    /// so a test can put another user's save exactly there.</summary>
    public void OnNextRead(Action action) => onNextRead = action;
}
