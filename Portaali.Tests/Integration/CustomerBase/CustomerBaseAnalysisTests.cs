using System.Globalization;
using ClosedXML.Excel;
using Portaali.Core.Classifications;
using Portaali.Core.Common;
using Portaali.Core.CustomerBase;
using Portaali.Core.Customers;
using Portaali.Core.Segments;
using Portaali.Core.Users;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.CustomerBase;

/// <summary>The customer-base analysis on a small known base in a real SQLite file: the counts per dimension, the segment
/// movements of a period in Helsinki time, and that every count's drill-down lists exactly the customers it counted.</summary>
public class CustomerBaseAnalysisTests : HarnessTest
{
    private CustomerBaseAnalysisService Analysis => H.Service<CustomerBaseAnalysisService>();

    private record Base(int Partners, int WorkPlacement, int Aanekoski, int Oljy, int Citytalo, int Markkinointi, int Passive);

    /// <summary>Groups: Yhteistyöoppilaitokset, Työssäoppimispaikat › Puitesopimus › Kone- ja metalli; Markkinointi is no group.
    /// Active: Äänekoski (B, two work-placement subgroups, size 5, Helsinki, 25620 C), Öljy (A, both groups, size unknown,
    /// Tampere, 85320 P), Citytalo (C, nothing known), Markkinointi (Potential, marketing only, size 9, municipality code not
    /// on the list, code 00000). Passive: Passiivi (B, partners, size 5, Helsinki, 41200 F).</summary>
    private async Task<Base> ArrangeAsync()
    {
        await H.SignInAsAsync(UserGroup.Management);
        ClassificationNode partners, workPlacement, framework, metal, marketing;
        await using (var db = H.Db())
        {
            var root = new ClassificationNode { Name = "Asiakasryhmät", SystemKey = CustomerGroups.RootKey };
            partners = new ClassificationNode { Name = "Yhteistyöoppilaitokset", Parent = root, SortOrder = 0 };
            workPlacement = new ClassificationNode { Name = "Työssäoppimispaikat", Parent = root, SortOrder = 1 };
            framework = new ClassificationNode { Name = "Puitesopimus", Parent = workPlacement };
            metal = new ClassificationNode { Name = "Kone- ja metalli", Parent = framework };
            marketing = new ClassificationNode { Name = "Markkinointi" };
            db.ClassificationNodes.AddRange(root, partners, workPlacement, framework, metal, marketing);
            await db.SaveChangesAsync();
        }
        Action<Customer> In(params ClassificationNode[] nodes) => c =>
            c.Classifications.AddRange(nodes.Select(n => new CustomerClassification { NodeId = n.Id, AssignedAt = CoreHarness.Now.UtcDateTime }));

        var aanekoski = await H.AddCustomerAsync("Äänekosken Kone Oy", "0737546-2", "091", Segment.B, configure: c =>
        {
            In(framework, metal)(c);
            (c.SizeClass, c.IndustryCode, c.Revenue) = (5, "25620", 1_234_567.89m);
        });
        var oljy = await H.AddCustomerAsync("Öljy-Pekka Oy", null, "837", Segment.A, configure: c =>
        {
            In(partners, workPlacement)(c);
            c.IndustryCode = "85320";
        });
        var citytalo = await H.AddCustomerAsync("Citytalo Oy", null, null, Segment.C);
        var markkinointi = await H.AddCustomerAsync("Markkinointi Oy", null, "999", Segment.Potential, configure: c =>
        {
            In(marketing)(c);
            (c.SizeClass, c.IndustryCode) = (9, "00000");
        });
        var passive = await H.AddCustomerAsync("Passiivi Oy", null, "091", Segment.B, passive: true, configure: c =>
        {
            In(partners)(c);
            (c.SizeClass, c.IndustryCode) = (5, "41200");
        });
        return new Base(partners.Id, workPlacement.Id, aanekoski.Id, oljy.Id, citytalo.Id, markkinointi.Id, passive.Id);
    }

    private static Dictionary<string, int> Counts(IReadOnlyList<CustomerBaseBar> bars) => bars.ToDictionary(b => b.Key, b => b.Count);

    [Fact]
    public async Task Active_customers_are_counted_once_per_bucket_with_unknown_buckets()
    {
        var b = await ArrangeAsync();

        var counts = await Analysis.CountAsync();

        Assert.Equal(4, counts.Total);
        Assert.Equal(new Dictionary<string, int> { ["A"] = 1, ["B"] = 1, ["C"] = 1, ["Potential"] = 1 }, Counts(counts.BySegment));
        // Äänekoski sits in two work-placement subgroups and counts once; Öljy is in both groups and counts in each.
        Assert.Equal(new Dictionary<string, int> { [b.Partners.ToString()] = 1, [b.WorkPlacement.ToString()] = 2, [CustomerQuery.Unknown] = 2 },
            Counts(counts.ByCustomerGroup));
        Assert.Equal(["Yhteistyöoppilaitokset", "Työssäoppimispaikat"], counts.ByCustomerGroup.Take(2).Select(x => x.Label));
        var sizes = Counts(counts.BySizeClass);
        Assert.Equal((1, 1, 2, 0), (sizes["5"], sizes["9"], sizes["0"], sizes["1"]));
        Assert.Equal("0", counts.BySizeClass[^1].Key); // unknown last
        Assert.Equal(new Dictionary<string, int> { ["Uusimaa"] = 1, ["Pirkanmaa"] = 1, [CustomerQuery.Unknown] = 2 }, Counts(counts.ByRegion));
        Assert.Equal(new Dictionary<string, int> { ["C"] = 1, ["P"] = 1, [CustomerQuery.Unknown] = 2 }, Counts(counts.ByIndustry));
    }

    [Fact]
    public async Task Passive_customers_count_only_when_asked_for()
    {
        await ArrangeAsync();

        var counts = await Analysis.CountAsync(includePassive: true);

        Assert.Equal(5, counts.Total);
        Assert.Equal(2, Counts(counts.BySegment)["B"]);
        Assert.Equal(2, Counts(counts.ByRegion)["Uusimaa"]);
        Assert.Equal(1, Counts(counts.ByIndustry)["F"]);
        Assert.Equal(2, Counts(counts.BySizeClass)["5"]);
        Assert.All(counts.BySegment, bar => Assert.True(bar.Filter.IncludePassive));
    }

    [Fact]
    public async Task Labels_name_the_industry_section_and_the_unknown_buckets_in_the_users_language()
    {
        await ArrangeAsync();

        using (UiCulture.Finnish())
        {
            var counts = await Analysis.CountAsync();
            Assert.Equal(["C Teollisuus", "P Koulutus", "Toimiala ei tiedossa"], counts.ByIndustry.Select(x => x.Label));
            Assert.Equal("Maakunta ei tiedossa", counts.ByRegion[^1].Label);
            Assert.Equal("Ei asiakasryhmää", counts.ByCustomerGroup[^1].Label);
        }
        using (UiCulture.English())
        {
            var counts = await Analysis.CountAsync();
            Assert.Equal(["C Manufacturing", "P Education", "Industry unknown"], counts.ByIndustry.Select(x => x.Label));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Every_bar_drills_down_to_exactly_the_customers_it_counted(bool includePassive)
    {
        await ArrangeAsync();
        var counts = await Analysis.CountAsync(includePassive);

        foreach (var dimension in Enum.GetValues<CustomerBaseDimension>())
            foreach (var bar in counts.Of(dimension))
            {
                var list = await H.Customers.SearchAsync(bar.Filter with { PageSize = 100 });
                Assert.True(bar.Count == list.TotalCount && list.Items.Count == bar.Count,
                    $"{dimension} {bar.Key}: counted {bar.Count}, listed {list.TotalCount}");
            }
    }

    [Fact]
    public async Task Drill_down_filters_list_the_right_customers_by_name()
    {
        var b = await ArrangeAsync();

        async Task<string[]> Names(CustomerQuery q) =>
            (await H.Customers.SearchAsync(q)).Items.Select(r => r.Name).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(["Äänekosken Kone Oy", "Öljy-Pekka Oy"], await Names(new() { CustomerGroupId = b.WorkPlacement }));
        Assert.Equal(["Citytalo Oy", "Markkinointi Oy"], await Names(new() { CustomerGroupId = CustomerQuery.NoCustomerGroup }));
        Assert.Equal(["Citytalo Oy", "Markkinointi Oy"], await Names(new() { Region = CustomerQuery.Unknown }));
        Assert.Equal(["Citytalo Oy", "Markkinointi Oy"], await Names(new() { IndustrySection = CustomerQuery.Unknown }));
        Assert.Equal(["Äänekosken Kone Oy"], await Names(new() { IndustrySection = "C" }));
        Assert.Equal(["Citytalo Oy", "Öljy-Pekka Oy"], await Names(new() { SizeClass = 0 }));
        Assert.Equal(["Passiivi Oy", "Äänekosken Kone Oy"], await Names(new() { Region = "Uusimaa", IncludePassive = true }));
        // Filters combine: Uusimaa and the partner group leaves only the passive customer, and only when passive ones are shown.
        Assert.Empty(await Names(new() { Region = "Uusimaa", CustomerGroupId = b.Partners }));
        Assert.Empty(await Names(new() { IndustrySection = "X" }));
    }

    // Summer time began 29.3.2026: on 31.3. Helsinki is UTC+3, on 28.2. UTC+2.
    private static readonly DateOnly March1 = new(2026, 3, 1), March31 = new(2026, 3, 31);

    private async Task<Base> ArrangeMovesAsync()
    {
        var b = await ArrangeAsync();
        await using var db = H.Db();
        void Move(int customer, Segment? from, Segment to, string utc) => db.SegmentChanges.Add(new SegmentChange
        {
            CustomerId = customer, From = from, To = to, Reason = "testi", ChangedByName = "Testi",
            ChangedAt = DateTime.SpecifyKind(DateTime.Parse(utc, CultureInfo.InvariantCulture), DateTimeKind.Utc),
        });
        Move(b.Aanekoski, null, Segment.C, "2026-02-28 21:30");   // 23:30 on 28.2. in Helsinki: before the period
        Move(b.Aanekoski, Segment.C, Segment.B, "2026-03-31 20:30"); // 23:30 on the last day in Helsinki: inside
        Move(b.Oljy, null, Segment.C, "2026-02-28 22:30");        // 00:30 on 1.3. in Helsinki: inside, a new customer
        Move(b.Oljy, Segment.C, Segment.B, "2026-03-05 10:00");
        Move(b.Oljy, Segment.B, Segment.A, "2026-03-20 10:00");
        Move(b.Citytalo, Segment.C, Segment.B, "2026-03-02 10:00"); // back and forth twice: once in C→B, once in B→C
        Move(b.Citytalo, Segment.B, Segment.C, "2026-03-03 10:00");
        Move(b.Citytalo, Segment.C, Segment.B, "2026-03-04 10:00");
        Move(b.Citytalo, Segment.B, Segment.C, "2026-03-06 10:00");
        Move(b.Markkinointi, Segment.C, Segment.Potential, "2026-03-31 21:30"); // 00:30 on 1.4. in Helsinki: after
        Move(b.Passive, Segment.C, Segment.B, "2026-03-10 10:00");
        await db.SaveChangesAsync();
        return b;
    }

    [Fact]
    public async Task Movements_of_a_period_count_customers_per_move_on_Helsinki_dates()
    {
        await ArrangeMovesAsync();

        var moves = await Analysis.MovementsAsync(March1, March31);

        Assert.Equal(1, moves.Cell(null, Segment.C)!.Count);
        Assert.Equal(3, moves.Cell(Segment.C, Segment.B)!.Count);
        Assert.Equal(1, moves.Cell(Segment.B, Segment.A)!.Count);
        Assert.Equal(1, moves.Cell(Segment.B, Segment.C)!.Count);
        Assert.Equal(0, moves.Cell(Segment.C, Segment.Potential)!.Count);
        Assert.Equal(6, moves.Cells.Sum(c => c.Count));
        Assert.Equal(3, moves.Customers);
        Assert.Null(moves.Cell(Segment.B, Segment.B));
        Assert.Equal(4, (await Analysis.MovementsAsync(March1, March31, includePassive: true)).Cell(Segment.C, Segment.B)!.Count);
        // The day after: only the move at 00:30 on 1.4.
        var april = await Analysis.MovementsAsync(March31.AddDays(1), March31.AddDays(1));
        Assert.Equal([(Segment.C, Segment.Potential, 1)], april.Cells.Where(c => c.Count > 0).Select(c => (c.From!.Value, c.To, c.Count)));
    }

    [Fact]
    public async Task Every_movement_cell_drills_down_to_exactly_its_customers()
    {
        var b = await ArrangeMovesAsync();
        var moves = await Analysis.MovementsAsync(March1, March31);

        foreach (var cell in moves.Cells)
        {
            var list = await H.Customers.SearchAsync(cell.Filter with { PageSize = 100 });
            Assert.True(cell.Count == list.TotalCount, $"{cell.From}→{cell.To}: counted {cell.Count}, listed {list.TotalCount}");
        }
        var cToB = await H.Customers.SearchAsync(moves.Cell(Segment.C, Segment.B)!.Filter);
        Assert.Equal(new[] { b.Aanekoski, b.Citytalo, b.Oljy }.Order(), cToB.Items.Select(r => r.Id).Order());
    }

    [Fact]
    public async Task A_period_that_ends_before_it_starts_is_refused_with_a_message()
    {
        await ArrangeAsync();
        using var _ = UiCulture.Finnish();

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => Analysis.MovementsAsync(March31, March1));
        Assert.Equal("Jakson alun pitää olla ennen sen loppua.", error.Message);
    }

    [Fact]
    public async Task Account_managers_do_not_see_the_analysis()
    {
        await ArrangeAsync();
        await H.SignInAsAsync(UserGroup.AccountManager);

        await Assert.ThrowsAsync<ForbiddenException>(() => Analysis.CountAsync());
        await Assert.ThrowsAsync<ForbiddenException>(() => Analysis.MovementsAsync(March1, March31));
        await Assert.ThrowsAsync<ForbiddenException>(() => H.Service<CustomerExportService>().ExportAsync(new CustomerQuery(), Stream.Null));
    }

    [Fact]
    public async Task Export_holds_every_filtered_customer_not_only_the_page_with_typed_euros()
    {
        await ArrangeAsync();
        using var _ = UiCulture.Finnish();
        using var stream = new MemoryStream();

        await H.Service<CustomerExportService>().ExportAsync(new CustomerQuery { Region = "Uusimaa", IncludePassive = true, PageSize = 1 }, stream);

        stream.Position = 0;
        using var book = new XLWorkbook(stream);
        var sheet = book.Worksheet("Asiakkaat");
        var rows = sheet.RangeUsed()!.RowsUsed().ToList();
        Assert.Equal(3, rows.Count); // the header and both customers, although the page holds one
        Assert.Equal(["Nimi", "Y-tunnus", "Kunta", "Maakunta", "Segmentti"], rows[0].Cells(1, 5).Select(c => c.GetString()));
        var kone = rows.Single(r => r.Cell(1).GetString() == "Äänekosken Kone Oy");
        Assert.Equal(("Helsinki", "Uusimaa", "B – kasvava", 5.0), (kone.Cell(3).GetString(), kone.Cell(4).GetString(), kone.Cell(5).GetString(), kone.Cell(6).GetDouble()));
        Assert.Equal(1_234_567.89, kone.Cell(7).GetDouble());
        Assert.Contains("€", kone.Cell(7).Style.NumberFormat.Format);
        Assert.Equal(("25620", "C Teollisuus"), (kone.Cell(8).GetString(), kone.Cell(9).GetString()));
        Assert.Equal("passiivinen", rows.Single(r => r.Cell(1).GetString() == "Passiivi Oy").Cell(10).GetString());
    }
}
