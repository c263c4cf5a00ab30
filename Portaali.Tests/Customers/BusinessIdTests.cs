using Portaali.Core.Customers;

namespace Portaali.Tests.Customers;

public class BusinessIdTests
{
    [Theory]
    [InlineData("0737546-2")] // Nokia Oyj
    [InlineData("0112038-9")] // Finnair Oyj
    [InlineData("1927400-1")]
    public void Real_business_ids_are_valid(string id) => Assert.True(BusinessId.IsValid(id));

    [Theory]
    [InlineData("0737546-3")]
    [InlineData("0737546")]
    [InlineData("737546-2x")]
    [InlineData("")]
    public void Wrong_check_digit_or_shape_is_invalid(string id) => Assert.False(BusinessId.IsValid(id));

    [Theory]
    [InlineData("0737546", 2)] // weighted sum 196, remainder 9
    [InlineData("0112038", 9)]
    [InlineData("1234567", 1)] // remainder 10
    [InlineData("0000000", 0)] // remainder 0 gives 0, not 11
    public void Check_digit_is_eleven_minus_the_weighted_remainder(string body, int expected) =>
        Assert.Equal(expected, BusinessId.CheckDigit(body));

    [Fact]
    public void Body_with_remainder_one_has_no_check_digit_and_no_valid_id()
    {
        const string body = "0000006"; // 6 × 2 = 12, remainder 1
        Assert.Null(BusinessId.CheckDigit(body));
        Assert.Throws<ArgumentException>(() => BusinessId.Create(body));
        Assert.All(Enumerable.Range(0, 10), digit => Assert.False(BusinessId.IsValid($"{body}-{digit}")));
    }

    [Theory]
    [InlineData("737546-2", "0737546-2")]   // leading zero dropped
    [InlineData("07375462", "0737546-2")]   // hyphen left out
    [InlineData("0737546 2", "0737546-2")]  // space instead of hyphen
    [InlineData(" 0737546-2 ", "0737546-2")]
    [InlineData("0737546 - 2", "0737546-2")]
    public void Normalize_accepts_the_ways_people_type_a_business_id(string typed, string expected)
    {
        Assert.Equal(expected, BusinessId.Normalize(typed));
        Assert.True(BusinessId.IsValid(BusinessId.Normalize(typed)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Normalize_treats_a_blank_business_id_as_none(string? typed) => Assert.Null(BusinessId.Normalize(typed));

    [Fact]
    public void Normalize_leaves_an_unrecognisable_value_for_validation_to_refuse()
    {
        Assert.Equal("12345", BusinessId.Normalize("12345"));
        Assert.False(BusinessId.HasValidShape(BusinessId.Normalize("12345")));
    }

    [Fact]
    public void Create_appends_the_check_digit() => Assert.Equal("0737546-2", BusinessId.Create("0737546"));

    [Fact]
    public void Every_created_business_id_is_valid_and_any_other_digit_is_not()
    {
        for (var n = 0; n < 3000; n += 7)
        {
            var body = n.ToString("0000000");
            if (BusinessId.CheckDigit(body) is not { } check) continue;
            var id = BusinessId.Create(body);
            Assert.True(BusinessId.IsValid(id), id);
            Assert.False(BusinessId.IsValid($"{body}-{(check + 1) % 10}"), id);
        }
    }
}
