using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portaali.Core.Data;

namespace Portaali.Tests.Browser;

/// <summary>
/// The real app, started as its own process on a free port over a fresh SQLite file with the seeded demo base,
/// and Debian's Chromium driven by Playwright. One per collection: the journeys (<see cref="BrowserCollection"/>) and
/// the few that kill or restart the server (<see cref="RestartingBrowserCollection"/>), which then run beside the others
/// instead of stopping them. Each starts on a copy of one demo base the app seeded once per test run.
/// </summary>
public sealed class PortaaliServer : IAsyncLifetime
{
    private readonly string dataDir = Path.Combine(Path.GetTempPath(), "portaali-e2e-" + Guid.NewGuid().ToString("N")[..8]);
    private AppProcess? app;
    private IPlaywright? playwright;

    public string BaseUrl => app?.BaseUrl ?? "";
    public IBrowser Browser { get; private set; } = default!;
    public string ConnectionString => $"Data Source={Path.Combine(dataDir, "portaali.db")}";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(dataDir);
        File.Copy(await SeededDemoBaseAsync(), Path.Combine(dataDir, "portaali.db"));
        app = new AppProcess(dataDir);
        await app.StartAsync();
        (playwright, Browser) = await LaunchChromiumAsync();
    }

    /// <summary>Debian's Chromium through Playwright, headless, with assertions as patient as actions.</summary>
    internal static async Task<(IPlaywright, IBrowser)> LaunchChromiumAsync()
    {
        // Two cores shared with the server: give assertions the same patience as actions, not Playwright's 5 s.
        Assertions.SetDefaultExpectTimeout(20_000);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        return (playwright, browser);
    }

    /// <summary>
    /// The demo base as the app seeds it on its first start (4,000 customers, their RFM scores and care plans: the longest
    /// part of a server's start), made once per test run by starting the app on a file of its own. The servers start on
    /// copies, whose users tell the app the base is already seeded. Copy it, never open it.
    /// </summary>
    internal static Task<string> SeededDemoBaseAsync() => SeededTemplate.Value;

    private static readonly Lazy<Task<string>> SeededTemplate = new(async () =>
    {
        var folder = Path.Combine(Path.GetTempPath(), "portaali-e2e-template-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { Directory.Delete(folder, recursive: true); } catch (IOException) { } };
        var seeding = new AppProcess(folder);
        try { await seeding.StartAsync(); }
        finally { await seeding.KillAsync(); }
        // The app was killed, not stopped: fold its write-ahead log into the file, so a copy of the file alone is whole.
        var path = Path.Combine(folder, "portaali.db");
        await using (var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await db.OpenAsync();
            await using var checkpoint = db.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            await checkpoint.ExecuteNonQueryAsync();
        }
        return path;
    });

    /// <summary>Kills the server as a crash or a deploy would (no graceful shutdown).</summary>
    public Task KillAsync() => app?.KillAsync() ?? Task.CompletedTask;

    /// <summary>Starts the killed server again on the same address and database; open pages may reconnect to it.</summary>
    public Task StartAgainAsync() => app!.StartAsync();

    /// <summary>A kill -9 followed by a fresh start on the same address and database.</summary>
    public async Task RestartAsync()
    {
        await KillAsync();
        await StartAgainAsync();
    }

    public PortaaliDbContext OpenDb() =>
        new(new DbContextOptionsBuilder<PortaaliDbContext>().UseSqlite(ConnectionString).Options);

    /// <summary>A fresh browser context (no cookies) signed in as the named seeded user through the demo sign-in page.</summary>
    public Task<IPage> SignInAsync(string displayName, string culture = "fi") =>
        SignInAsync(Browser, BaseUrl, displayName, culture, ServerLog);

    /// <summary>A fresh context of <paramref name="browser"/> on <paramref name="baseUrl"/> (an app or a proxy in front of
    /// apps), signed in as the named seeded user through the demo sign-in page.</summary>
    internal static async Task<IPage> SignInAsync(IBrowser browser, string baseUrl, string displayName, string culture, Func<string> serverLog)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, Locale = "fi-FI", ViewportSize = new() { Width = 1440, Height = 900 } });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        if (culture != "fi") await page.GotoAsync($"/culture?ui={culture}&returnUrl=/signin");
        await page.GotoAsync("/signin");
        await page.GetByRole(AriaRole.Button, new() { Name = displayName, Exact = true }).ClickAsync();
        try { await WaitForInteractiveAsync(page); }
        catch (TimeoutException e) { throw new TimeoutException("The app never became interactive. Server log:\n" + serverLog(), e); }
        return page;
    }

    public static Task WaitForInteractiveAsync(IPage page) =>
        page.WaitForSelectorAsync("body[data-interactive='true']");

    /// <summary>
    /// Waits until a JavaScript expression is truthy. Playwright's WaitForFunction polls through eval inside the page,
    /// which the app's Content-Security-Policy rightly refuses; an evaluation from the driver is not subject to it.
    /// </summary>
    public static async Task WaitUntilAsync(IPage page, string expression, int timeoutMs = 20_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!await IsTrueAsync())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Still false after {timeoutMs} ms: {expression}");
            await Task.Delay(100);
        }

        async Task<bool> IsTrueAsync()
        {
            // A page that is reloading (a reconnect gave up, a navigation) has no context to ask: not yet true.
            try { return await page.EvaluateAsync<bool>($"() => !!({expression})"); }
            catch (PlaywrightException) { return false; }
        }
    }

    public string ServerLog() => app?.Log() ?? "";

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        await KillAsync();
        try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { }
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Portaali.sln"))) return dir.FullName;
        throw new InvalidOperationException("Portaali.sln not found above " + AppContext.BaseDirectory);
    }
}

[CollectionDefinition(Name)]
public class BrowserCollection : ICollectionFixture<PortaaliServer>
{
    public const string Name = "Browser";
}

/// <summary>The journeys that crash or restart the server, on a server of their own: the others never wait out a
/// restart, and the two collections run side by side.</summary>
[CollectionDefinition(Name)]
public class RestartingBrowserCollection : ICollectionFixture<PortaaliServer>
{
    public const string Name = "Browser, restarting the server";
}
