using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portaali.Core.Calendar;
using Portaali.Core.Common;
using Portaali.Core.Data;
using Portaali.Core.Security;
using Portaali.Core.Selections;

namespace Portaali.Core.Exports;

/// <summary>What an export reads: a saved selection or list, an unsaved selection from the builder, a campaign's members,
/// or the customer list with its filter.</summary>
public enum ExportSourceKind { Selection, Definition, Campaign, Customers }

/// <summary>An export to run: its source, the chosen column keys (<see cref="ExportService.ColumnsFor"/>) and a title
/// for the file name.</summary>
public sealed record ExportRequest(ExportSourceKind Kind, string Title)
{
    public int? SourceId { get; init; }
    public SelectionDefinition? Definition { get; init; }
    public Customers.CustomerQuery? CustomerQuery { get; init; }
    public IReadOnlyList<string> Columns { get; init; } = [];
}

/// <summary>A column the user can pick: its stable key, its title in the UI language and whether it is on by default.</summary>
public sealed record ExportColumnChoice(string Key, string Title, bool Default)
{
    /// <summary>Customer, contact or campaign field, for grouping the choices.</summary>
    public ExportColumnGroup Group { get; init; }
}

/// <summary>An export as its owner sees it on /exports and in the dialog.</summary>
public sealed record ExportJobSummary(int Id, string Title, string FileName, ExportState State, int Total, int Done, string? Error,
    long? FileBytes, DateTime CreatedAtUtc, DateTime? FinishedAtUtc)
{
    /// <summary>0–100; a finished export is 100 even when it had no rows.</summary>
    public int Percent => State == ExportState.Done ? 100 : Total == 0 ? 0 : (int)Math.Min(100, Done * 100L / Total);
    public bool IsRunning => State is ExportState.Queued or ExportState.Running;
}

/// <summary>A finished export's file, opened for its owner's download.</summary>
public sealed record ExportFile(Stream Content, string FileName);

/// <summary>Queues exports as background jobs writing streamed .xlsx files, with progress; the owner downloads them.
/// The job itself is <see cref="ExportRunner"/>.</summary>
public class ExportService(IDbContextFactory<PortaaliDbContext> dbFactory, AccessGuard guard, TimeProvider clock,
    IServiceProvider services, IOptions<ExportOptions> options)
{
    /// <summary>The columns one can pick for a source kind and target, titles in the UI language.</summary>
    public IReadOnlyList<ExportColumnChoice> ColumnsFor(ExportSourceKind kind, SelectionTarget target) =>
        [.. ExportColumns.For(kind, target).Select(c => new ExportColumnChoice(c.Key, c.Title, c.Default) { Group = c.Group })];

    /// <summary>Queues the export and returns its job id; the job's progress shows on /exports. The right to read the
    /// source is checked here: a personal selection of someone else, a campaign without the campaign right or the
    /// customer list without its right is refused.</summary>
    public async Task<int> QueueAsync(ExportRequest request, CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        var offered = ExportColumns.For(request.Kind, TargetOf(request)).Select(c => c.Key).ToHashSet();
        var columns = request.Columns.Distinct().Where(offered.Contains).ToList();
        if (columns.Count == 0) throw new DomainException(CoreText.Get("ExportNoColumns"));
        var title = string.IsNullOrWhiteSpace(request.Title) ? CoreText.Get("ExportDefaultTitle") : request.Title.Trim();
        if (title.Length > 200) title = title[..200];

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        switch (request.Kind)
        {
            case ExportSourceKind.Selection:
                var selection = await db.Selections.AsNoTracking().Where(s => s.Id == request.SourceId)
                    .Select(s => new { s.OwnerUserId, s.IsShared }).FirstOrDefaultAsync(ct)
                    ?? throw new NotFoundException(CoreText.Get("SelectionNotFound"));
                if (!selection.IsShared && selection.OwnerUserId != actor.Id) throw new ForbiddenException(CoreText.Get("ExportNotYourSelection"));
                break;
            case ExportSourceKind.Definition:
                if (request.Definition is null) throw new DomainException(CoreText.Get("ExportNoSource"));
                break;
            case ExportSourceKind.Campaign:
                await guard.DemandAsync(Policies.RunCampaigns);
                if (!await db.Campaigns.AnyAsync(c => c.Id == request.SourceId, ct)) throw new NotFoundException(CoreText.Get("ExportNoSource"));
                break;
            case ExportSourceKind.Customers:
                await guard.DemandAsync(Policies.AnalyseCustomerBase);
                break;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var job = new ExportJob
        {
            OwnerUserId = actor.Id,
            Title = title,
            // A slash in a title ("Espoo / päättäjät") is no folder: FileNames.Safe would keep only what follows it.
            FileName = FileNames.Safe($"{title.Replace('/', ' ').Replace('\\', ' ')} {HelsinkiTime.Today(clock):yyyy-MM-dd}.xlsx", "export"),
            RequestJson = StoredExportRequest.From(request, columns, CultureInfo.CurrentUICulture.Name).Write(),
            State = ExportState.Queued,
            CreatedAtUtc = now,
            InstanceId = services.GetRequiredService<Jobs.ThisInstance>().QueueOwner,
        };
        db.ExportJobs.Add(job);
        await db.SaveChangesAsync(ct);
        services.GetRequiredService<IExportQueue>().Enqueue(job.Id);
        return job.Id;
    }

    /// <summary>The signed-in user's exports, newest first.</summary>
    public async Task<IReadOnlyList<ExportJobSummary>> MineAsync(CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ExportJobs.AsNoTracking().Where(j => j.OwnerUserId == actor.Id)
            .OrderByDescending(j => j.CreatedAtUtc).ThenByDescending(j => j.Id).Take(100)
            .Select(Summary).ToListAsync(ct);
    }

    /// <summary>One of the user's exports (the dialog follows its progress); someone else's is not found.</summary>
    public async Task<ExportJobSummary> GetAsync(int id, CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ExportJobs.AsNoTracking().Where(j => j.Id == id && j.OwnerUserId == actor.Id).Select(Summary).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException(CoreText.Get("ExportNotFound"));
    }

    /// <summary>The finished file for its owner; anyone else (or a file already removed) gets "not found".</summary>
    public async Task<ExportFile> OpenAsync(int id, CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var job = await db.ExportJobs.AsNoTracking()
            .FirstOrDefaultAsync(j => j.Id == id && j.OwnerUserId == actor.Id && j.State == ExportState.Done, ct);
        var folder = Path.GetFullPath(options.Value.Folder!);
        // Only files inside the exports folder are served, whatever the row says.
        if (job?.FilePath is not { } path || !Path.GetFullPath(path).StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || !File.Exists(path))
            throw new NotFoundException(CoreText.Get("ExportNotFound"));
        return new ExportFile(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan),
            job.FileName);
    }

    private static SelectionTarget TargetOf(ExportRequest request) => request.Kind switch
    {
        ExportSourceKind.Definition => request.Definition?.Target ?? SelectionTarget.Customers,
        ExportSourceKind.Campaign => SelectionTarget.Contacts,
        ExportSourceKind.Customers => SelectionTarget.Customers,
        // A saved selection's target is read when it runs; its columns are checked against the wider contact set here.
        _ => SelectionTarget.Contacts,
    };

    private static readonly System.Linq.Expressions.Expression<Func<ExportJob, ExportJobSummary>> Summary = j =>
        new ExportJobSummary(j.Id, j.Title, j.FileName, j.State, j.Total, j.Done, j.Error, j.FileBytes, j.CreatedAtUtc, j.FinishedAtUtc);
}

/// <summary>The request as the job row keeps it (JSON): the criteria as their own JSON, the UI language the titles are in.</summary>
public sealed record StoredExportRequest(ExportSourceKind Kind, int? SourceId, SelectionTarget Target, string? CriteriaJson,
    SelectionPurpose Purpose, bool IncludePassive, bool IncludeLeft, Customers.CustomerQuery? CustomerQuery, IReadOnlyList<string> Columns,
    string UiCulture)
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The number and date formats of the person who asked (fi-FI in both UI languages of the app).</summary>
    public string? Culture { get; init; }

    public static StoredExportRequest From(ExportRequest request, IReadOnlyList<string> columns, string uiCulture) =>
        new(request.Kind, request.SourceId, request.Definition?.Target ?? SelectionTarget.Customers,
            request.Definition is { } d ? Selections.CriteriaJson.Write(d.Criteria) : null,
            request.Definition?.Purpose ?? default, request.Definition?.IncludePassive ?? false, request.Definition?.IncludeLeft ?? false,
            request.CustomerQuery, columns, uiCulture) { Culture = CultureInfo.CurrentCulture.Name };

    public SelectionDefinition Definition() => new(Target, Selections.CriteriaJson.Read(CriteriaJson))
    {
        Purpose = Purpose, IncludePassive = IncludePassive, IncludeLeft = IncludeLeft,
    };

    public string Write() => JsonSerializer.Serialize(this, Json);
    public static StoredExportRequest Read(string json) => JsonSerializer.Deserialize<StoredExportRequest>(json, Json)!;
}
