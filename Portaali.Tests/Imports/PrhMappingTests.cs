using System.Text.Json;
using Portaali.Core.Imports.Prh;

namespace Portaali.Tests.Imports;

public class PrhMappingTests
{
    private static PrhCompany Company(string fixture) =>
        JsonSerializer.Deserialize<PrhCompanyResult>(Fixtures.Text(fixture))!.Companies!.Single();

    [Fact]
    public void Current_name_is_version_1_and_the_ended_name_is_kept_as_former()
    {
        var data = PrhMapping.Map(Company("prh-company-renamed-bankrupt.json"));

        Assert.Equal("Uusi Nimi Oy", data.Name);
        Assert.Equal(["Vanha Nimi Oy"], data.FormerNames);
    }

    [Fact]
    public void Bankruptcy_is_an_open_situation_with_its_date()
    {
        var data = PrhMapping.Map(Company("prh-company-renamed-bankrupt.json"));

        var situation = Assert.Single(data.Situations);
        Assert.Equal("KONK", situation.Code);
        Assert.Equal(new DateOnly(2025, 11, 3), situation.Since);
        Assert.False(data.IsCeased);
    }

    [Fact]
    public void Industry_code_keeps_its_code_set_and_Finnish_description()
    {
        var data = PrhMapping.Map(Company("prh-company-renamed-bankrupt.json"));

        Assert.Equal("62010", data.IndustryCode);
        Assert.Equal("TOIMI4", data.IndustryCodeSet);
        Assert.Equal("Ohjelmistojen suunnittelu ja valmistus", data.IndustryDescription);
        Assert.Equal("Oy", data.CompanyForm);
        Assert.Equal("https://www.uusinimi.fi", data.Website);
    }

    [Fact]
    public void Visiting_and_postal_addresses_come_with_the_municipality_code()
    {
        var data = PrhMapping.Map(Company("prh-company-renamed-bankrupt.json"));

        Assert.Equal(new PrhMappedAddress("Mannerheimintie 12 B 34", "00100", "Helsinki"), data.Visiting);
        Assert.Equal(new PrhMappedAddress("PL 123", "00101", "Helsinki"), data.Postal);
        Assert.Equal("091", data.MunicipalityCode);
        Assert.Equal(new DateOnly(2010, 1, 1), data.RegistrationDate);
        Assert.Equal(new DateTime(2025, 11, 4, 8, 15, 0), data.LastModified);
    }

    [Fact]
    public void Missing_optional_fields_map_to_nothing_and_never_blank_a_field()
    {
        var data = PrhMapping.Map(Company("prh-company-minimal.json"));

        Assert.Equal("Pieni Toiminimi", data.Name);
        Assert.Null(data.IndustryCode);
        Assert.Null(data.Visiting);
        Assert.Null(data.Website);
        Assert.Empty(data.Situations);
        Assert.Empty(data.FormerNames);
        // Only the situations and the end date may clear what is stored: their absence is news.
        Assert.Equal(["EndDate", "Situations"], data.Values().Where(v => v.ClearIfEmpty).Select(v => v.Field.ToString()).Order());
    }

    [Fact]
    public void Ended_company_is_ceased()
    {
        var company = Company("prh-company-minimal.json") with { EndDate = "2025-06-30" };
        Assert.True(PrhMapping.Map(company).IsCeased);
    }

    [Theory]
    [InlineData("1234567-1", "1234567-1", null)]
    [InlineData(" 234567-1 ", null, "check")]
    [InlineData("1234567-2", null, "check")]
    [InlineData("12345-1", null, "format")]
    public void Business_ids_are_checked_before_use(string raw, string? expected, string? problem)
    {
        var (id, error) = PrhMapping.CheckBusinessId(raw);
        Assert.Equal(expected, id);
        Assert.Equal(problem is not null, error is not null);
    }
}
