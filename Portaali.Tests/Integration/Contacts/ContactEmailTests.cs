using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Portaali.Core.Activities;
using Portaali.Core.Common.Mail;
using Portaali.Core.Contacts;
using Portaali.Core.Data;
using Portaali.Core.Users;
using Portaali.Tests.Integration.Campaigns;
using Portaali.Tests.Integration.ServiceOrders;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Contacts;

/// <summary>"Write an e-mail" on a contact, through a real SMTP server on 127.0.0.1: sent, recorded as a done e-mail
/// activity with the contact; a refused send records nothing.</summary>
public class ContactEmailTests : IAsyncLifetime
{
    protected virtual DatabaseProvider DatabaseProvider => DatabaseProvider.Sqlite;

    private readonly MailOptions mail = new() { Host = "127.0.0.1", Security = MailSecurity.None, TimeoutSeconds = 20 };
    private CoreHarness h = null!;
    private TestSmtpServer smtp = null!;

    public async Task InitializeAsync()
    {
        smtp = TestSmtpServer.Start();
        mail.Port = smtp.Port;
        h = await CoreHarness.CreateAsync(provider: DatabaseProvider, configure: s => s.Replace(ServiceDescriptor.Singleton<IOptions<MailOptions>>(Options.Create(mail))));
    }

    public async Task DisposeAsync()
    {
        await h.DisposeAsync();
        await smtp.DisposeAsync();
    }

    [Fact]
    public async Task The_email_arrives_and_is_recorded_as_a_done_email_activity_on_the_customer_with_the_contact()
    {
        var me = await h.SignInAsAsync(UserGroup.AccountManager);
        var customer = await h.AddCustomerAsync("Rakennus Virtanen Oy");
        var maija = await h.AddContactAsync(customer.Id, "Maija", "Virtanen", c => c.Email = "maija@virtanen.fi");

        var activityId = await h.Service<ContactEmailService>().SendAsync(maija.Id, new ContactEmailDraft { Subject = "Tarjous työpaikkakoulutuksesta", Body = "Hei Maija,\n\nliitteenä tarjous." });

        var message = Assert.Single(smtp.Messages);
        Assert.Equal("maija@virtanen.fi", message.To.Mailboxes.Single().Address);
        Assert.Equal("Tarjous työpaikkakoulutuksesta", message.Subject);
        Assert.Contains("liitteenä tarjous.", message.TextBody);
        Assert.Equal(me.Email, message.ReplyTo.Mailboxes.Single().Address);
        var activity = await h.Activities.GetAsync(activityId);
        Assert.Equal((customer.Id, ActivityStatus.Done, "Tarjous työpaikkakoulutuksesta"), (activity.Edit.CustomerId, activity.Edit.Status, activity.Edit.Title));
        Assert.Equal([maija.Id], activity.Edit.ContactIds);
        Assert.Equal([me.Id], activity.Edit.ParticipantIds);
        Assert.Contains("liitteenä tarjous.", activity.Edit.Memo);
        Assert.Equal(message.MessageId, activity.Edit.EmailMessageId);
        await using var db = h.Db();
        Assert.Equal(ActivityReferenceData.Email, await db.Activities.Where(a => a.Id == activityId).Select(a => a.Type!.SystemKey).SingleAsync());
        Assert.Contains(activity.Id, (await h.Activities.ListForCustomerAsync(customer.Id)).Items.Select(a => a.Id));
    }

    [Fact]
    public async Task A_send_the_server_refuses_says_why_and_records_nothing()
    {
        await h.SignInAsAsync(UserGroup.AccountManager);
        var customer = await h.AddCustomerAsync("Rakennus Virtanen Oy");
        var maija = await h.AddContactAsync(customer.Id, "Maija", "Virtanen", c => c.Email = "maija@vanha-osoite.fi");
        smtp.Refused["maija@vanha-osoite.fi"] = true;
        using var _ = UiCulture.Finnish();

        var error = await Assert.ThrowsAsync<MailSendException>(() =>
            h.Service<ContactEmailService>().SendAsync(maija.Id, new ContactEmailDraft { Subject = "Tarjous", Body = "Hei" }));

        Assert.Contains("hylkäsi viestin: 550", error.Message);
        Assert.Empty(smtp.Received);
        await using var db = h.Db();
        Assert.Empty(await db.Activities.ToListAsync());
    }
}
