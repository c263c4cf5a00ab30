using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using MudBlazor;
using Portaali.Core.Common.Mail;
using Portaali.Core.ServiceOrders;
using Portaali.Core.Users;
using Portaali.Web.Components.Pages.ServiceOrders;

namespace Portaali.Tests.Components.ServiceOrders;

/// <summary>The service-order form in its dialog, the send dialog and the customer page's list, as a user works them.</summary>
public class ServiceOrderFormTests : ComponentHarness
{
    private readonly string pickup = Path.Combine(Path.GetTempPath(), $"portaali-bunit-mail-{Guid.NewGuid():N}");

    public ServiceOrderFormTests() => Services.Configure<MailOptions>(o => o.PickupFolder = pickup);

    [Fact]
    public async Task Typed_times_and_addresses_are_saved_as_read_and_duplicates_in_capitals_collapse()
    {
        await SignInAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var customerId = await AddCustomerAsync("Rakennus Laine Oy");
        await OpenNewAsync(customerId);

        Providers.Find("#so-title").Input("Työturvallisuuspäivä");
        Providers.Find("#so-date").Change("14.4.2026");
        Providers.Find("#so-start").Input("9.30");
        Providers.Find("#so-end").Input("2:15 pm");
        Providers.Find("#so-catering").Input("Aamukahvi ja lounas");
        Providers.Find("#so-extra").Input("Kuljetus@Bussi.fi\nkuljetus@bussi.fi; vahti@opisto.fi");
        Providers.WaitForAssertion(() => Assert.Contains("Tallennetaan: 14.15", Providers.Markup));
        Providers.Find("[data-testid=save-service-order]").Click();

        var stored = await WaitForOrderAsync();
        Assert.Equal((new DateOnly(2026, 4, 14), new TimeOnly(9, 30), new TimeOnly(14, 15)), (stored.Date, stored.StartTime, stored.EndTime));
        Assert.Equal("Kuljetus@bussi.fi\nvahti@opisto.fi", stored.ExtraRecipients);
        Assert.Equal("Aamukahvi ja lounas", stored.Catering);
    }

    [Fact]
    public async Task A_time_that_is_not_a_time_or_an_end_before_the_start_is_shown_and_nothing_is_saved()
    {
        await SignInAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var customerId = await AddCustomerAsync("Rakennus Laine Oy");
        await OpenNewAsync(customerId);

        Providers.Find("#so-title").Input("Seminaari");
        Providers.Find("#so-start").Input("25.00");
        Providers.Find("#so-end").Input("9");
        Providers.Find("[data-testid=save-service-order]").Click();
        Providers.WaitForAssertion(() => Assert.Contains("Kellonaikaa ”25.00” ei tunnistettu", Providers.Markup));

        Providers.Find("#so-start").Input("10");
        Providers.WaitForAssertion(() => Assert.NotEmpty(Providers.FindAll("[data-testid=so-time-order]")));
        Providers.Find("[data-testid=save-service-order]").Click();

        Assert.False(await WithDbAsync(db => db.ServiceOrders.AnyAsync()));
        Assert.NotEmpty(Providers.FindAll("[data-testid=service-order-form]")); // the dialog stays open with the typed work
    }

    [Fact]
    public async Task Typed_entries_that_are_not_addresses_are_named_and_nothing_is_saved()
    {
        await SignInAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var customerId = await AddCustomerAsync("Rakennus Laine Oy");
        await OpenNewAsync(customerId);

        Providers.Find("#so-title").Input("Seminaari");
        Providers.Find("#so-date").Change("14.4.2026");
        Providers.Find("#so-start").Input("9");
        Providers.Find("#so-end").Input("12");
        Providers.Find("#so-extra").Input("ok@firma.fi, matti@firma");
        Providers.Find("[data-testid=save-service-order]").Click();

        Providers.WaitForAssertion(() => Assert.Contains("Nämä eivät ole sähköpostiosoitteita: matti@firma", Providers.Markup));
        Assert.False(await WithDbAsync(db => db.ServiceOrders.AnyAsync()));
    }

    [Fact]
    public async Task A_deliverer_chosen_for_catering_is_saved_for_that_part()
    {
        await SignInAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var cook = await AddUserAsync(UserGroup.ServiceOperations, "Kaisa Keittiö");
        var customerId = await AddCustomerAsync("Rakennus Laine Oy");
        await OpenNewAsync(customerId);
        Providers.Find("#so-title").Input("Seminaari");
        Providers.Find("#so-date").Change("14.4.2026");
        Providers.Find("#so-start").Input("9");
        Providers.Find("#so-end").Input("12");

        // The catering part's own select, as choosing "Kaisa Keittiö" from its list does.
        var catering = Providers.FindComponents<DelivererSelect>().Single(d => d.Instance.Part == ServiceOrderPart.Catering);
        Assert.Contains("Kaisa Keittiö", catering.FindComponents<MudSelectItem<int>>().Select(i => i.Instance.Value == cook.Id ? "Kaisa Keittiö" : ""));
        var select = catering.FindComponent<MudSelect<int>>();
        await Providers.InvokeAsync(() => select.Instance.SelectedValuesChanged.InvokeAsync([cook.Id]));
        Providers.Find("[data-testid=save-service-order]").Click();

        await WaitForOrderAsync();
        var deliverers = await WithDbAsync(db => db.ServiceOrderDeliverers.AsNoTracking().ToListAsync());
        Assert.Equal((ServiceOrderPart.Catering, cook.Id), (Assert.Single(deliverers).Part, deliverers[0].UserId));
    }

    [Fact]
    public async Task The_send_dialog_lists_the_recipients_before_sending_and_records_the_sending()
    {
        await SignInAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var customerId = await AddCustomerAsync("Rakennus Laine Oy");
        var id = await WithDbAsync(async db =>
        {
            var order = new ServiceOrder
            {
                CustomerId = customerId, Title = "Seminaari", Date = new DateOnly(2026, 4, 14), StartTime = new TimeOnly(9, 0), EndTime = new TimeOnly(12, 0),
                ExtraRecipients = "kuljetus@bussi.fi\nvahti@opisto.fi",
            };
            db.ServiceOrders.Add(order);
            await db.SaveChangesAsync();
            return order.Id;
        });
        await ShowDialogAsync(new DialogParameters<ServiceOrderSendDialog> { { d => d.ServiceOrderId, id } });

        Providers.WaitForAssertion(() => Assert.Contains("vahti@opisto.fi", Providers.Find("[data-testid=send-recipients]").TextContent));
        Assert.Contains("Vastaanottajat (2)", Providers.Markup);
        Assert.Contains("Tilausta ei ole vielä lähetetty.", Providers.Markup);
        Providers.Find("[data-testid=send-now]").Click();

        Providers.WaitForAssertion(() => Assert.Contains("Palvelutilaus lähetettiin 2 vastaanottajalle.", Providers.Find("[data-testid=send-result]").TextContent));
        Assert.Contains("Lähetetty", Providers.Find("[data-testid=send-history]").TextContent);
        var file = Assert.Single(Directory.GetFiles(pickup, "*.eml"));
        Assert.Equal(["kuljetus@bussi.fi", "vahti@opisto.fi"], (await MimeMessage.LoadAsync(file)).To.Mailboxes.Select(m => m.Address));
    }

    [Fact]
    public async Task A_passive_customer_offers_no_new_service_order()
    {
        await SignInAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var customerId = await AddCustomerAsync("Lopettanut Oy", passive: true);

        var list = RenderWithProviders<CustomerServiceOrders>(p => p.Add(c => c.CustomerId, customerId));

        list.WaitForAssertion(() => Assert.Contains("uusia palvelutilauksia ei voi tehdä", list.Markup));
        Assert.True(list.Find("[data-testid=add-customer-service-order]").HasAttribute("disabled"));
    }

    private async Task OpenNewAsync(int customerId)
    {
        await ShowDialogAsync(new DialogParameters<ServiceOrderDialog>
        {
            { d => d.CustomerId, customerId }, { d => d.CustomerName, "Rakennus Laine Oy" }, { d => d.FixedCustomer, true },
        });
        Providers.WaitForAssertion(() => Assert.NotEmpty(Providers.FindAll("#so-title")));
    }

    private async Task<ServiceOrder> WaitForOrderAsync()
    {
        ServiceOrder? stored = null;
        for (var i = 0; i < 100 && stored is null; i++)
        {
            stored = await WithDbAsync(db => db.ServiceOrders.AsNoTracking().FirstOrDefaultAsync());
            if (stored is null) await Task.Delay(50);
        }
        return stored ?? throw new Xunit.Sdk.XunitException("The service order was not saved.");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(pickup)) Directory.Delete(pickup, recursive: true);
    }
}
