#pragma warning disable CS9113 // lead's contract: the implementing part removes this line
using Microsoft.EntityFrameworkCore;
using Portaali.Core.Data;
using Portaali.Core.Security;

namespace Portaali.Core.Selections;

/// <summary>One node of the tree for one record: its description in the UI language, and whether it held.</summary>
public sealed record CriterionOutcome(Guid CriterionId, int Depth, string Description, bool Negated, bool Held);

/// <summary>Why a record is in the selection or which criteria (or default exclusion) left it out.</summary>
public sealed record MemberExplanation(int MemberId, string Name, bool IsMember, string? ExcludedByDefault,
    IReadOnlyList<CriterionOutcome> Outcomes);

/// <summary>Says why a record matched and, for one left out, which criterion excluded it. (Lead's contract for issue 9;
/// the engine part implements it.)</summary>
public class SelectionExplainer(IDbContextFactory<PortaaliDbContext> dbFactory, AccessGuard guard, SelectionEngine engine)
{
    /// <summary>The explanation for one customer or contact id (by the definition's target).</summary>
    public Task<MemberExplanation> ExplainAsync(SelectionDefinition definition, int memberId, CancellationToken ct = default) =>
        throw new NotImplementedException();

    /// <summary>For each of the given members (a page), the ids of the leaf criteria that held for it, in one query.</summary>
    public Task<IReadOnlyDictionary<int, IReadOnlySet<Guid>>> HeldCriteriaAsync(SelectionDefinition definition,
        IReadOnlyCollection<int> memberIds, CancellationToken ct = default) => throw new NotImplementedException();

    /// <summary>A criterion in words in the UI language ("Segment is B", "Not: municipality is Espoo").</summary>
    public Task<string> DescribeAsync(Criterion criterion, CancellationToken ct = default) => throw new NotImplementedException();
}
