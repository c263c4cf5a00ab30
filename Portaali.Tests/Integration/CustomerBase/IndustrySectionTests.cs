using Portaali.Core.Customers;
using Portaali.Core.Seeding;

namespace Portaali.Tests.Integration.CustomerBase;

/// <summary>The TOL 2008 section of an industry code, from its two-digit division.</summary>
public class IndustrySectionTests
{
    [Theory]
    [InlineData("01110", "A")]
    [InlineData("09900", "B")]
    [InlineData("10710", "C")]
    [InlineData("33200", "C")]
    [InlineData("35111", "D")]
    [InlineData("43210", "F")]
    [InlineData("47110", "G")]
    [InlineData("53100", "H")]
    [InlineData("56101", "I")]
    [InlineData("62010", "J")]
    [InlineData("68201", "L")]
    [InlineData("70220", "M")]
    [InlineData("81210", "N")]
    [InlineData("84110", "O")]
    [InlineData("85320", "P")]
    [InlineData("88911", "Q")]
    [InlineData("96020", "S")]
    [InlineData("97000", "T")]
    [InlineData("99000", "U")]
    public void A_code_falls_in_its_section(string code, string letter) => Assert.Equal(letter, IndustrySections.Of(code)?.Letter);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("4")]
    [InlineData("00000")]
    [InlineData("34100")] // no division 34 in TOL 2008
    [InlineData("89000")]
    public void A_missing_or_unknown_division_has_no_section(string? code) => Assert.Null(IndustrySections.Of(code));

    [Fact]
    public void The_table_holds_the_88_divisions_of_TOL_2008_once_each_in_21_sections()
    {
        Assert.Equal(21, IndustrySections.All.Count);
        Assert.Equal("ABCDEFGHIJKLMNOPQRSTU", string.Concat(IndustrySections.All.Select(s => s.Letter)));
        Assert.Equal(88, IndustrySections.KnownDivisions.Count);
        Assert.Equal(88, IndustrySections.All.Sum(s => s.Divisions.Count));
    }

    [Fact]
    public void Every_industry_code_of_the_demo_base_has_a_section() =>
        Assert.All(DemoNames.Industries, i => Assert.NotNull(IndustrySections.Of(i.Code)));
}
