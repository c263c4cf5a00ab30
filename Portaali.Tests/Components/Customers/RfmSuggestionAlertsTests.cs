using System.Text.RegularExpressions;
using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portaali.Core.Segments;
using Portaali.Core.Suggestions;
using Portaali.Core.Users;
using Portaali.Web.Components.Pages.Customers;

namespace Portaali.Tests.Components.Customers;

/// <summary>The segment rules' suggestions in the customer page's header: an A proposal leads to the segment tab, a
/// passivation to consider passivates when accepted.</summary>
public class RfmSuggestionAlertsTests : ComponentHarness
{
    [Fact]
    public async Task An_A_proposal_offers_a_link_to_the_segment_tab_instead_of_accepting()
    {
        var me = await SignInAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var id = await AddCustomerAsync("Vakaa Kumppani Oy", responsibleUserId: me.Id);
        await WithDbAsync(db => db.Customers.Where(c => c.Id == id).ExecuteUpdateAsync(u => u.SetProperty(c => c.Segment, Segment.B)));
        await AddSuggestionAsync(id, SuggestionKind.ProposeA, "RFM-TOP", "RFM huipussa nyt ja vuosi sitten");

        var page = Open(id);

        var alert = page.WaitForElement("[data-testid=customer-suggestion]");
        Assert.Contains("Ehdotus: ehdota A-asiakkuutta", alert.TextContent);
        var link = alert.QuerySelector("[data-testid=propose-a-link]")!;
        Assert.Equal("Ehdota A:ta…", link.TextContent.Trim());
        Assert.Equal($"/customers/{id}?tab=segment", link.GetAttribute("href"));
        Assert.Empty(alert.QuerySelectorAll("[data-testid=accept-suggestion]"));
        Assert.Single(alert.QuerySelectorAll("[data-testid=dismiss-suggestion]"));
    }

    [Fact]
    public async Task The_segment_tab_query_opens_the_segment_tab_with_the_RFM_card()
    {
        await SignInAsync(UserGroup.AccountManager);
        var id = await AddCustomerAsync("Vakaa Kumppani Oy");

        var plain = Open(id);
        Assert.Empty(plain.FindAll("[data-testid=rfm-card]"));

        Services.GetRequiredService<NavigationManager>().NavigateTo($"/customers/{id}?tab={CustomerPage.SegmentTabQuery}");
        var page = RenderWithProviders<CustomerPage>(p => p.Add(x => x.Id, id));

        page.WaitForElement("[data-testid=rfm-card]");
        Assert.NotEmpty(page.FindAll("[data-testid=segment-history]"));
    }

    [Fact]
    public async Task Accepting_a_passivation_to_consider_passivates_the_customer_with_the_reason()
    {
        var me = await SignInAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var id = await AddCustomerAsync("Unohtunut Oy", responsibleUserId: me.Id);
        const string reason = "Ei laskettua yhteydenottoa eikä tilausta 3 vuoteen: viimeisin yhteydenotto ei koskaan, viimeisin tilaus ei koskaan.";
        await AddSuggestionAsync(id, SuggestionKind.ConsiderPassivation, "RFM-DORMANT", reason);

        var page = Open(id);
        var alert = page.WaitForElement("[data-testid=customer-suggestion]");
        Assert.Contains("Ehdotus: harkitse passivointia", alert.TextContent);
        Assert.Equal("Passivoi", alert.QuerySelector("[data-testid=accept-suggestion]")!.TextContent.Trim());

        await page.Find("[data-testid=accept-suggestion]").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.Equal("Passiivinen", page.Find("[data-testid=passive-chip]").TextContent.Trim()));
        Assert.Contains(reason, Regex.Replace(page.Find("[data-testid=passivation-info]").TextContent, @"\s+", " "));
        var resolved = await WithDbAsync(db => db.Suggestions.SingleAsync());
        Assert.Equal((SuggestionResolution.Accepted, "Minna Lehtonen"), (resolved.Resolution, resolved.ResolvedByName));
    }

    private IRenderedComponent<CustomerPage> Open(int customerId)
    {
        var page = RenderWithProviders<CustomerPage>(p => p.Add(x => x.Id, customerId));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=customer-name]")));
        return page;
    }

    private Task AddSuggestionAsync(int customerId, SuggestionKind kind, string code, string reason) =>
        WithDbAsync(db =>
        {
            db.Suggestions.Add(new Suggestion { CustomerId = customerId, Kind = kind, Code = code, Reason = reason, CreatedAt = new DateTime(2026, 3, 10, 1, 0, 0, DateTimeKind.Utc) });
            return db.SaveChangesAsync();
        });
}
