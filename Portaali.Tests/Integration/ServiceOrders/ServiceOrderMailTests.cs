using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MimeKit;
using Portaali.Core.Common.Mail;
using Portaali.Core.ServiceOrders;
using Portaali.Core.Users;
using Portaali.Core.Data;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.ServiceOrders;

/// <summary>Sending service orders through a real SMTP server on 127.0.0.1, to the pickup folder, and past a failing server.</summary>
public class ServiceOrderMailTests : IAsyncLifetime
{
    private readonly MailOptions settings = new() { Host = "127.0.0.1", Security = MailSecurity.None, TimeoutSeconds = 20 };
    private CoreHarness h = null!;

    protected virtual DatabaseProvider DatabaseProvider => DatabaseProvider.Sqlite;

    public async Task InitializeAsync() =>
        h = await CoreHarness.CreateAsync(provider: DatabaseProvider, configure: s => s.Replace(ServiceDescriptor.Singleton<IOptions<MailOptions>>(Options.Create(settings))));

    public async Task DisposeAsync() => await h.DisposeAsync();

    private ServiceOrderService Orders => h.Service<ServiceOrderService>();
    private ServiceOrderMailer Mailer => h.Service<ServiceOrderMailer>();

    [Fact]
    public async Task Every_party_receives_a_readable_html_and_text_mail_with_the_order_attached_as_a_document()
    {
        var me = await h.SignInAsAsync(UserGroup.AccountManager);
        var scene = await ServiceOrderScene.ArrangeAsync(h);
        var id = await Orders.CreateAsync(scene.Edit);
        await using var smtp = TestSmtpServer.Start();
        settings.Port = smtp.Port;
        using var _ = UiCulture.Finnish();

        var preview = await Mailer.PreviewAsync(id);
        var result = await Mailer.SendAsync(id, preview.Version);

        Assert.Equal(SendingOutcome.Sent, result.Outcome);
        var (envelope, mail) = Assert.Single(smtp.Received);
        string[] expected = ["Tiina.Tilaaja@rakennuslaine.fi", scene.Janitor.Email, scene.Cook.Email, "kuljetus@bussiyhtio.fi"];
        Assert.Equal(expected, preview.Recipients.Select(r => r.Address));
        Assert.Equal(expected.Order(StringComparer.OrdinalIgnoreCase), envelope.Order(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);
        Assert.Equal(expected, mail.To.Mailboxes.Select(m => m.Address));
        Assert.Equal("Palvelutilaus: Työturvallisuuspäivä <Laine & Co> 14.4.2026 (Rakennus Laine Oy)", mail.Subject);

        // HTML: encoded, so the event's name is text rather than a tag; the lines of a field stay lines.
        Assert.Contains("Työturvallisuuspäivä &lt;Laine &amp; Co&gt;", mail.HtmlBody);
        Assert.DoesNotContain("<Laine", mail.HtmlBody);
        Assert.Contains("Auditorio B101<br>Ryhmätila B204", mail.HtmlBody);
        Assert.Contains("ti 14.4.2026 9.00\u201315.30", mail.HtmlBody);
        Assert.Contains("Tarjoilusta vastaa</th><td>Kaisa Keittiö", mail.HtmlBody);
        Assert.Contains("Tarjoilu: Aamukahvi 8.45, lounas 11.30 (3 gluteenitonta)", mail.TextBody);
        Assert.Contains("Tilaajan yhteyshenkilö: Tiina Tilaaja <Tiina.Tilaaja@rakennuslaine.fi>", mail.TextBody);
        Assert.Contains($"Lähetetty Portaalista: {me.DisplayName}", mail.TextBody);

        var attachment = Assert.IsType<MimePart>(Assert.Single(mail.Attachments));
        Assert.Equal($"palvelutilaus-{id}-2026-04-14.docx", attachment.FileName);
        var text = DocumentText(attachment);
        Assert.Contains("Palvelutilaus: Työturvallisuuspäivä <Laine & Co>", text);
        Assert.Contains("Auditorio B101", text);
        Assert.Contains("Vesa Vahtimestari", text);
        Assert.Contains("Osallistujia", text);

        var history = Assert.Single(await Mailer.HistoryAsync(id));
        Assert.Equal((SendingOutcome.Sent, me.DisplayName, false), (history.Outcome, history.SentByName, history.CanRetry));
        Assert.Equal(expected, history.Recipients);
        await using var db = h.Db();
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == "Sent");
        Assert.Equal(scene.CustomerId, audit.CustomerId);
        Assert.Equal(string.Join(", ", expected), Portaali.Core.Auditing.AuditLog.ParseChanges(audit.Changes).Single(c => c.Field == "Recipients").New);
    }

    [Fact]
    public async Task The_mail_is_in_english_when_the_sender_uses_english()
    {
        await h.SignInAsAsync(UserGroup.AccountManager);
        var scene = await ServiceOrderScene.ArrangeAsync(h);
        var id = await Orders.CreateAsync(scene.Edit);
        await using var smtp = TestSmtpServer.Start();
        settings.Port = smtp.Port;
        using var _ = UiCulture.English();

        await Mailer.SendAsync(id, (await Mailer.PreviewAsync(id)).Version);

        var (_, mail) = Assert.Single(smtp.Received);
        Assert.StartsWith("Service order: ", mail.Subject);
        Assert.Contains("Catering delivered by", mail.TextBody);
        Assert.Equal($"service-order-{id}-2026-04-14.docx", ((MimePart)Assert.Single(mail.Attachments)).FileName);
    }

    [Fact]
    public async Task A_refused_connection_is_recorded_as_failed_and_a_retry_reaches_the_server_once_it_is_up()
    {
        await h.SignInAsAsync(UserGroup.AccountManager);
        var scene = await ServiceOrderScene.ArrangeAsync(h);
        var id = await Orders.CreateAsync(scene.Edit);
        settings.Port = TestSmtpServer.FreePort(); // nothing listens there
        using var _ = UiCulture.Finnish();

        var failed = await Mailer.SendAsync(id, (await Mailer.PreviewAsync(id)).Version);

        Assert.Equal(SendingOutcome.Failed, failed.Outcome);
        Assert.Contains($"Sähköpostipalvelimeen 127.0.0.1:{settings.Port} ei saatu yhteyttä", failed.Error);
        var row = Assert.Single(await Mailer.HistoryAsync(id));
        Assert.True(row.CanRetry);
        Assert.Equal(failed.Error, row.Error);
        Assert.Equal("Työturvallisuuspäivä <Laine & Co>", (await Orders.GetAsync(id)).Edit.Title); // the order is untouched

        await using var smtp = TestSmtpServer.Start(settings.Port);
        var retried = await Mailer.RetryAsync(failed.SendingId);

        Assert.Equal(SendingOutcome.Sent, retried.Outcome);
        Assert.Equal(4, Assert.Single(smtp.Received).Envelope.Count);
        var history = await Mailer.HistoryAsync(id);
        Assert.Equal([SendingOutcome.Sent, SendingOutcome.Failed], history.Select(s => s.Outcome));
        Assert.Equal(failed.SendingId, history[0].RetryOfId);
        Assert.False(history[1].CanRetry); // retried successfully: no second retry
        await Assert.ThrowsAsync<Portaali.Core.Common.DomainException>(() => Mailer.RetryAsync(failed.SendingId));
        await using var db = h.Db();
        Assert.Equal(["SendFailed", "Sent"], await db.AuditEntries.Where(a => a.EntityType == "ServiceOrder" && a.Action != "Created")
            .OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
    }

    [Fact]
    public async Task A_server_that_closes_the_connection_is_a_failed_sending_and_a_retry_on_a_working_server_succeeds()
    {
        await h.SignInAsAsync(UserGroup.AccountManager);
        var scene = await ServiceOrderScene.ArrangeAsync(h);
        var id = await Orders.CreateAsync(scene.Edit);
        await using (var closing = new ClosingServer())
        {
            settings.Port = closing.Port;
            var failed = await Mailer.SendAsync(id, (await Mailer.PreviewAsync(id)).Version);
            Assert.Equal(SendingOutcome.Failed, failed.Outcome);
            Assert.Contains($"127.0.0.1:{closing.Port}", failed.Error);
        }

        await using var smtp = TestSmtpServer.Start();
        settings.Port = smtp.Port; // the relay was replaced
        var retried = await Mailer.RetryAsync((await Mailer.HistoryAsync(id)).Single().Id);

        Assert.Equal(SendingOutcome.Sent, retried.Outcome);
        Assert.Single(smtp.Received);
    }

    [Fact]
    public async Task An_order_changed_after_its_recipients_were_shown_is_not_sent()
    {
        await h.SignInAsAsync(UserGroup.AccountManager);
        var scene = await ServiceOrderScene.ArrangeAsync(h);
        var id = await Orders.CreateAsync(scene.Edit);
        var preview = await Mailer.PreviewAsync(id);
        var edit = (await Orders.GetAsync(id)).Edit;
        edit.ExtraRecipients = "uusi@vastaanottaja.fi";
        await Orders.UpdateAsync(id, edit);

        await Assert.ThrowsAsync<Portaali.Core.Common.ConcurrencyConflictException>(() => Mailer.SendAsync(id, preview.Version));
        Assert.Empty(await Mailer.HistoryAsync(id));
    }

    internal static string DocumentText(MimePart attachment)
    {
        using var bytes = new MemoryStream();
        attachment.Content!.DecodeTo(bytes);
        bytes.Position = 0;
        using var document = WordprocessingDocument.Open(bytes, false);
        return string.Join("\n", document.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }
}

/// <summary>The pickup folder's default place, beside the SQLite file: about SQLite's file, so SQLite only (on PostgreSQL the
/// folder is under <c>Storage:SharedPath</c>).</summary>
public class ServiceOrderMailPickupTests
{
    [Fact]
    public async Task Without_an_smtp_host_the_mail_is_a_readable_eml_file_in_the_pickup_folder_beside_the_database()
    {
        await using var local = await CoreHarness.CreateAsync(); // no Portaali:Mail settings at all
        var folder = local.Service<IOptions<MailOptions>>().Value.PickupFolder;
        Assert.Equal(Path.Combine(Path.GetDirectoryName(local.DatabasePath)!, "mail-pickup"), folder);
        await local.SignInAsAsync(UserGroup.AccountManager);
        var scene = await ServiceOrderScene.ArrangeAsync(local);
        var orders = local.Service<ServiceOrderService>();
        var mailer = local.Service<ServiceOrderMailer>();
        var id = await orders.CreateAsync(scene.Edit);

        var result = await mailer.SendAsync(id, (await mailer.PreviewAsync(id)).Version);

        Assert.Equal(SendingOutcome.Sent, result.Outcome);
        var file = Path.Combine(folder!, Assert.Single(await mailer.HistoryAsync(id)).Channel!);
        try
        {
            Assert.EndsWith(".eml", file);
            var mail = await MimeMessage.LoadAsync(file);
            Assert.Equal(4, mail.To.Count);
            Assert.Equal("portaali@localhost", mail.From.Mailboxes.Single().Address);
            Assert.Contains("Auditorio B101", mail.TextBody);
            Assert.Contains("Vesa Vahtimestari", ServiceOrderMailTests.DocumentText((MimePart)mail.Attachments.Single()));
        }
        finally { File.Delete(file); }
    }
}
