using Microsoft.EntityFrameworkCore;
using Portaali.Core.Auditing;
using Portaali.Core.Common;
using Portaali.Core.ServiceOrders;
using Portaali.Core.Users;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.ServiceOrders;

public class ServiceOrderServiceTests : HarnessTest
{
    [Fact]
    public async Task Passive_customer_gets_no_new_service_order()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        var passive = await H.AddCustomerAsync("Lopettanut Oy", passive: true);
        using var _ = UiCulture.Finnish();

        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            H.Service<ServiceOrderService>().CreateAsync(Edit(passive.Id)));

        Assert.Contains("Lopettanut Oy", refused.Message);
        await using var db = H.Db();
        Assert.False(await db.ServiceOrders.AnyAsync());
    }

    [Fact]
    public async Task An_order_is_stored_in_helsinki_time_with_its_deliverers_and_shows_in_the_customers_history()
    {
        var me = await H.SignInAsAsync(UserGroup.AccountManager);
        var scene = await ServiceOrderScene.ArrangeAsync(H);
        var id = await H.Service<ServiceOrderService>().CreateAsync(scene.Edit);

        var details = await H.Service<ServiceOrderService>().GetAsync(id);
        Assert.Equal(new TimeOnly(9, 0), details.Edit.StartTime);
        Assert.Equal([scene.Cook.Id], details.Edit.Deliverers[ServiceOrderPart.Catering]);
        Assert.Equal("kuljetus@bussiyhtio.fi", details.Edit.ExtraRecipients); // the duplicate in capitals collapsed
        await using var db = H.Db();
        var stored = await db.ServiceOrders.SingleAsync();
        Assert.Equal(new DateTime(2026, 4, 14, 6, 0, 0), stored.StartsAtUtc); // 9.00 summer time in Helsinki
        var history = await db.AuditEntries.SingleAsync(a => a.EntityType == "ServiceOrder");
        Assert.Equal(("Created", scene.CustomerId, me.Id), (history.Action, history.CustomerId, history.UserId));
        var changes = AuditLog.ParseChanges(history.Changes).ToDictionary(c => c.Field, c => c.New);
        Assert.Equal("Kaisa Keittiö", changes["DeliverersCatering"]);
        Assert.Equal("14.4.2026 9.00\u201315.30", changes["EventTime"]);
        Assert.Equal("Tiina Tilaaja", changes["Contact"]);
    }

    [Fact]
    public async Task An_edit_over_someone_elses_save_is_a_conflict_and_the_history_says_what_changed()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        var scene = await ServiceOrderScene.ArrangeAsync(H);
        var service = H.Service<ServiceOrderService>();
        var id = await service.CreateAsync(scene.Edit);
        var first = (await service.GetAsync(id)).Edit;
        var second = first.Copy();

        first.Catering = "Vain kahvi";
        await service.UpdateAsync(id, first);
        second.ParticipantCount = 60;
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => service.UpdateAsync(id, second));

        Assert.Equal(45, (await service.GetAsync(id)).Edit.ParticipantCount);
        await using var db = H.Db();
        var update = await db.AuditEntries.SingleAsync(a => a.Action == "Updated");
        Assert.Equal([("ServiceOrder", "Työturvallisuuspäivä <Laine & Co>"), ("Catering", "Vain kahvi")],
            AuditLog.ParseChanges(update.Changes).Select(c => (c.Field, c.New)));
    }

    [Fact]
    public async Task A_contact_of_another_customer_is_refused()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        var scene = await ServiceOrderScene.ArrangeAsync(H);
        var other = await H.AddCustomerAsync("Toinen Oy");
        var stranger = await H.AddContactAsync(other.Id, "Outo", "Henkilö");
        scene.Edit.ContactId = stranger.Id;

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => H.Service<ServiceOrderService>().CreateAsync(scene.Edit));
        Assert.Equal("ContactId", Assert.Single(refused.Errors).Field);
    }

    [Fact]
    public async Task The_list_shows_upcoming_orders_soonest_first_then_past_ones_latest_first_and_filters_by_customer_and_date()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        var a = await H.AddCustomerAsync("Alfa Oy");
        var b = await H.AddCustomerAsync("Beta Oy");
        var service = H.Service<ServiceOrderService>();
        // The harness's today is 10.3.2026.
        await service.CreateAsync(Edit(a.Id, "Mennyt kaukana", new DateTime(2026, 1, 5)));
        await service.CreateAsync(Edit(a.Id, "Mennyt eilen", new DateTime(2026, 3, 9)));
        await service.CreateAsync(Edit(b.Id, "Tuleva myöhemmin", new DateTime(2026, 5, 20)));
        await service.CreateAsync(Edit(a.Id, "Tuleva pian", new DateTime(2026, 3, 12)));
        await service.CreateAsync(Edit(a.Id, "Tänään", new DateTime(2026, 3, 10)));

        var all = await service.BrowseAsync(new ServiceOrderQuery());
        Assert.Equal(["Tänään", "Tuleva pian", "Tuleva myöhemmin", "Mennyt eilen", "Mennyt kaukana"], all.Items.Select(r => r.Title));
        Assert.Equal([false, false, false, true, true], all.Items.Select(r => r.IsPast));

        var ofA = await service.BrowseAsync(new ServiceOrderQuery { CustomerId = a.Id, From = new DateOnly(2026, 3, 1), To = new DateOnly(2026, 3, 31) });
        Assert.Equal(["Tänään", "Tuleva pian", "Mennyt eilen"], ofA.Items.Select(r => r.Title));
        Assert.Equal(3, ofA.TotalCount);
    }

    private static ServiceOrderEdit Edit(int customerId, string title = "Seminaari", DateTime? date = null) => new()
    {
        CustomerId = customerId, Title = title, Date = date ?? new DateTime(2026, 4, 14), StartTime = new TimeOnly(9, 0), EndTime = new TimeOnly(12, 0),
    };
}
