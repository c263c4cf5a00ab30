using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portaali.Core.CarePlans;
using Portaali.Core.Segments;
using static Microsoft.Playwright.Assertions;

namespace Portaali.Tests.Browser;

/// <summary>The plans seeded at start-up, an account manager's change to the A plan waiting, management turning it down.
/// Rejecting (not approving) leaves the A plan's rules as seeded for the other browser tests.</summary>
[Collection(BrowserCollection.Name)]
public class CarePlanJourneyTests(PortaaliServer server)
{
    [Fact]
    public async Task An_account_managers_A_plan_change_waits_and_management_rejects_it_with_a_note()
    {
        var note = $"Viikoittainen yhteydenpito pysyy {Guid.NewGuid().ToString("N")[..5]}";
        var logStart = server.ServerLog().Length;
        var page = await server.SignInAsync("Minna Lehtonen");

        await page.GetByTestId("nav-customership").GetByText("Asiakkuudet", new() { Exact = true }).First.ClickAsync(); // the menu group opens
        var menuLink = page.GetByRole(AriaRole.Link, new() { Name = "Hoitosuunnitelmat", Exact = true });
        await Expect(menuLink).ToBeVisibleAsync(); // the group has opened
        await menuLink.ClickAsync();
        // The desktop behind it is still loading its widgets in a busy suite: the circuit may answer the click slowly.
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/care-plans$"), new() { Timeout = 45_000 });
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Asiakkuuksien hoitosuunnitelmat", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("care-plan-row")).ToHaveCountAsync(10); // four segments and the demo's six customer groups
        await page.GetByTestId("care-plan-link").Filter(new() { HasText = "Segmentti A" }).ClickAsync();
        await Expect(page.GetByText("Yhteydenpito näihin asiakkuuksiin on säännöllistä, vähintään viikoittaista toimintaa.")).ToBeVisibleAsync();

        await page.GetByTestId("care-plan-edit").ClickAsync();
        await Expect(page.Locator(".mud-dialog[data-edit-dialog=ready]")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("care-plan-approval-note")).ToBeVisibleAsync();
        await page.Locator("#care-plan-gap").FillAsync("7,0");
        await page.GetByTestId("care-plan-save").ClickAsync();
        await Expect(page.GetByText("Kirjoita päivät kokonaislukuna, esim. 7.")).ToBeVisibleAsync();
        await page.Locator("#care-plan-gap").FillAsync("10");
        await page.Locator("#care-plan-change-note").FillAsync("Kymmenen päivän väli riittää");
        await page.GetByTestId("care-plan-save").ClickAsync();
        await Expect(page.GetByText("Muutos tallennettu: se odottaa johdon hyväksyntää.")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("care-plan-pending-change")).ToContainTextAsync("Yhteydenpito vähintään 10 päivän välein");
        await Expect(page.GetByTestId("care-plan-approve")).ToHaveCountAsync(0);

        var boss = await server.SignInAsync("Riitta Halonen", "en");
        await boss.GotoAsync(page.Url);
        await PortaaliServer.WaitForInteractiveAsync(boss);
        await Expect(boss.GetByText("Contact with these accounts is regular, at least weekly.")).ToBeVisibleAsync();
        await Expect(boss.GetByTestId("care-plan-comparison")).ToContainTextAsync("Contact at least every 7 days");
        await boss.GetByTestId("care-plan-reject").ClickAsync();
        await Expect(boss.GetByText("Write why the change is rejected.")).ToBeVisibleAsync();
        await boss.Locator("#care-plan-decision-note").FillAsync(note);
        await boss.GetByTestId("care-plan-reject").ClickAsync();
        await Expect(boss.GetByTestId("care-plan-pending-change")).ToHaveCountAsync(0);
        await Expect(boss.GetByTestId("care-plan-history")).ToContainTextAsync(note);

        await using var db = server.OpenDb();
        var plan = await db.CarePlans.SingleAsync(p => p.Segment == Segment.A);
        var active = await db.CarePlanVersions.SingleAsync(v => v.CarePlanId == plan.Id && v.State == CarePlanVersionState.Active);
        Assert.Equal(7, active.MaxContactGapDays);
        Assert.Equal(CarePlanVersionState.Rejected, (await db.CarePlanVersions.SingleAsync(v => v.DecisionNote == note)).State);
        Assert.DoesNotContain(server.ServerLog()[logStart..].Split('\n'), l => l.StartsWith("fail:") || l.StartsWith("crit:"));
    }
}
