using Portaali.Core.Segments;
using Portaali.Web.Customers;

namespace Portaali.Tests.Web;

/// <summary>A drill-down link from the customer-base analysis names its segments; anything else in the address shows
/// the whole list rather than a wrong one.</summary>
public class CustomerQueryStringTests
{
    private static Portaali.Core.Customers.CustomerQuery Parse(params (string Key, string Value)[] values) =>
        CustomerQueryString.Parse(key => values.FirstOrDefault(v => v.Key == key).Value);

    [Theory]
    [InlineData("B", Segment.B)]
    [InlineData("Potential", Segment.Potential)]
    [InlineData("0", null)]
    [InlineData("7", null)]
    [InlineData("X", null)]
    [InlineData("", null)]
    public void A_segment_is_read_by_its_name_only(string value, Segment? expected) =>
        Assert.Equal(expected, Parse(("segment", value)).Segment);

    [Fact]
    public void A_movement_needs_two_segments_and_a_period_in_order()
    {
        var moved = Parse(("moved", "C-B"), ("since", "2026-01-01"), ("until", "2026-12-31")).Moved;
        Assert.Equal((Segment?)Segment.C, moved?.From);
        Assert.Equal(Segment.B, moved?.To);
        Assert.Null(Parse(("moved", "2-1"), ("since", "2026-01-01"), ("until", "2026-12-31")).Moved);
        Assert.Null(Parse(("moved", "C-B"), ("since", "2026-12-31"), ("until", "2026-01-01")).Moved);
    }
}
