using System.Text;
using Portaali.Core.Common;
using Portaali.Core.Users;
using Portaali.Tests.Support;
using static Portaali.Tests.Integration.Activities.ActivityTestData;

namespace Portaali.Tests.Integration.Activities;

public class EmailImportTests : HarnessTest
{
    private static MemoryStream Eml(string from, string to, string subject = "Koulutustarjous syksylle", string? messageId = "<abc123@virtasenkuljetus.fi>") =>
        new(Encoding.UTF8.GetBytes(
            $"From: {from}\r\nTo: {to}\r\nSubject: {subject}\r\nDate: Thu, 05 Mar 2026 14:20:00 +0200\r\n" +
            (messageId is null ? "" : $"Message-ID: {messageId}\r\n") +
            "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" +
            "Hei Minna,\r\n\r\nkiitos tarjouksesta, hyväksymme sen.\r\n"));

    [Fact]
    public async Task Sender_is_matched_to_a_contact_and_the_customer_proposed()
    {
        var me = await H.SignInAsAsync(UserGroup.AccountManager);
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy");
        var contact = await H.AddContactAsync(customer.Id, "Pekka", "Virtanen", c => c.Email = "Pekka.Virtanen@virtasenkuljetus.fi");

        var proposal = await H.EmailImport.ParseAsync(Eml("Pekka Virtanen <pekka.virtanen@virtasenkuljetus.fi>", "minna.lehtonen@omnia-demo.fi"));

        Assert.Equal(customer.Id, proposal.ProposedCustomerId);
        Assert.Equal(contact.Id, Assert.Single(proposal.Matches).ContactId);
        Assert.Equal("Koulutustarjous syksylle", proposal.Subject);
        Assert.Equal(new DateTime(2026, 3, 5, 14, 20, 0), proposal.SentLocal);
        Assert.Contains("hyväksymme", proposal.Body);

        var edit = proposal.ToEdit(Email, me.Id);
        var id = await H.Activities.CreateAsync(edit);
        var saved = await H.Activities.GetAsync(id);
        Assert.Equal([contact.Id], saved.Edit.ContactIds);
        Assert.Equal("Sähköposti", saved.TypeName);

        var again = await H.EmailImport.ParseAsync(Eml("pekka.virtanen@virtasenkuljetus.fi", "minna.lehtonen@omnia-demo.fi"));
        Assert.Equal(id, again.AlreadyImportedActivityId);
    }

    [Fact]
    public async Task Unknown_person_is_matched_by_the_customers_own_email_domain()
    {
        var minna = new AppUser { DisplayName = "Minna Lehtonen", Email = "minna.lehtonen@omnia-demo.fi", Group = UserGroup.AccountManager };
        await using (var db = H.Db()) { db.Users.Add(minna); await db.SaveChangesAsync(); }
        H.SignInAs(minna);
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy", configure: c => c.Email = "info@virtasenkuljetus.fi");
        await H.AddCustomerAsync("Omnia", configure: c => c.Email = "info@omnia-demo.fi");

        var proposal = await H.EmailImport.ParseAsync(Eml("minna.lehtonen@omnia-demo.fi", "uusi.henkilo@virtasenkuljetus.fi", messageId: null));
        Assert.Equal(customer.Id, proposal.ProposedCustomerId);
        Assert.Empty(proposal.Matches);
    }

    [Fact]
    public async Task Passive_customer_is_not_proposed()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        var gone = await H.AddCustomerAsync("Lopettanut Oy", passive: true);
        await H.AddContactAsync(gone.Id, "Liisa", "Lopettanut", c => c.Email = "liisa@lopettanut.fi");

        var proposal = await H.EmailImport.ParseAsync(Eml("liisa@lopettanut.fi", "minna.lehtonen@omnia-demo.fi"));
        Assert.Null(proposal.ProposedCustomerId);
        Assert.True(Assert.Single(proposal.Matches).CustomerIsPassive);
    }

    [Fact]
    public async Task A_file_that_is_not_an_email_gets_a_clear_message()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        using var _ = UiCulture.Finnish();
        var error = await Assert.ThrowsAsync<DomainException>(() => H.EmailImport.ParseAsync(new MemoryStream([0x50, 0x4B, 0x03, 0x04, 0, 0, 0])));
        Assert.Contains(".eml", error.Message);
    }

    private static MemoryStream HtmlEml(string html) =>
        new(Encoding.UTF8.GetBytes(
            "From: pekka.virtanen@virtasenkuljetus.fi\r\nTo: minna.lehtonen@omnia-demo.fi\r\nSubject: Tarjous\r\n" +
            "Date: Thu, 05 Mar 2026 14:20:00 +0200\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n" +
            "Content-Transfer-Encoding: 8bit\r\n\r\n" + html));

    [Fact]
    public async Task A_2_MB_body_of_unclosed_tags_becomes_text_with_bounded_work()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        var hostile = "<p>Hei Minna,</p>" + string.Concat(Enumerable.Repeat("<div><b>x", 200_000)) + string.Concat(Enumerable.Repeat("<b x", 50_000));
        using var generous = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        // WaitAsync: a conversion that ignored the token would still fail the test at 30 s instead of holding it for minutes.
        var proposal = await H.EmailImport.ParseAsync(HtmlEml(hostile), generous.Token).WaitAsync(generous.Token);

        Assert.Contains("Hei Minna,\n\nx\nx\nx", proposal.Body);
        Assert.InRange(proposal.Body.Length, 19_000, 20_000);
    }

    [Fact]
    public async Task An_HTML_mail_becomes_readable_memo_text()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);

        var proposal = await H.EmailImport.ParseAsync(HtmlEml(
            "<html><head><style>p{color:red}</style><script>alert(1)</script></head><body><p>Hei Minna,</p>" +
            "<p>kiitos tarjouksesta.<br>Hyväksymme sen.</p><p>Lisää <a href='https://x.fi'>koulutussivuillamme</a>.</p></body></html>"));

        Assert.EndsWith("Hei Minna,\n\nkiitos tarjouksesta.\nHyväksymme sen.\n\nLisää koulutussivuillamme.", proposal.Body);
        Assert.DoesNotContain("alert", proposal.Body);
        Assert.DoesNotContain("color", proposal.Body);
    }

    [Fact]
    public async Task An_upload_that_is_not_an_eml_file_or_too_large_is_refused_with_a_message()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        using var _ = UiCulture.Finnish();

        var wrongType = await Assert.ThrowsAsync<DomainException>(() => H.EmailImport.ParseUploadAsync("tarjous.pdf", 1000, new MemoryStream(new byte[1000])));
        var declaredTooLarge = await Assert.ThrowsAsync<DomainException>(() => H.EmailImport.ParseUploadAsync("viesti.eml", 12 * 1024 * 1024, new MemoryStream()));
        var tooLarge = await Assert.ThrowsAsync<DomainException>(() => H.EmailImport.ParseUploadAsync("viesti.eml", null, new MemoryStream(new byte[11 * 1024 * 1024])));

        Assert.Equal("tarjous.pdf ei ole sallittua tyyppiä: valitse .eml-tiedosto.", wrongType.Message);
        Assert.Equal("viesti.eml on liian suuri (12 Mt); suurin sallittu koko on 10 Mt.", declaredTooLarge.Message);
        Assert.StartsWith("viesti.eml on liian suuri (> 10", tooLarge.Message);
    }
}
