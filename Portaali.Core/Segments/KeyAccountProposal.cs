namespace Portaali.Core.Segments;

/// <summary><see cref="Pending"/> waits for management; <see cref="Withdrawn"/> the proposer took it back.</summary>
public enum KeyAccountProposalState { Pending, Approved, Rejected, Withdrawn }

/// <summary>A proposal to make a customer a key account (segment A): A is proposed by the customer's people and decided
/// by management, never set by the proposer. At most one proposal per customer waits at a time.</summary>
public class KeyAccountProposal
{
    public const int MaxJustification = 2000;
    public const int MaxNote = 2000;

    public int Id { get; set; }
    public int CustomerId { get; set; }
    public Customers.Customer? Customer { get; set; }
    public int ProposedByUserId { get; set; }
    public string ProposedByName { get; set; } = "";
    public required string Justification { get; set; }
    public DateTime ProposedAt { get; set; }
    public KeyAccountProposalState State { get; set; }
    public DateTime? DecidedAt { get; set; }
    public int? DecidedByUserId { get; set; }
    public string? DecidedByName { get; set; }
    public string? DecisionNote { get; set; }
    /// <summary>When the proposer saw the outcome on their suggestions page; null while it is news to them.</summary>
    public DateTime? SeenByProposerAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}
