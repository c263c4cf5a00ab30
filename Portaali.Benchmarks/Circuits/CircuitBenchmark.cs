using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Playwright;

namespace Portaali.Benchmarks.Circuits;

/// <summary>
/// Server memory per open tab: starts Portaali.Web from its Release output on a freshly seeded demo base (as the
/// browser tests' PortaaliServer does, with the heap diagnostics switched on), signs in in Chromium, and for each page
/// opens 10 tabs of it (not counted, they fill the pools shared by open circuits), then 50 more, reading the server's
/// managed heap after a full GC (the least of five settled reads) before and after the 50. Bytes per circuit =
/// (after − before) / 50, beside the same 50 tabs of the near-empty "not found" page measured in the same run.
/// <c>--tabs N</c> opens fewer (or more) tabs, for a loaded machine; the figures the docs keep are with 50.
/// </summary>
internal static class CircuitBenchmark
{
    public const int DefaultTabs = 50;
    private const long TargetBytes = 500 * 1024;
    private const string AccountManager = "Minna Lehtonen";

    /// <param name="hold">Seconds to keep each page's tabs open after the heap is read, e.g. for <c>dotnet-gcdump collect</c>
    /// on the server (its process id is printed).</param>
    /// <summary>Tabs of a page opened before its "before" and kept open, not counted (see <see cref="MeasureAsync"/>).</summary>
    private const int WarmTabs = 10;

    public static async Task<int> RunAsync(string? write, int tabs = DefaultTabs, int hold = 0)
    {
        if (tabs < 1) throw new ArgumentOutOfRangeException(nameof(tabs), tabs, "Open at least one tab per page");
        var root = RepositoryRoot();
        var webDll = Path.Combine(root, "Portaali.Web", "bin", "Release", "net10.0", "Portaali.Web.dll");
        if (!File.Exists(webDll)) throw new FileNotFoundException("Build Portaali.Web in Release first", webDll);
        var dataDir = Path.Combine(Path.GetTempPath(), "portaali-circuits-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dataDir);
        var baseUrl = $"http://127.0.0.1:{FreePort()}";
        using var server = StartServer(webDll, root, dataDir, baseUrl);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(2) };
            await WaitUntilUpAsync(http, server);
            Console.WriteLine($"Server process {server.Id} at {baseUrl}");
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = "/usr/bin/chromium",
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-quic"],
            });
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, Locale = "fi-FI", ViewportSize = new() { Width = 1440, Height = 900 } });
            context.SetDefaultTimeout(120_000);
            var signIn = await context.NewPageAsync();
            await signIn.GotoAsync("/signin");
            await signIn.GetByRole(AriaRole.Button, new() { Name = AccountManager, Exact = true }).ClickAsync();
            await signIn.WaitForSelectorAsync("body[data-interactive='true']");
            await signIn.GotoAsync("/customers");
            await signIn.WaitForSelectorAsync("[data-testid=customer-link]");
            var customerUrl = await signIn.GetByTestId("customer-link").First.GetAttributeAsync("href")
                ?? throw new InvalidOperationException("The customer view lists no customer");
            await signIn.GotoAsync("about:blank"); // its circuit closes, so only the measured tabs stay open

            (string Name, string Url, string Ready)[] measured =
            [
                ("Near-empty page (not found), the baseline", "/not-found", "h4"),
                ("Customer view, 25 rows", "/customers", "[data-testid=customer-link]"),
                ("A customer's page (details tab)", customerUrl, "[data-testid=customer-name]"),
            ];
            // A page's first use fills the server's one-time caches (MudBlazor's and the renderer's static tables, compiled
            // queries, pooled buffers): one tab of each first, closed again, so "before" holds them and the per-tab figure
            // is only what each open tab keeps (with 10 tabs, a 2 MB first-use cost would otherwise read as 200 KB a tab).
            foreach (var (_, url, ready) in measured) await OpenAndCloseAsync(http, context, url, ready);
            var results = new List<Measurement>();
            foreach (var (name, url, ready) in measured) results.Add(await MeasureAsync(http, context, tabs, hold, name, url, ready));
            var report = Markdown(results, tabs);
            Console.WriteLine(report);
            if (write is not null)
            {
                await File.WriteAllTextAsync(write, report);
                Console.WriteLine($"Written to {write}");
            }
            return results.Skip(1).Any(r => r.BytesPerCircuit > TargetBytes) ? 1 : 0;
        }
        finally
        {
            if (!server.HasExited) { server.Kill(entireProcessTree: true); await server.WaitForExitAsync(); }
            try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { }
        }
    }

    internal sealed record Measurement(string Page, string Url, int Circuits, long BeforeBytes, long AfterBytes, int? ComponentsPerCircuit)
    {
        public long BytesPerCircuit => (AfterBytes - BeforeBytes) / Circuits;
    }

    private sealed record Heap(long HeapBytes, int Circuits, int? Components, IReadOnlyDictionary<string, int> Types);

    private static async Task<Measurement> MeasureAsync(HttpClient http, IBrowserContext context, int tabs, int hold, string name, string url, string ready)
    {
        var start = await ReadHeapAsync(http);
        // Ten tabs first, kept open and not counted: the pools that grow with open circuits (ArrayPool buckets, SignalR's
        // and the renderer's buffers) fill with them, so "before" holds what any number of tabs shares and the measured
        // tabs add only what each keeps. Without them one run in two counted ~5 MB of pooled arrays as ~100 KB a tab.
        var pages = new List<IPage>();
        async Task OpenAsync(int count)
        {
            for (var i = 0; i < count; i++)
            {
                var page = await context.NewPageAsync();
                await page.GotoAsync(url);
                await page.WaitForSelectorAsync("body[data-interactive='true']");
                await page.WaitForSelectorAsync(ready);
                pages.Add(page);
            }
        }
        await OpenAsync(WarmTabs);
        var before = await ReadSettledHeapAsync(http);
        await OpenAsync(tabs);
        var after = await ReadSettledHeapAsync(http);
        var opened = after.Circuits - before.Circuits;
        if (opened != tabs) throw new InvalidOperationException($"{name}: {opened} circuits opened for {tabs} tabs");
        int? components = after.Components is { } a && before.Components is { } b ? (a - b) / tabs : null;
        Console.WriteLine($"{name}: {(after.HeapBytes - before.HeapBytes) / tabs:N0} bytes per circuit, {components} components");
        // Which components a tab keeps, most first: where the next cut is.
        Console.WriteLine("  " + string.Join(", ", after.Types
            .Select(t => (Type: t.Key, PerTab: (t.Value - before.Types.GetValueOrDefault(t.Key)) / (double)tabs))
            .Where(t => t.PerTab > 0).OrderByDescending(t => t.PerTab)
            .Select(t => $"{t.Type} × {t.PerTab.ToString("0.#", CultureInfo.InvariantCulture)}")));

        if (hold > 0)
        {
            Console.WriteLine($"  holding the {tabs} tabs open for {hold} s");
            await Task.Delay(TimeSpan.FromSeconds(hold));
        }

        // Leaving the page sends Blazor's disconnect beacon, which ends the circuit at once (a dropped socket would keep
        // it for the three-minute retention and let the next measurement's "after" shrink as it goes).
        foreach (var page in pages)
        {
            await page.GotoAsync("about:blank");
            await page.CloseAsync();
        }
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while ((await ReadHeapAsync(http)).Circuits > start.Circuits)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{name}: the closed tabs' circuits are still open after 5 minutes");
            await Task.Delay(1000);
        }
        return new Measurement(name, url, opened, before.HeapBytes, after.HeapBytes, components);
    }

    private static async Task OpenAndCloseAsync(HttpClient http, IBrowserContext context, string url, string ready)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(url);
        await page.WaitForSelectorAsync("body[data-interactive='true']");
        await page.WaitForSelectorAsync(ready);
        await page.GotoAsync("about:blank");
        await page.CloseAsync();
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while ((await ReadHeapAsync(http)).Circuits > 0)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{url}: the warm-up tab's circuit is still open after 5 minutes");
            await Task.Delay(1000);
        }
    }

    /// <summary>
    /// The heap once the server has settled: the least of five reads a second apart, each after a full GC. One read is
    /// a full GC too, but it also counts whatever is live at that instant and gone a moment later (a render or an
    /// interop call still in flight, a SignalR message being written, a pooled buffer rented): at 50 tabs a few
    /// megabytes of that moved a single read's "per circuit" by up to 100 KB between runs of the same code.
    /// </summary>
    private static async Task<Heap> ReadSettledHeapAsync(HttpClient http)
    {
        Heap? least = null;
        for (var i = 0; i < 5; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var heap = await ReadHeapAsync(http);
            if (least is null || heap.HeapBytes < least.HeapBytes) least = heap;
        }
        return least!;
    }

    private static async Task<Heap> ReadHeapAsync(HttpClient http)
    {
        using var json = JsonDocument.Parse(await http.GetStringAsync("/diagnostics/heap"));
        var components = json.RootElement.GetProperty("components");
        var types = json.RootElement.TryGetProperty("componentTypes", out var byType) && byType.ValueKind == JsonValueKind.Object
            ? byType.EnumerateObject().ToDictionary(t => t.Name, t => t.Value.GetInt32())
            : new Dictionary<string, int>();
        return new Heap(json.RootElement.GetProperty("heapBytes").GetInt64(), json.RootElement.GetProperty("circuits").GetInt32(),
            components.ValueKind == JsonValueKind.Number ? components.GetInt32() : null, types);
    }

    private static string Markdown(IReadOnlyList<Measurement> results, int tabs)
    {
        var inv = CultureInfo.InvariantCulture;
        var baseline = results[0].BytesPerCircuit;
        var lines = new List<string>
        {
            "# Server memory per circuit",
            "",
            "Produced by `dotnet run -c Release --project Portaali.Benchmarks -- --circuits --write docs/benchmarks-circuits.md`",
            "(build the solution in Release first): Portaali.Web from its Release output on a freshly seeded demo base",
            $"(4,000 customers), {tabs} Chromium tabs of each page, signed in as an account manager. \"per circuit\" is the",
            $"server's managed heap after a full GC with the {tabs} tabs open minus before, divided by {tabs}; \"components\" is the",
            "live components the tabs added, per tab. One tab of each page is opened and closed first, so one-time caches",
            $"are not counted per tab, and {WarmTabs} tabs of the page are open before \"before\" (not counted), so the pools that grow",
            "with open circuits are full; each read is the least of five a second apart, each after a full GC. The heap is read from `/diagnostics/heap`, mapped only when",
            "`Portaali:Diagnostics:Heap` is true (never in production) and answering only on loopback. Target: ≤ 500 KB per",
            "circuit on the customer view and on a customer's page.",
            "",
            $"Measured {DateTime.UtcNow:yyyy-MM-dd} on {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}.",
            "",
            "| page | tabs | heap before | heap after | per circuit | × baseline | components per circuit | target |",
            "|---|---:|---:|---:|---:|---:|---:|---:|",
        };
        lines.AddRange(results.Select((r, i) =>
            $"| {r.Page} | {r.Circuits} | {Kb(r.BeforeBytes)} | {Kb(r.AfterBytes)} | {Kb(r.BytesPerCircuit)} | " +
            $"{(baseline > 0 ? (r.BytesPerCircuit / (double)baseline).ToString("0.0", inv) : "–")} | {r.ComponentsPerCircuit?.ToString(inv) ?? "–"} | " +
            $"{(i == 0 ? "" : (r.BytesPerCircuit <= TargetBytes ? "✓" : "✗") + " ≤ 500 KB")} |"));
        return string.Join(Environment.NewLine, lines) + Environment.NewLine;

        static string Kb(long bytes) => $"{(bytes / 1024.0).ToString("N0", CultureInfo.InvariantCulture)} KB";
    }

    private static Process StartServer(string webDll, string root, string dataDir, string baseUrl)
    {
        var start = new ProcessStartInfo("dotnet", [webDll, "--urls", baseUrl])
        {
            WorkingDirectory = Path.Combine(root, "Portaali.Web"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ConnectionStrings__Portaali"] = $"Data Source={Path.Combine(dataDir, "portaali.db")}";
        start.Environment["Portaali__DemoSignIn"] = "true";
        start.Environment["Portaali__Diagnostics__Heap"] = "true";
        start.Environment["Imports__DataFolder"] = Path.Combine(dataDir, "imports");
        foreach (var source in Enum.GetNames<Portaali.Core.Imports.ImportSource>())
            start.Environment[$"Imports__Schedules__{source}"] = "off";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilUpAsync(HttpClient http, Process server)
    {
        // Seeding the demo base on a shared, loaded machine has taken over five minutes.
        var deadline = DateTime.UtcNow.AddMinutes(20);
        while (DateTime.UtcNow < deadline)
        {
            if (server.HasExited) throw new InvalidOperationException("Portaali exited during start-up");
            try
            {
                if ((await http.GetAsync("/signin")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(500);
        }
        throw new TimeoutException("Portaali did not start in 20 minutes");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Portaali.sln"))) return dir.FullName;
        throw new InvalidOperationException("Portaali.sln not found above " + AppContext.BaseDirectory);
    }
}
