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
}
