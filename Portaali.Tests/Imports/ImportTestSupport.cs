using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portaali.Core.Data;
using Portaali.Core.Imports;
using Portaali.Tests.Support;

namespace Portaali.Tests.Imports;

public static class Fixtures
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Imports", "Fixtures", name);
    public static string Text(string name) => File.ReadAllText(PathOf(name));
}

/// <summary>Records what the service queued; the test then runs the job itself, as Hangfire would.</summary>
public sealed class RecordingImportQueue : IImportQueue
{
    public List<int> Queued { get; } = [];
    public void Enqueue(int runId) => Queued.Add(runId);
}

/// <summary>A harness with the imports configured: a data folder of its own, small batches, no PRH pacing.</summary>
public static class ImportHarness
{
    public static async Task<(CoreHarness H, string Folder)> CreateAsync(string? prhBaseUrl = null, int batchSize = 100,
        Action<ImportOptions>? configure = null, DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"portaali-imports-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var h = await CoreHarness.CreateAsync(provider: provider, configure: s =>
        {
            s.AddSingleton<IImportQueue, RecordingImportQueue>();
            s.Configure<ImportOptions>(o =>
            {
                o.DataFolder = folder;
                o.BatchSize = batchSize;
                o.Prh.BulkBatchSize = batchSize;
                o.Prh.BaseUrl = prhBaseUrl ?? "http://127.0.0.1:9/v3/";
                o.Prh.RequestsPerMinute = 60_000;
                o.Prh.BackoffSeconds = 0.01;
                configure?.Invoke(o);
            });
        });
        return (h, folder);
    }

    /// <summary>Runs every queued run to its end, as the Hangfire worker does.</summary>
    public static async Task RunQueuedAsync(this CoreHarness h)
    {
        var queue = (RecordingImportQueue)h.Service<IImportQueue>();
        foreach (var id in queue.Queued.ToList())
        {
            queue.Queued.Remove(id);
            await h.Service<ImportJobs>().ExecuteAsync(id);
        }
    }
}

/// <summary>PRH's open-data API on 127.0.0.1: serves /v3/companies?businessId= from fixtures, and answers 429 once when told to.</summary>
public sealed class PrhStub : IAsyncDisposable
{
    private readonly WebApplication app;
    public ConcurrentDictionary<string, string> Companies { get; } = new();
    public ConcurrentQueue<string> Requests { get; } = new();
    public ConcurrentDictionary<string, bool> TooManyOnce { get; } = new();
    /// <summary>The daily all_companies ZIP served at /v3/all_companies; null answers 503.</summary>
    public byte[]? AllCompaniesZip { get; set; }
    public int AllCompaniesRequests => allCompaniesRequests;
    private int allCompaniesRequests;
    /// <summary>Runs on each request before answering: lets a test stop the import mid-run.</summary>
    public Action<string>? OnRequest { get; set; }
    public string BaseUrl { get; private set; } = "";

    private PrhStub(WebApplication app) => this.app = app;

    public static async Task<PrhStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var stub = new PrhStub(app);
        app.MapGet("/v3/companies", (HttpContext http, string? businessId) =>
        {
            var id = businessId ?? "";
            stub.Requests.Enqueue(id);
            stub.OnRequest?.Invoke(id);
            if (stub.TooManyOnce.TryRemove(id, out _))
            {
                http.Response.Headers.RetryAfter = "0";
                return Results.Text("Too many requests", statusCode: (int)HttpStatusCode.TooManyRequests);
            }
            return stub.Companies.TryGetValue(id, out var json)
                ? Results.Text(json, "application/json")
                : Results.Text("""{"totalResults":0,"companies":[]}""", "application/json");
        });
        app.MapGet("/v3/all_companies", () =>
        {
            Interlocked.Increment(ref stub.allCompaniesRequests);
            return stub.AllCompaniesZip is { } zip
                ? Results.File(zip, "application/zip", "all_companies.zip")
                : Results.Text("Service unavailable", statusCode: (int)HttpStatusCode.ServiceUnavailable);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        stub.BaseUrl = address.TrimEnd('/') + "/v3/";
        return stub;
    }

    /// <summary>A company response for a Business ID: a fixture with its id and name swapped.</summary>
    public void Serve(string businessId, string fixture, string? lastModified = null, Func<string, string>? edit = null)
    {
        var json = Fixtures.Text(fixture).Replace("1234567-1", businessId).Replace("2345678-0", businessId);
        if (lastModified is not null) json = System.Text.RegularExpressions.Regex.Replace(json, "\"lastModified\": \"[^\"]+\"", $"\"lastModified\": \"{lastModified}\"");
        Companies[businessId] = edit is null ? json : edit(json);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
