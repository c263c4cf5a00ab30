using Microsoft.EntityFrameworkCore;
using Portaali.Core.Common;
using Portaali.Core.Data;
using Portaali.Core.Security;

namespace Portaali.Core.Customers;

/// <summary>The customer list as an Excel workbook: every customer the filter finds (not only the page on screen), in the
/// list's order, streamed row by row.</summary>
public class CustomerExportService(IDbContextFactory<PortaaliDbContext> dbFactory, AccessGuard guard)
{
    public async Task ExportAsync(CustomerQuery query, Stream output, CancellationToken ct = default)
    {
        var actor = await guard.DemandAsync(Policies.AnalyseCustomerBase);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var municipalities = await db.Municipalities.AsNoTracking().ToDictionaryAsync(m => m.Code, ct);
        var customers = await CustomerFilter.ApplyAsync(db, query, actor.Id, ct);

        await using var excel = await ExcelWriter.CreateAsync(output, ct);
        await excel.AddSheetAsync(CoreText.Get("CustomersSheet"),
        [
            new(CoreText.Get("CustomersColName"), Width: 40), new(CoreText.Get("CustomersColBusinessId"), Width: 12),
            new(CoreText.Get("CustomersColMunicipality"), Width: 16), new(CoreText.Get("CustomersColRegion"), Width: 18),
            new(CoreText.Get("CustomersColSegment"), Width: 12), new(CoreText.Get("CustomersColSizeClass"), ExcelKind.Integer, 10),
            new(CoreText.Get("CustomersColRevenue"), ExcelKind.Euro, 16), new(CoreText.Get("CustomersColIndustryCode"), Width: 10),
            new(CoreText.Get("CustomersColIndustry"), Width: 40), new(CoreText.Get("CustomersColPassive"), Width: 12),
        ], ct);
        await foreach (var c in CustomerFilter.Sort(db, customers, query)
                           .Select(c => new { c.Name, c.BusinessId, c.MunicipalityCode, c.Segment, c.SizeClass, c.Revenue, c.IndustryCode, c.IsPassive })
                           .AsAsyncEnumerable().WithCancellation(ct))
        {
            var municipality = c.MunicipalityCode is null ? null : municipalities.GetValueOrDefault(c.MunicipalityCode);
            await excel.AddRowAsync([c.Name, c.BusinessId, municipality?.Name, municipality?.Region, SegmentName(c.Segment),
                c.SizeClass == 0 ? null : c.SizeClass, c.Revenue, c.IndustryCode, IndustrySections.Of(c.IndustryCode)?.Label,
                c.IsPassive ? CoreText.Get("CustomersPassive") : null], ct);
        }
        await excel.FinishAsync(ct);
    }

    private static string SegmentName(Segments.Segment segment) => segment switch
    {
        Segments.Segment.A => CoreText.Get("Segment_A"),
        Segments.Segment.B => CoreText.Get("Segment_B"),
        Segments.Segment.C => CoreText.Get("Segment_C"),
        _ => CoreText.Get("Segment_Potential"),
    };
}
