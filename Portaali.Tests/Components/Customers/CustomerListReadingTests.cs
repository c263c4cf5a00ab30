using Bunit;
using Microsoft.EntityFrameworkCore;
using Portaali.Core.Users;
using Portaali.Tests.Support;
using Portaali.Web.Components.Pages.Customers;

namespace Portaali.Tests.Components.Customers;

/// <summary>The customer list reads as people talk: a headcount range, revenue in euros, and the match count by the title.</summary>
public class CustomerListReadingTests : ComponentHarness
{
    [Theory]
    [InlineData("fi-FI", "50–99 hlö", "1 234 567 €", "ei tiedossa", "2 asiakasta", "1 asiakas")]
    [InlineData("en-US", "50–99 staff", "€1,234,567", "unknown", "2 customers", "1 customer")]
    public async Task Size_class_is_a_headcount_range_revenue_is_euros_and_the_count_is_by_the_title(
        string culture, string size, string revenue, string unknownSize, string twoFound, string oneFound)
    {
        UiCulture.Set(culture); // the harness restores the Finnish culture afterwards
        await SignInAsync(UserGroup.AccountManager);
        var known = await AddCustomerAsync("Konepaja Virtanen Oy");
        await AddCustomerAsync("Kahvila Aalto Oy");
        await WithDbAsync(db => db.Customers.Where(c => c.Id == known)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.SizeClass, 5).SetProperty(c => c.Revenue, 1_234_567m)));

        var page = RenderWithProviders<CustomerSearch>();

        page.WaitForAssertion(() => Assert.Equal(twoFound, Text(page.Find("[data-testid=customer-count]").TextContent)));
        var row = page.FindAll("tr").Single(r => r.TextContent.Contains("Konepaja Virtanen Oy"));
        Assert.Equal(size, row.QuerySelector("[data-testid=customer-size]")!.TextContent);
        Assert.Equal(revenue, Text(row.QuerySelector("[data-testid=customer-revenue]")!.TextContent));
        var other = page.FindAll("tr").Single(r => r.TextContent.Contains("Kahvila Aalto Oy"));
        Assert.Equal(unknownSize, other.QuerySelector("[data-testid=customer-size]")!.TextContent);
        Assert.Equal("", other.QuerySelector("[data-testid=customer-revenue]")!.TextContent);
        Assert.Equal($"/customers/{known}", row.QuerySelector("a[data-testid=customer-link]")!.GetAttribute("href"));

        page.Find("#customer-search").Input("Virtanen");

        page.WaitForAssertion(() => Assert.Equal(oneFound, page.Find("[data-testid=customer-count]").TextContent));
    }

    /// <summary>Group separators are non-breaking spaces in Finnish; compared here as plain spaces.</summary>
    private static string Text(string s) => s.Replace('\u00A0', ' ').Replace('\u202F', ' ').Trim();
}
