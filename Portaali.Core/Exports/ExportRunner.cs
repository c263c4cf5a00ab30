using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portaali.Core.Common;
using Portaali.Core.Customers;
using Portaali.Core.Data;
using Portaali.Core.Selections;

namespace Portaali.Core.Exports;

/// <summary>The background side of exports: writes a queued export's rows, streamed from SQL, into its file with progress,
/// and removes old files. Called by Hangfire in the app and directly by tests; the right to read the source was checked
/// when the export was queued.</summary>
public class ExportRunner(IDbContextFactory<PortaaliDbContext> dbFactory, SelectionEngine engine, TimeProvider clock,
    IOptions<ExportOptions> options, Jobs.ThisInstance instance, ILogger<ExportRunner> logger)
{
    private ExportOptions Options => options.Value;

    /// <summary>Runs one queued export to its end: Done with the file, or Failed with a message the owner can read.</summary>
    public async Task RunAsync(int jobId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var job = await db.ExportJobs.FirstOrDefaultAsync(j => j.Id == jobId, ct);
        if (job is null || job.State != ExportState.Queued) return;
        job.State = ExportState.Running;
        job.InstanceId = instance.Id;
        await db.SaveChangesAsync(ct);

        var request = StoredExportRequest.Read(job.RequestJson);
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        string? path = null;
        try
        {
            // The titles and texts in the language of the person who asked, not of the job server.
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(request.UiCulture);
            if (!string.IsNullOrEmpty(request.Culture)) CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(request.Culture);
            var target = request.Kind switch
            {
                ExportSourceKind.Selection => await db.Selections.Where(s => s.Id == request.SourceId).Select(s => s.Target).FirstAsync(ct),
                ExportSourceKind.Campaign => SelectionTarget.Contacts,
                ExportSourceKind.Customers => SelectionTarget.Customers,
                _ => request.Target,
            };
            var offered = ExportColumns.For(request.Kind, target).ToList();
            var columns = offered.Where(c => request.Columns.Contains(c.Key)).ToList();
            var source = await ExportRowSource.CreateAsync(db, engine, request, job.OwnerUserId, columns, ct);

            // Counted first: an export past Excel's limit fails before a byte is written.
            var total = await source.Rows.CountAsync(ct);
            if (total > Options.MaxRows)
                throw new DomainException(CoreText.Get("ExportTooManyRows", total.ToString("N0", CultureInfo.CurrentCulture),
                    Options.MaxRows.ToString("N0", CultureInfo.CurrentCulture)));
            job.Total = total;
            await db.SaveChangesAsync(ct);

            Directory.CreateDirectory(Options.Folder!);
            path = Path.Combine(Options.Folder!, $"{job.Id}-{Guid.NewGuid():N}.xlsx");
            await WriteAsync(db, job.Id, path, job.Title, source, columns, ct);

            job.Done = total;
            job.FilePath = path;
            job.FileBytes = new FileInfo(path).Length;
            job.State = ExportState.Done;
            job.FinishedAtUtc = clock.GetUtcNow().UtcDateTime;
            if (request.Kind == ExportSourceKind.Selection)
            {
                var (_, ids) = await ExportRowSource.MemberIdsAsync(db, engine, request, ct);
                await SelectionService.RecordExportAsync(db, request.SourceId!.Value, ids, job.FinishedAtUtc.Value, ct);
            }
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e)
        {
            if (e is not DomainException) logger.LogError(e, "Export {JobId} failed", jobId);
            if (path is not null) TryDelete(path);
            await using var failed = await dbFactory.CreateDbContextAsync(CancellationToken.None);
            var message = e is DomainException ? e.Message : CoreText.Get("ExportFailed");
            await failed.ExportJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.State, ExportState.Failed).SetProperty(j => j.Error, message)
                .SetProperty(j => j.FilePath, (string?)null).SetProperty(j => j.FinishedAtUtc, clock.GetUtcNow().UtcDateTime), CancellationToken.None);
            if (e is OperationCanceledException) throw;
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    /// <summary>Streams the rows into the workbook a batch at a time: each batch's extra columns come in one query per column,
    /// and Done is written every <see cref="ExportOptions.ProgressEvery"/> rows.</summary>
    private async Task WriteAsync(PortaaliDbContext db, int jobId, string path, string title, ExportRowSource source,
        IReadOnlyList<ExportColumn> columns, CancellationToken ct)
    {
        var lookups = new ExportLookups(await db.Municipalities.AsNoTracking().ToDictionaryAsync(m => m.Code, ct));
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
        await using var excel = await ExcelWriter.CreateAsync(file, ct);
        await excel.AddSheetAsync(title, [.. columns.Select(c => c.ToExcel())], ct);

        // The batches' lookups and the progress go through a second context while the rows stream from the first: PostgreSQL
        // runs one command at a time on a connection (SQLite let them share it, so a large export failed only there).
        await using var side = await dbFactory.CreateDbContextAsync(ct);
        var batch = new List<ExportRow>(Options.BatchSize);
        var values = new object?[columns.Count];
        int done = 0, reported = 0;
        async Task FlushAsync()
        {
            await source.FillAsync(side, batch, ct);
            foreach (var row in batch)
            {
                for (var i = 0; i < columns.Count; i++) values[i] = columns[i].Value(row, lookups);
                await excel.AddRowAsync(values, ct);
            }
            done += batch.Count;
            batch.Clear();
            if (done - reported >= Options.ProgressEvery)
            {
                reported = done;
                await side.ExportJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s.SetProperty(j => j.Done, done), ct);
            }
        }

        await foreach (var row in source.Rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            batch.Add(row);
            if (batch.Count >= Options.BatchSize) await FlushAsync();
        }
        if (batch.Count > 0) await FlushAsync();
        await excel.FinishAsync(ct);
    }

    /// <summary>The daily clean-up: exports older than <see cref="ExportOptions.KeepDays"/> lose their file and their row.</summary>
    public async Task<int> RemoveExpiredAsync(CancellationToken ct = default)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-Options.KeepDays);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var old = await db.ExportJobs.Where(j => j.CreatedAtUtc < cutoff && j.State != ExportState.Running && j.State != ExportState.Queued)
            .Select(j => new { j.Id, j.FilePath }).ToListAsync(ct);
        foreach (var job in old)
            if (job.FilePath is not null) TryDelete(job.FilePath);
        var ids = old.Select(j => j.Id).ToList();
        await db.ExportJobs.Where(j => ids.Contains(j.Id)).ExecuteDeleteAsync(ct);
        return ids.Count;
    }

    /// <summary>Exports whose instance is gone (<see cref="Jobs.InstanceRegistry"/>) will never finish; a queued one is
    /// left alone when the job queue outlives the instances (Hangfire on PostgreSQL still runs it).</summary>
    public async Task MarkInterruptedAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var message = CoreText.Get("ExportInterrupted");
        var queueLost = !instance.QueueSurvivesRestart;
        await db.ExportJobs.Where(j => j.State == ExportState.Running || (queueLost && j.State == ExportState.Queued))
            .Where(j => j.InstanceId == null || !db.AppInstances.Any(i => i.Id == j.InstanceId))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, ExportState.Failed).SetProperty(j => j.Error, message)
                .SetProperty(j => j.FinishedAtUtc, clock.GetUtcNow().UtcDateTime), ct);
    }

    private void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException e) { logger.LogWarning(e, "Could not delete the export file {Path}", path); }
    }
}
