using System.Globalization;
using Portaali.Core.Customers;

namespace Portaali.Core.Imports.Prh;

/// <summary>A company situation that is still open: restructuring (SANE), liquidation (SELTILA) or bankruptcy (KONK).</summary>
public record CompanySituation(string Code, DateOnly? Since);

/// <summary>What Portaali takes from one PRH company record.</summary>
public record PrhCompanyData(
    string BusinessId,
    string? Name,
    IReadOnlyList<string> FormerNames,
    string? CompanyForm,
    string? IndustryCode,
    string? IndustryCodeSet,
    string? IndustryDescription,
    string? Website,
    PrhMappedAddress? Visiting,
    PrhMappedAddress? Postal,
    string? MunicipalityCode,
    DateOnly? RegistrationDate,
    DateOnly? EndDate,
    IReadOnlyList<CompanySituation> Situations,
    DateTime? LastModified)
{
    public bool IsCeased => EndDate is not null;

    /// <summary>The register is the authority for these fields; it never blanks a field it says nothing about, except
    /// the situations and end date, whose disappearance is news.</summary>
    public IReadOnlyList<FieldValue> Values() =>
    [
        new(ImportField.Name, Name),
        new(ImportField.CompanyForm, CompanyForm),
        // The register's main line keeps its own code set; only a TOL 2008 (TOIMI3) code may go to the customer's TOL 2008 field.
        new(ImportField.MainLineCode, IndustryCode),
        new(ImportField.IndustryCodeSet, IndustryCode is null ? null : IndustryCodeSet),
        new(ImportField.IndustryCode, IndustryCodeSets.IsTol2008(IndustryCodeSet) ? IndustryCode : null),
        new(ImportField.IndustryDescription, IndustryDescription),
        new(ImportField.Website, Website),
        new(ImportField.VisitingStreet, Visiting?.Street),
        new(ImportField.VisitingPostalCode, Visiting?.PostalCode),
        new(ImportField.VisitingCity, Visiting?.City),
        new(ImportField.PostalStreet, Postal?.Street),
        new(ImportField.PostalPostalCode, Postal?.PostalCode),
        new(ImportField.PostalCity, Postal?.City),
        new(ImportField.MunicipalityCode, MunicipalityCode),
        new(ImportField.RegistrationDate, RegistrationDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        new(ImportField.EndDate, EndDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ClearIfEmpty: true),
        new(ImportField.Situations, Situations.Count == 0 ? null
            : string.Join("; ", Situations.Select(s => s.Since is { } d ? $"{s.Code} {d:yyyy-MM-dd}" : s.Code)), ClearIfEmpty: true),
        new(ImportField.FormerNames, FormerNames.Count == 0 ? null : string.Join("; ", FormerNames)),
    ];
}

public record PrhMappedAddress(string? Street, string? PostalCode, string? City);

/// <summary>Maps PRH open-data (v3) company records to Portaali's fields.</summary>
public static class PrhMapping
{
    private const string Finnish = "1";
    private const string MainName = "1";

    /// <summary>Company form abbreviations Portaali uses; other forms keep PRH's Finnish description.</summary>
    private static readonly Dictionary<string, string> FormAbbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Osakeyhtiö"] = "Oy", ["Julkinen osakeyhtiö"] = "Oyj", ["Kommandiittiyhtiö"] = "Ky", ["Avoin yhtiö"] = "Ay",
        ["Elinkeinonharjoittaja"] = "Tmi", ["Yksityinen elinkeinonharjoittaja"] = "Tmi", ["Osuuskunta"] = "Osk",
        ["Aatteellinen yhdistys"] = "ry", ["Yhdistys"] = "ry", ["Kunta"] = "Kunta", ["Säätiö"] = "Säätiö",
    };

    public static PrhCompanyData Map(PrhCompany company)
    {
        var businessId = company.BusinessId?.Value?.Trim()
            ?? throw new FormatException(Common.CoreText.Get("PrhNoBusinessId"));
        var mainNames = (company.Names ?? []).Where(n => n.Type == MainName && !string.IsNullOrWhiteSpace(n.Name)).ToList();
        // Version 1 is the current record; a current name has no end date.
        var current = mainNames.FirstOrDefault(n => n.Version == 1 && n.EndDate is null)
            ?? mainNames.Where(n => n.EndDate is null).OrderByDescending(n => n.RegistrationDate).FirstOrDefault();
        var former = mainNames.Where(n => n != current)
            .OrderByDescending(n => n.EndDate ?? n.RegistrationDate)
            .Select(n => n.Name!.Trim()).Where(n => n != current?.Name?.Trim()).Distinct().ToList();

        var form = (company.CompanyForms ?? []).FirstOrDefault(f => f.Version == 1 && f.EndDate is null)
            ?? (company.CompanyForms ?? []).FirstOrDefault(f => f.EndDate is null);
        var formText = Describe(form?.Descriptions);
        var line = company.MainBusinessLine;

        var visiting = (company.Addresses ?? []).FirstOrDefault(a => a.Type == 1);
        var postal = (company.Addresses ?? []).FirstOrDefault(a => a.Type == 2);
        var municipality = Office(visiting)?.MunicipalityCode ?? Office(postal)?.MunicipalityCode;

        return new PrhCompanyData(
            businessId,
            current?.Name?.Trim(),
            former,
            formText is null ? null : FormAbbreviations.GetValueOrDefault(formText, formText),
            Blank(line?.Type),
            Blank(line?.TypeCodeSet),
            Describe(line?.Descriptions),
            Customers.CustomerRules.NormalizeWebsite(company.Website?.Url), // not an http(s) address: left out
            MapAddress(visiting),
            MapAddress(postal),
            Blank(municipality),
            ParseDate(company.RegistrationDate),
            ParseDate(company.EndDate),
            (company.CompanySituations ?? []).Where(s => !string.IsNullOrWhiteSpace(s.Type) && s.EndDate is null)
                .Select(s => new CompanySituation(s.Type!.Trim().ToUpperInvariant(), ParseDate(s.RegistrationDate))).ToList(),
            ParseDateTime(company.LastModified));
    }

    private static string? Describe(List<PrhDescription>? descriptions) =>
        Blank((descriptions ?? []).FirstOrDefault(d => d.LanguageCode == Finnish)?.Description
              ?? (descriptions ?? []).FirstOrDefault()?.Description);

    private static PrhPostOffice? Office(PrhAddress? a) =>
        a?.PostOffices?.FirstOrDefault(o => o.LanguageCode == Finnish) ?? a?.PostOffices?.FirstOrDefault();

    private static PrhMappedAddress? MapAddress(PrhAddress? a)
    {
        if (a is null) return null;
        string? street;
        if (!string.IsNullOrWhiteSpace(a.PostOfficeBox) && string.IsNullOrWhiteSpace(a.Street))
            street = "PL " + a.PostOfficeBox.Trim();
        else
        {
            // "Mannerheimintie 12 B 34": the register keeps building, entrance and apartment apart.
            var apartment = string.Concat(Blank(a.ApartmentNumber), Blank(a.ApartmentIdSuffix));
            street = Blank(string.Join(" ", new[] { a.Street, a.BuildingNumber, a.Entrance, apartment }
                .Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim())));
        }
        return new PrhMappedAddress(street, Blank(a.PostCode), Blank(Office(a)?.City) is { } city ? Capitalize(city) : null);
    }

    /// <summary>PRH writes cities in capitals (HELSINKI); customers show them as people write them.</summary>
    private static string Capitalize(string city) =>
        city.Any(char.IsLower) ? city : CultureInfo.GetCultureInfo("fi-FI").TextInfo.ToTitleCase(city.ToLowerInvariant());

    public static DateOnly? ParseDate(string? s) =>
        DateOnly.TryParseExact(s?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public static DateTime? ParseDateTime(string? s) =>
        DateTime.TryParse(s?.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var d)
            ? DateTime.SpecifyKind(d, DateTimeKind.Unspecified) : null;

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>A valid Business ID in its normal form, or the reason it is not one.</summary>
    public static (string? Id, string? Error) CheckBusinessId(string? raw)
    {
        var normalized = BusinessId.Normalize(raw);
        if (normalized is null) return (null, Common.CoreText.Get("ImportBusinessIdMissing"));
        return Customers.CustomerRules.ValidateBusinessId(normalized) is { } error
            ? (null, $"{normalized}: {error}") : (normalized, null);
    }
}
