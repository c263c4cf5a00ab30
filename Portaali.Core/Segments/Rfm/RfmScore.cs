namespace Portaali.Core.Segments.Rfm;

/// <summary>A customer's current RFM score (recency, frequency, monetary, each 1–5) and the raw values it was made of,
/// as the last recompute left it. Only active customers have one.</summary>
public class RfmScore
{
    public int CustomerId { get; set; }
    public Customers.Customer? Customer { get; set; }
    public int Recency { get; set; }
    public int Frequency { get; set; }
    public int Monetary { get; set; }
    /// <summary>Helsinki date of the last counted contact up to <see cref="AsOf"/>, in or before the window; null if none ever.</summary>
    public DateOnly? LastContactOn { get; set; }
    public DateOnly? LastOrderOn { get; set; }
    /// <summary>Counted contacts in the window.</summary>
    public int Contacts { get; set; }
    /// <summary>Orders in the window.</summary>
    public int Orders { get; set; }
    /// <summary>Sum of the window's orders, VAT 0 %, in cents.</summary>
    public long OrderCents { get; set; }
    public int WindowMonths { get; set; }
    /// <summary>The window is <see cref="WindowFrom"/> … <see cref="AsOf"/>, both included (Helsinki dates).</summary>
    public DateOnly WindowFrom { get; set; }
    public DateOnly AsOf { get; set; }
    public DateTime ComputedAt { get; set; }

    public int Total => Recency + Frequency + Monetary;
}
