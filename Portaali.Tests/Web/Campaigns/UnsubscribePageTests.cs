using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portaali.Core.Campaigns;
using Portaali.Core.Contacts;
using Portaali.Core.Customers;
using Portaali.Web.Setup;

namespace Portaali.Tests.Web.Campaigns;

/// <summary>The unsubscribe page in the real app, as a recipient without an account reaches it from a mailing.</summary>
public partial class UnsubscribePageTests
{
    private static PortaaliWebFactory Factory() => new() { Settings = { ["Portaali:Mailings:UnsubscribeKey"] = "web-test-unsubscribe-key-0123456789" } };

    private static async Task<int> ContactAsync(PortaaliWebFactory factory)
    {
        _ = factory.Server;
        await using var db = factory.OpenDb();
        var customer = new Customer { Name = "Rakennus Virtanen Oy", NameSearch = CustomerRules.SearchForm("Rakennus Virtanen Oy") };
        db.Customers.Add(customer);
        await db.SaveChangesAsync();
        var contact = new Contact { CustomerId = customer.Id, FirstName = "Maija", LastName = "Virtanen", Email = "maija@virtanen.fi", NameSearch = "maija virtanen" };
        db.Contacts.Add(contact);
        await db.SaveChangesAsync();
        return contact.Id;
    }

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*>")]
    private static partial Regex HiddenInput();

    private static Dictionary<string, string> HiddenFields(string html) => HiddenInput().Matches(html)
        .Select(m => (Name: Regex.Match(m.Value, "name=\"([^\"]+)\"").Groups[1].Value, Value: Regex.Match(m.Value, "value=\"([^\"]*)\"").Groups[1].Value))
        .Where(f => f.Name.Length > 0).ToDictionary(f => f.Name, f => WebUtility.HtmlDecode(f.Value));

    [Fact]
    public async Task Opening_the_link_changes_nothing_and_the_button_opts_the_contact_out_without_signing_in()
    {
        using var factory = Factory();
        var contactId = await ContactAsync(factory);
        var token = factory.Services.GetRequiredService<UnsubscribeTokens>().Create(contactId);
        var client = factory.ClientFor(null);

        var page = await client.GetAsync($"/unsubscribe/{token}");
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Sähköpostiosoite: m•••@v•••.fi", html);
        Assert.Contains("Älä lähetä minulle enää markkinointisähköpostia", html);
        Assert.DoesNotContain("maija@virtanen.fi", html);
        await using (var db = factory.OpenDb())
            Assert.False((await db.Contacts.SingleAsync(c => c.Id == contactId)).NoMarketingEmail);

        var posted = await client.PostAsync($"/unsubscribe/{token}", new FormUrlEncodedContent(HiddenFields(html)));
        var done = WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync());

        Assert.True(posted.StatusCode == HttpStatusCode.OK, $"{posted.StatusCode}: {string.Join(", ", HiddenFields(html).Keys)} {done}");
        Assert.Contains("Valmis. Osoitteeseen m•••@v•••.fi ei enää lähetetä markkinointisähköpostia.", done);
        await using (var db = factory.OpenDb())
        {
            var contact = await db.Contacts.SingleAsync(c => c.Id == contactId);
            Assert.True(contact.NoMarketingEmail);
            Assert.NotNull(contact.NoMarketingEmailChangedAtUtc);
            Assert.Equal(contact.CustomerId, (await db.AuditEntries.SingleAsync(a => a.Action == UnsubscribeService.AuditAction)).CustomerId);
        }
        Assert.IsType<HangfireMailingQueue>(factory.Services.CreateScope().ServiceProvider.GetRequiredService<IMailingQueue>());
    }

    [Fact]
    public async Task A_tampered_link_gets_a_clear_message_in_either_language()
    {
        using var factory = Factory();
        var contactId = await ContactAsync(factory);
        var token = factory.Services.GetRequiredService<UnsubscribeTokens>().Create(contactId);
        var tampered = $"{contactId + 1}{token[token.IndexOf('.')..]}";
        var client = factory.ClientFor(null);

        var finnish = WebUtility.HtmlDecode(await client.GetStringAsync($"/unsubscribe/{tampered}"));
        Assert.Contains("Linkki ei kelpaa", finnish);
        Assert.DoesNotContain("Älä lähetä minulle", finnish);

        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Dfi-FI%7Cuic%3Den");
        Assert.Contains("The link is not valid", WebUtility.HtmlDecode(await client.GetStringAsync($"/unsubscribe/{tampered}")));
        Assert.Contains("Stop sending me marketing e-mail", WebUtility.HtmlDecode(await client.GetStringAsync($"/unsubscribe/{token}")));
    }
}
