using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portaali.Core.Common;
using Portaali.Core.Data;
using Portaali.Core.Imports.BusinessInfo;
using Portaali.Core.Imports.Prh;
using Portaali.Core.Imports.WorkPlacement;

namespace Portaali.Core.Imports;

/// <summary>Hands a queued run to the background job runner (Hangfire in the app).</summary>
public interface IImportQueue
{
    void Enqueue(int runId);
}

/// <summary>The imports as plain job methods: the recurring jobs and queued manual runs call these, and so do the tests.</summary>
public class ImportJobs(IDbContextFactory<PortaaliDbContext> dbFactory, IServiceProvider services, IOptions<ImportOptions> options,
    TimeProvider clock, Jobs.ThisInstance instance, ILogger<ImportJobs> logger)
{
    public static readonly ImportSource[] FileSources = [ImportSource.PrhBulk, ImportSource.BusinessInfoCsv, ImportSource.WorkPlacementCsv];

    /// <summary>Carries out a queued run to its end; a run already finished is left alone.</summary>
    public async Task ExecuteAsync(int runId, CancellationToken ct = default)
    {
        ImportSource source;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var run = await db.ImportRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, ct);
            if (run is null || run.Status is not (ImportStatus.Queued or ImportStatus.Running)) return;
            source = run.Source;
        }
        var engine = services.GetRequiredService<ImportEngine>();
        switch (source)
        {
            case ImportSource.PrhApi: await engine.RunAsync(runId, services.GetRequiredService<PrhApiHandler>(), ct); break;
            case ImportSource.PrhBulk: await engine.RunAsync(runId, services.GetRequiredService<PrhBulkHandler>(), ct); break;
            case ImportSource.BusinessInfoCsv: await engine.RunAsync(runId, services.GetRequiredService<BusinessInfoHandler>(), ct); break;
            case ImportSource.WorkPlacementCsv: await engine.RunAsync(runId, services.GetRequiredService<WorkPlacementHandler>(), ct); break;
        }
    }

    /// <summary>The nightly run of a source: the API for every customer, or the oldest file in the source's pick-up folder,
    /// which moves to processed/ once applied. Returns the run's id.</summary>
    public async Task<int> RunScheduledAsync(ImportSource source, CancellationToken ct = default)
    {
        string? path = null;
        Exception? downloadError = null;
        if (source == ImportSource.PrhBulk)
        {
            try { path = await BulkFileAsync(ct); }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested) { downloadError = e; }
        }
        else if (FileSources.Contains(source)) path = OldestFile(source);
        var runId = await CreateRunAsync(source, ImportMode.Apply, ImportTrigger.Scheduled, null, CoreText.Get("ImportScheduled"),
            path is null ? null : Path.GetFileName(path), path, ct);
        if (downloadError is not null)
        {
            // The run is the lasting record even when the night's file never arrived; Hangfire retries a network failure.
            logger.LogError(downloadError, "Downloading PRH's all_companies failed (run {RunId})", runId);
            await FinishEmptyAsync(runId, CoreText.Get("PrhBulkDownloadFailed", downloadError.Message), ct, ImportStatus.Failed);
            if (ImportEngine.IsTransient(downloadError)) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(downloadError);
            return runId;
        }
        if (FileSources.Contains(source) && path is null)
        {
            await FinishEmptyAsync(runId, CoreText.Get("ImportNoFileInFolder", options.Value.FolderOf(source)), ct);
            return runId;
        }
        await ExecuteAsync(runId, ct);
        if (path is not null && source != ImportSource.PrhBulk) await MoveProcessedAsync(runId, path, ct);
        return runId;
    }

    /// <summary>Runs whose instance is gone (<see cref="Jobs.InstanceRegistry"/>) can never finish: they are marked
    /// interrupted, and the next run of the same file resumes after their checkpoint. A queued run is left alone when the job
    /// queue outlives the instances (it still runs on one of them); with in-memory job storage it was lost with its instance.</summary>
    public async Task MarkInterruptedAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var queueLost = !instance.QueueSurvivesRestart;
        var count = await db.ImportRuns
            .Where(r => r.Status == ImportStatus.Running || (queueLost && r.Status == ImportStatus.Queued))
            .Where(r => r.InstanceId == null || !db.AppInstances.Any(i => i.Id == r.InstanceId))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ImportStatus.Interrupted)
                .SetProperty(r => r.Message, CoreText.Get("ImportInterruptedByRestart"))
                .SetProperty(r => r.FinishedAt, clock.GetUtcNow().UtcDateTime), ct);
        if (count > 0) logger.LogWarning("{Count} import runs were left unfinished by a stopped instance", count);
    }

    internal async Task<int> CreateRunAsync(ImportSource source, ImportMode mode, ImportTrigger trigger, int? userId, string userName,
        string? fileName, string? path, CancellationToken ct, int? dryRunId = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = new ImportRun
        {
            Source = source, Mode = mode, Trigger = trigger, Status = ImportStatus.Queued, StartedByUserId = userId, StartedByName = userName,
            FileName = fileName, FilePath = path, FileHash = path is null ? null : await HashAsync(path, ct),
            QueuedAt = clock.GetUtcNow().UtcDateTime, DryRunId = dryRunId, InstanceId = instance.QueueOwner,
        };
        db.ImportRuns.Add(run);
        await db.SaveChangesAsync(ct);
        return run.Id;
    }

    private async Task FinishEmptyAsync(int runId, string message, CancellationToken ct, ImportStatus status = ImportStatus.Succeeded)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = await db.ImportRuns.FirstAsync(r => r.Id == runId, ct);
        run.Status = status;
        run.Message = message;
        run.StartedAt = run.FinishedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    private async Task MoveProcessedAsync(int runId, string path, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = await db.ImportRuns.FirstAsync(r => r.Id == runId, ct);
        // A failed run keeps its file in place so that the next run resumes it.
        if (run.Status is not (ImportStatus.Succeeded or ImportStatus.CompletedWithErrors) || !File.Exists(path)) return;
        var folder = Path.Combine(Path.GetDirectoryName(path)!, "processed");
        Directory.CreateDirectory(folder);
        var target = Path.Combine(folder, $"{clock.GetUtcNow():yyyyMMdd-HHmmss}-{Path.GetFileName(path)}");
        File.Move(path, target);
        run.FilePath = target;
        await db.SaveChangesAsync(ct);
    }

    private string? OldestFile(ImportSource source)
    {
        var folder = options.Value.FolderOf(source);
        if (!Directory.Exists(folder)) return null;
        var pattern = source == ImportSource.PrhBulk ? "*.zip" : "*.csv";
        return new DirectoryInfo(folder).GetFiles(pattern).OrderBy(f => f.LastWriteTimeUtc).ThenBy(f => f.Name).FirstOrDefault()?.FullName;
    }

    /// <summary>The newest all_companies ZIP in the bulk folder; when there is none from today and downloading is on, today's is fetched.</summary>
    private async Task<string?> BulkFileAsync(CancellationToken ct)
    {
        var folder = options.Value.FolderOf(ImportSource.PrhBulk);
        Directory.CreateDirectory(folder);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var newest = new DirectoryInfo(folder).GetFiles("*.zip").OrderByDescending(f => f.LastWriteTimeUtc).FirstOrDefault();
        if (newest is not null && (!options.Value.Prh.DownloadBulk || DateOnly.FromDateTime(newest.LastWriteTimeUtc) >= today)) return newest.FullName;
        if (!options.Value.Prh.DownloadBulk) return null;
        var path = Path.Combine(folder, $"all_companies-{today:yyyy-MM-dd}.zip");
        await services.GetRequiredService<PrhClient>().DownloadAllCompaniesAsync(path, ct);
        return path;
    }

    internal static async Task<string> HashAsync(string path, CancellationToken ct)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexString(await SHA256.HashDataAsync(stream, ct));
    }
}
