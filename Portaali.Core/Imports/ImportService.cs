using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portaali.Core.Auditing;
using Portaali.Core.Common;
using Portaali.Core.Data;
using Portaali.Core.Imports.BusinessInfo;
using Portaali.Core.Security;

namespace Portaali.Core.Imports;

public record ImportRunRow(int Id, ImportSource Source, ImportMode Mode, ImportTrigger Trigger, ImportStatus Status, string StartedByName,
    string? FileName, DateTime QueuedAt, DateTime? StartedAt, DateTime? FinishedAt, int? Total, int Done,
    int Created, int Updated, int Unchanged, int Failed, string? Message, int? ResumedFromRunId, int? DryRunId,
    int Duplicates = 0, int Skipped = 0, int Resumed = 0)
{
    public bool IsFinished => Status is not (ImportStatus.Queued or ImportStatus.Running);
    /// <summary>Rows that matched a customer (or made one): the rest were skipped, rejected, repeated or done before.</summary>
    public int Matched => Created + Updated + Unchanged;
    /// <summary>Rows with a reason in the rejected-rows list: invalid, not applicable, or a repeated key.</summary>
    public int Rejected => Failed + Duplicates;
}

public record ImportErrorRow(long Line, string? Key, string Message);

public record ImportChangeRow(long Line, int? CustomerId, string CustomerName, ImportChangeKind Kind, IReadOnlyList<FieldChange> Changes);

/// <summary>The administrators' imports: starting dry runs and runs from an upload or a pick-up folder, following their
/// progress, reading their results, and keeping the business-information field mapping.</summary>
public class ImportService(IDbContextFactory<PortaaliDbContext> dbFactory, AccessGuard guard, ImportJobs jobs, IImportQueue queue,
    IOptions<ImportOptions> options, TimeProvider clock, IImportSchedule schedule)
{
    /// <summary>Runs newest first, paged in SQL.</summary>
    public async Task<PagedResult<ImportRunRow>> ListRunsAsync(int page, int pageSize, ImportSource? source = null, CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.Administer);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var runs = db.ImportRuns.AsNoTracking();
        if (source is { } s) runs = runs.Where(r => r.Source == s);
        var total = await runs.CountAsync(ct);
        var rows = await Project(runs.OrderByDescending(r => r.Id).Skip(Math.Max(0, page) * pageSize).Take(pageSize)).ToListAsync(ct);
        return new PagedResult<ImportRunRow>(rows, total);
    }

    /// <summary>Every source with its schedule and its latest real run, so a failed night is seen on opening the page.</summary>
    public async Task<IReadOnlyList<ImportOverviewRow>> GetOverviewAsync(CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.Administer);
        var scheduled = schedule.Current();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var latestIds = await db.ImportRuns.Where(r => r.Mode == ImportMode.Apply)
            .GroupBy(r => r.Source).Select(g => g.Max(r => r.Id)).ToListAsync(ct);
        var latest = await Project(db.ImportRuns.AsNoTracking().Where(r => latestIds.Contains(r.Id))).ToDictionaryAsync(r => r.Source, ct);
        return Enum.GetValues<ImportSource>()
            .Select(s => new ImportOverviewRow(s, scheduled.GetValueOrDefault(s), latest.GetValueOrDefault(s)))
            .ToList();
    }

    /// <summary>One run's state, polled by the progress bar.</summary>
    public async Task<ImportRunRow> GetRunAsync(int runId, CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.Administer);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Project(db.ImportRuns.AsNoTracking().Where(r => r.Id == runId)).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException(CoreText.Get("ImportRunNotFound"));
    }

    public async Task<PagedResult<ImportErrorRow>> GetErrorsAsync(int runId, int page, int pageSize, CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.Administer);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var errors = db.ImportRowErrors.AsNoTracking().Where(e => e.RunId == runId);
        var total = await errors.CountAsync(ct);
        var rows = await errors.OrderBy(e => e.Line).ThenBy(e => e.Id).Skip(Math.Max(0, page) * pageSize).Take(pageSize)
            .Select(e => new ImportErrorRow(e.Line, e.Key, e.Message)).ToListAsync(ct);
        return new PagedResult<ImportErrorRow>(rows, total);
    }

    /// <summary>What the run created or changed, field by field, old → new.</summary>
    public async Task<PagedResult<ImportChangeRow>> GetChangesAsync(int runId, int page, int pageSize, CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.Administer);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var changes = db.ImportChanges.AsNoTracking().Where(c => c.RunId == runId);
        var total = await changes.CountAsync(ct);
        var rows = await changes.OrderBy(c => c.Line).ThenBy(c => c.Id).Skip(Math.Max(0, page) * pageSize).Take(pageSize)
            .Select(c => new { c.Line, c.CustomerId, c.CustomerName, c.Kind, c.Changes }).ToListAsync(ct);
        return new PagedResult<ImportChangeRow>(rows.Select(c => new ImportChangeRow(c.Line, c.CustomerId, c.CustomerName, c.Kind,
            AuditLog.ParseChanges(c.Changes))).ToList(), total);
    }

    /// <summary>What an upload for the source must be (type and size), for the page's file picker and its messages.</summary>
    public UploadRule UploadRuleOf(ImportSource source) => options.Value.UploadRuleOf(source);

    /// <summary>Keeps an uploaded file and queues a dry run or a run on it. Returns the run's id. A wrong type or a file over
    /// the limit is refused with a message (by its declared size before reading, else as soon as it passes the limit); a
    /// failed or cancelled upload leaves no file behind.</summary>
    public async Task<int> StartUploadAsync(ImportSource source, string fileName, Stream content, ImportMode mode, CancellationToken ct = default,
        long? size = null)
    {
        var actor = await guard.DemandAsync(Policies.Administer);
        if (!ImportJobs.FileSources.Contains(source)) throw new DomainException(CoreText.Get("ImportSourceNeedsNoFile"));
        var path = await Uploads.SaveAsync(content, options.Value.UploadFolder, fileName, size, UploadRuleOf(source), clock.GetUtcNow().UtcDateTime, ct);
        try
        {
            return await QueueAsync(source, mode, actor, Path.GetFileName(fileName), path, null, ct);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    /// <summary>Queues a dry run or a run: on the oldest file in the source's pick-up folder, or against the PRH API.</summary>
    public async Task<int> StartAsync(ImportSource source, ImportMode mode, CancellationToken ct = default)
    {
        var actor = await guard.DemandAsync(Policies.Administer);
        string? path = null;
        if (ImportJobs.FileSources.Contains(source))
        {
            var folder = options.Value.FolderOf(source);
            path = (Directory.Exists(folder) ? new DirectoryInfo(folder).GetFiles(source == ImportSource.PrhBulk ? "*.zip" : "*.csv") : [])
                .OrderBy(f => f.LastWriteTimeUtc).ThenBy(f => f.Name).FirstOrDefault()?.FullName
                ?? throw new DomainException(CoreText.Get("ImportNoFileInFolder", folder));
        }
        return await QueueAsync(source, mode, actor, path is null ? null : Path.GetFileName(path), path, null, ct);
    }

    /// <summary>Carries out what a dry run showed, on the same file.</summary>
    public async Task<int> ApplyDryRunAsync(int dryRunId, CancellationToken ct = default)
    {
        var actor = await guard.DemandAsync(Policies.Administer);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dry = await db.ImportRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == dryRunId, ct)
            ?? throw new NotFoundException(CoreText.Get("ImportRunNotFound"));
        if (dry.Mode != ImportMode.DryRun || !dry.Status.IsFinished()) throw new DomainException(CoreText.Get("ImportNotAFinishedDryRun"));
        if (dry.FilePath is not null && !File.Exists(dry.FilePath)) throw new DomainException(CoreText.Get("ImportFileMissing", dry.FileName));
        return await QueueAsync(dry.Source, ImportMode.Apply, actor, dry.FileName, dry.FilePath, dryRunId, ct);
    }

    private async Task<int> QueueAsync(ImportSource source, ImportMode mode, Actor actor, string? fileName, string? path, int? dryRunId, CancellationToken ct)
    {
        var runId = await jobs.CreateRunAsync(source, mode, ImportTrigger.Manual, actor.Id, actor.Name, fileName, path, ct, dryRunId);
        queue.Enqueue(runId);
        return runId;
    }

    /// <summary>Files waiting in each pick-up folder, for the admin page.</summary>
    public async Task<IReadOnlyDictionary<ImportSource, IReadOnlyList<string>>> GetWaitingFilesAsync()
    {
        await guard.DemandAsync(Policies.Administer);
        return ImportJobs.FileSources.ToDictionary(s => s, s =>
        {
            var folder = options.Value.FolderOf(s);
            return (IReadOnlyList<string>)(Directory.Exists(folder)
                ? new DirectoryInfo(folder).GetFiles(s == ImportSource.PrhBulk ? "*.zip" : "*.csv").OrderBy(f => f.LastWriteTimeUtc).Select(f => f.Name).ToList()
                : []);
        });
    }

    public async Task<IReadOnlyList<FieldMappingRow>> GetMappingAsync(CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.Administer);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await BusinessInfoHandler.LoadMappingAsync(db, ct);
    }

    /// <summary>Replaces the business-information field mapping; it must find the customer (Business ID or customer number)
    /// and map each field and column once.</summary>
    public async Task SaveMappingAsync(IReadOnlyList<FieldMappingRow> rows, CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.Administer);
        var cleaned = rows.Where(r => !string.IsNullOrWhiteSpace(r.Column)).Select(r => r with { Column = r.Column.Trim() }).ToList();
        var errors = new List<FieldError>();
        if (!cleaned.Any(r => ImportFields.IsKey(r.Field))) errors.Add(new("Mapping", CoreText.Get("MappingNeedsKey")));
        foreach (var field in cleaned.GroupBy(r => r.Field).Where(g => g.Count() > 1))
            errors.Add(new("Mapping", CoreText.Get("MappingFieldTwice", CoreText.Get($"ImportField_{field.Key}"))));
        foreach (var column in cleaned.GroupBy(r => r.Column, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            errors.Add(new("Mapping", CoreText.Get("MappingColumnTwice", column.Key)));
        if (errors.Count > 0) throw new ValidationFailedException(errors);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.ImportFieldMappings.Where(m => m.Source == ImportSource.BusinessInfoCsv).ExecuteDeleteAsync(ct);
        db.ImportFieldMappings.AddRange(cleaned.Select(r => new ImportFieldMapping
        {
            Source = ImportSource.BusinessInfoCsv, Column = r.Column, Field = r.Field, Overwrite = r.Overwrite && !ImportFields.IsKey(r.Field),
        }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private static IQueryable<ImportRunRow> Project(IQueryable<ImportRun> runs) =>
        runs.Select(r => new ImportRunRow(r.Id, r.Source, r.Mode, r.Trigger, r.Status, r.StartedByName, r.FileName, r.QueuedAt,
            r.StartedAt, r.FinishedAt, r.Total, r.Done, r.Created, r.Updated, r.Unchanged, r.Failed, r.Message, r.ResumedFromRunId, r.DryRunId,
            r.Duplicates, r.Skipped, r.Resumed));
}

public static class ImportStatusExtensions
{
    public static bool IsFinished(this ImportStatus status) => status is not (ImportStatus.Queued or ImportStatus.Running);
}
