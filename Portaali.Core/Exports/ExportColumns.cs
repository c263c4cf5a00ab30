using Portaali.Core.Calendar;
using Portaali.Core.Campaigns;
using Portaali.Core.Common;
using Portaali.Core.Customers;
using Portaali.Core.Segments;
using Portaali.Core.Selections;

namespace Portaali.Core.Exports;

/// <summary>One exported row as SQL gives it: the customer's fields, the contact's for a contact export, the member's step
/// for a campaign. The per-batch extras (classifications, responsible people, last contact, roles, last mailing) are
/// filled in by <see cref="ExportRowSource"/>.</summary>
public sealed class ExportRow
{
    public int CustomerId { get; init; }
    public string CustomerName { get; init; } = "";
    public string? BusinessId { get; init; }
    public string? CompanyForm { get; init; }
    public string? VisitingStreet { get; init; }
    public string? VisitingPostalCode { get; init; }
    public string? VisitingCity { get; init; }
    public string? PostalStreet { get; init; }
    public string? PostalPostalCode { get; init; }
    public string? PostalCity { get; init; }
    public string? MunicipalityCode { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
    public string? Website { get; init; }
    public int SizeClass { get; init; }
    public decimal? Revenue { get; init; }
    public string? IndustryCode { get; init; }
    public Segment Segment { get; init; }
    public bool IsPassive { get; init; }

    public int? ContactId { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Title { get; init; }
    public string? AreaOfResponsibility { get; init; }
    public string? DecisionLevel { get; init; }
    public string? ContactPhone { get; init; }
    public string? ContactEmail { get; init; }
    public bool NoMarketingEmail { get; init; }
    public DateTime? NoMarketingEmailChangedAtUtc { get; init; }
    public bool HasLeft { get; init; }

    public int? MemberId { get; init; }
    public CampaignStep? Step { get; init; }
    public DateTime? StepChangedAtUtc { get; init; }

    public string? Classifications { get; set; }
    public string? Responsibles { get; set; }
    public DateOnly? LastContact { get; set; }
    public string? Roles { get; set; }
    public DeliveryState? LastMailing { get; set; }
}

/// <summary>What a column needs besides its row: municipality names and regions.</summary>
public sealed record ExportLookups(IReadOnlyDictionary<string, Municipality> Municipalities);

/// <summary>Which group of fields a column belongs to: customer fields exist in every export, contact fields when the rows
/// are contacts, campaign fields for a campaign's members.</summary>
public enum ExportColumnGroup { Customer, Contact, Campaign }

/// <summary>An exportable column: its stable key (stored in the request), its title's resource key, its Excel type and
/// width, whether it is on by default, and how its value is read from a row.</summary>
public sealed record ExportColumn(string Key, string TitleKey, ExportColumnGroup Group, ExcelKind Kind, double Width, bool Default,
    Func<ExportRow, ExportLookups, object?> Value)
{
    public string Title => CoreText.Get(TitleKey);
    public ExcelColumn ToExcel() => new(Title, Kind, Width);
}

/// <summary>The catalogue of export columns, in the order they appear in the dialog and in the file.</summary>
public static class ExportColumns
{
    private static Municipality? MunicipalityOf(ExportRow r, ExportLookups l) =>
        r.MunicipalityCode is null ? null : l.Municipalities.GetValueOrDefault(r.MunicipalityCode);

    private static DateOnly? LocalDate(DateTime? utc) => utc is { } u ? DateOnly.FromDateTime(HelsinkiTime.ToLocal(u)) : null;

    public static readonly IReadOnlyList<ExportColumn> All =
    [
        new("name", "ExportColName", ExportColumnGroup.Customer, ExcelKind.Text, 40, true, (r, _) => r.CustomerName),
        new("businessId", "ExportColBusinessId", ExportColumnGroup.Customer, ExcelKind.Text, 12, true, (r, _) => r.BusinessId),
        new("companyForm", "ExportColCompanyForm", ExportColumnGroup.Customer, ExcelKind.Text, 12, false, (r, _) => r.CompanyForm),
        new("visitingStreet", "ExportColVisitingStreet", ExportColumnGroup.Customer, ExcelKind.Text, 28, false, (r, _) => r.VisitingStreet),
        new("visitingPostalCode", "ExportColVisitingPostalCode", ExportColumnGroup.Customer, ExcelKind.Text, 10, false, (r, _) => r.VisitingPostalCode),
        new("visitingCity", "ExportColVisitingCity", ExportColumnGroup.Customer, ExcelKind.Text, 16, false, (r, _) => r.VisitingCity),
        new("postalStreet", "ExportColPostalStreet", ExportColumnGroup.Customer, ExcelKind.Text, 28, false, (r, _) => r.PostalStreet),
        new("postalPostalCode", "ExportColPostalPostalCode", ExportColumnGroup.Customer, ExcelKind.Text, 10, false, (r, _) => r.PostalPostalCode),
        new("postalCity", "ExportColPostalCity", ExportColumnGroup.Customer, ExcelKind.Text, 16, false, (r, _) => r.PostalCity),
        new("municipality", "ExportColMunicipality", ExportColumnGroup.Customer, ExcelKind.Text, 16, true, (r, l) => MunicipalityOf(r, l)?.Name),
        new("region", "ExportColRegion", ExportColumnGroup.Customer, ExcelKind.Text, 18, false, (r, l) => MunicipalityOf(r, l)?.Region),
        new("phone", "ExportColPhone", ExportColumnGroup.Customer, ExcelKind.Text, 16, false, (r, _) => r.Phone),
        new("email", "ExportColEmail", ExportColumnGroup.Customer, ExcelKind.Text, 28, false, (r, _) => r.Email),
        new("website", "ExportColWebsite", ExportColumnGroup.Customer, ExcelKind.Text, 24, false, (r, _) => r.Website),
        new("sizeClass", "ExportColSizeClass", ExportColumnGroup.Customer, ExcelKind.Integer, 10, false, (r, _) => r.SizeClass == 0 ? null : r.SizeClass),
        new("revenue", "ExportColRevenue", ExportColumnGroup.Customer, ExcelKind.Euro, 16, false, (r, _) => r.Revenue),
        new("industryCode", "ExportColIndustryCode", ExportColumnGroup.Customer, ExcelKind.Text, 10, false, (r, _) => r.IndustryCode),
        new("industry", "ExportColIndustry", ExportColumnGroup.Customer, ExcelKind.Text, 36, false, (r, _) => IndustrySections.Of(r.IndustryCode)?.Label),
        new("segment", "ExportColSegment", ExportColumnGroup.Customer, ExcelKind.Text, 12, true, (r, _) => SegmentName(r.Segment)),
        new("responsibles", "ExportColResponsibles", ExportColumnGroup.Customer, ExcelKind.Text, 28, true, (r, _) => r.Responsibles),
        new("classifications", "ExportColClassifications", ExportColumnGroup.Customer, ExcelKind.Text, 48, false, (r, _) => r.Classifications),
        new("passive", "ExportColPassive", ExportColumnGroup.Customer, ExcelKind.Text, 12, false, (r, _) => r.IsPassive ? CoreText.Get("ExportYes") : null),
        new("lastContact", "ExportColLastContact", ExportColumnGroup.Customer, ExcelKind.Date, 14, true, (r, _) => r.LastContact),

        new("firstName", "ExportColFirstName", ExportColumnGroup.Contact, ExcelKind.Text, 16, true, (r, _) => r.FirstName),
        new("lastName", "ExportColLastName", ExportColumnGroup.Contact, ExcelKind.Text, 18, true, (r, _) => r.LastName),
        new("title", "ExportColTitle", ExportColumnGroup.Contact, ExcelKind.Text, 24, true, (r, _) => r.Title),
        new("area", "ExportColArea", ExportColumnGroup.Contact, ExcelKind.Text, 24, false, (r, _) => r.AreaOfResponsibility),
        new("decisionLevel", "ExportColDecisionLevel", ExportColumnGroup.Contact, ExcelKind.Text, 16, false, (r, _) => r.DecisionLevel),
        new("contactPhone", "ExportColContactPhone", ExportColumnGroup.Contact, ExcelKind.Text, 16, true, (r, _) => r.ContactPhone),
        new("contactEmail", "ExportColContactEmail", ExportColumnGroup.Contact, ExcelKind.Text, 28, true, (r, _) => r.ContactEmail),
        new("roles", "ExportColRoles", ExportColumnGroup.Contact, ExcelKind.Text, 28, false, (r, _) => r.Roles),
        new("noMarketingEmail", "ExportColNoMarketingEmail", ExportColumnGroup.Contact, ExcelKind.Text, 14, true,
            (r, _) => r.NoMarketingEmail ? CoreText.Get("ExportYes") : null),
        new("noMarketingEmailDate", "ExportColNoMarketingEmailDate", ExportColumnGroup.Contact, ExcelKind.Date, 14, false,
            (r, _) => r.NoMarketingEmail ? LocalDate(r.NoMarketingEmailChangedAtUtc) : null),
        new("left", "ExportColLeft", ExportColumnGroup.Contact, ExcelKind.Text, 10, false, (r, _) => r.HasLeft ? CoreText.Get("ExportYes") : null),

        new("step", "ExportColStep", ExportColumnGroup.Campaign, ExcelKind.Text, 16, true, (r, _) => r.Step is { } s ? StepName(s) : null),
        new("stepChanged", "ExportColStepChanged", ExportColumnGroup.Campaign, ExcelKind.Date, 14, true, (r, _) => LocalDate(r.StepChangedAtUtc)),
        new("lastMailing", "ExportColLastMailing", ExportColumnGroup.Campaign, ExcelKind.Text, 20, true,
            (r, _) => r.LastMailing is { } d ? DeliveryName(d) : null),
    ];

    private static readonly Dictionary<string, ExportColumn> ByKey = All.ToDictionary(c => c.Key);

    public static ExportColumn? Find(string key) => ByKey.GetValueOrDefault(key);

    /// <summary>The columns of a source: a campaign lists contacts with their steps; otherwise the target decides.</summary>
    public static IEnumerable<ExportColumn> For(ExportSourceKind kind, SelectionTarget target) => All.Where(c => c.Group switch
    {
        ExportColumnGroup.Customer => true,
        ExportColumnGroup.Contact => kind == ExportSourceKind.Campaign || (kind != ExportSourceKind.Customers && target == SelectionTarget.Contacts),
        _ => kind == ExportSourceKind.Campaign,
    });

    public static string SegmentName(Segment segment) => segment switch
    {
        Segment.A => CoreText.Get("Segment_A"),
        Segment.B => CoreText.Get("Segment_B"),
        Segment.C => CoreText.Get("Segment_C"),
        _ => CoreText.Get("Segment_Potential"),
    };

    private static string StepName(CampaignStep step) => step switch
    {
        CampaignStep.Added => CoreText.Get("ExportStep_Added"),
        CampaignStep.Invited => CoreText.Get("ExportStep_Invited"),
        CampaignStep.Registered => CoreText.Get("ExportStep_Registered"),
        CampaignStep.Attended => CoreText.Get("ExportStep_Attended"),
        _ => CoreText.Get("ExportStep_Absent"),
    };

    private static string DeliveryName(DeliveryState state) => state switch
    {
        DeliveryState.Pending => CoreText.Get("ExportDelivery_Pending"),
        DeliveryState.Sent => CoreText.Get("ExportDelivery_Sent"),
        DeliveryState.Failed => CoreText.Get("ExportDelivery_Failed"),
        DeliveryState.SkippedNoEmail => CoreText.Get("ExportDelivery_SkippedNoEmail"),
        DeliveryState.SkippedOptedOut => CoreText.Get("ExportDelivery_SkippedOptedOut"),
        DeliveryState.SkippedLeft => CoreText.Get("ExportDelivery_SkippedLeft"),
        _ => CoreText.Get("ExportDelivery_Unconfirmed"),
    };
}
