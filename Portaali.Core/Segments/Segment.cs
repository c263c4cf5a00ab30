namespace Portaali.Core.Segments;

/// <summary>Customer segments: A key accounts (at most five), B growing, C basic, Potential leads.</summary>
public enum Segment { A, B, C, Potential }

public class SegmentChange
{
    public int Id { get; set; }
    public int CustomerId { get; set; }
    public Segment? From { get; set; }
    public Segment To { get; set; }
    public required string Reason { get; set; }
    public int? ChangedByUserId { get; set; }
    public string ChangedByName { get; set; } = "";
    public DateTime ChangedAt { get; set; }
}
