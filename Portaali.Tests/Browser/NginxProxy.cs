using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Portaali.Tests.Support;

namespace Portaali.Tests.Browser;

/// <summary>
/// Debian's nginx as an ordinary process (no daemon, every path in its own folder) on a free 127.0.0.1 port, in front of
/// app instances. Its site is made from <c>deploy/nginx/portaali.conf</c> — the maps, the upstream with its hash, and the
/// HTTPS server's directives and locations, with the instances' ports swapped in and the TLS and port-80 parts left out —
/// so a test proves the shipped configuration, not a copy. Its access log tells which instance served each request.
/// </summary>
public sealed partial class NginxProxy(string folder, IReadOnlyList<string> instanceUrls) : IAsyncDisposable
{
    public const string Executable = "/usr/sbin/nginx";

    /// <summary>The HTTPS server's directives a plain-HTTP test server cannot have, or has its own of.</summary>
    private static readonly string[] LeftOut = ["listen", "server_name", "ssl_certificate", "ssl_certificate_key", "ssl_protocols", "access_log", "error_log"];

    private const string Separator = " | ";
    private readonly StringBuilder output = new();
    private Process? process;

    public string BaseUrl { get; } = $"http://127.0.0.1:{AppProcess.FreePort()}";

    private string AccessLogPath => Path.Combine(folder, "access.log");

    public async Task StartAsync()
    {
        if (!File.Exists(Executable)) throw new FileNotFoundException($"{Executable} is missing: install Debian's nginx (./test.sh does)", Executable);
        var port = new Uri(BaseUrl).Port;
        var site = Site(File.ReadAllText(SourceTree.PathOf("deploy", "nginx", "portaali.conf")),
            instanceUrls.Select(url => new Uri(url).Port).ToList(), port);
        var config = Path.Combine(folder, "nginx.conf");
        // As root nginx's workers would run as nobody, who cannot enter a temporary folder of root's.
        File.WriteAllText(config, $$"""
            {{(Environment.UserName == "root" ? "user root;" : "")}}
            worker_processes 1;
            error_log {{folder}}/error.log;
            events { worker_connections 512; }
            http {
                log_format failover '$upstream_addr{{Separator}}$status{{Separator}}$request';
                access_log {{AccessLogPath}} failover;
                client_body_temp_path {{folder}}/body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;

            {{site}}
            }
            """);
        var start = new ProcessStartInfo(Executable,
            ["-p", folder + "/", "-e", Path.Combine(folder, "error.log"), "-c", config, "-g", $"daemon off; pid {folder}/nginx.pid;"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"nginx exited:\n{Output()}\n{config}:\n{File.ReadAllText(config)}");
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }

    /// <summary>Every request nginx has finished so far, in order (a WebSocket finishes when it closes).</summary>
    public IReadOnlyList<ProxiedRequest> AccessLog()
    {
        if (!File.Exists(AccessLogPath)) return [];
        using var stream = new FileStream(AccessLogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(Separator))
            .Select(field => new ProxiedRequest(field[0], int.Parse(field[1], System.Globalization.CultureInfo.InvariantCulture), field[2]))
            .ToList();
    }

    public string Output()
    {
        var errors = Path.Combine(folder, "error.log");
        lock (output) return output + (File.Exists(errors) ? File.ReadAllText(errors) : "");
    }

    public async ValueTask DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>
    /// The shipped configuration's maps and upstream, the shipped upstream's servers moved to <paramref name="instancePorts"/>
    /// in order, and one plain-HTTP server on <paramref name="port"/> with the HTTPS server's directives and locations.
    /// </summary>
    internal static string Site(string shipped, IReadOnlyList<int> instancePorts, int port)
    {
        var blocks = Statements(shipped);
        var maps = blocks.Where(b => b.StartsWith("map ", StringComparison.Ordinal)).ToList();
        var upstream = blocks.Single(b => b.StartsWith("upstream ", StringComparison.Ordinal));
        var servers = UpstreamServer().Matches(upstream);
        if (servers.Count != instancePorts.Count)
            throw new InvalidOperationException($"The shipped upstream has {servers.Count} servers, the test {instancePorts.Count} instances");
        var next = 0;
        upstream = UpstreamServer().Replace(upstream, m => $"{m.Groups[1].Value}127.0.0.1:{instancePorts[next++]}");
        var https = blocks.Single(b => b.StartsWith("server", StringComparison.Ordinal) && b.Contains("ssl_certificate"));
        var body = Statements(https[(https.IndexOf('{') + 1)..https.LastIndexOf('}')])
            .Where(s => !LeftOut.Contains(s.Split([' ', '\t', '\n'], 2)[0]));
        return string.Join("\n\n", maps) + "\n\n" + upstream + "\n\n" +
            $"server {{\n    listen 127.0.0.1:{port};\n    {string.Join("\n\n    ", body)}\n}}\n";
    }

    [GeneratedRegex(@"(\bserver\s+)127\.0\.0\.1:\d+")]
    private static partial Regex UpstreamServer();

    /// <summary>The top-level statements of an nginx configuration (a directive up to its ';', or a block up to its
    /// closing brace), comments dropped; quoted strings may hold ';' and braces.</summary>
    private static List<string> Statements(string text)
    {
        var statements = new List<string>();
        var current = new StringBuilder();
        var depth = 0;
        char? quote = null;
        var inComment = false;
        foreach (var c in text)
        {
            if (inComment)
            {
                if (c != '\n') continue;
                inComment = false;
            }
            else if (quote is null && c == '#')
            {
                inComment = true;
                continue;
            }
            current.Append(c);
            if (quote is not null)
            {
                if (c == quote) quote = null;
                continue;
            }
            switch (c)
            {
                case '"' or '\'': quote = c; break;
                case '{': depth++; break;
                case '}' when --depth == 0: Flush(); break;
                case ';' when depth == 0: Flush(); break;
            }
        }
        return statements;

        void Flush()
        {
            statements.Add(current.ToString().Trim());
            current.Clear();
        }
    }
}

/// <summary>One line of <see cref="NginxProxy.AccessLog"/>: the instance (or instances, when nginx tried the next one)
/// that served it, the status and the request line.</summary>
public sealed record ProxiedRequest(string Upstream, int Status, string Request)
{
    /// <summary>The instance that answered in the end ("127.0.0.1:5002").</summary>
    public string AnsweredBy => Upstream.Split(", ")[^1];

    public string Path => Request.Split(' ') is [_, var path, ..] ? path : "";
}
