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

/// <summary>The sales assistant's billing list on a real SQLite file: what is on it, its billing details, marking invoiced.</summary>
public class BillingListTests : HarnessTest, IDisposable
{
    private readonly CultureInfo culture = CultureInfo.CurrentCulture, uiCulture = CultureInfo.CurrentUICulture;

    public BillingListTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fi-FI");
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fi");
    }

    public void Dispose()
    {
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = uiCulture;
    }

    private BillingService Billing => H.Service<BillingService>();

    private record Fixture(AppUser Assistant, AppUser Manager, int CustomerA, int CustomerB, int OrderA, int OrderB, int OfferA);

    /// <summary>A: postal and visiting address, contact, reference, two lines, in delivery since 2.3.; B: visiting address only,
    /// in delivery since 20.2. (older); plus orders and offers that must not show: awaiting delivery, invoiced, open, lost.</summary>
    private async Task<Fixture> ArrangeAsync()
    {
        var assistant = await H.CreateUserAsync(UserGroup.SalesAndMarketing, "Laura Laskuttaja");
        var manager = await H.CreateUserAsync(UserGroup.AccountManager, "Minna Myyjä");
        H.SignInAs(assistant);
        var a = await H.AddCustomerAsync("Alfa Rakennus Oy", "1572860-0", configure: c =>
        {
            c.PostalAddress = new() { Street = "PL 12", PostalCode = "00101", City = "Helsinki" };
            c.VisitingAddress = new() { Street = "Työmaatie 3", PostalCode = "00500", City = "Helsinki" };
        });
        var b = await H.AddCustomerAsync("Beta Hoiva Oy", "2345678-6", configure: c =>
            c.VisitingAddress = new() { Street = "Hoivakuja 7", PostalCode = "02100", City = "Espoo" });
        var contact = await H.AddContactAsync(a.Id, "Pekka", "Päällikkö");

        H.At("2026-02-20 10:00");
        var (_, orderB) = await H.OrderAsync(b.Id, Edit(assistant.Id, "Hoivatyön perusteet", OfferType.Apprenticeship), OrderState.InDelivery);
        H.At("2026-03-02 10:00");
        var (offerA, orderA) = await H.OrderAsync(a.Id, Edit(manager.Id, "Työturvallisuuskortti", OfferType.StaffTraining, contact.Id, "Kustannuspaikka 42",
            ("Työturvallisuuskortti", 2m, 150m, 0m), ("Materiaalit", 1m, 40m, 25.5m)), OrderState.InDelivery);
        await H.OrderAsync(a.Id, Edit(manager.Id, "Odottaa toimitusta"));
        await H.OrderAsync(a.Id, Edit(manager.Id, "Jo laskutettu"), OrderState.Invoiced);
        await H.OfferAsync(a.Id, Edit(manager.Id, "Avoin tarjous"));
        var lost = await H.OfferAsync(a.Id, Edit(manager.Id, "Hävitty tarjous"));
        await H.Offers.LoseAsync(lost, (await H.Offers.GetAsync(lost)).Version, "Hinta");
        H.At("2026-03-10 11:30");
        return new Fixture(assistant, manager, a.Id, b.Id, orderA, orderB, offerA);
    }

    [Fact]
    public async Task Lists_only_orders_in_delivery_oldest_delivery_first_with_the_billing_details()
    {
        var f = await ArrangeAsync();

        var list = await Billing.ListAsync(new BillingQuery());

        Assert.Equal([f.OrderB, f.OrderA], list.Items.Select(r => r.OrderId));
        Assert.Equal(2, list.TotalCount);
        var a = list.Items[1];
        Assert.Equal("Alfa Rakennus Oy", a.CustomerName);
        Assert.Equal("1572860-0", a.BusinessId);
        Assert.Equal("PL 12, 00101 Helsinki", a.BillingAddress);
        Assert.Equal("Kustannuspaikka 42", a.CustomerReference);
        Assert.Equal("Pekka Päällikkö", a.ContactName);
        Assert.Equal(OfferType.StaffTraining, a.Type);
        Assert.Equal("Työturvallisuuskortti 2 × 150,00 €; Materiaalit 1 × 40,00 €", a.LinesSummary.Replace('\u00a0', ' '));
        Assert.Equal(340.00m, a.TotalExVat);
        Assert.Equal(10.20m, a.Vat);
        Assert.Equal(350.20m, a.Total);
        Assert.Equal("Minna Myyjä", a.AccountManagerName);
        Assert.Equal(new DateOnly(2026, 3, 2), a.DeliveryStartedOn);
        var b = list.Items[0];
        Assert.Equal("Hoivakuja 7, 02100 Espoo", b.BillingAddress); // no postal address: billed at the visiting address
        Assert.Null(b.ContactName);
        Assert.Equal(1350.20m, list.Total);
        Assert.Equal(1340.00m, list.TotalExVat);

        var mine = await Billing.ListAsync(new BillingQuery(AccountManagerId: f.Manager.Id));
        Assert.Equal([f.OrderA], mine.Items.Select(r => r.OrderId));
        Assert.Equal(350.20m, mine.Total);
        Assert.Equal([f.Assistant.Id, f.Manager.Id], (await Billing.AccountManagersAsync()).Select(p => p.Id).Order());
    }

    [Fact]
    public async Task Marking_several_invoiced_moves_them_off_the_list_with_their_numbers_and_change_history()
    {
        var f = await ArrangeAsync();
        var rows = (await Billing.ListAsync(new BillingQuery())).Items;

        var outcome = await Billing.MarkInvoicedAsync(rows.Select(r => new InvoiceMark(r.OrderId, r.Version,
            r.OrderId == f.OrderA ? " LASKU-2026-17 " : null)).ToList());

        Assert.Equal([f.OrderB, f.OrderA], outcome.Invoiced);
        Assert.Empty(outcome.Failed);
        Assert.Empty((await Billing.ListAsync(new BillingQuery())).Items);
        var order = (await H.Offers.GetAsync(f.OfferA)).Order!;
        Assert.Equal(OrderState.Invoiced, order.State);
        Assert.Equal("LASKU-2026-17", order.InvoiceNumber);
        Assert.Equal(new DateOnly(2026, 3, 10), order.InvoicedOn);
        Assert.Equal("Laura Laskuttaja", order.InvoicedByName);
        await using var db = H.Db();
        var history = await db.AuditEntries.Where(e => e.CustomerId == f.CustomerA && e.EntityType == "Order" && e.EntityId == f.OrderA)
            .OrderBy(e => e.Id).Select(e => e.Changes).ToListAsync();
        Assert.Contains("\"New\":\"Invoiced\"", history[^1]);
        Assert.Contains("LASKU-2026-17", history[^1]);
    }

    [Fact]
    public async Task A_row_someone_else_changed_is_reported_and_the_rest_are_still_invoiced()
    {
        var f = await ArrangeAsync();
        var rows = (await Billing.ListAsync(new BillingQuery())).Items;
        // Meanwhile the account manager takes order A back to awaiting delivery.
        await H.Offers.MoveOrderAsync(f.OrderA, rows.Single(r => r.OrderId == f.OrderA).Version, OrderState.AwaitingDelivery);

        var outcome = await Billing.MarkInvoicedAsync(rows.Select(r => new InvoiceMark(r.OrderId, r.Version)).ToList());

        Assert.Equal([f.OrderB], outcome.Invoiced);
        var failure = Assert.Single(outcome.Failed);
        Assert.Equal(f.OrderA, failure.OrderId);
        Assert.Equal("Alfa Rakennus Oy: Työturvallisuuskortti", failure.Title);
        Assert.Equal(CoreText.Get("OfferChangedByOther"), failure.Message);
        Assert.Equal(OrderState.AwaitingDelivery, (await H.Offers.GetAsync(f.OfferA)).Order!.State);

        // Marked again with a fresh version, an order no longer in delivery is refused with the state machine's reason.
        var again = await Billing.MarkInvoicedAsync([new InvoiceMark(f.OrderA, await OrderVersionAsync(H, f.OfferA))]);
        Assert.Empty(again.Invoiced);
        Assert.Contains(CoreText.Get("OrderStateAwaitingDelivery"), Assert.Single(again.Failed).Message);
    }

    [Fact]
    public async Task Only_the_invoicing_roles_may_see_export_or_mark_the_billing_list()
    {
        var f = await ArrangeAsync();
        var version = (await Billing.ListAsync(new BillingQuery())).Items[0].Version;
        H.SignInAs(f.Manager);

        await Assert.ThrowsAsync<ForbiddenException>(() => Billing.ListAsync(new BillingQuery()));
        await Assert.ThrowsAsync<ForbiddenException>(() => Billing.ExportAsync(new BillingQuery(), Stream.Null));
        await Assert.ThrowsAsync<ForbiddenException>(() => Billing.MarkInvoicedAsync([new InvoiceMark(f.OrderB, version)]));
        await Assert.ThrowsAsync<ForbiddenException>(() => H.Offers.MoveOrderAsync(f.OrderB, version, OrderState.Invoiced));

        H.SignInAs(await H.CreateUserAsync(UserGroup.ServiceOperations, "Palvelu Toiminta"));
        Assert.Equal(2, (await Billing.ListAsync(new BillingQuery())).TotalCount);
        Assert.Equal([f.OrderB], (await Billing.MarkInvoicedAsync([new InvoiceMark(f.OrderB, version)])).Invoiced);
    }

    [Fact]
    public async Task The_export_has_typed_cells_and_keeps_a_formula_like_customer_name_as_text()
    {
        var f = await ArrangeAsync();
        const string hostile = "=HYPERLINK(\"http://127.0.0.1/\",\"Avaa\")";
        await using (var db = H.Db())
        {
            var customer = await db.Customers.SingleAsync(c => c.Id == f.CustomerB);
            customer.Name = hostile;
            await db.SaveChangesAsync();
        }

        using var stream = new MemoryStream();
        await Billing.ExportAsync(new BillingQuery(), stream);

        using var book = new XLWorkbook(new MemoryStream(stream.ToArray()));
        var sheet = book.Worksheet(1);
        Assert.Equal("Laskutus", sheet.Name);
        Assert.Equal("Asiakas", sheet.Cell(1, 2).GetString());
        Assert.Equal(hostile, sheet.Cell(2, 2).GetString());
        Assert.False(sheet.Cell(2, 2).HasFormula);
        Assert.Equal(XLDataType.Text, sheet.Cell(2, 2).DataType);
        Assert.Equal(new DateTime(2026, 2, 20), sheet.Cell(2, 1).GetDateTime());
        Assert.Equal("Alfa Rakennus Oy", sheet.Cell(3, 2).GetString());
        Assert.Equal("1572860-0", sheet.Cell(3, 3).GetString());
        Assert.Equal("PL 12, 00101 Helsinki", sheet.Cell(3, 4).GetString());
        Assert.Equal("Henkilöstökoulutus", sheet.Cell(3, 7).GetString());
        Assert.Equal(XLDataType.Number, sheet.Cell(3, 10).DataType);
        Assert.Equal(340.0, sheet.Cell(3, 10).GetDouble());
        Assert.Equal(10.2, sheet.Cell(3, 11).GetDouble());
        Assert.Equal(350.2, sheet.Cell(3, 12).GetDouble());
        Assert.Contains("€", sheet.Cell(3, 12).Style.NumberFormat.Format);
        Assert.Equal(f.OrderA, (int)sheet.Cell(3, 15).GetDouble());
        Assert.True(sheet.Cell(4, 1).IsEmpty());
    }
}
