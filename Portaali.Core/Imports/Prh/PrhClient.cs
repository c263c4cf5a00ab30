using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Portaali.Core.Imports.Prh;

/// <summary>The register answered with something other than a company list, after every retry.</summary>
public class PrhUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Reads companies from PRH's open-data API v3 at a polite pace, backing off when PRH answers 429.</summary>
public class PrhClient(HttpClient http, IOptions<ImportOptions> options, ILogger<PrhClient> logger)
{
    // One pace for the whole app: two jobs must not together exceed PRH's limit.
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static DateTime nextRequestAt = DateTime.MinValue;

    private PrhOptions Options => options.Value.Prh;

    /// <summary>The company with this Business ID, or null when PRH does not know it.</summary>
    public async Task<PrhCompany?> GetCompanyAsync(string businessId, CancellationToken ct)
    {
        var url = $"companies?businessId={Uri.EscapeDataString(businessId)}";
        for (var attempt = 1; ; attempt++)
        {
            await WaitForTurnAsync(ct);
            HttpResponseMessage response;
            try
            {
                response = await http.GetAsync(url, ct);
            }
            catch (HttpRequestException e) when (attempt < Options.MaxAttempts)
            {
                logger.LogWarning(e, "PRH request for {BusinessId} failed, attempt {Attempt}", businessId, attempt);
                await Task.Delay(Backoff(attempt, null), ct);
                continue;
            }
            using (response)
            {
                if (response.StatusCode == HttpStatusCode.NotFound) return null;
                if (response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500)
                {
                    if (attempt >= Options.MaxAttempts)
                        throw new PrhUnavailableException(Common.CoreText.Get("PrhUnavailable", (int)response.StatusCode, attempt));
                    var delay = Backoff(attempt, response.Headers.RetryAfter);
                    logger.LogInformation("PRH answered {Status}; waiting {Delay} before retrying {BusinessId}", (int)response.StatusCode, delay, businessId);
                    await Task.Delay(delay, ct);
                    continue;
                }
                if (response.StatusCode == HttpStatusCode.BadRequest) return null;
                response.EnsureSuccessStatusCode();
                var result = await response.Content.ReadFromJsonAsync<PrhCompanyResult>(ct);
                return result?.Companies?.FirstOrDefault(c => c.BusinessId?.Value?.Trim() == businessId);
            }
        }
    }

    /// <summary>Downloads the daily all_companies ZIP to a file, streaming, never whole in memory.</summary>
    public async Task DownloadAllCompaniesAsync(string path, CancellationToken ct)
    {
        await WaitForTurnAsync(ct);
        using var response = await http.GetAsync("all_companies", HttpCompletionOption.ResponseHeadersRead, ct);
        response.EnsureSuccessStatusCode();
        var partial = path + ".part";
        await using (var file = File.Create(partial))
            await (await response.Content.ReadAsStreamAsync(ct)).CopyToAsync(file, ct);
        File.Move(partial, path, overwrite: true);
    }

    private TimeSpan Backoff(int attempt, System.Net.Http.Headers.RetryConditionHeaderValue? retryAfter)
    {
        if (retryAfter?.Delta is { } delta) return delta;
        if (retryAfter?.Date is { } date && date > DateTimeOffset.UtcNow) return date - DateTimeOffset.UtcNow;
        return TimeSpan.FromSeconds(Options.BackoffSeconds * Math.Pow(2, attempt - 1));
    }

    private async Task WaitForTurnAsync(CancellationToken ct)
    {
        var interval = TimeSpan.FromMinutes(1) / Math.Max(1, Options.RequestsPerMinute);
        await Gate.WaitAsync(ct);
        try
        {
            var wait = nextRequestAt - DateTime.UtcNow;
            if (wait > TimeSpan.Zero) await Task.Delay(wait, ct);
            nextRequestAt = DateTime.UtcNow + interval;
        }
        finally { Gate.Release(); }
    }
}
