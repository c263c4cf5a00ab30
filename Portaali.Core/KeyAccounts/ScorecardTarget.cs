namespace Portaali.Core.KeyAccountTracking;

/// <summary>What a key account's scorecard (tuloskortti) measures over a calendar year (Helsinki dates).</summary>
public enum ScorecardMeasure
{
    /// <summary>The ex-VAT totals of the customer's orders whose order date falls in the year.</summary>
    SalesEuros,
    /// <summary>Orders whose training was delivered in the year: delivery begun (in delivery or invoiced) and the training's
    /// end date in the year and not after today; an order with no end date counts on its invoice date.</summary>
    TrainingsDelivered,
    /// <summary>Done meetings, visits and steering-group meetings on the customer with someone of the college's management taking part.</summary>
    ManagementMeetings,
    /// <summary>Done meetings with the co-development keyword, and done project work, on the customer.</summary>
    CoDevelopment,
    /// <summary>Done visits on the customer.</summary>
    Visits,
}

/// <summary>A yearly scorecard target of one key account, kept by management: whole cents for
/// <see cref="ScorecardMeasure.SalesEuros"/>, a count for the rest.</summary>
public class ScorecardTarget
{
    public int Id { get; set; }
    public int CustomerId { get; set; }
    public Customers.Customer? Customer { get; set; }
    public int Year { get; set; }
    public ScorecardMeasure Measure { get; set; }
    public long Target { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public int? UpdatedByUserId { get; set; }
    public string UpdatedByName { get; set; } = "";
    /// <summary>Changes on every save; a stale value means someone else saved first.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();
}
