namespace Portaali.Core.Auditing;

/// <summary>Who changed what and when on a customer or one of its contacts.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public int? UserId { get; set; }
    public string UserName { get; set; } = "";
    public int CustomerId { get; set; }
    public required string EntityType { get; set; }
    public int EntityId { get; set; }
    public required string Action { get; set; }
    /// <summary>JSON array of field changes: [{"Field":"Phone","Old":"…","New":"…"}].</summary>
    public string Changes { get; set; } = "[]";
}
