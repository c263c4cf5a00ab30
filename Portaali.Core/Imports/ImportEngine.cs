using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portaali.Core.Auditing;
using Portaali.Core.Common;
using Portaali.Core.Customers;
using Portaali.Core.Data;

namespace Portaali.Core.Imports;

/// <summary>A row read from a source: its position (line, record number or customer id), the keys that must not
/// repeat within a file, and either the item or the reason it cannot be used.</summary>
public record ImportRow<T>(long Line, IReadOnlyList<string> Keys, T? Item, string? Error = null) where T : class
{
    public string? Key => Keys.Count > 0 ? Keys[0] : null;
    /// <summary>Read and counted, but not for this import (a company in PRH's bulk file that is not our customer).</summary>
    public bool IsSkipped { get; init; }

    public static ImportRow<T> Skipped(long line) => new(line, [], null) { IsSkipped = true };
}

public enum RowOutcome { Created, Updated, Unchanged, Failed, Duplicate }

public record RowResult(RowOutcome Outcome, Customer? Customer = null, string? Name = null,
    IReadOnlyList<FieldChange>? Changes = null, string? Error = null)
{
    public static RowResult Fail(string error) => new(RowOutcome.Failed, Error: error);
}

/// <summary>What a handler knows about the run it works in.</summary>
public sealed class ImportContext
{
    public required int RunId { get; init; }
    public required bool Apply { get; init; }
    public required ImportTrigger Trigger { get; init; }
    public required string? FilePath { get; init; }
    public required DateTime Now { get; init; }
    /// <summary>Shown as the author of the audit entries the import writes.</summary>
    public required string AuditName { get; init; }
    public int? UserId { get; init; }
    public required ImportOptions Options { get; init; }
    /// <summary>Rows up to this position were committed by an interrupted run of the same file.</summary>
    public long SkipThrough { get; set; }
    public Dictionary<string, long> SeenKeys { get; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>A handler's lookups, loaded once per run.</summary>
    public Dictionary<string, object> State { get; } = [];
    /// <summary>Something the administrator should know about the whole run; shown as the run's message.</summary>
    public string? Note { get; set; }
    /// <summary>The batch's prepared writes in its transaction, set by the engine for each batch: a handler writes through
    /// them instead of tracking entities for <c>SaveChanges</c>.</summary>
    public ImportWrites Writes { get; internal set; } = null!;
    /// <summary>Where the run's time went, logged when it ends.</summary>
    public ImportPhases Phases { get; } = new();
}

/// <summary>One import format: reads its rows and turns one row into changes. Rows are processed in order.</summary>
public abstract class ImportHandler<T> where T : class
{
    public abstract ImportSource Source { get; }
    /// <summary>The rows the run will go through, when they can be counted cheaply beforehand.</summary>
    public virtual Task<int?> CountAsync(ImportContext ctx, CancellationToken ct) => Task.FromResult<int?>(null);
    public abstract IAsyncEnumerable<ImportRow<T>> ReadAsync(ImportContext ctx, CancellationToken ct);
    /// <summary>Rows per batch, each batch a transaction: a crash loses at most one.</summary>
    public virtual int BatchSizeOf(ImportOptions options) => options.BatchSize;
    /// <summary>Called with a batch's rows before they are processed one by one, in the batch's transaction: a handler may
    /// read what the rows are compared with in a few queries for the whole batch (kept in <see cref="ImportContext.State"/>).</summary>
    public virtual Task PrepareBatchAsync(PortaaliDbContext db, IReadOnlyList<ImportRow<T>> rows, ImportContext ctx, CancellationToken ct) =>
        Task.CompletedTask;
    /// <summary>Compares the row with the database; in an apply run also makes the change, through the batch's prepared
    /// writes (<see cref="ImportContext.Writes"/>) or on tracked entities, which the engine saves with the rest of the batch.
    /// Validate before changing anything.</summary>
    public abstract Task<RowResult> ProcessAsync(PortaaliDbContext db, ImportRow<T> row, ImportContext ctx, CancellationToken ct);
}

/// <summary>A file or feed that cannot be read at all (wrong header, not a ZIP): the run fails with this message and is not retried.</summary>
public class ImportFileException(string message) : DomainException(message);

/// <summary>Runs an import in batches, each in its own transaction with the run's counters and checkpoint, so a crash
/// loses at most the batch in progress and the next run on the same file continues after the checkpoint.</summary>
public class ImportEngine(IDbContextFactory<PortaaliDbContext> dbFactory, IOptions<ImportOptions> options, TimeProvider clock,
    Jobs.ThisInstance instance, ILogger<ImportEngine> logger)
{
    /// <summary>The most rows that need no write (resumed, skipped, unchanged) before the run's progress is committed.</summary>
    private const int PassedRowsPerCommit = 5_000;

    public async Task RunAsync<T>(int runId, ImportHandler<T> handler, CancellationToken ct) where T : class
    {
        ImportContext ctx;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var run = await db.ImportRuns.FirstAsync(r => r.Id == runId, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            ctx = new ImportContext
            {
                RunId = runId, Apply = run.Mode == ImportMode.Apply, Trigger = run.Trigger, FilePath = run.FilePath, Now = now,
                AuditName = CoreText.Get("ImportAuditName", CoreText.Get($"ImportSource_{run.Source}")), UserId = run.StartedByUserId,
                Options = options.Value,
            };
            if (run.Mode == ImportMode.Apply && await FindInterruptedAsync(db, run, ct) is { } interrupted)
            {
                ctx.SkipThrough = interrupted.Checkpoint;
                run.ResumedFromRunId = interrupted.Id;
                run.Checkpoint = interrupted.Checkpoint;
            }
            run.Status = ImportStatus.Running;
            run.StartedAt = now;
            run.InstanceId = instance.Id;
            await db.SaveChangesAsync(ct);
        }

        try
        {
            var total = await handler.CountAsync(ctx, ct);
            await UpdateRunAsync(runId, r => r.Total = total, ct);
            var batchSize = Math.Max(1, handler.BatchSizeOf(options.Value));
            // Rows that need no write are committed (as progress) every so many rows, whatever the batch size.
            var passedPerCommit = Math.Min(batchSize * 50, PassedRowsPerCommit);
            var batch = new List<ImportRow<T>>(batchSize);
            var passed = new PassedRows();
            ctx.Phases.Enter(ImportPhases.Phase.Read);
            await foreach (var row in handler.ReadAsync(ctx, ct))
            {
                passed.LastLine = Math.Max(passed.LastLine, row.Line);
                if (row.Line <= ctx.SkipThrough) passed.Resumed++;
                else if (row.IsSkipped) passed.Skipped++;
                else batch.Add(row);
                // Passed-over rows are committed now and then too, so the progress of a long bulk file moves.
                if (batch.Count >= batchSize || passed.Count >= passedPerCommit)
                {
                    if (await CommitBatchAsync(handler, ctx, batch, passed, passedPerCommit, ct)) passed = new PassedRows();
                    batch.Clear();
                    ctx.Phases.Enter(ImportPhases.Phase.Read);
                }
            }
            await CommitBatchAsync(handler, ctx, batch, passed, 0, ct);
            ctx.Phases.Leave();
            logger.LogInformation("Import run {RunId} phases: {Phases}", runId, ctx.Phases);
            await FinishAsync(runId, null, ctx.Note, CancellationToken.None);
        }
        catch (Exception e) when (e is OperationCanceledException && ct.IsCancellationRequested)
        {
            await FinishAsync(runId, ImportStatus.Interrupted, CoreText.Get("ImportInterrupted"), CancellationToken.None);
            throw;
        }
        catch (Exception e)
        {
            logger.LogError(e, "Import run {RunId} failed", runId);
            await FinishAsync(runId, ImportStatus.Failed, e is DomainException ? e.Message : CoreText.Get("ImportCrashed", e.Message), CancellationToken.None);
            if (IsTransient(e)) throw; // Hangfire retries it; the retry resumes after the checkpoint
        }
    }

    /// <summary>Network and disk failures pass; a wrong file or a bug does not get better by retrying.</summary>
    public static bool IsTransient(Exception e) =>
        e is HttpRequestException or IOException or TimeoutException or Prh.PrhUnavailableException or TaskCanceledException;

    private static async Task<ImportRun?> FindInterruptedAsync(PortaaliDbContext db, ImportRun run, CancellationToken ct)
    {
        var previous = await db.ImportRuns.AsNoTracking()
            .Where(r => r.Id < run.Id && r.Source == run.Source && r.Mode == ImportMode.Apply && r.FileHash == run.FileHash
                        && r.Status != ImportStatus.Queued && r.Status != ImportStatus.Running)
            .OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        return previous is { Status: ImportStatus.Failed or ImportStatus.Interrupted, Checkpoint: > 0 } ? previous : null;
    }

    /// <summary>Rows that needed no work: committed by an interrupted run, not for this import, or unchanged (counted here
    /// while their batches wrote nothing, so an unchanged re-run does not commit a transaction per batch).</summary>
    private sealed class PassedRows
    {
        public int Resumed;
        public int Skipped;
        public int Unchanged;
        public long LastLine;
        public int Count => Resumed + Skipped + Unchanged;
        public static readonly PassedRows None = new();
    }

    /// <summary>Processes and commits a batch with the run's counters. A batch whose rows are all unchanged writes nothing:
    /// its rows join <paramref name="passed"/> and false is returned, until <paramref name="deferUpTo"/> rows wait (0: never defer).</summary>
    private async Task<bool> CommitBatchAsync<T>(ImportHandler<T> handler, ImportContext ctx, List<ImportRow<T>> rows, PassedRows passed,
        int deferUpTo, CancellationToken ct) where T : class
    {
        if (rows.Count == 0 && passed.Count == 0) return true;
        var lastLine = Math.Max(passed.LastLine, rows.Count == 0 ? 0 : rows[^1].Line);
        var fresh = rows.Where(r => r.Error is null).Where(r => IsFirstOccurrence(r, ctx, out _)).ToHashSet();
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await WidenPageCacheAsync(db, ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await using var writes = new ImportWrites(db);
            ctx.Writes = writes;
            var results = new List<(ImportRow<T> Row, RowResult Result)>();
            ctx.Phases.Enter(ImportPhases.Phase.Prepare);
            await handler.PrepareBatchAsync(db, rows.Where(fresh.Contains).ToList(), ctx, ct);
            ctx.Phases.Enter(ImportPhases.Phase.Process);
            foreach (var row in rows)
                results.Add((row, fresh.Contains(row) ? await ProcessSafelyAsync(handler, db, row, ctx, ct) : PreFailure(row, ctx)));
            if (!db.ChangeTracker.HasChanges() && writes.Count == 0 && results.All(r => r.Result.Outcome == RowOutcome.Unchanged)
                && passed.Count + results.Count < deferUpTo)
            {
                await tx.RollbackAsync(ct);
                passed.Unchanged += results.Count;
                return false;
            }
            ctx.Phases.Enter(ImportPhases.Phase.Save);
            await db.SaveChangesAsync(ct);
            ctx.Phases.Enter(ImportPhases.Phase.Record);
            await RecordAsync(db, ctx, results, passed, lastLine, ct);
            ctx.Phases.Enter(ImportPhases.Phase.Commit);
            await tx.CommitAsync(ct);
            ctx.Phases.Leave();
        }
        catch (DbUpdateException e)
        {
            // One row broke the batch's save: redo the batch row by row so only that row fails.
            logger.LogWarning(e, "Batch of run {RunId} failed to save; retrying row by row", ctx.RunId);
            for (var i = 0; i < rows.Count; i++)
            {
                var row = rows[i];
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                var tx = await db.Database.BeginTransactionAsync(ct);
                await using var writes = new ImportWrites(db);
                ctx.Writes = writes;
                try
                {
                    RowResult result;
                    try
                    {
                        if (fresh.Contains(row)) await handler.PrepareBatchAsync(db, [row], ctx, ct);
                        result = fresh.Contains(row) ? await ProcessSafelyAsync(handler, db, row, ctx, ct) : PreFailure(row, ctx);
                        await db.SaveChangesAsync(ct);
                    }
                    catch (DbUpdateException rowError)
                    {
                        // The refused row's writes are undone; its failure and the run's counters go in a transaction of
                        // their own (committing the rolled-back one would fail the whole run over one record).
                        await tx.RollbackAsync(ct);
                        await tx.DisposeAsync();
                        db.ChangeTracker.Clear();
                        result = RowResult.Fail(CoreText.Get("ImportRowNotSaved", rowError.InnerException?.Message ?? rowError.Message));
                        tx = await db.Database.BeginTransactionAsync(ct);
                    }
                    await RecordAsync(db, ctx, [(row, result)], i == 0 ? passed : PassedRows.None, i == rows.Count - 1 ? lastLine : row.Line, ct);
                    await tx.CommitAsync(ct);
                }
                finally
                {
                    await tx.DisposeAsync();
                }
            }
        }
        return true;
    }

    /// <summary>A batch changes rows all over the customers' indexes and the name search: thousands of pages, more than
    /// SQLite's default 2 MB page cache holds, which then spills them to the file mid-transaction and reads them back.
    /// The batch's connection gets room for them (a setting of the connection, kept while the pool keeps it).</summary>
    private static async Task WidenPageCacheAsync(PortaaliDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite()) return;
        await db.Database.OpenConnectionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -65536", ct); // KiB: 64 MiB
    }

    private static bool IsFirstOccurrence<T>(ImportRow<T> row, ImportContext ctx, out long firstLine) where T : class
    {
        firstLine = 0;
        foreach (var key in row.Keys)
            if (ctx.SeenKeys.TryGetValue(key, out var line) && line != row.Line) { firstLine = line; return false; }
        foreach (var key in row.Keys) ctx.SeenKeys.TryAdd(key, row.Line);
        return true;
    }

    private static RowResult PreFailure<T>(ImportRow<T> row, ImportContext ctx) where T : class
    {
        if (row.Error is not null) return RowResult.Fail(row.Error);
        var key = row.Keys.First(k => ctx.SeenKeys.TryGetValue(k, out var l) && l != row.Line);
        return new RowResult(RowOutcome.Duplicate, Error: CoreText.Get("ImportDuplicateKey", key[(key.IndexOf(':') + 1)..], ctx.SeenKeys[key]));
    }

    private static async Task<RowResult> ProcessSafelyAsync<T>(ImportHandler<T> handler, PortaaliDbContext db, ImportRow<T> row,
        ImportContext ctx, CancellationToken ct) where T : class
    {
        try { return await handler.ProcessAsync(db, row, ctx, ct); }
        catch (DomainException e) { return RowResult.Fail(e.Message); }
        catch (FormatException e) { return RowResult.Fail(e.Message); }
    }

    private async Task RecordAsync<T>(PortaaliDbContext db, ImportContext ctx, IReadOnlyList<(ImportRow<T> Row, RowResult Result)> results,
        PassedRows passed, long lastLine, CancellationToken ct) where T : class
    {
        var run = await db.ImportRuns.FirstAsync(r => r.Id == ctx.RunId, ct);
        foreach (var (row, result) in results)
        {
            switch (result.Outcome)
            {
                case RowOutcome.Failed or RowOutcome.Duplicate:
                    if (result.Outcome == RowOutcome.Duplicate) run.Duplicates++; else run.Failed++;
                    await ctx.Writes.InsertAsync(new ImportRowError { RunId = ctx.RunId, Line = row.Line, Key = DisplayKey(row.Key), Message = result.Error ?? "?" }, ct);
                    break;
                case RowOutcome.Unchanged:
                    run.Unchanged++;
                    break;
                default:
                    if (result.Outcome == RowOutcome.Created) run.Created++; else run.Updated++;
                    var customerId = result.Customer is { Id: > 0 } c ? c.Id : (int?)null;
                    var name = result.Customer?.Name ?? result.Name ?? "";
                    var changes = result.Changes ?? [];
                    var changesJson = JsonSerializer.Serialize(changes);
                    await ctx.Writes.InsertAsync(new ImportChange
                    {
                        RunId = ctx.RunId, Line = row.Line, CustomerId = customerId, CustomerName = name,
                        Kind = result.Outcome == RowOutcome.Created ? ImportChangeKind.Create : ImportChangeKind.Update,
                        Changes = changesJson,
                    }, ct);
                    if (ctx.Apply && customerId is { } id)
                        await ctx.Writes.InsertAsync(new AuditEntry
                        {
                            At = ctx.Now, UserId = null, UserName = ctx.AuditName, CustomerId = id, EntityType = "Customer", EntityId = id,
                            Action = result.Outcome == RowOutcome.Created ? "Created" : "Imported",
                            // The audit leaves suggestions out: without any, it is the same list, serialised once.
                            Changes = changes.Any(ch => ch.Field == ImportChanges.SuggestionField)
                                ? JsonSerializer.Serialize(changes.Where(ch => ch.Field != ImportChanges.SuggestionField))
                                : changesJson,
                        }, ct);
                    break;
            }
        }
        run.Resumed += passed.Resumed;
        run.Skipped += passed.Skipped;
        run.Unchanged += passed.Unchanged;
        run.Done += results.Count + passed.Count;
        if (lastLine > run.Checkpoint && ctx.Apply) run.Checkpoint = lastLine;
        await db.SaveChangesAsync(ct);
    }

    private static string? DisplayKey(string? key) => key is null ? null : key[(key.IndexOf(':') + 1)..];

    private async Task UpdateRunAsync(int runId, Action<ImportRun> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = await db.ImportRuns.FirstAsync(r => r.Id == runId, ct);
        change(run);
        await db.SaveChangesAsync(ct);
    }

    private Task FinishAsync(int runId, ImportStatus? status, string? message, CancellationToken ct) =>
        UpdateRunAsync(runId, run =>
        {
            run.Status = status ?? (run.Failed > 0 ? ImportStatus.CompletedWithErrors : ImportStatus.Succeeded);
            run.Message = message ?? run.Message;
            run.FinishedAt = clock.GetUtcNow().UtcDateTime;
        }, ct);
}

/// <summary>Pseudo-fields that show in a run's changes besides the customer's own fields.</summary>
public static class ImportChanges
{
    public const string SuggestionField = "Suggestion";
    public const string ClassificationField = "Classification";
    public const string ContactField = "Contact";
    public const string ExternalNumberField = "ExternalNumber";
    public const string ResponsibleField = "Responsible";
}
