using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Portaali.Tests.Support;

namespace Portaali.Tests.Web.Hosting;

/// <summary>deploy/nginx/portaali.conf is a configuration Debian's nginx accepts (<c>nginx -t</c>, with its certificate and
/// log paths moved to a temporary folder; ./test.sh installs nginx when it is missing). Two instances behind the same
/// configuration, one of them stopped under a signed-in user: <see cref="Portaali.Tests.Browser.FailoverTests"/>.</summary>
public class NginxConfigTests : IDisposable
{
    private const string Nginx = "/usr/sbin/nginx";
    private readonly string folder = Directory.CreateTempSubdirectory("portaali-nginx-").FullName;
    private readonly string config = File.ReadAllText(SourceTree.PathOf("deploy", "nginx", "portaali.conf"));

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Debian_nginx_accepts_the_configuration()
    {
        Assert.True(File.Exists(Nginx), $"{Nginx} is missing: install Debian's nginx (./test.sh does)");
        var main = Render();

        var (exitCode, output) = await RunAsync(Nginx, "-t", "-p", folder + "/", "-e", Path.Combine(folder, "error.log"), "-c", main);

        Assert.True(exitCode == 0, output);
        Assert.Contains("test is successful", output);
    }

    [Fact]
    public async Task A_broken_upstream_is_refused_so_the_check_above_means_something()
    {
        Assert.True(File.Exists(Nginx), $"{Nginx} is missing: install Debian's nginx (./test.sh does)");
        var main = Render(c => c.Replace("hash $portaali_route consistent;", "hash $portaali_route sticky;"));

        var (exitCode, _) = await RunAsync(Nginx, "-t", "-p", folder + "/", "-e", Path.Combine(folder, "error.log"), "-c", main);

        Assert.NotEqual(0, exitCode);
    }

    [Fact]
    public void The_circuits_stay_on_their_instance_over_websockets_with_long_timeouts_and_forwarded_headers()
    {
        Assert.Contains("hash $portaali_route consistent;", config);
        Assert.Contains("server 127.0.0.1:5001", config);
        Assert.Contains("server 127.0.0.1:5002", config);
        Assert.Contains("proxy_set_header Upgrade           $http_upgrade;", config);
        Assert.Contains("proxy_set_header Connection        $portaali_connection;", config);
        Assert.Contains("proxy_read_timeout 1h;", config);
        Assert.Contains("proxy_set_header X-Forwarded-For   $proxy_add_x_forwarded_for;", config);
        Assert.Contains("proxy_set_header X-Forwarded-Proto $scheme;", config);
    }

    /// <summary>A main nginx.conf of its own around the site file, every path under the temporary folder.</summary>
    private string Render(Func<string, string>? change = null)
    {
        using var rsa = RSA.Create(2048);
        using var certificate = new CertificateRequest("CN=portaali.test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllText(Path.Combine(folder, "portaali.crt"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(folder, "portaali.key"), rsa.ExportPkcs8PrivateKeyPem());

        var site = config
            .Replace("/etc/ssl/portaali/", folder + "/")
            .Replace("/var/log/nginx/", folder + "/");
        File.WriteAllText(Path.Combine(folder, "portaali.conf"), change is null ? site : change(site));
        var main = Path.Combine(folder, "nginx.conf");
        File.WriteAllText(main, $$"""
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log;
            events { }
            http {
                access_log {{folder}}/access.log;
                client_body_temp_path {{folder}}/body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                include {{folder}}/portaali.conf;
            }
            """);
        return main;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
