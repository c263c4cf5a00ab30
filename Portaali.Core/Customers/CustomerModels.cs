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
    // The customer-base analysis drills down through these (docs/customer-base.md); each counts exactly the customers listed.
    /// <summary>A classification node with everything under it (a customer group and its subgroups), or
    /// <see cref="NoCustomerGroup"/> for customers in no customer group.</summary>
    public int? CustomerGroupId { get; init; }
    /// <summary>Headcount size class 1–9, 0 for unknown.</summary>
    public int? SizeClass { get; init; }
    /// <summary>A region (maakunta) by its name, or <see cref="Unknown"/> when the municipality is missing or not on the list.</summary>
    public string? Region { get; init; }
    /// <summary>A TOL 2008 section letter A–U, or <see cref="Unknown"/> for a missing or unrecognised industry code.</summary>
    public string? IndustrySection { get; init; }
    /// <summary>Customers that made this segment move inside the period.</summary>
    public SegmentMove? Moved { get; init; }
    public CustomerSort SortBy { get; init; } = CustomerSort.Name;
    public bool Descending { get; init; }
    public int Page { get; init; }
    public int PageSize { get; init; } = 25;

    /// <summary>The value of <see cref="CustomerGroupId"/> for customers in none of the customer groups (node ids start at 1).</summary>
    public const int NoCustomerGroup = 0;
    /// <summary>The value of <see cref="Region"/> and <see cref="IndustrySection"/> for the unknown bucket.</summary>
    public const string Unknown = "unknown";
}

/// <summary>A move between segments (From null: the customer's first segment, a new customer) on Helsinki dates
/// <paramref name="Since"/>–<paramref name="Until"/>, both days included.</summary>
public record SegmentMove(Segment? From, Segment To, DateOnly Since, DateOnly Until)
{
    /// <summary>The period as UTC instants, end exclusive: from Helsinki midnight starting <paramref name="since"/> to the
    /// midnight after <paramref name="until"/> (so a change at 23:30 on the last day is inside, in summer and winter time).</summary>
    public static (DateTime Start, DateTime End) UtcRange(DateOnly since, DateOnly until) =>
        (Calendar.HelsinkiTime.ToUtc(since), Calendar.HelsinkiTime.ToUtc(until.AddDays(1)));
}

public record CustomerRow(int Id, string Name, string? BusinessId, string? MunicipalityCode, string? MunicipalityName,
    Segment Segment, int SizeClass, decimal? Revenue, bool IsPassive);

public record ContactRow(int Id, string FirstName, string LastName, string? Title, string? Phone, string? Email,
    bool HasLeft, IReadOnlyList<string> Roles, bool NoMarketingEmail = false, DateTime? NoMarketingEmailSinceUtc = null)
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
