using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portaali.Core.Segments;
using static Microsoft.Playwright.Assertions;

namespace Portaali.Tests.Browser;

/// <summary>
/// Issue 13's failover: a user works through nginx, which keeps her browser on one of two instances; an administrator
/// stops that instance; the page comes back on the other one, she is still signed in and carries on.
/// </summary>
[Collection(FailoverCollection.Name)]
public class FailoverTests(TwoInstancesBehindNginx cluster)
{
    private const string AccountManager = "Minna Lehtonen";

    [Fact]
    public async Task When_the_instance_holding_the_circuit_stops_the_page_carries_on_on_the_other_still_signed_in()
    {
        await using var db = cluster.OpenDb();
        var customer = await db.Customers.Where(c => !c.IsPassive && c.Segment == Segment.B)
            .OrderBy(c => c.Id).Skip(5).Select(c => new { c.Id, c.Name }).FirstAsync();
        var logged = cluster.Proxy.AccessLog().Count;

        var page = await cluster.SignInAsync(AccountManager);
        await page.GotoAsync($"/customers/{customer.Id}");
        await PortaaliServer.WaitForInteractiveAsync(page);
        await Expect(page.GetByTestId("customer-name")).ToHaveTextAsync(customer.Name);

        // The routing cookie kept every request on one instance: the sign-in, the pages, their files and the circuits.
        var beforeStop = cluster.Proxy.AccessLog().Skip(logged).ToList();
        Assert.Contains(beforeStop, r => r.Path.StartsWith("/_blazor/negotiate", StringComparison.Ordinal));
        Assert.Contains(beforeStop, r => r.Path.StartsWith("/account/local-signin", StringComparison.Ordinal));
        var holder = Assert.Single(beforeStop.Select(r => r.Upstream).Distinct());
        var stopped = cluster.Instances.Single(i => new Uri(i.BaseUrl).Authority == holder);
        var survivor = new Uri(cluster.Instances.Single(i => i != stopped).BaseUrl).Authority;
        Assert.Contains(await page.Context.CookiesAsync(), c => c.Name == "portaali_route");

        // Only a page that a circuit renders again (resumed, or reloaded) marks itself interactive from here on.
        await page.EvaluateAsync("() => document.body.removeAttribute('data-interactive')");
        logged = cluster.Proxy.AccessLog().Count;
        var exitCode = await stopped.StopAsync(); // gracefully, as an administrator restarting one server
        Assert.True(exitCode == 0, $"The instance stopped with {exitCode}:\n{stopped.Log()[^Math.Min(20_000, stopped.Log().Length)..]}");

        // The stopped instance's circuit is gone with it: the reconnect reaches the other instance, which rejects it, and the
        // page reloads there (a few seconds; Blazor retries for up to two minutes on a loaded machine).
        try { await page.WaitForSelectorAsync("body[data-interactive='true']", new() { Timeout = 120_000 }); }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"The page never came back. Through nginx since the stop:\n{string.Join("\n", cluster.Proxy.AccessLog().Skip(logged))}\n{cluster.Logs()}", e);
        }
        await Expect(page.Locator("#components-reconnect-modal")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync(AccountManager);
        Assert.Equal($"{cluster.Proxy.BaseUrl}/customers/{customer.Id}", page.Url);
        await Expect(page.GetByTestId("customer-name")).ToHaveTextAsync(customer.Name);
        var afterStop = cluster.Proxy.AccessLog().Skip(logged).ToList();
        Assert.Contains(afterStop, r => r.Path == $"/customers/{customer.Id}" && r.AnsweredBy == survivor && r.Status == 200);
        Assert.Equal(survivor, afterStop.Last(r => r.Path.StartsWith("/_blazor/negotiate", StringComparison.Ordinal)).AnsweredBy);

        // She carries on where she was: a new contact is saved on the other instance and shows on the customer.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Yhteyshenkilöt" }).ClickAsync();
        await page.GetByTestId("add-contact").ClickAsync();
        await page.Locator("#contact-firstname").FillAsync("Vikasieto");
        await page.Locator("#contact-lastname").FillAsync("Toinenpalvelin");
        await page.Locator("#contact-email").FillAsync("vikasieto@example.fi");
        await page.GetByTestId("save-contact").ClickAsync();
        await Expect(page.GetByTestId("contact-dialog")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("contacts-table")).ToContainTextAsync("Vikasieto Toinenpalvelin");
        Assert.True(await db.Contacts.AnyAsync(c => c.CustomerId == customer.Id && c.Email == "vikasieto@example.fi"));
        Assert.All(cluster.Proxy.AccessLog().Skip(logged), r => Assert.True(r.Status < 500, $"{r} (the user saw an error)"));
    }
}
