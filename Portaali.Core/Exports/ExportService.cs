#pragma warning disable CS9113 // lead's contract: the implementing part removes this line
using Microsoft.EntityFrameworkCore;
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
public sealed record ExportColumnChoice(string Key, string Title, bool Default);

/// <summary>Queues exports as background jobs writing streamed .xlsx files, with progress; the owner downloads them.
/// (Lead's contract for issue 9; the exports part implements it.)</summary>
public class ExportService(IDbContextFactory<PortaaliDbContext> dbFactory, AccessGuard guard, TimeProvider clock)
{
    /// <summary>The columns one can pick for a source kind and target.</summary>
    public IReadOnlyList<ExportColumnChoice> ColumnsFor(ExportSourceKind kind, SelectionTarget target) => throw new NotImplementedException();

    /// <summary>Queues the export and returns its job id; the job's progress shows on /exports.</summary>
    public Task<int> QueueAsync(ExportRequest request, CancellationToken ct = default) => throw new NotImplementedException();
}
