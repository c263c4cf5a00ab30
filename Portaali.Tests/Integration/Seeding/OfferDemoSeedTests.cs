using Microsoft.EntityFrameworkCore;
using Portaali.Core.Calendar;
using Portaali.Core.Offers;
using Portaali.Core.Seeding;
using Portaali.Core.Segments;
using Portaali.Core.Users;
using Portaali.Core.Data;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Seeding;

[Collection(SeededDatabaseCollection.Name)]
public class OfferDemoSeedTests(SeededDatabase seeded)
{
    protected virtual DatabaseProvider DatabaseProvider => DatabaseProvider.Sqlite;

    private CoreHarness H => seeded.H;
    private static DateOnly Today => HelsinkiTime.Today(TimeProvider.System);

    [Fact]
    public async Task The_register_has_plausible_trainings_in_every_field_mostly_vat_free_some_retired_and_on_old_offers()
    {
        await using var db = H.Db();
        var groups = await db.ProductGroups.AsNoTracking().Include(g => g.Products).ThenInclude(p => p.Responsibles).ToListAsync();

        Assert.InRange(groups.Count, 6, 10);
        Assert.All(groups, g => Assert.InRange(g.Products.Count, 6, 12));
        Assert.Contains(groups, g => g.NameFi == "Logistiikka" && g.NameEn == "Logistics");
        var products = groups.SelectMany(g => g.Products).ToList();
        Assert.True(products.Count(p => p.VatRate == 0) > products.Count * 3 / 4);
        Assert.Contains(products, p => p.VatRate == 25.5m);
        Assert.All(products, p => Assert.InRange(p.ListPriceCents, 5_00, 100_000_00));
        Assert.All(products, p => Assert.NotEmpty(p.Responsibles));
        // Every product would pass the register's own form, names included: nobody has to fix demo data before saving.
        Assert.All(products, p => Assert.Empty(ProductRules.Validate(new ProductEdit
        {
            GroupId = p.ProductGroupId, NameFi = p.NameFi, NameEn = p.NameEn, ListPrice = p.ListPrice, VatRate = p.VatRate,
            ResponsibleIds = p.Responsibles.Select(r => r.UserId).ToList(),
        })));
        Assert.All(groups, g => Assert.Equal(g.Products.Count, g.Products.DistinctBy(p => ProductRules.Clean(p.NameFi).ToUpperInvariant()).Count()));

        var retired = products.Where(p => p.IsRetired).Select(p => p.Id).ToList();
        Assert.InRange(retired.Count, 2, 6);
        var onOffers = await db.OfferLines.Where(l => retired.Contains(l.ProductId!.Value))
            .Select(l => new { l.ProductId, OfferedOn = db.Offers.Where(o => o.Id == l.OfferId).Select(o => o.OfferedOn).First() }).ToListAsync();
        Assert.Equal(retired.Order(), onOffers.Select(l => l.ProductId!.Value).Distinct().Order());
        Assert.All(onOffers, l => Assert.True(l.OfferedOn < Today.AddYears(-1), $"a retired product was offered on {l.OfferedOn}"));
    }

    [Fact]
    public async Task Every_offer_total_is_the_sum_of_its_lines_and_every_order_carries_its_offers_total()
    {
        await using var db = H.Db();
        var lines = await db.OfferLines.AsNoTracking().Select(l => new { l.OfferId, l.Quantity, l.UnitPriceCents, l.VatRate, l.LineTotalExVatCents, l.LineVatCents }).ToListAsync();
        Assert.All(lines, l => Assert.Equal(OfferRules.LineTotal(l.Quantity, l.UnitPriceCents, l.VatRate), new LineTotals(l.LineTotalExVatCents, l.LineVatCents)));

        var sums = lines.GroupBy(l => l.OfferId).ToDictionary(g => g.Key, g => (g.Sum(l => l.LineTotalExVatCents), g.Sum(l => l.LineVatCents)));
        var offers = await db.Offers.AsNoTracking().Select(o => new { o.Id, o.TotalExVatCents, o.VatCents }).ToListAsync();
        Assert.All(offers, o => Assert.Equal(sums[o.Id], (o.TotalExVatCents, o.VatCents)));
        Assert.False(await db.Orders.AnyAsync(r => r.TotalExVatCents != r.Offer!.TotalExVatCents || r.VatCents != r.Offer.VatCents
            || r.CustomerId != r.Offer.CustomerId || r.AccountManagerId != r.Offer.AccountManagerId || r.Type != r.Offer.Type));
        Assert.True(await db.Offers.AnyAsync(o => o.VatCents > 0));
    }

    [Fact]
    public async Task Three_years_of_offers_and_orders_reach_every_state_with_what_each_state_needs()
    {
        await using var db = H.Db();
        var offers = await db.Offers.AsNoTracking().Include(o => o.Order).ToListAsync();

        Assert.InRange(offers.Count, 800, 4000);
        Assert.InRange(offers.Min(o => o.OfferedOn), Today.AddYears(-3), Today.AddYears(-3).AddDays(60));
        Assert.True(offers.Max(o => o.OfferedOn) <= Today);
        Assert.All(Enum.GetValues<OfferState>(), s => Assert.Contains(offers, o => o.State == s));
        Assert.All(Enum.GetValues<OrderState>(), s => Assert.Contains(offers, o => o.Order?.State == s));
        Assert.All(Enum.GetValues<OfferType>(), t => Assert.Contains(offers, o => o.Type == t && o.Order is not null));

        Assert.All(offers.Where(o => o.State == OfferState.Open), o => Assert.True(o.ValidUntil >= Today && o.Order is null && o.DecidedOn is null));
        Assert.Contains(offers, o => o.State == OfferState.Open && o.ValidUntil <= Today.AddDays(14)); // expiring soon
        Assert.All(offers.Where(o => o.State == OfferState.Lost), o => Assert.False(string.IsNullOrWhiteSpace(o.LostReason)));
        Assert.True(offers.Where(o => o.State == OfferState.Lost).Select(o => o.LostReason).Distinct().Count() >= 5);
        Assert.All(offers.Where(o => o.State == OfferState.Accepted), o => Assert.True(o.Order is not null && o.DecidedOn <= Today));
        Assert.Contains(offers, o => o.RecordedAsOrder && o.State == OfferState.Accepted);

        var orders = offers.Where(o => o.Order is not null).Select(o => o.Order!).ToList();
        Assert.All(orders.Where(r => r.State == OrderState.AwaitingDelivery), r => Assert.True(r.DeliveryStartedOn is null && r.InvoicedOn is null));
        // In delivery means it may be invoiced: the billing list has work waiting, none of it invoiced yet.
        Assert.All(orders.Where(r => r.State == OrderState.InDelivery), r => Assert.True(r.DeliveryStartedOn <= Today && r.InvoicedOn is null && r.InvoiceNumber is null));
        var invoiced = orders.Where(r => r.State == OrderState.Invoiced).ToList();
        Assert.All(invoiced, r => Assert.True(r.InvoicedOn <= Today && r.InvoicedOn >= r.DeliveryStartedOn && r.InvoiceNumber is not null && r.InvoicedByName is not null));
        Assert.Equal(invoiced.Count, invoiced.Select(r => r.InvoiceNumber).Distinct().Count());
        Assert.All(orders, r => Assert.True(r.StartsOn <= r.EndsOn && r.OrderedOn <= r.StartsOn));
        Assert.All(Enumerable.Range(Today.Year - 2, 3), year => Assert.Contains(orders, r => r.OrderedOn.Year == year));
    }

    [Fact]
    public async Task Offers_mix_product_and_free_text_lines_with_participants_and_keep_their_content_responsibles()
    {
        await using var db = H.Db();
        var lineCounts = await db.Offers.Select(o => new { o.Id, Lines = db.OfferLines.Count(l => l.OfferId == o.Id),
            Products = db.OfferLines.Count(l => l.OfferId == o.Id && l.ProductId != null), Free = db.OfferLines.Count(l => l.OfferId == o.Id && l.ProductId == null) }).ToListAsync();

        Assert.All(lineCounts, o => Assert.InRange(o.Lines, 1, OfferRules.MaxLines));
        Assert.Contains(lineCounts, o => o.Lines >= 3);
        Assert.Contains(lineCounts, o => o.Products > 0 && o.Free > 0);
        Assert.Contains(lineCounts, o => o.Products == 0); // a tailored training, typed by hand
        Assert.True(await db.OfferLines.AnyAsync(l => l.Participants >= 10));
        Assert.False(await db.OfferLines.AnyAsync(l => l.ProductId != null && l.Description != db.Products.Where(p => p.Id == l.ProductId).Select(p => p.NameFi).First()));
        // The offer keeps who answered for its products' content, by name.
        Assert.False(await db.Offers.AnyAsync(o => db.OfferLines.Any(l => l.OfferId == o.Id && l.ProductId != null) && !db.OfferResponsibles.Any(r => r.OfferId == o.Id)));
        Assert.False(await db.OfferResponsibles.AnyAsync(r => r.Name != db.Users.Where(u => u.Id == r.UserId).Select(u => u.DisplayName).First()));
    }

    [Fact]
    public async Task Key_accounts_get_more_and_larger_offers_than_growing_customers_and_passive_ones_none_open()
    {
        await using var db = H.Db();
        var bySegment = await db.Offers.GroupBy(o => o.Customer!.Segment)
            .Select(g => new { Segment = g.Key, Offers = g.Count(), Customers = g.Select(o => o.CustomerId).Distinct().Count(), Cents = g.Sum(o => o.TotalExVatCents) })
            .ToDictionaryAsync(g => g.Segment);
        var a = bySegment[Segment.A];
        var b = bySegment[Segment.B];

        Assert.Equal(5, a.Customers);
        Assert.True(a.Offers / (double)a.Customers > 4 * b.Offers / (double)b.Customers, $"A: {a.Offers}/{a.Customers}, B: {b.Offers}/{b.Customers}");
        Assert.True(a.Cents / a.Offers > b.Cents / b.Offers);
        Assert.True(b.Offers / (double)b.Customers > bySegment[Segment.C].Offers / (double)(await db.Customers.CountAsync(c => c.Segment == Segment.C)));
        Assert.False(await db.Offers.AnyAsync(o => o.Customer!.IsPassive && o.State == OfferState.Open));
    }

    [Fact]
    public async Task Sellers_have_targets_for_the_three_years_and_every_offer_an_account_manager_who_may_sell()
    {
        await using var db = H.Db();
        var managers = await db.Users.Where(u => u.Group == UserGroup.AccountManager).Select(u => u.Id).ToListAsync();
        var targets = await db.SalesTargets.AsNoTracking().ToListAsync();

        foreach (var id in managers)
            Assert.Equal([Today.Year - 2, Today.Year - 1, Today.Year], targets.Where(t => t.UserId == id).Select(t => t.Year).Order());
        Assert.All(targets, t => Assert.InRange(t.AmountCents, 20_000_00, 5_000_000_00));
        var sellerGroups = await db.Offers.Select(o => o.AccountManager!.Group).Distinct().ToListAsync();
        Assert.All(sellerGroups, g => Assert.Contains(g, new[] { UserGroup.AccountManager, UserGroup.CustomerRelationshipManager, UserGroup.SalesAndMarketing }));
        Assert.True(await db.Offers.Select(o => o.AccountManagerId).Distinct().CountAsync() >= managers.Count);
    }

    [Fact]
    public async Task Every_open_demo_offer_passes_the_offer_form_rules_so_it_can_be_edited_as_it_is()
    {
        await using var db = H.Db();
        var open = await db.Offers.AsNoTracking().Include(o => o.Lines).Where(o => o.State == OfferState.Open).ToListAsync();

        Assert.NotEmpty(open);
        Assert.All(open, o => Assert.Empty(OfferRules.Validate(new OfferEdit
        {
            ContactId = o.ContactId, AccountManagerId = o.AccountManagerId, Type = o.Type, Title = o.Title, ValidUntil = o.ValidUntil,
            Notes = o.Notes, CustomerReference = o.CustomerReference,
            Lines = o.Lines.Select(l => new OfferLineEdit
            {
                ProductId = l.ProductId, Description = l.Description, Quantity = l.Quantity, UnitPrice = l.UnitPrice, VatRate = l.VatRate, Participants = l.Participants,
            }).ToList(),
        }, Today, isNew: false)));
    }

    private sealed record Snapshot(List<string> Offers, List<string> Orders, List<string> Targets, List<Guid> Versions);

    [Fact]
    public async Task The_same_seed_and_day_give_the_same_offers_orders_and_targets()
    {
        var day = new DateOnly(2026, 5, 20);
        async Task<Snapshot> SeedSmallAsync()
        {
            await using var harness = await CoreHarness.CreateAsync(provider: DatabaseProvider);
            await using (var db = harness.Db()) await new DemoSeeder(db, customerCount: 500, today: day).SeedAsync();
            await using var read = harness.Db();
            return new Snapshot(
                await read.Offers.OrderBy(o => o.Id).Select(o => $"{o.CustomerId} {o.OfferedOn} {o.State} {o.TotalExVatCents} {o.VatCents} {o.Title}").ToListAsync(),
                await read.Orders.OrderBy(o => o.Id).Select(o => $"{o.OfferId} {o.State} {o.StartsOn} {o.InvoiceNumber}").ToListAsync(),
                await read.SalesTargets.OrderBy(t => t.Id).Select(t => $"{t.UserId} {t.Year} {t.AmountCents}").ToListAsync(),
                await read.Offers.OrderBy(o => o.Id).Select(o => o.Version).ToListAsync());
        }

        var first = await SeedSmallAsync();
        var second = await SeedSmallAsync();

        Assert.NotEmpty(first.Orders);
        Assert.Contains(first.Orders, o => o.Contains("Invoiced"));
        Assert.Equal(first.Offers, second.Offers);
        Assert.Equal(first.Orders, second.Orders);
        Assert.Equal(first.Targets, second.Targets);
        Assert.Equal(first.Versions, second.Versions);
    }

    [Fact]
    public async Task Seeded_offers_and_orders_open_and_move_on_through_the_offer_service()
    {
        // The history is written in bulk, past SaveChanges: the services must read and change it like anything typed in.
        await using var harness = await CoreHarness.CreateAsync(provider: DatabaseProvider);
        await using (var db = harness.Db()) await new DemoSeeder(db, customerCount: 500, today: HelsinkiTime.Today(harness.Clock)).SeedAsync();
        await using var read = harness.Db();
        var open = await read.Offers.AsNoTracking().Where(o => o.State == OfferState.Open).OrderBy(o => o.Id).FirstAsync();
        var delivering = await read.Orders.AsNoTracking().Where(o => o.State == OrderState.InDelivery).OrderBy(o => o.Id).FirstAsync();
        var manager = await read.Users.AsNoTracking().SingleAsync(u => u.Id == open.AccountManagerId);

        harness.SignInAs(manager);
        var details = await harness.Offers.GetAsync(open.Id);
        Assert.Equal(open.TotalExVatCents + open.VatCents, Portaali.Core.Common.Money.ToCents(details.Total));
        Assert.Equal(details.Lines.Sum(l => l.TotalExVat), details.TotalExVat);
        var edit = await harness.Offers.GetForEditAsync(open.Id);
        edit.Notes = "Soitettu, päätös ensi viikolla.";
        await harness.Offers.UpdateAsync(open.Id, edit);
        var orderId = await harness.Offers.AcceptAsync(open.Id, (await harness.Offers.GetAsync(open.Id)).Version, new OrderDates(null, null));

        await harness.SignInAsAsync(UserGroup.ServiceOperations);
        await harness.Offers.MoveOrderAsync(delivering.Id, delivering.Version, OrderState.Invoiced, "2026-09999");
        await using var after = harness.Db();
        Assert.Equal(OrderState.Invoiced, (await after.Orders.SingleAsync(o => o.Id == delivering.Id)).State);
        Assert.Equal(OrderState.AwaitingDelivery, (await after.Orders.SingleAsync(o => o.Id == orderId)).State);
    }
}
