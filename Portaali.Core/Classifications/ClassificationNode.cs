namespace Portaali.Core.Classifications;

/// <summary>Which records a classification tree applies to.</summary>
public enum ClassificationTarget { Customer, Contact }

public class ClassificationNode
{
    public int Id { get; set; }
    public int? ParentId { get; set; }
    public ClassificationNode? Parent { get; set; }
    public required string Name { get; set; }
    /// <summary>The English name; null (a node an administrator added without one) shows the Finnish name.</summary>
    public string? NameEn { get; set; }
    /// <summary>The name in the reader's UI language (in memory; queries project <c>NameEn ?? Name</c> themselves).</summary>
    public string Shown => Common.CoreText.ReaderIsEnglish && NameEn is not null ? NameEn : Name;
    public ClassificationTarget Target { get; set; }
    /// <summary>Retired nodes stay on history but cannot be newly assigned.</summary>
    public bool IsRetired { get; set; }
    public int SortOrder { get; set; }
    /// <summary>A stable key for nodes the app itself relies on (contact roles, work-placement sites).</summary>
    public string? SystemKey { get; set; }
    public List<ClassificationNode> Children { get; set; } = [];
}

public class CustomerClassification
{
    public int CustomerId { get; set; }
    public int NodeId { get; set; }
    public ClassificationNode? Node { get; set; }
    public DateTime AssignedAt { get; set; }
    public int? AssignedByUserId { get; set; }
}

public class ContactClassification
{
    public int ContactId { get; set; }
    public int NodeId { get; set; }
    public ClassificationNode? Node { get; set; }
    public DateTime AssignedAt { get; set; }
    public int? AssignedByUserId { get; set; }
}
