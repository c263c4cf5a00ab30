using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Portaali.Core.Users;
using Portaali.Web.Components.Layout;
using Portaali.Web.Components.Shared;

namespace Portaali.Tests.Components.Layout;

public class NavMenuTests : ComponentHarness
{
    private static IReadOnlyList<(string Text, string? Href)> Links(AngleSharp.Dom.IElement group) =>
        group.QuerySelectorAll("a.mud-nav-link").Select(a => (a.TextContent.Trim(), a.GetAttribute("href"))).ToList();

    private IReadOnlyList<(string Text, string? Href)> FavouriteLinks(IRenderedComponent<NavMenu> menu) =>
        Links(menu.Find("[data-testid=nav-favourites]"));

    [Theory]
    [InlineData(UserGroup.Administrator)]
    [InlineData(UserGroup.DeputyAdministrator)]
    public async Task Administrators_see_the_admin_group_with_classifications_and_users(UserGroup group)
    {
        await SignInAsync(group);

        var menu = RenderWithProviders<NavMenu>();

        var admin = menu.Find("nav.mud-nav-group[aria-label='Ylläpito']");
        Assert.Equal([("Luokitukset", "/admin/classifications"), ("Käyttäjät", "/admin/users"), ("Työpöydät", "/admin/desktops"), ("Käyttöraportti", "/admin/usage"), ("Toimenpidetyypit", "/admin/activities"), ("Tuoterekisteri", "/admin/products"), ("Tuonnit", "/admin/imports"), ("Tarjouspohja", "/admin/offer-template"), ("Ajastetut työt", "/jobs")], Links(admin));
    }

    [Fact]
    public async Task The_desktop_is_the_first_link_and_home_and_the_customer_search_has_its_own_address()
    {
        await SignInAsync(UserGroup.AccountManager);

        var menu = RenderWithProviders<NavMenu>();

        var links = Links(menu.Find("nav.mud-navmenu"));
        Assert.Equal(("Työpöytä", "/"), links[0]);
        Assert.Equal(("Asiakkaat", "/customers"), links[1]);
    }

    [Fact]
    public async Task The_product_manager_sees_only_the_product_register_under_administration()
    {
        await SignInAsync(UserGroup.ProductManager);

        var menu = RenderWithProviders<NavMenu>();

        var admin = Assert.Single(menu.FindAll("nav.mud-nav-group[aria-label='Ylläpito']"));
        Assert.Equal([("Tuoterekisteri", "/admin/products")], Links(admin));
    }

    [Theory]
    [InlineData(UserGroup.AccountManager)]
    [InlineData(UserGroup.Management)]
    public async Task Other_groups_do_not_see_the_admin_group(UserGroup group)
    {
        await SignInAsync(group);

        var menu = RenderWithProviders<NavMenu>();

        Assert.Contains("Asiakkaat", menu.Markup);
        Assert.DoesNotContain("Ylläpito", menu.Markup);
        Assert.Empty(menu.FindAll("a[href^='/admin']"));
    }

    [Fact]
    public async Task Favourites_of_the_signed_in_user_are_listed_and_nobody_elses()
    {
        var me = await SignInAsync(UserGroup.AccountManager);
        var colleague = await AddUserAsync(UserGroup.AccountManager, "Kalle Kollega");
        var virtanen = await AddCustomerAsync("Rakennus Virtanen Oy");
        var aalto = await AddCustomerAsync("Kahvila Aalto Oy");
        var makinen = await AddCustomerAsync("Metalli Mäkinen Oy");
        await WithDbAsync(db =>
        {
            db.Favourites.AddRange(
                new Favourite { UserId = me.Id, CustomerId = virtanen, AddedAt = DateTime.UtcNow },
                new Favourite { UserId = me.Id, CustomerId = aalto, AddedAt = DateTime.UtcNow },
                new Favourite { UserId = colleague.Id, CustomerId = makinen, AddedAt = DateTime.UtcNow });
            return db.SaveChangesAsync();
        });

        var menu = RenderWithProviders<NavMenu>();

        menu.WaitForAssertion(() => Assert.Equal(
            [("Kahvila Aalto Oy", $"/customers/{aalto}"), ("Rakennus Virtanen Oy", $"/customers/{virtanen}")],
            FavouriteLinks(menu)));
        Assert.DoesNotContain("Metalli Mäkinen Oy", menu.Markup);
        Assert.DoesNotContain("Merkitse asiakas tähdellä", menu.Markup);
    }

    [Fact]
    public async Task Starring_a_customer_elsewhere_adds_it_to_the_menu()
    {
        await SignInAsync(UserGroup.AccountManager);
        var virtanen = await AddCustomerAsync("Rakennus Virtanen Oy");
        var menu = RenderWithProviders<NavMenu>();
        Assert.Contains("Merkitse asiakas tähdellä, niin se näkyy tässä.", menu.Markup);
        Assert.Empty(FavouriteLinks(menu));

        // The customer page stars through the same scoped FavouritesState the menu listens to.
        await menu.InvokeAsync(() => Services.GetRequiredService<FavouritesState>().ToggleAsync(virtanen));

        menu.WaitForAssertion(() => Assert.Equal([("Rakennus Virtanen Oy", $"/customers/{virtanen}")], FavouriteLinks(menu)));
    }
}
