using Portaali.Core.Segments;

namespace Portaali.Core.Customers;

/// <summary>The fields a person edits on a customer; Version carries the concurrency token from load to save.</summary>
public class CustomerEdit
{
    public string Name { get; set; } = "";
    public string? BusinessId { get; set; }
    public string? CompanyForm { get; set; }
    public string? VisitingStreet { get; set; }
    public string? VisitingPostalCode { get; set; }
    public string? VisitingCity { get; set; }
    public string? PostalStreet { get; set; }
    public string? PostalPostalCode { get; set; }
    public string? PostalCity { get; set; }
    public string? MunicipalityCode { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Website { get; set; }
    public int SizeClass { get; set; }
    public decimal? Revenue { get; set; }
    public string? IndustryCode { get; set; }
    public Guid Version { get; set; }
}

public enum CustomerSort { Name, BusinessId, Municipality, Segment, SizeClass, Revenue }

public record CustomerQuery
{
    public string? Text { get; init; }
    public bool IncludePassive { get; init; }
    public bool OnlyMine { get; init; }
    public string? MunicipalityCode { get; init; }
    public Segment? Segment { get; init; }
    public CustomerSort SortBy { get; init; } = CustomerSort.Name;
    public bool Descending { get; init; }
    public int Page { get; init; }
    public int PageSize { get; init; } = 25;
}

public record CustomerRow(int Id, string Name, string? BusinessId, string? MunicipalityCode, string? MunicipalityName,
    Segment Segment, int SizeClass, decimal? Revenue, bool IsPassive);

public record ContactRow(int Id, string FirstName, string LastName, string? Title, string? Phone, string? Email,
    bool HasLeft, IReadOnlyList<string> Roles)
{
    public string FullName => $"{FirstName} {LastName}";
}

public record AssignedClassification(int NodeId, string Path, bool IsRetired, DateTime AssignedAt);

public record SegmentHistoryRow(Segment? From, Segment To, string Reason, string ChangedBy, DateTime ChangedAt);

public record PersonRef(int Id, string Name);

public record ExternalNumberRow(string System, string Number);

public record MergeRow(string MergedName, string? MergedBusinessId, string Summary, DateTime MergedAt);

public record CustomerDetails(
    int Id, string Name, string? BusinessId, string? CompanyForm,
    Address VisitingAddress, Address PostalAddress, string? MunicipalityCode, string? MunicipalityName, string? Region,
    string? Phone, string? Email, string? Website, int SizeClass, decimal? Revenue, string? IndustryCode,
    Segment Segment, bool IsPassive, DateOnly? PassivatedOn, string? PassivationReason, Guid Version,
    IReadOnlyList<ContactRow> Contacts, IReadOnlyList<AssignedClassification> Classifications,
    IReadOnlyList<SegmentHistoryRow> SegmentHistory, IReadOnlyList<PersonRef> Responsibles,
    IReadOnlyList<ExternalNumberRow> ExternalNumbers, IReadOnlyList<MergeRow> Merges, bool IsFavourite)
{
    public CustomerEdit ToEdit() => new()
    {
        Name = Name, BusinessId = BusinessId, CompanyForm = CompanyForm,
        VisitingStreet = VisitingAddress.Street, VisitingPostalCode = VisitingAddress.PostalCode, VisitingCity = VisitingAddress.City,
        PostalStreet = PostalAddress.Street, PostalPostalCode = PostalAddress.PostalCode, PostalCity = PostalAddress.City,
        MunicipalityCode = MunicipalityCode, Phone = Phone, Email = Email, Website = Website,
        SizeClass = SizeClass, Revenue = Revenue, IndustryCode = IndustryCode, Version = Version,
    };
}

public enum DuplicateReason { SameBusinessId, SimilarNameSameMunicipality }

public record DuplicateCandidate(int Id, string Name, string? BusinessId, string? MunicipalityName, bool IsPassive, DuplicateReason Reason);
