using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
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
    private readonly string dataDir;
    private Process? process;
    private ProcessStartInfo? startInfo;
    private IPlaywright? playwright;
    private readonly System.Text.StringBuilder log = new();

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = default!;
    public string ConnectionString => $"Data Source={Path.Combine(dataDir, "portaali.db")}";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(dataDir);
        File.Copy(await SeededTemplate.Value, Path.Combine(dataDir, "portaali.db"));
        BaseUrl = $"http://127.0.0.1:{FreePort()}";
        startInfo = AppStartInfo(dataDir, BaseUrl);
        await StartProcessAsync();

        // Two cores shared with the server: give assertions the same patience as actions, not Playwright's 5 s.
        Assertions.SetDefaultExpectTimeout(20_000);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>
    /// The demo base as the app seeds it on its first start (4,000 customers, their RFM scores and care plans: the longest
    /// part of a server's start), made once per test run by starting the app on a file of its own. The servers start on
    /// copies, whose users tell the app the base is already seeded.
    /// </summary>
    private static readonly Lazy<Task<string>> SeededTemplate = new(async () =>
    {
        var folder = Path.Combine(Path.GetTempPath(), "portaali-e2e-template-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { Directory.Delete(folder, recursive: true); } catch (IOException) { } };
        var url = $"http://127.0.0.1:{FreePort()}";
        var seeding = new PortaaliServer(folder) { BaseUrl = url, startInfo = AppStartInfo(folder, url) };
        try { await seeding.StartProcessAsync(); }
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

    public PortaaliServer() : this(Path.Combine(Path.GetTempPath(), "portaali-e2e-" + Guid.NewGuid().ToString("N")[..8])) { }

    private PortaaliServer(string dataDir)
    {
        this.dataDir = dataDir;
    }

    /// <summary>The app on <paramref name="baseUrl"/>, in Development with the demo sign-in, over the database and folders of
    /// <paramref name="dataDir"/>.</summary>
    private static ProcessStartInfo AppStartInfo(string dataDir, string baseUrl)
    {
        var root = RepositoryRoot();
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        var webDll = Path.Combine(root, "Portaali.Web", "bin", configuration, "net10.0", "Portaali.Web.dll");
        if (!File.Exists(webDll)) throw new FileNotFoundException("Build Portaali.Web first", webDll);
        var start = new ProcessStartInfo("dotnet", [webDll, "--urls", baseUrl])
        {
            WorkingDirectory = Path.Combine(root, "Portaali.Web"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ConnectionStrings__Portaali"] = $"Data Source={Path.Combine(dataDir, "portaali.db")}";
        start.Environment["Portaali__DemoSignIn"] = "true";
        // Uploads and pick-up folders in the run's own folder, and no nightly import (PRH is on the internet) during a test.
        start.Environment["Imports__DataFolder"] = Path.Combine(dataDir, "imports");
        foreach (var source in Enum.GetNames<Portaali.Core.Imports.ImportSource>())
            start.Environment[$"Imports__Schedules__{source}"] = "off";
        return start;
    }

    private async Task StartProcessAsync()
    {
        process = Process.Start(startInfo!)!;
        process.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitUntilUpAsync();
    }

    /// <summary>Kills the server as a crash or a deploy would (no graceful shutdown).</summary>
    public async Task KillAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>Starts the killed server again on the same address and database; open pages may reconnect to it.</summary>
    public Task StartAgainAsync() => StartProcessAsync();

    /// <summary>A kill -9 followed by a fresh start on the same address and database.</summary>
    public async Task RestartAsync()
    {
        await KillAsync();
        await StartAgainAsync();
    }

    public PortaaliDbContext OpenDb() =>
        new(new DbContextOptionsBuilder<PortaaliDbContext>().UseSqlite(ConnectionString).Options);

    /// <summary>A fresh browser context (no cookies) signed in as the named seeded user through the demo sign-in page.</summary>
    public async Task<IPage> SignInAsync(string displayName, string culture = "fi")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "fi-FI", ViewportSize = new() { Width = 1440, Height = 900 } });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        if (culture != "fi") await page.GotoAsync($"/culture?ui={culture}&returnUrl=/signin");
        await page.GotoAsync("/signin");
        await page.GetByRole(AriaRole.Button, new() { Name = displayName, Exact = true }).ClickAsync();
        try { await WaitForInteractiveAsync(page); }
        catch (TimeoutException e) { throw new TimeoutException("The app never became interactive. Server log:\n" + ServerLog(), e); }
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

    public string ServerLog() { lock (log) return log.ToString(); }

    private async Task WaitUntilUpAsync()
    {
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            if (process!.HasExited) throw new InvalidOperationException("Portaali exited during start-up:\n" + ServerLog());
            try
            {
                if ((await http.GetAsync(BaseUrl + "/signin")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(500);
        }
        throw new TimeoutException("Portaali did not start in 3 minutes:\n" + ServerLog());
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        await KillAsync();
        try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
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
