using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Portaali.Tests.Browser;

/// <summary>
/// Portaali.Web as a process of its own on a free 127.0.0.1 port, in Development with the demo sign-in, over the database
/// and folders of a data folder (its SQLite file <c>portaali.db</c> unless the settings say otherwise): started,
/// stopped as an administrator stops a server, killed as a crash does, and started again on the same address.
/// </summary>
public sealed class AppProcess
{
    private readonly StringBuilder log = new();
    private readonly ProcessStartInfo startInfo;
    private Process? process;

    public AppProcess(string dataDir, IReadOnlyDictionary<string, string>? settings = null)
    {
        BaseUrl = $"http://127.0.0.1:{FreePort()}";
        startInfo = MakeStartInfo(dataDir, BaseUrl, settings ?? new Dictionary<string, string>());
    }

    public string BaseUrl { get; }

    /// <summary>Starts the app and returns once it serves its sign-in page.</summary>
    public async Task StartAsync()
    {
        process = Process.Start(startInfo)!;
        process.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitUntilUpAsync();
    }

    /// <summary>
    /// Stops the app the way <c>systemctl stop</c> does: SIGTERM, so the host shuts down gracefully (Blazor closes its
    /// circuits' connections, Hangfire's server and the instance registry say goodbye). Returns the exit code.
    /// </summary>
    public async Task<int> StopAsync()
    {
        if (process is not { HasExited: false }) throw new InvalidOperationException("The app is not running");
        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", $"{process.Id}"]))!) await kill.WaitForExitAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try { await process.WaitForExitAsync(patience.Token); }
        catch (OperationCanceledException) { throw new TimeoutException("The app did not stop in a minute after SIGTERM:\n" + Log()); }
        return process.ExitCode;
    }

    /// <summary>Kills the app as a crash or a deploy would (no graceful shutdown).</summary>
    public async Task KillAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public string Log() { lock (log) return log.ToString(); }

    /// <summary>Runs one of the app's commands (<c>copy-to-postgresql …</c>) to its end: its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(params string[] arguments)
    {
        using var command = Process.Start(DotnetWeb(arguments))!;
        var stdout = command.StandardOutput.ReadToEndAsync();
        var stderr = command.StandardError.ReadToEndAsync();
        await command.WaitForExitAsync();
        return (command.ExitCode, await stdout + await stderr);
    }

    /// <summary><c>dotnet Portaali.Web.dll</c> of this build, with the arguments, run from the project's folder.</summary>
    private static ProcessStartInfo DotnetWeb(string[] arguments)
    {
        var root = PortaaliServer.RepositoryRoot();
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        var webDll = Path.Combine(root, "Portaali.Web", "bin", configuration, "net10.0", "Portaali.Web.dll");
        if (!File.Exists(webDll)) throw new FileNotFoundException("Build Portaali.Web first", webDll);
        return new ProcessStartInfo("dotnet", [webDll, .. arguments])
        {
            WorkingDirectory = Path.Combine(root, "Portaali.Web"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
    }

    private static ProcessStartInfo MakeStartInfo(string dataDir, string baseUrl, IReadOnlyDictionary<string, string> settings)
    {
        var start = DotnetWeb(["--urls", baseUrl]);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ConnectionStrings__Portaali"] = $"Data Source={Path.Combine(dataDir, "portaali.db")}";
        start.Environment["Portaali__DemoSignIn"] = "true";
        // Uploads and pick-up folders in the run's own folder, and no nightly import (PRH is on the internet) during a test.
        start.Environment["Imports__DataFolder"] = Path.Combine(dataDir, "imports");
        foreach (var source in Enum.GetNames<Portaali.Core.Imports.ImportSource>())
            start.Environment[$"Imports__Schedules__{source}"] = "off";
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__")] = value;
        return start;
    }

    private async Task WaitUntilUpAsync()
    {
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            if (process!.HasExited) throw new InvalidOperationException("Portaali exited during start-up:\n" + Log());
            try
            {
                if ((await http.GetAsync(BaseUrl + "/signin")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(500);
        }
        throw new TimeoutException("Portaali did not start in 3 minutes:\n" + Log());
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
