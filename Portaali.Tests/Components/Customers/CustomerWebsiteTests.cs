using Bunit;
using Microsoft.EntityFrameworkCore;
using Portaali.Core.Users;
using Portaali.Web.Components.Pages.Customers;

namespace Portaali.Tests.Components.Customers;

/// <summary>A website is a link only when it is an http(s) address; rows saved before that rule show as plain text.</summary>
public class CustomerWebsiteTests : ComponentHarness
{
    private async Task<IRenderedComponent<CustomerPage>> OpenWithWebsiteAsync(string website)
    {
        await SignInAsync(UserGroup.AccountManager);
        var id = await AddCustomerAsync("Rakennus Virtanen Oy", "0737546-2");
        await WithDbAsync(db => db.Customers.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Website, website)));
        var page = RenderWithProviders<CustomerPage>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => Assert.Contains(website, page.Find("[data-testid=customer-details]").TextContent));
        return page;
    }

    [Theory]
    [InlineData("javascript:alert(document.cookie)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("https://javascript:alert(1)")]
    public async Task A_stored_script_address_shows_as_plain_text_and_never_as_a_link(string website)
    {
        var page = await OpenWithWebsiteAsync(website);

        var details = page.Find("[data-testid=customer-details]");
        Assert.DoesNotContain(details.QuerySelectorAll("a[href]"), a => a.GetAttribute("href")!.Contains("script", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(website, page.Find("[data-testid=customer-website]").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid=customer-website] a, a[data-testid=customer-website]"));
    }

    [Fact]
    public async Task An_https_website_is_a_link_that_opens_in_a_new_tab()
    {
        var page = await OpenWithWebsiteAsync("https://www.virtanen.fi");

        var link = page.Find("[data-testid=customer-details] a[href='https://www.virtanen.fi']");
        Assert.Equal("_blank", link.GetAttribute("target"));
        Assert.Equal("https://www.virtanen.fi", link.TextContent.Trim());
    }
}
