using Portaali.Core.Segments;

namespace Portaali.Core.Customers;

public class Customer
{
    private string name = "";

    public int Id { get; set; }
    /// <summary>Setting the name keeps <see cref="ComparableName"/> in step, whichever path sets it (create, edit, imports);
    /// EF Core loads the field directly.</summary>
    public required string Name
    {
        get => name;
        set { name = value; ComparableName = CustomerRules.ComparableName(value); }
    }
    /// <summary>Lower-cased name for case-insensitive search (SQLite LIKE folds only ASCII).</summary>
    public string NameSearch { get; set; } = "";
    /// <summary><see cref="CustomerRules.ComparableName"/> of the name, stored so the duplicate check finds its candidates
    /// through an index instead of comparing every customer of a municipality in memory.</summary>
    public string? ComparableName { get; set; }
    public string? BusinessId { get; set; }
    public string? CompanyForm { get; set; }
    public Address VisitingAddress { get; set; } = new();
    public Address PostalAddress { get; set; } = new();
    public string? MunicipalityCode { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Website { get; set; }
    /// <summary>Headcount size class 1–9; 0 means unknown.</summary>
    public int SizeClass { get; set; }
    public decimal? Revenue { get; set; }
    /// <summary>TOL 2008 industry code from the business-information service.</summary>
    public string? IndustryCode { get; set; }
    public Segment Segment { get; set; } = Segment.C;
    public bool IsPassive { get; set; }
    public DateOnly? PassivatedOn { get; set; }
    public string? PassivationReason { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Changes on every save; a stale value means someone else saved first.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<Contacts.Contact> Contacts { get; set; } = [];
    public List<ExternalNumber> ExternalNumbers { get; set; } = [];
    public List<CustomerResponsible> Responsibles { get; set; } = [];
    public List<Classifications.CustomerClassification> Classifications { get; set; } = [];
    public List<SegmentChange> SegmentChanges { get; set; } = [];
}

public class Address
{
    public string? Street { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }

    public override string ToString() =>
        string.Join(", ", new[] { Street, string.Join(" ", new[] { PostalCode, City }.Where(s => !string.IsNullOrWhiteSpace(s))) }
            .Where(s => !string.IsNullOrWhiteSpace(s)));
}

/// <summary>A customer number in another system (work-placement system, business-information service).</summary>
public class ExternalNumber
{
    public int Id { get; set; }
    public int CustomerId { get; set; }
    public required string System { get; set; }
    public required string Number { get; set; }
}

public class CustomerResponsible
{
    public int CustomerId { get; set; }
    public int UserId { get; set; }
    public Users.AppUser? User { get; set; }
}

public class Municipality
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string Region { get; set; }
}

/// <summary>The record left when a duplicate was merged into a surviving customer.</summary>
public class CustomerMerge
{
    public int Id { get; set; }
    public int SurvivorId { get; set; }
    public int MergedCustomerId { get; set; }
    public required string MergedName { get; set; }
    public string? MergedBusinessId { get; set; }
    /// <summary>JSON snapshot of the merged record's own fields, so nothing is lost.</summary>
    public required string Snapshot { get; set; }
    public required string Summary { get; set; }
    public int MergedByUserId { get; set; }
    public DateTime MergedAt { get; set; }
}
