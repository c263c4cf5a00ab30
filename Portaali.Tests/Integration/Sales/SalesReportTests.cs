using System.Globalization;
using ClosedXML.Excel;
using Portaali.Core.Classifications;
using Portaali.Core.Common;
using Portaali.Core.Offers;
using Portaali.Core.Sales;
using Portaali.Core.Users;
using Portaali.Tests.Support;
using static Portaali.Tests.Integration.Sales.SalesTestData;

namespace Portaali.Tests.Integration.Sales;

/// <summary>The follow-up reports against figures worked out by hand on a small fixture (see <see cref="ArrangeAsync"/>).</summary>
public class SalesReportTests : HarnessTest, IDisposable
{
    private readonly CultureInfo culture = CultureInfo.CurrentCulture, uiCulture = CultureInfo.CurrentUICulture;

    public SalesReportTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fi-FI");
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fi");
    }

    public void Dispose()
    {
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = uiCulture;
    }

    private SalesReportService Reports => H.Service<SalesReportService>();

    private record Fixture(int Minna, int Olli, int Authorities, int WorkPlacement, Dictionary<string, int> Offers);

    /// <summary>
    /// Open (made 10.3.2026 unless said): O1 Alfa (authority) Minna staff 1 000 + 100 at 25.5 % valid 20.3. · O2 Beta (work
    /// placement › technology) Olli apprenticeship 2 000 valid 15.4. · O3 Gamma (no group) Minna staff 500 valid 31.5. ·
    /// O4 Beta Minna labour-policy 3 000 valid 1.4. · O5 Alfa Olli service order 250 made 5.1., valid 28.2. (expired, still open).
    /// Decided: W0 won 20.12.2025 700 (invoiced 15.1.2026) · W1 won 20.1. 4 000 Minna (invoiced 2.3.) · R1 recorded directly
    /// 1.2. 9 999 · L1 lost 10.2. "Hinta" 800 · L3 lost 15.2. "Valitsi toisen kouluttajan" 5 000 · L2 lost 1.3. "Hinta" 1 200 ·
    /// W2 won 5.3. 1 500 Olli.
    /// </summary>
    private async Task<Fixture> ArrangeAsync()
    {
        var minna = (await H.CreateUserAsync(UserGroup.AccountManager, "Minna Myyjä")).Id;
        var olli = (await H.CreateUserAsync(UserGroup.AccountManager, "Olli Toinen")).Id;
        H.SignInAs(await H.CreateUserAsync(UserGroup.SalesAndMarketing, "Laura Laskuttaja"));
        int authorities, workPlacement, technology;
        var alfa = (await H.AddCustomerAsync("Alfa Kaupunki")).Id;
        var beta = (await H.AddCustomerAsync("Beta Konepaja Oy")).Id;
        var gamma = (await H.AddCustomerAsync("Gamma Oy")).Id;
        await using (var db = H.Db())
        {
            var root = new ClassificationNode { Name = "Asiakasryhmät", SystemKey = "customer-groups" };
            var authority = new ClassificationNode { Name = "Viranomaiset", Parent = root };
            var placement = new ClassificationNode { Name = "Työssäoppimispaikat", Parent = root, SortOrder = 1 };
            var tech = new ClassificationNode { Name = "Tekniikka", Parent = placement };
            db.ClassificationNodes.AddRange(root, authority, placement, tech);
            await db.SaveChangesAsync();
            (authorities, workPlacement, technology) = (authority.Id, placement.Id, tech.Id);
            db.CustomerClassifications.AddRange(
                new CustomerClassification { CustomerId = alfa, NodeId = authorities, AssignedAt = DateTime.UtcNow },
                new CustomerClassification { CustomerId = beta, NodeId = technology, AssignedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        var ids = new Dictionary<string, int>();
        OfferEdit Valid(OfferEdit e, string until) { e.ValidUntil = DateOnly.Parse(until, CultureInfo.InvariantCulture); return e; }

        H.At("2025-12-20 10:00");
        var w0 = await H.OrderAsync(gamma, Edit(minna, "W0", lines: [("Koulutus", 1m, 700m, 0m)]), OrderState.InDelivery);
        H.At("2026-01-05 10:00");
        ids["O5"] = await H.OfferAsync(alfa, Valid(Edit(olli, "O5", OfferType.ServiceOrder, lines: [("Tilaisuus", 1m, 250m, 0m)]), "2026-02-28"));
        H.At("2026-01-15 10:00");
        await H.Offers.MoveOrderAsync(w0.OrderId, await OrderVersionAsync(H, w0.OfferId), OrderState.Invoiced);
        H.At("2026-01-20 10:00");
        var w1 = await H.OrderAsync(alfa, Edit(minna, "W1", lines: [("Koulutus", 1m, 4000m, 0m)]), OrderState.InDelivery);
        H.At("2026-02-01 10:00");
        await H.Offers.RecordOrderAsync(gamma, Edit(olli, "R1", lines: [("Koulutus", 1m, 9999m, 0m)]), new OrderDates(null, null));
        foreach (var (at, name, amount, reason) in new[] { ("2026-02-10 10:00", "L1", 800m, "Hinta"),
                     ("2026-02-15 10:00", "L3", 5000m, "Valitsi toisen kouluttajan"), ("2026-03-01 10:00", "L2", 1200m, "Hinta") })
        {
            H.At(at);
            var id = await H.OfferAsync(beta, Edit(minna, name, lines: [("Koulutus", 1m, amount, 0m)]));
            await H.Offers.LoseAsync(id, (await H.Offers.GetAsync(id)).Version, reason);
        }
        H.At("2026-03-02 10:00");
        await H.Offers.MoveOrderAsync(w1.OrderId, await OrderVersionAsync(H, w1.OfferId), OrderState.Invoiced);
        H.At("2026-03-05 10:00");
        await H.OrderAsync(gamma, Edit(olli, "W2", lines: [("Koulutus", 1m, 1500m, 0m)]));
        H.At("2026-03-10 10:00");
        ids["O1"] = await H.OfferAsync(alfa, Valid(Edit(minna, "O1", OfferType.StaffTraining, lines: [("Koulutus", 1m, 1000m, 0m), ("Materiaali", 1m, 100m, 25.5m)]), "2026-03-20"));
        ids["O2"] = await H.OfferAsync(beta, Valid(Edit(olli, "O2", OfferType.Apprenticeship, lines: [("Oppisopimus", 1m, 2000m, 0m)]), "2026-04-15"));
        ids["O3"] = await H.OfferAsync(gamma, Valid(Edit(minna, "O3", OfferType.StaffTraining, lines: [("Koulutus", 1m, 500m, 0m)]), "2026-05-31"));
        ids["O4"] = await H.OfferAsync(beta, Valid(Edit(minna, "O4", OfferType.LabourPolicy, lines: [("Koulutus", 1m, 3000m, 0m)]), "2026-04-01"));
        return new Fixture(minna, olli, authorities, workPlacement, ids);
    }

    private static string[] Titles(OpenOffersReport r) => r.Items.Select(o => o.Title).ToArray();

    [Fact]
    public async Task Open_offers_expire_soonest_first_with_totals_by_type_and_every_filter()
    {
        var f = await ArrangeAsync();

        var all = await Reports.OpenOffersAsync(new OpenOfferQuery());
        Assert.Equal(["O5", "O1", "O4", "O2", "O3"], Titles(all));
        Assert.Equal(5, all.TotalCount);
        Assert.Equal([(OfferType.Apprenticeship, 1, 2000m), (OfferType.LabourPolicy, 1, 3000m), (OfferType.StaffTraining, 2, 1600m),
            (OfferType.ServiceOrder, 1, 250m)], all.ByType.Select(t => (t.Type, t.Count, t.TotalExVat)));
        Assert.Equal(6850m, all.TotalExVat);
        Assert.Equal(1125.50m, all.Items[1].Total); // the list shows the total with VAT

        Assert.Equal(["O1", "O3"], Titles(await Reports.OpenOffersAsync(new OpenOfferQuery(Type: OfferType.StaffTraining))));
        Assert.Equal(["O1", "O4", "O3"], Titles(await Reports.OpenOffersAsync(new OpenOfferQuery(AccountManagerId: f.Minna))));
        // Beta is classified under a sub-node of the work-placement group: it belongs to the group.
        var placement = await Reports.OpenOffersAsync(new OpenOfferQuery(CustomerGroupId: f.WorkPlacement));
        Assert.Equal(["O4", "O2"], Titles(placement));
        Assert.Equal(5000m, placement.TotalExVat);
        Assert.Equal(["O5", "O1"], Titles(await Reports.OpenOffersAsync(new OpenOfferQuery(CustomerGroupId: f.Authorities))));
        Assert.Equal(["O1", "O4", "O2"], Titles(await Reports.OpenOffersAsync(
            new OpenOfferQuery(ValidFrom: new DateOnly(2026, 3, 15), ValidTo: new DateOnly(2026, 4, 30)))));
        var paged = await Reports.OpenOffersAsync(new OpenOfferQuery(Page: 1, PageSize: 2));
        Assert.Equal(["O4", "O2"], Titles(paged));
        Assert.Equal(5, paged.TotalCount);
        Assert.Equal(["Työssäoppimispaikat", "Viranomaiset"], (await Reports.CustomerGroupsAsync()).Select(g => g.Name).Order());
    }

    [Fact]
    public async Task Won_and_lost_count_offers_decided_in_the_period_without_orders_recorded_directly()
    {
        var f = await ArrangeAsync();

        var q1 = await Reports.WinLossAsync(new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31));

        Assert.Equal((2, 5500m, 3, 7000m), (q1.Won, q1.WonExVat, q1.Lost, q1.LostExVat));
        Assert.Equal(0.4m, q1.WinRatio);
        Assert.Equal([("Hinta", 2, 2000m), ("Valitsi toisen kouluttajan", 1, 5000m)], q1.Reasons.Select(r => (r.Reason, r.Count, r.TotalExVat)));

        var february = await Reports.WinLossAsync(new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28));
        Assert.Equal((0, 2), (february.Won, february.Lost)); // R1 (recorded directly on 1.2.) is not a won offer
        Assert.Equal(0m, february.WinRatio);
        var olli = await Reports.WinLossAsync(new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31), f.Olli);
        Assert.Equal((1, 0, 1m), (olli.Won, olli.Lost, olli.WinRatio));
        Assert.Null((await Reports.WinLossAsync(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31))).WinRatio);
    }

    [Fact]
    public async Task Pipeline_sums_open_offers_by_the_month_they_expire()
    {
        var f = await ArrangeAsync();

        Assert.Equal([(2026, 2, 1, 250m), (2026, 3, 1, 1100m), (2026, 4, 2, 5000m), (2026, 5, 1, 500m)],
            (await Reports.PipelineAsync()).Select(m => (m.Year, m.Month, m.Count, m.TotalExVat)));
        Assert.Equal([(2026, 3, 1, 1100m), (2026, 4, 1, 3000m), (2026, 5, 1, 500m)],
            (await Reports.PipelineAsync(f.Minna)).Select(m => (m.Year, m.Month, m.Count, m.TotalExVat)));
    }

    [Fact]
    public async Task Orders_and_invoicing_by_month_put_each_order_in_its_order_month_and_its_invoice_month()
    {
        var f = await ArrangeAsync();

        var months = await Reports.OrdersByMonthAsync(2026);

        Assert.Equal(12, months.Count);
        Assert.Equal((1, 4000m, 1, 700m), (months[0].OrderCount, months[0].Ordered, months[0].InvoicedCount, months[0].Invoiced));
        Assert.Equal((1, 9999m, 0, 0m), (months[1].OrderCount, months[1].Ordered, months[1].InvoicedCount, months[1].Invoiced));
        Assert.Equal((1, 1500m, 1, 4000m), (months[2].OrderCount, months[2].Ordered, months[2].InvoicedCount, months[2].Invoiced));
        Assert.All(months.Skip(3), m => Assert.Equal((0, 0m, 0, 0m), (m.OrderCount, m.Ordered, m.InvoicedCount, m.Invoiced)));
        Assert.Equal(700m, (await Reports.OrdersByMonthAsync(2025))[11].Ordered);
        var minna = await Reports.OrdersByMonthAsync(2026, f.Minna);
        Assert.Equal([4000m, 0m, 0m], minna.Take(3).Select(m => m.Ordered));
        Assert.Equal([700m, 0m, 4000m], minna.Take(3).Select(m => m.Invoiced));
    }

    [Fact]
    public async Task Every_report_exports_to_excel_with_typed_cells()
    {
        var f = await ArrangeAsync();

        using var open = await ExportAsync(s => Reports.ExportOpenOffersAsync(new OpenOfferQuery(), s));
        var list = open.Worksheet("Avoimet tarjoukset");
        Assert.Equal(6, list.RowsUsed().Count());
        Assert.Equal(new DateTime(2026, 2, 28), list.Cell(2, 1).GetDateTime());
        Assert.Equal("Alfa Kaupunki", list.Cell(2, 2).GetString());
        Assert.Equal("Palvelutilaus", list.Cell(2, 4).GetString());
        Assert.Equal(1100.0, list.Cell(3, 5).GetDouble());
        Assert.Equal(1125.5, list.Cell(3, 6).GetDouble());
        Assert.Contains("€", list.Cell(3, 6).Style.NumberFormat.Format);
        Assert.Equal(f.Offers["O5"], (int)list.Cell(2, 9).GetDouble());
        var byType = open.Worksheet("Tarjoustyypeittäin");
        Assert.Equal("Oppisopimus", byType.Cell(2, 1).GetString());
        Assert.Equal(2000.0, byType.Cell(2, 3).GetDouble());

        using var winLoss = await ExportAsync(s => Reports.ExportWinLossAsync(new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31), null, s));
        Assert.Equal(0.4, winLoss.Worksheet(1).Cell(2, 4).GetDouble());
        Assert.Equal(7000.0, winLoss.Worksheet(1).Cell(3, 3).GetDouble());
        Assert.Equal("Hinta", winLoss.Worksheet(2).Cell(2, 1).GetString());
        Assert.Equal(2, winLoss.Worksheet(2).Cell(2, 2).GetDouble());

        using var pipeline = await ExportAsync(s => Reports.ExportPipelineAsync(null, s));
        Assert.Equal(new DateTime(2026, 4, 1), pipeline.Worksheet(1).Cell(4, 1).GetDateTime());
        Assert.Equal(5000.0, pipeline.Worksheet(1).Cell(4, 3).GetDouble());

        using var orders = await ExportAsync(s => Reports.ExportOrdersByMonthAsync(2026, null, s));
        Assert.Equal(13, orders.Worksheet(1).RowsUsed().Count());
        Assert.Equal(9999.0, orders.Worksheet(1).Cell(3, 3).GetDouble());
        Assert.Equal(4000.0, orders.Worksheet(1).Cell(4, 5).GetDouble());
    }

    [Fact]
    public async Task Reports_need_a_signed_in_user()
    {
        H.SignOut();
        await Assert.ThrowsAsync<ForbiddenException>(() => Reports.OpenOffersAsync(new OpenOfferQuery()));
        await Assert.ThrowsAsync<ForbiddenException>(() => Reports.PipelineAsync());
        await Assert.ThrowsAsync<ForbiddenException>(() => Reports.ExportOrdersByMonthAsync(2026, null, Stream.Null));
    }

    private static async Task<XLWorkbook> ExportAsync(Func<Stream, Task> export)
    {
        using var stream = new MemoryStream();
        await export(stream);
        return new XLWorkbook(new MemoryStream(stream.ToArray()));
    }
}
