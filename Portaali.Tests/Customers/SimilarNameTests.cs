using Portaali.Core.Customers;

namespace Portaali.Tests.Customers;

public class SimilarNameTests
{
    [Theory]
    [InlineData("Virtasen Kuljetus Oy", "Virtasen Kuljetus Ky")]     // only the company form differs
    [InlineData("Virtasen Kuljetus Oy", "Virtasen Kuljetus")]        // company form left out
    [InlineData("Virtasen Kuljetus Oy", "Virtasen Kuljetsu Oy")]     // typo
    [InlineData("Virtasen Kuljetus Oy", "VIRTASEN KULJETUS OY")]
    [InlineData("Virtasen Kuljetus Oy", "Virtasen Kuljetus ja Varastointi Oy")] // one name holds the other
    [InlineData("Hämeen Sähkö Oy", "Hämeen-Sähkö Oy")]
    public void Names_of_the_same_organisation_are_similar(string a, string b)
    {
        Assert.True(CustomerRules.AreSimilarNames(a, b));
        Assert.True(CustomerRules.AreSimilarNames(b, a));
    }

    [Theory]
    [InlineData("Espoon Sähkötyö Oy", "Vantaan Leipomo Oy")]
    [InlineData("Espoon Sähkötyö Oy", "Espoon Leipomo Oy")]
    [InlineData("Mäkelän Rakennus Oy", "Mattilan Rakennus Oy")]
    [InlineData("Oy", "Ky")] // nothing left after the company form
    public void Names_of_different_organisations_are_not_similar(string a, string b) =>
        Assert.False(CustomerRules.AreSimilarNames(a, b));

    [Fact]
    public void Comparable_name_drops_case_punctuation_and_company_form() =>
        Assert.Equal("virtasen kuljetus", CustomerRules.ComparableName("Virtasen Kuljetus, Oy!"));
}
