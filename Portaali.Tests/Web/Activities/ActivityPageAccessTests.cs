using System.Net;
using Portaali.Core.Users;
using Portaali.Tests.Web;

namespace Portaali.Tests.Web.Activities;

/// <remarks>One app host for the class: the tests add the users they sign in as and only read.</remarks>
public class ActivityPageAccessTests(PortaaliWebFactory factory) : IClassFixture<PortaaliWebFactory>
{
    [Fact]
    public async Task Account_manager_is_refused_the_activity_type_admin()
    {
        var user = await factory.AddUserAsync("Minna Lehtonen", UserGroup.AccountManager);
        var response = await factory.ClientFor(user).GetAsync("/admin/activities");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/forbidden", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Administrator_sees_the_seeded_types_with_the_visit_template()
    {
        var user = await factory.AddUserAsync("Sari Lindqvist", UserGroup.Administrator);
        var html = await AccessTests.GetHtmlAsync(factory.ClientFor(user), "/admin/activities");
        Assert.Contains("Asiakaspalaute", html);
        Assert.Contains("Sovitut asiat", html);
    }

    [Fact]
    public async Task Anonymous_visitor_cannot_open_my_open_activities()
    {
        var response = await factory.ClientFor(null).GetAsync("/activities/open");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin", response.Headers.Location!.PathAndQuery);
    }
}
