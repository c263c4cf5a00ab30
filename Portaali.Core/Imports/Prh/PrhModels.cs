using System.Text.Json.Serialization;

namespace Portaali.Core.Imports.Prh;

// The PRH open-data API v3 (YTJ, CC BY 4.0), as its OpenAPI schema describes it; only the fields Portaali uses.

public record PrhCompanyResult(
    [property: JsonPropertyName("totalResults")] long TotalResults,
    [property: JsonPropertyName("companies")] List<PrhCompany>? Companies);

public record PrhCompany
{
    [JsonPropertyName("businessId")] public PrhValue? BusinessId { get; init; }
    [JsonPropertyName("names")] public List<PrhName>? Names { get; init; }
    [JsonPropertyName("mainBusinessLine")] public PrhBusinessLine? MainBusinessLine { get; init; }
    [JsonPropertyName("website")] public PrhWebsite? Website { get; init; }
    [JsonPropertyName("companyForms")] public List<PrhCompanyForm>? CompanyForms { get; init; }
    [JsonPropertyName("companySituations")] public List<PrhSituation>? CompanySituations { get; init; }
    [JsonPropertyName("addresses")] public List<PrhAddress>? Addresses { get; init; }
    [JsonPropertyName("tradeRegisterStatus")] public string? TradeRegisterStatus { get; init; }
    [JsonPropertyName("status")] public string? Status { get; init; }
    [JsonPropertyName("registrationDate")] public string? RegistrationDate { get; init; }
    [JsonPropertyName("endDate")] public string? EndDate { get; init; }
    [JsonPropertyName("lastModified")] public string? LastModified { get; init; }
}

public record PrhValue([property: JsonPropertyName("value")] string? Value);

public record PrhName
{
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("type")] public string? Type { get; init; }
    [JsonPropertyName("registrationDate")] public string? RegistrationDate { get; init; }
    [JsonPropertyName("endDate")] public string? EndDate { get; init; }
    [JsonPropertyName("version")] public int Version { get; init; }
}

public record PrhDescription(
    [property: JsonPropertyName("languageCode")] string? LanguageCode,
    [property: JsonPropertyName("description")] string? Description);

public record PrhBusinessLine
{
    [JsonPropertyName("type")] public string? Type { get; init; }
    [JsonPropertyName("descriptions")] public List<PrhDescription>? Descriptions { get; init; }
    [JsonPropertyName("typeCodeSet")] public string? TypeCodeSet { get; init; }
}

public record PrhWebsite([property: JsonPropertyName("url")] string? Url);

public record PrhCompanyForm
{
    [JsonPropertyName("type")] public string? Type { get; init; }
    [JsonPropertyName("descriptions")] public List<PrhDescription>? Descriptions { get; init; }
    [JsonPropertyName("endDate")] public string? EndDate { get; init; }
    [JsonPropertyName("version")] public int Version { get; init; }
}

public record PrhSituation
{
    [JsonPropertyName("type")] public string? Type { get; init; }
    [JsonPropertyName("registrationDate")] public string? RegistrationDate { get; init; }
    [JsonPropertyName("endDate")] public string? EndDate { get; init; }
}

public record PrhAddress
{
    [JsonPropertyName("type")] public int Type { get; init; }
    [JsonPropertyName("street")] public string? Street { get; init; }
    [JsonPropertyName("postCode")] public string? PostCode { get; init; }
    [JsonPropertyName("postOffices")] public List<PrhPostOffice>? PostOffices { get; init; }
    [JsonPropertyName("postOfficeBox")] public string? PostOfficeBox { get; init; }
    [JsonPropertyName("buildingNumber")] public string? BuildingNumber { get; init; }
    [JsonPropertyName("entrance")] public string? Entrance { get; init; }
    [JsonPropertyName("apartmentNumber")] public string? ApartmentNumber { get; init; }
    [JsonPropertyName("apartmentIdSuffix")] public string? ApartmentIdSuffix { get; init; }
    [JsonPropertyName("co")] public string? Co { get; init; }
}

public record PrhPostOffice(
    [property: JsonPropertyName("city")] string? City,
    [property: JsonPropertyName("languageCode")] string? LanguageCode,
    [property: JsonPropertyName("municipalityCode")] string? MunicipalityCode);
