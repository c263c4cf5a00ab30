using Portaali.Core.Customers;
using Portaali.Core.Segments;

namespace Portaali.Core.CustomerBase;

/// <summary>The dimensions the customer base is counted by.</summary>
public enum CustomerBaseDimension { Segment, CustomerGroup, SizeClass, Region, Industry }

/// <summary>One bar of a chart: its bucket (<paramref name="Key"/>: the segment, size class, group id, region or section
/// letter, or <see cref="CustomerQuery.Unknown"/>), a label for data-named buckets, the count, and the customer-list
/// filter that lists exactly those customers.</summary>
public record CustomerBaseBar(string Key, string Label, int Count, CustomerQuery Filter);

/// <summary>Active customers (optionally with the passive ones) counted by each dimension. A customer in several customer
/// groups counts once in each, so that chart's bars may add up to more than <paramref name="Total"/>.</summary>
public record CustomerBaseCounts(
    int Total, bool IncludesPassive,
    IReadOnlyList<CustomerBaseBar> BySegment, IReadOnlyList<CustomerBaseBar> ByCustomerGroup, IReadOnlyList<CustomerBaseBar> BySizeClass,
    IReadOnlyList<CustomerBaseBar> ByRegion, IReadOnlyList<CustomerBaseBar> ByIndustry)
{
    public IReadOnlyList<CustomerBaseBar> Of(CustomerBaseDimension dimension) => dimension switch
    {
        CustomerBaseDimension.Segment => BySegment,
        CustomerBaseDimension.CustomerGroup => ByCustomerGroup,
        CustomerBaseDimension.SizeClass => BySizeClass,
        CustomerBaseDimension.Region => ByRegion,
        _ => ByIndustry,
    };
}

/// <summary>How many customers moved from <paramref name="From"/> (null: new, their first segment) to
/// <paramref name="To"/> in the period, and the filter that lists them.</summary>
public record SegmentMovementCell(Segment? From, Segment To, int Count, CustomerQuery Filter);

/// <summary>The segment movements of a period (Helsinki dates, both included). A cell counts customers, not changes: a
/// customer who went C→B twice counts once in C→B; one who went C→B→A counts in C→B and in B→A.
/// <paramref name="Customers"/> is how many different customers any cell holds.</summary>
public record SegmentMovements(DateOnly From, DateOnly To, bool IncludesPassive, IReadOnlyList<SegmentMovementCell> Cells, int Customers)
{
    /// <summary>The rows of the matrix: new customers first, then each segment.</summary>
    public static readonly IReadOnlyList<Segment?> Sources = [null, Segment.A, Segment.B, Segment.C, Segment.Potential];
    public static readonly IReadOnlyList<Segment> Targets = Enum.GetValues<Segment>();

    public SegmentMovementCell? Cell(Segment? from, Segment to) => Cells.FirstOrDefault(c => c.From == from && c.To == to);
}
