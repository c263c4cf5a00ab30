namespace Portaali.Core.Suggestions;

/// <summary>What a suggestion asks a person to do. <see cref="Passivate"/> and <see cref="SegmentB"/> come from the imports
/// (a ceased company, a framework-agreement site) and from the segment rules (a Potential customer that ordered);
/// <see cref="ProposeA"/> and <see cref="ConsiderPassivation"/> only from the segment rules (RFM).</summary>
public enum SuggestionKind { Passivate, SegmentB, ProposeA, ConsiderPassivation }

public enum SuggestionResolution { Accepted, Dismissed }

/// <summary>Something the app noticed that a person must decide: passivate a ceased company, raise a framework-agreement
/// site or a Potential customer with an order to B, propose a steady B customer for A, consider passivating a dormant
/// C customer. The one suggestion mechanism of Portaali: the imports and the segment rules both write here, and
/// nothing happens until a person accepts.</summary>
public class Suggestion
{
    public int Id { get; set; }
    public int CustomerId { get; set; }
    public Customers.Customer? Customer { get; set; }
    public SuggestionKind Kind { get; set; }
    /// <summary>What caused it: an import's code (KONK, SELTILA, ENDED, FRAMEWORK) or a segment rule's (RFM-ORDER,
    /// RFM-TOP, RFM-DORMANT); one open suggestion per customer, kind and code.</summary>
    public required string Code { get; set; }
    /// <summary>The reason as it read when made, in Finnish; shown as such for rows made before <see cref="ReasonMessage"/>.</summary>
    public required string Reason { get; set; }
    /// <summary>The reason as a resource key and its arguments (<see cref="Common.CoreMessage"/>), rendered in the reader's
    /// language; null on older rows.</summary>
    public string? ReasonMessage { get; set; }
    /// <summary>The import run that made it; null for the segment rules.</summary>
    public int? RunId { get; set; }
    /// <summary>From the app clock; required so that no creator can leave it at 1.1.0001 (a check constraint backs it up).</summary>
    public required DateTime CreatedAt { get; init; }
    public DateTime? ResolvedAt { get; set; }
    public int? ResolvedByUserId { get; set; }
    public string? ResolvedByName { get; set; }
    public SuggestionResolution? Resolution { get; set; }
}
