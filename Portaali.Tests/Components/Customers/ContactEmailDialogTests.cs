using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MudBlazor;
using Portaali.Core.Common.Mail;
using Portaali.Core.Contacts;
using Portaali.Core.Users;
using Portaali.Tests.Integration.ServiceOrders;
using Portaali.Web.Components.Pages.Customers;

namespace Portaali.Tests.Components.Customers;

/// <summary>"Write an e-mail": a send that fails shows the reason, keeps the typed text and records nothing.</summary>
public class ContactEmailDialogTests : ComponentHarness
{
    [Fact]
    public async Task A_failed_send_shows_the_reason_keeps_the_text_and_records_no_activity()
    {
        var port = TestSmtpServer.FreePort(); // nothing listens there
        Services.Replace(ServiceDescriptor.Singleton<IOptions<MailOptions>>(Options.Create(
            new MailOptions { Host = "127.0.0.1", Port = port, Security = MailSecurity.None, TimeoutSeconds = 10 })));
        await SignInAsync(UserGroup.AccountManager);
        var customerId = await AddCustomerAsync("Rakennus Virtanen Oy");
        var contactId = await WithDbAsync(async db =>
        {
            var contact = new Contact { CustomerId = customerId, FirstName = "Maija", LastName = "Virtanen", Email = "maija@virtanen.fi" };
            db.Contacts.Add(contact);
            await db.SaveChangesAsync();
            return contact.Id;
        });
        var dialog = await ShowDialogAsync(new DialogParameters<ContactEmailDialog>
        {
            { d => d.ContactId, contactId }, { d => d.To, "Maija Virtanen <maija@virtanen.fi>" },
        });
        Providers.Find("#contact-email-subject").Input("Tarjous koulutuksesta");
        Providers.Find("#contact-email-body").Input("Hei Maija, tässä tarjous.");

        await Providers.Find("[data-testid=contact-email-send]").ClickAsync(new MouseEventArgs());

        Providers.WaitForAssertion(() => Assert.Contains($"Sähköpostipalvelimeen 127.0.0.1:{port} ei saatu yhteyttä",
            Providers.Find("[data-testid=contact-email-error]").TextContent), TimeSpan.FromSeconds(20));
        Assert.Equal("Tarjous koulutuksesta", Providers.Find("#contact-email-subject").GetAttribute("value"));
        Assert.Equal("Hei Maija, tässä tarjous.", Providers.Find("#contact-email-body").TextContent.Trim() is { Length: > 0 } text ? text : Providers.Find("#contact-email-body").GetAttribute("value"));
        Assert.False(dialog.Result.IsCompleted);
        Assert.Equal(0, await WithDbAsync(db => db.Activities.CountAsync()));
    }
}
