using System.Text.Json;
using Portaali.Core.Customers;
using Portaali.Core.Imports;
using Portaali.Core.Imports.Prh;
using Portaali.Tests.Imports;
using Portaali.Tests.Support;

namespace Portaali.Tests.Customers;

/// <summary>A customer's website is an http(s) address, whoever writes it: the edit form, or an import.</summary>
public class WebsiteRulesTests
{
    public static TheoryData<string> Unsafe =>
    [
        "javascript:alert(1)", "JavaScript:alert(document.cookie)", " javascript:alert(1)", "java\tscript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "vbscript:msgbox(1)", "file:///etc/passwd",
        "ftp://ftp.example.fi", "https://", "https://javascript:alert(1)", "www.example.fi/\"onmouseover=alert(1)",
    ];

    [Theory]
    [MemberData(nameof(Unsafe))]
    public void Other_schemes_and_broken_addresses_are_refused_with_a_message(string website)
    {
        using var _ = UiCulture.Finnish();

        Assert.Equal("Verkkosivun osoitteen pitää olla http- tai https-osoite, esim. www.yritys.fi.", CustomerRules.ValidateWebsite(website));
        Assert.False(CustomerRules.IsLinkable(website));
    }

    [Fact]
    public void The_message_is_in_english_too()
    {
        using var _ = UiCulture.English();

        Assert.Equal("The website must be an http or https address, e.g. www.company.fi.", CustomerRules.ValidateWebsite("javascript:alert(1)"));
    }

    [Theory]
    [InlineData("www.example.fi", "https://www.example.fi")]
    [InlineData("  example.fi/yhteystiedot ", "https://example.fi/yhteystiedot")]
    [InlineData("http://www.example.fi", "http://www.example.fi")]
    [InlineData("HTTPS://Www.Example.fi/Sivu?a=1", "HTTPS://Www.Example.fi/Sivu?a=1")]
    [InlineData("www.example.fi:8080/portaali", "https://www.example.fi:8080/portaali")]
    public void What_users_type_is_stored_as_an_https_address(string typed, string stored)
    {
        Assert.Null(CustomerRules.ValidateWebsite(typed));
        Assert.Equal(stored, CustomerRules.NormalizeWebsite(typed));
        Assert.True(CustomerRules.IsLinkable(stored));
    }

    [Fact]
    public void No_website_is_fine()
    {
        Assert.Null(CustomerRules.ValidateWebsite("  "));
        Assert.Null(CustomerRules.NormalizeWebsite(null));
    }

    [Fact]
    public void A_business_information_file_with_a_javascript_website_fails_that_column()
    {
        using var _ = UiCulture.Finnish();

        Assert.Equal((null, "Verkkosivun osoitteen pitää olla http- tai https-osoite, esim. www.yritys.fi."),
            ImportFields.Normalize(ImportField.Website, "javascript:alert(1)"));
        Assert.Equal(("https://www.example.fi", null), ImportFields.Normalize(ImportField.Website, "www.example.fi"));
    }

    [Fact]
    public void A_register_website_that_is_not_http_is_left_out()
    {
        var company = JsonSerializer.Deserialize<PrhCompanyResult>(Fixtures.Text("prh-company-minimal.json"))!.Companies!.Single();

        Assert.Null(PrhMapping.Map(company with { Website = new PrhWebsite("javascript:alert(1)") }).Website);
        Assert.Equal("https://www.example.fi", PrhMapping.Map(company with { Website = new PrhWebsite("www.example.fi") }).Website);
    }
}
