using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Portaali.Core.Auditing;
using Portaali.Core.Campaigns;
using Portaali.Core.Common;
using Portaali.Core.Common.Mail;
using Portaali.Core.Data;
using Portaali.Core.Users;
using Portaali.Tests.Integration.ServiceOrders;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Campaigns;

/// <summary>Records the mailings queued, so a test runs the job itself (as Hangfire would) when it chooses.</summary>
public sealed class RecordingMailingQueue : IMailingQueue
{
    public List<int> Queued { get; } = [];
    public void Enqueue(int mailingId) => Queued.Add(mailingId);
}

/// <summary>Campaign mailings sent through a real SMTP server on 127.0.0.1: merged names, signed unsubscribe links, refused
/// addresses, resends, a job stopped mid-send, opt-outs and the pace.</summary>
public partial class MailingTests : IAsyncLifetime
{
    protected virtual DatabaseProvider DatabaseProvider => DatabaseProvider.Sqlite;

    private const string BaseUrl = "https://portaali.opisto.test/";
    private readonly MailOptions mail = new() { Host = "127.0.0.1", Security = MailSecurity.None, TimeoutSeconds = 20 };
    private readonly MailingOptions mailing = new() { MessagesPerMinute = 0, UnsubscribeKey = "test-key-for-the-unsubscribe-links-0123456789" };
    private readonly JumpingClock clock = new(CoreHarness.Now);
    private CoreHarness h = null!;
    private TestSmtpServer smtp = null!;

    public async Task InitializeAsync()
    {
        smtp = TestSmtpServer.Start();
        mail.Port = smtp.Port;
        h = await CoreHarness.CreateAsync(provider: DatabaseProvider, configure: s =>
        {
            s.Replace(ServiceDescriptor.Singleton<IOptions<MailOptions>>(Options.Create(mail)));
            s.Replace(ServiceDescriptor.Singleton<IOptions<MailingOptions>>(Options.Create(mailing)));
            s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
            s.AddSingleton<IMailingQueue, RecordingMailingQueue>();
        });
    }

    public async Task DisposeAsync()
    {
        await h.DisposeAsync();
        await smtp.DisposeAsync();
    }

    private MailingService Mailings => h.Service<MailingService>();
    private MailingRunner Runner => h.Service<MailingRunner>();
    private UnsubscribeService Unsubscribe => h.Service<UnsubscribeService>();
    private List<int> Queued => ((RecordingMailingQueue)h.Service<IMailingQueue>()).Queued;

    private sealed record Scene(int CampaignId, Dictionary<string, int> MemberIds, Dictionary<string, int> ContactIds);

    /// <summary>A campaign whose members are the given people (first name, e-mail, step), each at a customer of their own.</summary>
    private async Task<Scene> CampaignAsync(params (string FirstName, string? Email, CampaignStep Step)[] people)
    {
        var owner = await h.SignInAsAsync(UserGroup.SalesAndMarketing);
        await using var db = h.Db();
        var campaign = new Campaign { Name = "Kevään koulutusilta", Kind = CampaignKind.Mailing, OwnerUserId = owner.Id };
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();
        var members = new Dictionary<string, int>();
        var contacts = new Dictionary<string, int>();
        foreach (var (firstName, email, step) in people)
        {
            var customer = await h.AddCustomerAsync($"{firstName}n Yritys Oy");
            var contact = await h.AddContactAsync(customer.Id, firstName, "Testinen", c => c.Email = email);
            var member = new CampaignMember { CampaignId = campaign.Id, ContactId = contact.Id, CustomerId = customer.Id, Step = step };
            db.CampaignMembers.Add(member);
            await db.SaveChangesAsync();
            members[firstName] = member.Id;
            contacts[firstName] = contact.Id;
        }
        return new Scene(campaign.Id, members, contacts);
    }

    private static MailingDraft Draft => new() { Subject = "Tervetuloa, {firstName}!", Body = "Hei {name},\n\nkutsumme {customer}:n koulutusiltaan." };

    private async Task<Dictionary<int, (DeliveryState State, string? Error)>> DeliveriesAsync(int mailingId)
    {
        await using var db = h.Db();
        return await db.MailingDeliveries.AsNoTracking().Where(d => d.MailingId == mailingId)
            .ToDictionaryAsync(d => d.MemberId, d => (d.State, d.Error));
    }

    [GeneratedRegex(@"https://portaali\.opisto\.test/unsubscribe/(\S+)")]
    private static partial Regex UnsubscribeLink();

    [Fact]
    public async Task Every_member_receives_the_mailing_once_with_the_names_merged_and_an_unsubscribe_link_that_works()
    {
        var scene = await CampaignAsync(("Anna", "anna@asiakas.fi", CampaignStep.Added), ("Pekka", "pekka@asiakas.fi", CampaignStep.Added),
            ("Riitta", "riitta@asiakas.fi", CampaignStep.Registered));

        mailing.PublicBaseUrl = BaseUrl; // Portaali:PublicBaseUrl wins over the address the sender's browser used
        var id = await Mailings.QueueAsync(scene.CampaignId, Draft, "http://localhost:5000/");
        Assert.Equal([id], Queued);
        await Runner.ExecuteAsync(id);

        Assert.Equal(["anna@asiakas.fi", "pekka@asiakas.fi", "riitta@asiakas.fi"], smtp.Recipients.Order());
        var anna = smtp.Messages.Single(m => m.To.Mailboxes.Single().Address == "anna@asiakas.fi");
        Assert.Equal("Tervetuloa, Anna!", anna.Subject);
        Assert.StartsWith("Hei Anna Testinen,\n\nkutsumme Annan Yritys Oy:n koulutusiltaan.", anna.TextBody!.ReplaceLineEndings("\n"));
        var link = UnsubscribeLink().Match(anna.TextBody);
        Assert.True(link.Success, anna.TextBody);
        Assert.Contains("Peru tilaus", anna.TextBody);
        Assert.Contains("Unsubscribe", anna.TextBody);
        Assert.Equal($"<{link.Value}>", anna.Headers["List-Unsubscribe"]);

        var progress = await Mailings.ProgressAsync(id);
        Assert.Equal((MailingState.Done, 3, 3, 0), (progress.Mailing.State, progress.Mailing.Total, progress.Mailing.Sent, progress.Mailing.Failed));
        Assert.Empty(progress.Problems);
        await using (var db = h.Db())
        {
            var steps = await db.CampaignMembers.Where(m => m.CampaignId == scene.CampaignId).ToDictionaryAsync(m => m.Id, m => m.Step);
            Assert.Equal(CampaignStep.Invited, steps[scene.MemberIds["Anna"]]);
            Assert.Equal(CampaignStep.Invited, steps[scene.MemberIds["Pekka"]]);
            Assert.Equal(CampaignStep.Registered, steps[scene.MemberIds["Riitta"]]); // already further: stays
            Assert.Empty(await db.Activities.ToListAsync()); // mass mailings are not activities
        }

        // Following the link: the page shows the masked address and the button sets the flag, with the date, in the history.
        var token = Uri.UnescapeDataString(link.Groups[1].Value);
        var before = await Unsubscribe.DescribeAsync(token);
        Assert.Equal(new UnsubscribeInfo("a•••@a•••.fi", false, null), before);
        var after = await Unsubscribe.UnsubscribeAsync(token);
        Assert.Equal(new UnsubscribeInfo("a•••@a•••.fi", true, CoreHarness.Now.UtcDateTime), after);
        await using (var db = h.Db())
        {
            var contact = await db.Contacts.SingleAsync(c => c.Id == scene.ContactIds["Anna"]);
            Assert.True(contact.NoMarketingEmail);
            Assert.Equal(CoreHarness.Now.UtcDateTime, contact.NoMarketingEmailChangedAtUtc);
            var audit = await db.AuditEntries.SingleAsync(a => a.Action == UnsubscribeService.AuditAction);
            Assert.Equal((contact.CustomerId, "Contact", contact.Id, (int?)null), (audit.CustomerId, audit.EntityType, audit.EntityId, audit.UserId));
            Assert.Equal([new FieldChange("NoMarketingEmail", "0", "1")], AuditLog.ParseChanges(audit.Changes));
            Assert.False(await db.Contacts.AnyAsync(c => c.Id != contact.Id && c.NoMarketingEmail));
        }
    }

    [Fact]
    public async Task An_address_the_server_refuses_fails_for_that_member_with_the_reason_and_a_resend_sends_only_to_it()
    {
        var scene = await CampaignAsync(("Anna", "anna@asiakas.fi", CampaignStep.Added), ("Bertta", "bertta@vanha.fi", CampaignStep.Added),
            ("Cecilia", "cecilia@asiakas.fi", CampaignStep.Added));
        smtp.Refused["bertta@vanha.fi"] = true;
        using var _ = UiCulture.Finnish();

        var id = await Mailings.QueueAsync(scene.CampaignId, Draft, BaseUrl);
        await Runner.ExecuteAsync(id);

        Assert.Equal(["anna@asiakas.fi", "cecilia@asiakas.fi"], smtp.Recipients.Order());
        var deliveries = await DeliveriesAsync(id);
        Assert.Equal(DeliveryState.Sent, deliveries[scene.MemberIds["Anna"]].State);
        Assert.Equal(DeliveryState.Failed, deliveries[scene.MemberIds["Bertta"]].State);
        Assert.Contains($"Sähköpostipalvelin 127.0.0.1:{smtp.Port} hylkäsi viestin: 550", deliveries[scene.MemberIds["Bertta"]].Error);
        var progress = await Mailings.ProgressAsync(id);
        Assert.Equal((3, 2, 1), (progress.Mailing.Total, progress.Mailing.Sent, progress.Mailing.Failed));
        var failed = Assert.Single(progress.Problems);
        Assert.Equal(("Bertta Testinen", "bertta@vanha.fi", DeliveryState.Failed), (failed.Name, failed.Email, failed.State));
        await using (var db = h.Db())
            Assert.Equal(CampaignStep.Added, (await db.CampaignMembers.SingleAsync(m => m.Id == scene.MemberIds["Bertta"])).Step);

        // The address is fixed at the relay; a member added since is sent to as well; Anna and Cecilia get nothing more.
        smtp.Refused.Clear();
        var late = await CampaignMemberAsync(scene.CampaignId, "Daniel", "daniel@asiakas.fi");
        Assert.Equal(2, await Mailings.ResendAsync(id));
        await Runner.ExecuteAsync(id);

        Assert.Equal(["anna@asiakas.fi", "bertta@vanha.fi", "cecilia@asiakas.fi", "daniel@asiakas.fi"], smtp.Recipients.Order());
        var resent = await Mailings.ProgressAsync(id);
        Assert.Equal((MailingState.Done, 4, 4, 0), (resent.Mailing.State, resent.Mailing.Total, resent.Mailing.Sent, resent.Mailing.Failed));
        Assert.Equal(DeliveryState.Sent, (await DeliveriesAsync(id))[late].State);
        await Assert.ThrowsAsync<DomainException>(() => Mailings.ResendAsync(id)); // nobody left to send to
    }

    private async Task<int> CampaignMemberAsync(int campaignId, string firstName, string email)
    {
        var customer = await h.AddCustomerAsync($"{firstName}n Yritys Oy");
        var contact = await h.AddContactAsync(customer.Id, firstName, "Testinen", c => c.Email = email);
        await using var db = h.Db();
        var member = new CampaignMember { CampaignId = campaignId, ContactId = contact.Id, CustomerId = customer.Id };
        db.CampaignMembers.Add(member);
        await db.SaveChangesAsync();
        return member.Id;
    }

    [Fact]
    public async Task A_job_stopped_while_a_message_is_being_handed_over_and_run_again_mails_nobody_twice()
    {
        var scene = await CampaignAsync(("Anna", "anna@asiakas.fi", CampaignStep.Added), ("Bertta", "bertta@asiakas.fi", CampaignStep.Added),
            ("Cecilia", "cecilia@asiakas.fi", CampaignStep.Added), ("Daniel", "daniel@asiakas.fi", CampaignStep.Added));
        var id = await Mailings.QueueAsync(scene.CampaignId, Draft, BaseUrl);
        using var crash = new CancellationTokenSource();
        // The server has Bertta's message when the app goes down, before it could hear "250 OK".
        smtp.AfterStore = async (message, serverStopping) =>
        {
            if (message.To.Mailboxes.Single().Address != "bertta@asiakas.fi") return;
            await crash.CancelAsync();
            await Task.Delay(Timeout.Infinite, serverStopping);
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Runner.ExecuteAsync(id, crash.Token));
        Assert.Equal(["anna@asiakas.fi", "bertta@asiakas.fi"], smtp.Recipients.Order());
        Assert.Equal(DeliveryState.Unconfirmed, (await DeliveriesAsync(id))[scene.MemberIds["Bertta"]].State);

        smtp.AfterStore = null;
        await Runner.ExecuteAsync(id); // Hangfire's retry, or the start-up requeue

        Assert.Equal(["anna@asiakas.fi", "bertta@asiakas.fi", "cecilia@asiakas.fi", "daniel@asiakas.fi"], smtp.Recipients.Order());
        var progress = await Mailings.ProgressAsync(id);
        Assert.Equal((MailingState.Done, 4, 3), (progress.Mailing.State, progress.Mailing.Total, progress.Mailing.Sent));
        var unconfirmed = Assert.Single(progress.Problems); // shown, so someone can check with Bertta
        Assert.Equal(("Bertta Testinen", DeliveryState.Unconfirmed), (unconfirmed.Name, unconfirmed.State));
        await Assert.ThrowsAsync<DomainException>(() => Mailings.ResendAsync(id)); // not even a resend sends it again
        await Runner.ExecuteAsync(id); // a stray second run
        Assert.Equal(4, smtp.Received.Count);
    }

    [Fact]
    public async Task Contacts_who_opted_out_even_after_the_mailing_was_queued_and_contacts_without_an_address_are_skipped()
    {
        var scene = await CampaignAsync(("Anna", "anna@asiakas.fi", CampaignStep.Added), ("Olli", "olli@asiakas.fi", CampaignStep.Added),
            ("Nelli", null, CampaignStep.Added), ("Kalle", "kalle@asiakas.fi", CampaignStep.Added));
        await using (var db = h.Db())
            await db.Contacts.Where(c => c.Id == scene.ContactIds["Kalle"]).ExecuteUpdateAsync(s => s.SetProperty(c => c.NoMarketingEmail, true));

        var preview = await Mailings.PreviewAsync(scene.CampaignId, Draft, BaseUrl);
        Assert.Equal((4, 2, 1, 1), (preview.Members, preview.Mailable, preview.NoEmail, preview.OptedOut));
        Assert.Equal(("Anna Testinen", "Tervetuloa, Anna!"), (preview.MemberName, preview.Subject));
        Assert.Matches(UnsubscribeLink(), preview.Body!);

        var id = await Mailings.QueueAsync(scene.CampaignId, Draft, BaseUrl);
        var tokens = h.Service<UnsubscribeTokens>();
        await Unsubscribe.UnsubscribeAsync(tokens.Create(scene.ContactIds["Olli"])); // Olli's link from an earlier mailing
        await Runner.ExecuteAsync(id);

        Assert.Equal(["anna@asiakas.fi"], smtp.Recipients);
        var deliveries = await DeliveriesAsync(id);
        Assert.Equal(DeliveryState.SkippedOptedOut, deliveries[scene.MemberIds["Olli"]].State);
        Assert.Equal(DeliveryState.SkippedOptedOut, deliveries[scene.MemberIds["Kalle"]].State);
        Assert.Equal(DeliveryState.SkippedNoEmail, deliveries[scene.MemberIds["Nelli"]].State);
        var progress = await Mailings.ProgressAsync(id);
        Assert.Equal((4, 1, 0, 3), (progress.Mailing.Total, progress.Mailing.Sent, progress.Mailing.Failed, progress.Mailing.Skipped));
        await using (var db = h.Db())
            Assert.Equal(CampaignStep.Added, (await db.CampaignMembers.SingleAsync(m => m.Id == scene.MemberIds["Olli"])).Step);
    }

    [Fact]
    public async Task A_contact_who_left_the_company_or_whose_customer_was_passivated_after_joining_the_campaign_is_not_mailed()
    {
        var scene = await CampaignAsync(("Anna", "anna@asiakas.fi", CampaignStep.Added), ("Lauri", "lauri@asiakas.fi", CampaignStep.Added),
            ("Pirjo", "pirjo@asiakas.fi", CampaignStep.Added));
        var id = await Mailings.QueueAsync(scene.CampaignId, Draft, BaseUrl);
        await using (var db = h.Db())
        {
            await db.Contacts.Where(c => c.Id == scene.ContactIds["Lauri"]).ExecuteUpdateAsync(s => s.SetProperty(c => c.HasLeft, true));
            var pirjonYritys = await db.Contacts.Where(c => c.Id == scene.ContactIds["Pirjo"]).Select(c => c.CustomerId).SingleAsync();
            await db.Customers.Where(c => c.Id == pirjonYritys).ExecuteUpdateAsync(s => s.SetProperty(c => c.IsPassive, true));
        }

        await Runner.ExecuteAsync(id);

        Assert.Equal(["anna@asiakas.fi"], smtp.Recipients);
        var deliveries = await DeliveriesAsync(id);
        Assert.Equal(DeliveryState.SkippedLeft, deliveries[scene.MemberIds["Lauri"]].State);
        Assert.Equal(DeliveryState.SkippedLeft, deliveries[scene.MemberIds["Pirjo"]].State);
        var preview = await Mailings.PreviewAsync(scene.CampaignId, Draft, BaseUrl);
        Assert.Equal(1, preview.Mailable);
    }

    [Fact]
    public async Task Messages_are_paced_at_the_configured_rate_on_the_clock()
    {
        mailing.MessagesPerMinute = 12; // one every five seconds
        var scene = await CampaignAsync(("Anna", "anna@asiakas.fi", CampaignStep.Added), ("Bertta", "bertta@asiakas.fi", CampaignStep.Added),
            ("Nelli", null, CampaignStep.Added), ("Cecilia", "cecilia@asiakas.fi", CampaignStep.Added));

        var id = await Mailings.QueueAsync(scene.CampaignId, Draft, BaseUrl);
        await Runner.ExecuteAsync(id);

        Assert.Equal(3, smtp.Received.Count);
        Assert.Equal([TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5)], clock.Waits); // no pause for the skipped one
        await using var db = h.Db();
        var sent = await db.MailingDeliveries.Where(d => d.MailingId == id && d.SentAtUtc != null).OrderBy(d => d.SentAtUtc).Select(d => d.SentAtUtc!.Value).ToListAsync();
        var start = CoreHarness.Now.UtcDateTime;
        Assert.Equal([start, start.AddSeconds(5), start.AddSeconds(10)], sent);
    }

    [Fact]
    public async Task A_tampered_or_malformed_unsubscribe_token_is_refused_and_changes_nothing()
    {
        var scene = await CampaignAsync(("Anna", "anna@asiakas.fi", CampaignStep.Added), ("Bertta", "bertta@asiakas.fi", CampaignStep.Added));
        var tokens = h.Service<UnsubscribeTokens>();
        var anna = tokens.Create(scene.ContactIds["Anna"]);
        var signature = anna[(anna.IndexOf('.') + 1)..];
        var flipped = (signature[0] == 'A' ? 'B' : 'A') + signature[1..];

        Assert.Equal(scene.ContactIds["Anna"], tokens.Verify(anna));
        string[] bad = [$"{scene.ContactIds["Bertta"]}.{signature}", $"{scene.ContactIds["Anna"]}.{flipped}", $"0{anna}", $"{anna}A",
            anna[..anna.IndexOf('.')], "", "x.y", "-1.AAAA", new string('9', 80)];
        foreach (var token in bad)
        {
            Assert.Null(tokens.Verify(token));
            Assert.Null(await Unsubscribe.DescribeAsync(token));
            Assert.Null(await Unsubscribe.UnsubscribeAsync(token));
        }
        await using var db = h.Db();
        Assert.False(await db.Contacts.AnyAsync(c => c.NoMarketingEmail));
        Assert.Empty(await db.AuditEntries.Where(a => a.Action == UnsubscribeService.AuditAction).ToListAsync());

        // The same key (from configuration) signs the same token after a restart: links in old messages keep working.
        var restarted = new UnsubscribeTokens(Options.Create(new MailingOptions { UnsubscribeKey = mailing.UnsubscribeKey }), "unused.key");
        Assert.Equal(anna, restarted.Create(scene.ContactIds["Anna"]));
        Assert.Null(new UnsubscribeTokens(Options.Create(new MailingOptions { UnsubscribeKey = "another-key" }), "unused.key").Verify(anna));
    }

    [Fact]
    public async Task Without_a_configured_key_the_links_are_signed_with_a_key_kept_beside_the_database()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"portaali-keys-{Guid.NewGuid():N}");
        var file = Path.Combine(folder, MailingSetup.KeyFileName);
        try
        {
            var first = new UnsubscribeTokens(Options.Create(new MailingOptions()), file);
            var token = first.Create(42);
            Assert.True(File.Exists(file));
            Assert.Equal(42, new UnsubscribeTokens(Options.Create(new MailingOptions()), file).Verify(token));
            File.Delete(file);
            Assert.Null(new UnsubscribeTokens(Options.Create(new MailingOptions()), file).Verify(token));
        }
        finally { Directory.Delete(folder, recursive: true); }
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Only_people_who_run_campaigns_may_send_a_mailing_and_an_empty_subject_is_refused_with_a_message()
    {
        var scene = await CampaignAsync(("Anna", "anna@asiakas.fi", CampaignStep.Added));
        using var _ = UiCulture.Finnish();
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => Mailings.QueueAsync(scene.CampaignId, new MailingDraft { Body = "Teksti" }, BaseUrl));
        Assert.Equal("Kirjoita aihe.", error.Message);

        await h.SignInAsAsync(UserGroup.AccountManager);
        await Assert.ThrowsAsync<ForbiddenException>(() => Mailings.QueueAsync(scene.CampaignId, Draft, BaseUrl));
        await Assert.ThrowsAsync<ForbiddenException>(() => Mailings.ListAsync(scene.CampaignId));
        Assert.Empty(Queued);
    }
}
