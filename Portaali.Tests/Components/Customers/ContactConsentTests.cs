using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portaali.Core.Auditing;
using Portaali.Core.Contacts;
using Portaali.Core.Users;
using Portaali.Web.Components.Pages.Customers;

namespace Portaali.Tests.Components.Customers;

/// <summary>The "no marketing e-mail" consent flag on the contact card: shown with its date, cleared by an editor, in the history.</summary>
public class ContactConsentTests : ComponentHarness
{
    [Fact]
    public async Task The_flag_shows_since_when_and_clearing_it_is_saved_with_its_date_into_the_customers_history()
    {
        await SignInAsync(UserGroup.AccountManager);
        var customerId = await AddCustomerAsync("Rakennus Virtanen Oy");
        var contactId = await WithDbAsync(async db =>
        {
            var contact = new Contact
            {
                CustomerId = customerId, FirstName = "Maija", LastName = "Virtanen", Email = "maija@virtanen.fi",
                NoMarketingEmail = true, NoMarketingEmailChangedAtUtc = new DateTime(2027, 2, 3, 10, 0, 0, DateTimeKind.Utc),
            };
            db.Contacts.Add(contact);
            await db.SaveChangesAsync();
            return contact.Id;
        });
        var edit = await Services.GetRequiredService<ContactService>().GetForEditAsync(contactId);
        var dialog = await ShowDialogAsync(new DialogParameters<ContactEditDialog>
        {
            { d => d.CustomerId, customerId }, { d => d.ContactId, contactId }, { d => d.Edit, edit },
        });

        Providers.WaitForAssertion(() => Assert.Contains("Ei markkinointisähköpostia 3.2.2027 alkaen", Providers.Markup));
        Providers.Find("[data-testid=contact-no-marketing] input").Change(false);
        await Providers.Find("[data-testid=save-contact]").ClickAsync(new MouseEventArgs());

        var result = await dialog.Result.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(result!.Canceled);
        await WithDbAsync(async db =>
        {
            var contact = await db.Contacts.SingleAsync(c => c.Id == contactId);
            Assert.False(contact.NoMarketingEmail);
            Assert.NotEqual(new DateTime(2027, 2, 3, 10, 0, 0, DateTimeKind.Utc), contact.NoMarketingEmailChangedAtUtc);
            var audit = await db.AuditEntries.SingleAsync(a => a.EntityType == "Contact" && a.EntityId == contactId);
            Assert.Equal((customerId, "Updated"), (audit.CustomerId, audit.Action));
            Assert.Equal([new FieldChange("NoMarketingEmail", "1", "0")], AuditLog.ParseChanges(audit.Changes));
        });
    }

    [Fact]
    public async Task The_contact_list_marks_contacts_who_refused_marketing_email_and_offers_write_an_email_to_those_with_an_address()
    {
        await SignInAsync(UserGroup.AccountManager);
        var customerId = await AddCustomerAsync("Rakennus Virtanen Oy");
        await WithDbAsync(async db =>
        {
            db.Contacts.AddRange(
                new Contact { CustomerId = customerId, FirstName = "Maija", LastName = "Virtanen", Email = "maija@virtanen.fi",
                    NoMarketingEmail = true, NoMarketingEmailChangedAtUtc = new DateTime(2027, 2, 3, 10, 0, 0, DateTimeKind.Utc) },
                new Contact { CustomerId = customerId, FirstName = "Pekka", LastName = "Puhelin", Phone = "040 123 4567" });
            await db.SaveChangesAsync();
        });
        var customer = await Services.GetRequiredService<Portaali.Core.Customers.CustomerService>().GetAsync(customerId);

        var tab = RenderWithProviders<ContactsTab>(p => p.Add(c => c.Customer, customer));

        var rows = tab.FindAll("[data-testid=contacts-table] tbody tr");
        var maija = rows.Single(r => r.TextContent.Contains("Maija"));
        var pekka = rows.Single(r => r.TextContent.Contains("Pekka"));
        Assert.Equal("Ei markkinointisähköpostia 3.2.2027 alkaen", maija.QuerySelector("[data-testid=no-marketing-email]")!.TextContent.Trim());
        Assert.Null(pekka.QuerySelector("[data-testid=no-marketing-email]"));
        Assert.NotNull(maija.QuerySelector("[data-testid=write-email]")); // a personal message is not marketing
        Assert.Null(pekka.QuerySelector("[data-testid=write-email]"));
    }
}
