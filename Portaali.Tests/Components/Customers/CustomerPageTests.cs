using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Portaali.Core.Users;
using Portaali.Web.Components.Pages.Customers;

namespace Portaali.Tests.Components.Customers;

public class CustomerPageTests : ComponentHarness
{
    private async Task<IRenderedComponent<CustomerPage>> OpenCustomerAsync(UserGroup group, bool passive = false)
    {
        await SignInAsync(group);
        var id = await AddCustomerAsync("Rakennus Virtanen Oy", "0737546-2", passive: passive);
        var page = RenderWithProviders<CustomerPage>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => Assert.Equal("Rakennus Virtanen Oy", page.Find("[data-testid=customer-name]").TextContent.Trim()));
        return page;
    }

    private static async Task<IElement> OpenTabAsync(IRenderedComponent<CustomerPage> page, string title)
    {
        await page.FindAll("[role=tab]").Single(t => t.TextContent.Trim().StartsWith(title, StringComparison.Ordinal)).ClickAsync(new MouseEventArgs());
        return page.WaitForElement("[role=tabpanel].mud-tab-panel-active");
    }

    [Fact]
    public async Task The_tabs_are_a_tablist_the_arrow_keys_move_through_and_only_the_open_panel_is_rendered()
    {
        var page = await OpenCustomerAsync(UserGroup.AccountManager);
        string Selected() => page.FindAll("[role=tab]").Single(t => t.GetAttribute("aria-selected") == "true").TextContent.Trim();
        Assert.Equal("Yhteystiedot", Selected());
        Assert.Equal(8, page.FindAll("[role=tab]").Count);

        await page.Find("[role=tablist]").KeyDownAsync(new KeyboardEventArgs { Key = "ArrowRight" });
        page.WaitForAssertion(() => Assert.StartsWith("Yhteyshenkilöt", Selected()));
        Assert.Single(page.FindAll("[role=tabpanel]"));
        Assert.NotEmpty(page.FindAll("[role=tabpanel] [data-testid=add-contact]"));

        await page.Find("[role=tablist]").KeyDownAsync(new KeyboardEventArgs { Key = "End" });
        page.WaitForAssertion(() => Assert.Equal("Muutoshistoria", Selected()));
        await page.Find("[role=tablist]").KeyDownAsync(new KeyboardEventArgs { Key = "ArrowRight" });
        page.WaitForAssertion(() => Assert.Equal("Yhteystiedot", Selected())); // round to the first
        Assert.Equal("0", page.FindAll("[role=tab]")[0].GetAttribute("tabindex"));
        Assert.All(page.FindAll("[role=tab]").Skip(1), t => Assert.Equal("-1", t.GetAttribute("tabindex")));
    }

    [Fact]
    public async Task Passivate_button_uses_the_theme_text_colour_so_it_stays_readable_in_dark_mode()
    {
        var page = await OpenCustomerAsync(UserGroup.AccountManager);

        var button = page.Find("[data-testid=passivate]");
        Assert.DoesNotContain("mud-button-outlined-dark", button.ClassName); // dark grey on the dark theme looked disabled
        Assert.Equal(page.Find("[data-testid=edit-customer]").ClassName!.Replace("mud-button-outlined-size-medium", ""),
            button.ClassName!.Replace("mud-button-outlined-size-medium", ""));
    }

    [Fact]
    public async Task Change_history_shows_times_in_helsinki_whatever_the_servers_time_zone()
    {
        var page = await OpenCustomerAsync(UserGroup.AccountManager);
        var customerId = page.Instance.Id;
        await WithDbAsync(async db =>
        {
            db.AuditEntries.Add(new Portaali.Core.Auditing.AuditEntry
            {
                At = new DateTime(2026, 3, 10, 9, 30, 0, DateTimeKind.Utc), UserName = "Maija Myyjä", CustomerId = customerId,
                EntityType = "Customer", EntityId = customerId, Action = "Updated",
            });
            await db.SaveChangesAsync();
        });

        var panel = await OpenTabAsync(page, "Muutoshistoria");

        page.WaitForAssertion(() => Assert.Contains("10.3.2026 11.30", panel.TextContent)); // UTC+2 in winter, on any server
    }

    [Fact]
    public async Task The_projects_tab_says_so_when_neither_the_customer_nor_its_contacts_are_in_a_project()
    {
        var page = await OpenCustomerAsync(UserGroup.AccountManager);

        var panel = await OpenTabAsync(page, "Projektit");

        page.WaitForAssertion(() =>
        {
            panel = page.Find("[role=tabpanel].mud-tab-panel-active");
            var notice = Assert.Single(panel.QuerySelectorAll("[data-testid=customer-projects-empty]"));
            Assert.Equal("Asiakas tai sen yhteyshenkilöt eivät ole minkään projektin verkostossa.", notice.TextContent.Trim());
            Assert.Empty(panel.QuerySelectorAll("[data-testid=coming-soon]"));
        });
    }

    [Fact]
    public async Task Passive_customer_shows_the_passive_chip_and_cannot_get_new_contacts()
    {
        var page = await OpenCustomerAsync(UserGroup.AccountManager, passive: true);

        Assert.Equal("Passiivinen", page.Find("[data-testid=passive-chip]").TextContent.Trim());
        await OpenTabAsync(page, "Yhteyshenkilöt");
        page.WaitForAssertion(() => Assert.True(page.Find("[data-testid=add-contact]").HasAttribute("disabled")));
    }

    [Fact]
    public async Task Active_customer_has_no_passive_chip_and_accepts_new_contacts()
    {
        var page = await OpenCustomerAsync(UserGroup.AccountManager);

        Assert.Empty(page.FindAll("[data-testid=passive-chip]"));
        await OpenTabAsync(page, "Yhteyshenkilöt");
        page.WaitForAssertion(() => Assert.False(page.Find("[data-testid=add-contact]").HasAttribute("disabled")));
    }

    [Theory]
    [InlineData(UserGroup.Administrator)]
    [InlineData(UserGroup.DeputyAdministrator)]
    public async Task Administrators_are_offered_to_merge_a_duplicate(UserGroup group)
    {
        var page = await OpenCustomerAsync(group);

        Assert.Equal("Yhdistä kaksoiskappale", page.Find("[data-testid=merge]").TextContent.Trim());
    }

    [Theory]
    [InlineData(UserGroup.AccountManager)]
    [InlineData(UserGroup.Management)]
    [InlineData(UserGroup.CustomerRelationshipManager)]
    public async Task Other_groups_are_not_offered_to_merge(UserGroup group)
    {
        var page = await OpenCustomerAsync(group);

        Assert.Empty(page.FindAll("[data-testid=merge]"));
        Assert.DoesNotContain("Yhdistä kaksoiskappale", page.Markup);
    }
}
