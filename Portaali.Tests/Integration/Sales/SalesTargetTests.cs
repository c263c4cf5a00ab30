using System.Globalization;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Portaali.Core.Common;
using Portaali.Core.Offers;
using Portaali.Core.Sales;
using Portaali.Core.Users;
using Portaali.Tests.Support;
using static Portaali.Tests.Integration.Sales.SalesTestData;

namespace Portaali.Tests.Integration.Sales;

/// <summary>Euro targets against actual orders on a real SQLite file.</summary>
public class SalesTargetTests : HarnessTest, IDisposable
{
    private readonly IDisposable culture = UiCulture.Use("fi-FI");

    public void Dispose() => culture.Dispose();

    private static void UseCulture(string name) => UiCulture.Set(name);

    private SalesTargetService Targets => H.Service<SalesTargetService>();

    private async Task<(AppUser Seller, AppUser Other, int Customer, List<int> Offers2026)> ArrangeAsync()
    {
        var seller = await H.CreateUserAsync(UserGroup.AccountManager, "Minna Myyjä");
        var other = await H.CreateUserAsync(UserGroup.AccountManager, "Olli Toinen");
        H.SignInAs(seller);
        var customer = (await H.AddCustomerAsync("Alfa Rakennus Oy")).Id;
        var offers2026 = new List<int>();

        H.At("2025-12-31 23:30"); // 21:30 UTC: still 2025 in Helsinki
        await H.OrderAsync(customer, Edit(seller.Id, "Vuoden viimeinen", lines: [("Koulutus", 1m, 800m, 0m)]));
        H.At("2026-01-01 00:30"); // 22:30 UTC on 31.12.2025, but 2026 in Helsinki
        offers2026.Add((await H.OrderAsync(customer, Edit(seller.Id, "Vuoden ensimmäinen", lines: [("Koulutus", 1m, 1000m, 0m)]))).OfferId);
        H.At("2026-06-15 10:00");
        var recordedId = await H.Offers.RecordOrderAsync(customer, Edit(seller.Id, "Suoraan kirjattu", lines: [("Koulutus", 2m, 350m, 0m)]), new OrderDates(null, null));
        await using (var db = H.Db()) offers2026.Add(await db.Orders.Where(o => o.Id == recordedId).Select(o => o.OfferId).SingleAsync());
        H.At("2026-12-31 23:59");
        offers2026.Add((await H.OrderAsync(customer, Edit(seller.Id, "Joulun jälkeen", lines: [("Koulutus", 1m, 2000m, 0m), ("Materiaali", 1m, 500m, 25.5m)]))).OfferId);
        H.At("2027-01-01 00:10");
        await H.OrderAsync(customer, Edit(seller.Id, "Uusi vuosi", lines: [("Koulutus", 1m, 9000m, 0m)]));
        H.At("2026-05-05 09:00");
        await H.OrderAsync(customer, Edit(other.Id, "Toisen tilaus", lines: [("Koulutus", 1m, 300m, 0m)]));
        await H.OfferAsync(customer, Edit(seller.Id, "Avoin, ei lasketa", lines: [("Koulutus", 1m, 50000m, 0m)]));
        var lost = await H.OfferAsync(customer, Edit(seller.Id, "Hävitty, ei lasketa", lines: [("Koulutus", 1m, 40000m, 0m)]));
        await H.Offers.LoseAsync(lost, (await H.Offers.GetAsync(lost)).Version, "Hinta");
        H.At("2026-03-10 11:00");
        return (seller, other, customer, offers2026);
    }

    [Fact]
    public async Task Actual_is_the_orders_ex_vat_by_their_helsinki_order_year_recorded_directly_included()
    {
        var (seller, other, _, offers2026) = await ArrangeAsync();
        H.SignInAs(await H.CreateUserAsync(UserGroup.Management, "Johtaja Jaana"));
        await Targets.SetAsync(seller.Id, 2026, "5 000,50");

        var report = await Targets.GetYearAsync(2026);

        var mine = report.Rows.Single(r => r.UserId == seller.Id);
        Assert.Equal(5000.50m, mine.Target);
        Assert.Equal(1000m + 700m + 2500m, mine.Actual); // ex VAT: the 25.5 % on the material is not counted
        Assert.Equal(3, mine.OrderCount);
        Assert.Equal(Math.Round(4200m / 5000.50m, 4), mine.Achieved);
        var theirs = report.Rows.Single(r => r.UserId == other.Id);
        Assert.Null(theirs.Target);
        Assert.Equal(300m, theirs.Actual);
        Assert.Equal(["Minna Myyjä", "Olli Toinen"], report.Rows.Select(r => r.Name));
        Assert.Equal(4500m, report.TotalActual);
        Assert.Equal(1000m, report.Cumulative[0].Actual);
        Assert.Equal(1000m, report.Cumulative[3].Actual);
        Assert.Equal(1300m, report.Cumulative[4].Actual); // May: the other person's 300 …
        Assert.Equal(2000m, report.Cumulative[5].Actual); // … and the order recorded directly in June
        Assert.Equal(4500m, report.Cumulative[11].Actual);
        Assert.Equal(2500.25m, report.Cumulative[5].Target);
        Assert.Equal(5000.50m, report.Cumulative[11].Target);
        Assert.True(report.CanManage);

        Assert.Equal(800m, (await Targets.GetYearAsync(2025)).Rows.Single().Actual);
        Assert.Equal(9000m, (await Targets.GetYearAsync(2027)).Rows.Single().Actual);

        var drill = await Targets.OrdersAsync(seller.Id, 2026);
        Assert.Equal(offers2026.AsEnumerable().Reverse(), drill.Select(o => o.OfferId)); // newest first
        Assert.Equal(["Joulun jälkeen", "Suoraan kirjattu", "Vuoden ensimmäinen"], drill.Select(o => o.Title));
        Assert.Equal(4200m, drill.Sum(o => o.TotalExVat));
    }

    [Theory]
    [InlineData("fi-FI", "120 000,50", "120000.50")]
    [InlineData("fi-FI", "120.000", "120000")]
    [InlineData("fi-FI", "1500 €", "1500")]
    [InlineData("en-US", "120,000.50", "120000.50")]
    [InlineData("en-US", "1,5", "1.5")]
    [InlineData("en-US", "€ 99.90", "99.90")]
    public async Task A_target_is_typed_as_people_write_euros_in_either_language(string cultureName, string typed, string expected)
    {
        var seller = await H.CreateUserAsync(UserGroup.AccountManager, "Minna Myyjä");
        H.SignInAs(await H.CreateUserAsync(UserGroup.Management, "Johtaja Jaana"));
        UseCulture(cultureName);

        await Targets.SetAsync(seller.Id, 2026, typed);

        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), (await Targets.GetYearAsync(2026)).Rows.Single().Target);
    }

    [Theory]
    [InlineData("fi-FI", "12,345")]
    [InlineData("en-US", "12.5.0")]
    [InlineData("en-US", "-100")]
    [InlineData("fi-FI", "kymppitonni")]
    public async Task A_target_that_cannot_be_read_is_refused_with_a_message_and_the_old_one_kept(string cultureName, string typed)
    {
        var seller = await H.CreateUserAsync(UserGroup.AccountManager, "Minna Myyjä");
        H.SignInAs(await H.CreateUserAsync(UserGroup.Management, "Johtaja Jaana"));
        await Targets.SetAsync(seller.Id, 2026, "1000");
        UseCulture(cultureName);

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => Targets.SetAsync(seller.Id, 2026, typed));

        Assert.Equal(Money.Parse(typed).Error, refused.Message);
        Assert.Contains(refused.Errors, e => e.Field == "Amount");
        Assert.Equal(1000m, (await Targets.GetYearAsync(2026)).Rows.Single().Target);
        await Targets.SetAsync(seller.Id, 2026, " ");
        Assert.Empty((await Targets.GetYearAsync(2026)).Rows); // an empty amount removes the target
    }

    [Fact]
    public async Task Only_management_sets_targets_and_everyone_signed_in_sees_them()
    {
        var (seller, _, _, _) = await ArrangeAsync();
        H.SignInAs(seller);
        await Assert.ThrowsAsync<ForbiddenException>(() => Targets.SetAsync(seller.Id, 2026, "100000"));
        var report = await Targets.GetYearAsync(2026);
        Assert.False(report.CanManage);
        Assert.All(report.Rows, r => Assert.Null(r.Target));
        H.SignOut();
        await Assert.ThrowsAsync<ForbiddenException>(() => Targets.GetYearAsync(2026));
    }

    [Fact]
    public async Task The_export_lists_targets_and_the_orders_behind_them_with_typed_cells()
    {
        var (seller, _, customer, _) = await ArrangeAsync();
        await using (var db = H.Db())
        {
            (await db.Customers.SingleAsync(c => c.Id == customer)).Name = "=HYPERLINK(\"http://127.0.0.1/\",\"Avaa\")";
            await db.SaveChangesAsync();
        }
        H.SignInAs(await H.CreateUserAsync(UserGroup.Management, "Johtaja Jaana"));
        await Targets.SetAsync(seller.Id, 2026, "8400");

        using var stream = new MemoryStream();
        await Targets.ExportAsync(2026, stream);

        using var book = new XLWorkbook(new MemoryStream(stream.ToArray()));
        var targets = book.Worksheet(1);
        Assert.Equal("Tavoitteet 2026", targets.Name);
        Assert.Equal("Minna Myyjä", targets.Cell(2, 1).GetString());
        Assert.Equal(8400.0, targets.Cell(2, 2).GetDouble());
        Assert.Equal(4200.0, targets.Cell(2, 3).GetDouble());
        Assert.Equal(0.5, targets.Cell(2, 4).GetDouble());
        Assert.Equal(3, targets.Cell(2, 5).GetDouble());
        Assert.True(targets.Cell(3, 2).IsEmpty()); // the other person has no target
        var orders = book.Worksheet(2);
        Assert.Equal(4, orders.RowsUsed().Count() - 1);
        Assert.Equal(new DateTime(2026, 1, 1), orders.Cell(2, 2).GetDateTime());
        Assert.Equal("=HYPERLINK(\"http://127.0.0.1/\",\"Avaa\")", orders.Cell(2, 3).GetString());
        Assert.False(orders.Cell(2, 3).HasFormula);
        Assert.Equal(1000.0, orders.Cell(2, 6).GetDouble());
    }
}
