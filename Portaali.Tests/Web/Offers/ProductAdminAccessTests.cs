using System.Net;
using Portaali.Core.Users;

namespace Portaali.Tests.Web.Offers;

/// <summary>Who opens the product register. The tests share one app; each adds the user it signs in as.</summary>
public class ProductAdminAccessTests(PortaaliWebFactory factory) : IClassFixture<PortaaliWebFactory>
{
    [Theory]
    [InlineData(UserGroup.AccountManager)]
    [InlineData(UserGroup.Management)]
    public async Task Sellers_and_management_are_refused_the_product_register(UserGroup group)
    {
        var user = await factory.AddUserAsync("Minna Lehtonen", group);
        var response = await factory.ClientFor(user).GetAsync("/admin/products");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/forbidden", response.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [InlineData(UserGroup.ProductManager)]
    [InlineData(UserGroup.Administrator)]
    public async Task The_product_manager_and_administrators_open_the_product_register(UserGroup group)
    {
        var user = await factory.AddUserAsync("Kalle Ojala", group);
        var html = await AccessTests.GetHtmlAsync(factory.ClientFor(user), "/admin/products");
        Assert.Contains("<h1", html);
        Assert.Contains("Tuoterekisteri", html);
        Assert.DoesNotContain("data-testid=\"forbidden\"", html);
    }
}
