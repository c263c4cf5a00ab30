using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portaali.Core.Contacts;
using Portaali.Core.Customers;
using Portaali.Core.Selections;
using Portaali.Core.Users;
using Portaali.Web.Components.Pages.Selections;

namespace Portaali.Tests.Components.Selections;

/// <summary>The static list page: members with their flags, removing selected members, adding one by searching, and a
/// shared list of someone else offered read-only.</summary>
public class StaticListPageTests : ComponentHarness
{
    private StaticListService Lists => Services.GetRequiredService<StaticListService>();

    private async Task<int> ContactAsync(int customerId, string first, string last, string? email, bool optedOut = false)
    {
        var contact = new Contact
        {
            CustomerId = customerId, FirstName = first, LastName = last, NameSearch = CustomerRules.SearchForm($"{first} {last}"),
            Email = email, NoMarketingEmail = optedOut,
        };
        await WithDbAsync(db => { db.Contacts.Add(contact); return db.SaveChangesAsync(); });
        return contact.Id;
    }

    private IRenderedComponent<StaticListPage> Open(int id)
    {
        var page = RenderWithProviders<StaticListPage>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=list-members] tbody tr td")));
        return page;
    }

    private static string Text(AngleSharp.Dom.IElement e) => e.TextContent.Replace('\u00a0', ' ').Trim();

    private static IReadOnlyList<string> Rows(IRenderedComponent<StaticListPage> page) =>
        page.FindAll("[data-testid=list-members] tbody tr").Select(Text).ToList();

    [Fact]
    public async Task Removing_selected_members_takes_them_off_the_list_and_the_count_follows()
    {
        await SignInAsync(UserGroup.SalesAndMarketing, "Mirja Markkinoija");
        var customer = await AddCustomerAsync("Aalto Oy");
        var aino = await ContactAsync(customer, "Aino", "Aalto", "aino@example.fi");
        var eero = await ContactAsync(customer, "Eero", "Ei-Postia", "eero@example.fi", optedOut: true);
        var niko = await ContactAsync(customer, "Niko", "Nettitön", null);
        var listId = await Lists.CreateAsync("Kutsu", SelectionTarget.Contacts, SelectionPurpose.Email);
        await Lists.AddMembersAsync(listId, [aino, eero, niko]);

        var page = Open(listId);
        page.WaitForAssertion(() => Assert.Equal(3, Rows(page).Count));
        Assert.Contains("3 jäsentä", Text(page.Find("[data-testid=list-counts]")));
        Assert.Contains("Postituksen kieltäneitä (heille ei lähetetä): 1", Text(page.Find("[data-testid=list-email-counts]")));
        Assert.Contains("Ei postiteta (kieltänyt)", Rows(page).Single(r => r.Contains("Eero")));
        Assert.Contains("Ei sähköpostia", Rows(page).Single(r => r.Contains("Niko")));

        var eeroRow = page.FindAll("[data-testid=list-members] tbody tr").Single(r => r.TextContent.Contains("Eero"));
        eeroRow.QuerySelector("input[type=checkbox]")!.Change(true);
        page.WaitForAssertion(() => Assert.Equal("Poista valitut (1)", Text(page.Find("[data-testid=list-remove]"))));
        await page.Find("[data-testid=list-remove]").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.Equal(2, Rows(page).Count));
        Assert.DoesNotContain(Rows(page), r => r.Contains("Eero"));
        Assert.Contains("2 jäsentä", Text(page.Find("[data-testid=list-counts]")));
        Assert.Equal([aino, niko], (await WithDbAsync(db => db.StaticListMembers.Where(m => m.SelectionId == listId)
            .Select(m => m.MemberId).OrderBy(m => m).ToListAsync())));
    }

    [Fact]
    public async Task Searching_a_customer_and_picking_it_adds_it_to_the_list()
    {
        await SignInAsync(UserGroup.SalesAndMarketing, "Mirja Markkinoija");
        var first = await AddCustomerAsync("Metalli Aalto Oy");
        var wanted = await AddCustomerAsync("Metalli Berg Oy");
        var listId = await Lists.CreateAsync("Metallit", SelectionTarget.Customers, SelectionPurpose.General);
        await Lists.AddMembersAsync(listId, [first]);
        var page = Open(listId);

        page.Find("#list-add").Input("berg");
        Providers.WaitForAssertion(() => Assert.NotEmpty(Providers.FindAll(".mud-popover-open .mud-list-item")));
        Providers.FindAll(".mud-popover-open .mud-list-item").Single(o => o.TextContent.Contains("Metalli Berg Oy")).Click();

        page.WaitForAssertion(() => Assert.Equal(2, Rows(page).Count));
        Assert.Contains(Rows(page), r => r.Contains("Metalli Berg Oy"));
        Assert.Contains("2 jäsentä", Text(page.Find("[data-testid=list-counts]")));
        Assert.True(await WithDbAsync(db => db.StaticListMembers.AnyAsync(m => m.SelectionId == listId && m.MemberId == wanted)));
    }

    [Fact]
    public async Task A_list_shared_by_someone_else_is_shown_without_the_editing_tools()
    {
        await SignInAsync(UserGroup.SalesAndMarketing, "Kaisa Kollega");
        var customer = await AddCustomerAsync("Aalto Oy");
        var listId = await Lists.CreateAsync("Kaisan lista", SelectionTarget.Customers, SelectionPurpose.General);
        await Lists.AddMembersAsync(listId, [customer]);
        await WithDbAsync(db => db.Selections.Where(s => s.Id == listId).ExecuteUpdateAsync(s => s.SetProperty(x => x.IsShared, true)));
        await SignInAsync(UserGroup.Communications, "Viestintä Väinö");

        var page = Open(listId);

        Assert.Single(Rows(page));
        Assert.Empty(page.FindAll("[data-testid=list-remove], #list-add, [data-testid=list-members] input[type=checkbox]"));
        Assert.NotEmpty(page.FindAll("[data-testid=list-export]"));
        Assert.Equal($"/campaigns/new?selection={listId}", page.Find("[data-testid=list-campaign]").GetAttribute("href"));
        Assert.Equal("Kaisan lista", Text(page.Find("[data-testid=list-name]")));
    }
}
