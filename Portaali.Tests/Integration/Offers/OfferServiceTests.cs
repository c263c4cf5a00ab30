using Microsoft.EntityFrameworkCore;
using Portaali.Core.Auditing;
using Portaali.Core.Common;
using Portaali.Core.Offers;
using Portaali.Core.Users;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Offers;

/// <summary>Offers and orders through OfferService on a real SQLite file: the euros kept in cents, the people kept from the
/// products, the state machine, the stale-version and passive-customer refusals, and the change history.</summary>
public class OfferServiceTests : HarnessTest
{
    [Fact]
    public async Task A_product_line_and_a_tailored_line_are_saved_in_cents_with_the_products_people_and_a_history_entry()
    {
        var minna = await H.SignInAsAsync(UserGroup.AccountManager);
        var pekka = await H.CreateUserAsync(UserGroup.ProductManager, "Pekka Sisältö");
        var product = await OfferArrange.AddProductAsync(H, "Trukinkuljettajan koulutus", 45_000, 0, "Logistiikka", pekka);
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy");

        var id = await H.Offers.CreateAsync(customer.Id, OfferArrange.Form(minna.Id, "Trukit ja työnjohto",
            new OfferLineEdit { ProductId = product.Id, Description = "", Quantity = 8, UnitPrice = 450m, Participants = 8 },
            new OfferLineEdit { Description = "Räätälöity työnjohtokoulutus", Quantity = 1.5m, UnitPrice = 999.99m, VatRate = 25.5m }));

        var offer = await H.Offers.GetAsync(id);
        Assert.Equal(OfferState.Open, offer.State);
        Assert.Equal(["Trukinkuljettajan koulutus", "Räätälöity työnjohtokoulutus"], offer.Lines.Select(l => l.Description));
        Assert.Equal(3600m + 1499.99m, offer.TotalExVat); // 1,5 × 999,99 = 1 499,985 → 1 499,99
        Assert.Equal(382.50m, offer.Vat);                   // 25,5 % of 1 499,99 = 382,497… → 382,50
        Assert.Equal(5482.49m, offer.Total);
        Assert.Equal(["Pekka Sisältö"], offer.Responsibles);
        await using var db = H.Db();
        var stored = await db.Offers.AsNoTracking().SingleAsync(o => o.Id == id);
        Assert.Equal((509_999L, 38_250L), (stored.TotalExVatCents, stored.VatCents));
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityType == "Offer" && a.EntityId == id);
        Assert.Equal(("Created", customer.Id, minna.DisplayName), (entry.Action, entry.CustomerId, entry.UserName));
        Assert.Contains(AuditLog.ParseChanges(entry.Changes), c => c.Field == "TotalExVat" && c.New == "5099.99");
    }

    [Fact]
    public async Task Changing_the_lines_replaces_them_in_their_new_order_recomputes_the_total_and_adds_the_new_products_people()
    {
        var minna = await H.SignInAsAsync(UserGroup.AccountManager);
        var pekka = await H.CreateUserAsync(UserGroup.ProductManager, "Pekka Sisältö");
        var sanna = await H.CreateUserAsync(UserGroup.ProductManager, "Sanna Sähkö");
        var forklift = await OfferArrange.AddProductAsync(H, "Trukinkuljettajan koulutus", 45_000, 0, "Logistiikka", pekka);
        var electric = await OfferArrange.AddProductAsync(H, "Sähkötyöturvallisuus", 19_000, 0, "Sähkö", sanna);
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy");
        var id = await H.Offers.CreateAsync(customer.Id, OfferArrange.Form(minna.Id, "Koulutuspaketti",
            new OfferLineEdit { ProductId = forklift.Id, Quantity = 2, UnitPrice = 450m },
            new OfferLineEdit { Description = "Räätälöity perehdytys", Quantity = 1, UnitPrice = 800m }));

        var edit = await H.Offers.GetForEditAsync(id);
        edit.Lines.Reverse();
        edit.Lines.Add(new OfferLineEdit { ProductId = electric.Id, Description = "Sähkötyöturvallisuus", Quantity = 10, UnitPrice = 190m, VatRate = 25.5m });
        await H.Offers.UpdateAsync(id, edit);

        var offer = await H.Offers.GetAsync(id);
        Assert.Equal(["Räätälöity perehdytys", "Trukinkuljettajan koulutus", "Sähkötyöturvallisuus"], offer.Lines.Select(l => l.Description));
        Assert.Equal((800m + 900m + 1900m, 484.50m), (offer.TotalExVat, offer.Vat));
        Assert.Equal(["Pekka Sisältö", "Sanna Sähkö"], offer.Responsibles);
        await using var db = H.Db();
        Assert.Equal(3, await db.OfferLines.CountAsync(l => l.OfferId == id));
        var updated = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityId == id && a.Action == "Updated");
        Assert.Contains(AuditLog.ParseChanges(updated.Changes), c => c is { Field: "TotalExVat", Old: "1700.00", New: "3600.00" });
    }

    [Fact]
    public async Task Changing_only_the_title_records_only_the_title_even_when_quantities_come_back_typed_afresh()
    {
        var minna = await H.SignInAsAsync(UserGroup.AccountManager);
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy");
        var id = await H.Offers.CreateAsync(customer.Id, OfferArrange.Form(minna.Id, "Vanha otsikko",
            new OfferLineEdit { Description = "Räätälöity perehdytys", Quantity = 2, UnitPrice = 800m }));

        var edit = await H.Offers.GetForEditAsync(id);
        edit.Title = "Uusi otsikko";
        edit.Lines[0].Quantity = decimal.Parse("2", System.Globalization.CultureInfo.InvariantCulture); // as the form reads "2"
        await H.Offers.UpdateAsync(id, edit);

        await using var db = H.Db();
        var updated = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityId == id && a.Action == "Updated");
        Assert.Equal(["Offer", "Title"], AuditLog.ParseChanges(updated.Changes).Select(c => c.Field));
    }

    [Fact]
    public async Task The_offer_keeps_who_was_content_responsible_even_when_the_product_gets_new_people()
    {
        var minna = await H.SignInAsAsync(UserGroup.AccountManager);
        var pekka = await H.CreateUserAsync(UserGroup.ProductManager, "Pekka Sisältö");
        var product = await OfferArrange.AddProductAsync(H, "Hitsauksen perusteet", 30_000, 0, "Metalli", pekka);
        var customer = await H.AddCustomerAsync("Konepaja Laine Oy");
        var id = await H.Offers.CreateAsync(customer.Id, OfferArrange.Form(minna.Id, "Hitsaus",
            new OfferLineEdit { ProductId = product.Id, Quantity = 1, UnitPrice = 300m }));

        var sanna = await H.CreateUserAsync(UserGroup.ProductManager, "Sanna Uusi");
        await using (var db = H.Db())
        {
            db.ProductResponsibles.RemoveRange(db.ProductResponsibles.Where(r => r.ProductId == product.Id));
            db.ProductResponsibles.Add(new ProductResponsible { ProductId = product.Id, UserId = sanna.Id });
            await db.SaveChangesAsync();
        }

        Assert.Equal(["Pekka Sisältö"], (await H.Offers.GetAsync(id)).Responsibles);
    }

    [Fact]
    public async Task A_passive_customer_gets_no_new_offer_nor_a_directly_recorded_order()
    {
        var minna = await H.SignInAsAsync(UserGroup.AccountManager);
        using var _ = UiCulture.Finnish();
        var customer = await H.AddCustomerAsync("Lopettanut Oy", passive: true);

        var offer = await Assert.ThrowsAsync<DomainException>(() => H.Offers.CreateAsync(customer.Id, OfferArrange.Form(minna.Id)));
        var order = await Assert.ThrowsAsync<DomainException>(() => H.Offers.RecordOrderAsync(customer.Id, OfferArrange.Form(minna.Id), new OrderDates(null, null)));
        var blank = await Assert.ThrowsAsync<DomainException>(() => H.Offers.NewAsync(customer.Id));

        Assert.All(new[] { offer, order, blank }, e => Assert.Contains("Lopettanut Oy on passiivinen", e.Message));
        await using var db = H.Db();
        Assert.Empty(await db.Offers.ToListAsync());
        Assert.Empty(await db.Orders.ToListAsync());
    }

    [Fact]
    public async Task An_open_offer_of_a_customer_passivated_since_cannot_be_accepted_but_can_be_lost()
    {
        var minna = await H.SignInAsAsync(UserGroup.AccountManager);
        using var _ = UiCulture.Finnish();
        var customer = await H.AddCustomerAsync("Lopettanut Oy");
        var first = await H.Offers.CreateAsync(customer.Id, OfferArrange.Form(minna.Id));
        var second = await H.Offers.CreateAsync(customer.Id, OfferArrange.Form(minna.Id));
        await H.SignInAsAsync(UserGroup.Administrator);
        await H.Customers.PassivateAsync(customer.Id, "Toiminta loppui");
        H.SignInAs(minna);
        var version = (await H.Offers.GetAsync(first)).Version;

        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            H.Offers.AcceptAsync(first, version, new OrderDates(null, null)));
        Assert.Contains("Lopettanut Oy on passiivinen", refused.Message);
        await H.Offers.LoseAsync(second, (await H.Offers.GetAsync(second)).Version, "Yritys lopetti toimintansa");

        Assert.Equal(OfferState.Open, (await H.Offers.GetAsync(first)).State);
        Assert.Equal(OfferState.Lost, (await H.Offers.GetAsync(second)).State);
        await using var db = H.Db();
        Assert.Empty(await db.Orders.ToListAsync());
    }

    [Fact]
    public async Task A_save_from_a_form_loaded_before_someone_elses_save_is_refused_and_loses_nothing_of_theirs()
    {
        var minna = await H.SignInAsAsync(UserGroup.AccountManager);
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy");
        var id = await H.Offers.CreateAsync(customer.Id, OfferArrange.Form(minna.Id));
        var mine = await H.Offers.GetForEditAsync(id);
        var theirs = await H.Offers.GetForEditAsync(id);
        theirs.Title = "Janne muutti otsikon";
        await H.Offers.UpdateAsync(id, theirs);

        mine.Title = "Minna muutti otsikon";
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => H.Offers.UpdateAsync(id, mine));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => H.Offers.AcceptAsync(id, mine.Version!.Value, new OrderDates(null, null)));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => H.Offers.LoseAsync(id, mine.Version!.Value, "Hinta"));

        var offer = await H.Offers.GetAsync(id);
        Assert.Equal(("Janne muutti otsikon", OfferState.Open), (offer.Title, offer.State));
    }

    [Fact]
    public async Task Accepting_makes_an_order_awaiting_delivery_that_moves_into_delivery_and_back_each_step_in_the_history()
    {
        var minna = await H.SignInAsAsync(UserGroup.AccountManager);
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy");
        var id = await H.Offers.CreateAsync(customer.Id, OfferArrange.Form(minna.Id));
        var version = (await H.Offers.GetAsync(id)).Version;

        var orderId = await H.Offers.AcceptAsync(id, version, new OrderDates(new DateOnly(2026, 4, 6), new DateOnly(2026, 4, 8)));

        var offer = await H.Offers.GetAsync(id);
        Assert.Equal(OfferState.Accepted, offer.State);
        Assert.Equal((orderId, OrderState.AwaitingDelivery, new DateOnly(2026, 4, 6)), (offer.Order!.Id, offer.Order.State, offer.Order.StartsOn!.Value));
        var inDelivery = await H.Offers.MoveOrderAsync(orderId, offer.Order.Version, OrderState.InDelivery);
        Assert.Equal(new DateOnly(2026, 3, 10), (await H.Offers.GetAsync(id)).Order!.DeliveryStartedOn);
        await H.Offers.MoveOrderAsync(orderId, inDelivery, OrderState.AwaitingDelivery);
        Assert.Null((await H.Offers.GetAsync(id)).Order!.DeliveryStartedOn);

        await using var db = H.Db();
        var trail = await db.AuditEntries.AsNoTracking().Where(a => a.CustomerId == customer.Id).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["Offer Created", "Offer Accepted", "Order StateChanged", "Order StateChanged"], trail.Select(a => $"{a.EntityType} {a.Action}"));
        Assert.Contains(AuditLog.ParseChanges(trail[2].Changes), c => c is { Field: "OrderState", Old: "AwaitingDelivery", New: "InDelivery" });
    }

    [Fact]
    public async Task An_accepted_offer_is_not_accepted_again_nor_edited_nor_lost()
    {
        var minna = await H.SignInAsAsync(UserGroup.AccountManager);
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy");
        var id = await H.Offers.CreateAsync(customer.Id, OfferArrange.Form(minna.Id));
        await H.Offers.AcceptAsync(id, (await H.Offers.GetAsync(id)).Version, new OrderDates(null, null));
        var accepted = await H.Offers.GetAsync(id);

        await Assert.ThrowsAsync<IllegalTransitionException>(() => H.Offers.AcceptAsync(id, accepted.Version, new OrderDates(null, null)));
        await Assert.ThrowsAsync<IllegalTransitionException>(() => H.Offers.LoseAsync(id, accepted.Version, "Hinta"));
        var edit = await H.Offers.GetForEditAsync(id);
        await Assert.ThrowsAsync<IllegalTransitionException>(() => H.Offers.UpdateAsync(id, edit));
        await using var db = H.Db();
        Assert.Equal(1, await db.Orders.CountAsync(o => o.OfferId == id));
    }

    [Fact]
    public async Task Only_the_billing_roles_invoice_and_an_invoiced_order_stays_invoiced()
    {
        var minna = await H.SignInAsAsync(UserGroup.AccountManager);
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy");
        var orderId = await H.Offers.RecordOrderAsync(customer.Id, OfferArrange.Form(minna.Id), new OrderDates(null, null));
        await using var db = H.Db();
        var version = await H.Offers.MoveOrderAsync(orderId, (await db.Orders.AsNoTracking().SingleAsync(o => o.Id == orderId)).Version, OrderState.InDelivery);

        await Assert.ThrowsAsync<ForbiddenException>(() => H.Offers.MoveOrderAsync(orderId, version, OrderState.Invoiced, "L-1001"));
        await H.SignInAsAsync(UserGroup.ServiceOperations);
        var invoiced = await H.Offers.MoveOrderAsync(orderId, version, OrderState.Invoiced, " L-1001 ");
        H.SignInAs(minna);

        await Assert.ThrowsAsync<IllegalTransitionException>(() => H.Offers.MoveOrderAsync(orderId, invoiced, OrderState.InDelivery));
        await Assert.ThrowsAsync<IllegalTransitionException>(() => H.Offers.SetOrderDatesAsync(orderId, invoiced, new OrderDates(new DateOnly(2026, 5, 1), null)));
        var order = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == orderId);
        Assert.Equal((OrderState.Invoiced, "L-1001"), (order.State, order.InvoiceNumber));
    }

    [Fact]
    public async Task Marking_lost_needs_a_reason_and_keeps_it()
    {
        var minna = await H.SignInAsAsync(UserGroup.AccountManager);
        using var _ = UiCulture.Finnish();
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy");
        var id = await H.Offers.CreateAsync(customer.Id, OfferArrange.Form(minna.Id));
        var version = (await H.Offers.GetAsync(id)).Version;

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => H.Offers.LoseAsync(id, version, "  "));
        Assert.Equal(("LostReason", "Kerro, miksi tarjous hävittiin."), (refused.Errors[0].Field, refused.Errors[0].Message));
        await H.Offers.LoseAsync(id, version, " Kilpailija halvempi ");

        var lost = Assert.Single((await H.Offers.ForCustomerAsync(customer.Id)).Lost);
        Assert.Equal(("Kilpailija halvempi", new DateOnly(2026, 3, 10)), (lost.LostReason, lost.DecidedOn!.Value));
    }

    [Fact]
    public async Task Training_that_ends_before_it_starts_is_refused_at_the_end_date()
    {
        var minna = await H.SignInAsAsync(UserGroup.AccountManager);
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy");
        var id = await H.Offers.CreateAsync(customer.Id, OfferArrange.Form(minna.Id));

        var version = (await H.Offers.GetAsync(id)).Version;
        var e = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            H.Offers.AcceptAsync(id, version, new OrderDates(new DateOnly(2026, 4, 8), new DateOnly(2026, 4, 6))));

        Assert.Equal("EndsOn", Assert.Single(e.Errors).Field);
        Assert.Equal(OfferState.Open, (await H.Offers.GetAsync(id)).State);
    }

    [Fact]
    public async Task A_user_without_the_selling_right_cannot_make_an_offer()
    {
        var minna = await H.CreateUserAsync(UserGroup.AccountManager);
        await H.SignInAsAsync(UserGroup.Communications);
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy");

        await Assert.ThrowsAsync<ForbiddenException>(() => H.Offers.CreateAsync(customer.Id, OfferArrange.Form(minna.Id)));
    }

    [Fact]
    public async Task The_form_offers_the_customers_current_contacts_its_activities_and_active_users()
    {
        var minna = await H.SignInAsAsync(UserGroup.AccountManager);
        var gone = await H.CreateUserAsync(UserGroup.AccountManager, "Lähtenyt Käyttäjä");
        await using (var db = H.Db())
        {
            (await db.Users.SingleAsync(u => u.Id == gone.Id)).IsActive = false;
            await db.SaveChangesAsync();
        }
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy");
        await H.AddContactAsync(customer.Id, "Liisa", "Virtanen");
        await H.AddContactAsync(customer.Id, "Olli", "Entinen", c => c.HasLeft = true);

        var data = await H.Offers.GetFormDataAsync(customer.Id);

        Assert.Equal("Virtasen Kuljetus Oy", data.CustomerName);
        Assert.Equal(["Liisa Virtanen"], data.Contacts.Select(c => c.Name));
        Assert.Contains(data.Users, u => u.Id == minna.Id);
        Assert.DoesNotContain(data.Users, u => u.Id == gone.Id);
    }
}
