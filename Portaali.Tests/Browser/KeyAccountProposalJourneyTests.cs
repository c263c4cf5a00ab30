using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portaali.Core.Segments;
using static Microsoft.Playwright.Assertions;

namespace Portaali.Tests.Browser;

/// <summary>An account manager proposes A, management makes room by moving a key account to B and approves it in the
/// key-account tracker, where it then has its row and scorecard; a second approval is refused with the five named; the
/// proposer reads the outcome on /suggestions.</summary>
[Collection(BrowserCollection.Name)]
public class KeyAccountProposalJourneyTests(PortaaliServer server)
{
    private static async Task OpenSegmentTabAsync(IPage page, int customerId)
    {
        await page.GotoAsync($"/customers/{customerId}");
        await PortaaliServer.WaitForInteractiveAsync(page);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Segmentti" }).ClickAsync();
    }

    private static async Task ProposeAsync(IPage page, int customerId, string justification)
    {
        await OpenSegmentTabAsync(page, customerId);
        await page.GetByTestId("propose-a").ClickAsync();
        await page.Locator("#proposal-justification").FillAsync(justification);
        await page.GetByTestId("propose-save").ClickAsync();
        await Expect(page.GetByTestId("pending-justification")).ToHaveTextAsync(justification);
        await Expect(page.GetByTestId("propose-a")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Account_manager_proposes_a_management_makes_room_and_approves_a_sixth_is_refused_and_the_proposer_sees_the_outcome()
    {
        int first, second, leaving;
        string firstName;
        string[] keyAccountNames;
        await using (var db = server.OpenDb())
        {
            var minna = await db.Users.SingleAsync(u => u.DisplayName == "Minna Lehtonen");
            // Minna's B customers from the end of the list, away from the ones other journeys pick from the start.
            var mine = await db.Customers.Where(c => !c.IsPassive && c.Segment == Segment.B && c.Responsibles.Any(r => r.UserId == minna.Id)
                    && !db.KeyAccountProposals.Any(p => p.CustomerId == c.Id))
                .OrderByDescending(c => c.Id).Select(c => c.Id).Take(2).ToListAsync();
            (first, second) = (mine[0], mine[1]);
            firstName = await db.Customers.Where(c => c.Id == first).Select(c => c.Name).SingleAsync();
            var keyAccounts = await db.Customers.Where(c => !c.IsPassive && c.Segment == Segment.A).OrderBy(c => c.Id).ToListAsync();
            Assert.Equal(5, keyAccounts.Count);
            leaving = keyAccounts[0].Id;
            keyAccountNames = [.. keyAccounts.Skip(1).Select(c => c.Name)];
        }
        try
        {
            var minnaPage = await server.SignInAsync("Minna Lehtonen");
            await ProposeAsync(minnaPage, first, "Kolme koulutustilausta vuodessa ja puitesopimus neuvottelussa");
            await ProposeAsync(minnaPage, second, "Uusi kumppanuus: oppisopimuskoulutus koko henkilöstölle");

            var riitta = await server.SignInAsync("Riitta Halonen");
            // Leaving A is management's: one of the five moves to B first.
            await OpenSegmentTabAsync(riitta, leaving);
            await riitta.GetByTestId("change-segment").ClickAsync();
            var segmentDialog = riitta.GetByRole(AriaRole.Dialog);
            await segmentDialog.GetByRole(AriaRole.Radio, new() { Name = "B – kasvava" }).CheckAsync();
            await segmentDialog.Locator("textarea").First.FillAsync("Yhteistyö supistunut");
            await segmentDialog.GetByRole(AriaRole.Button, new() { Name = "Tallenna" }).ClickAsync();
            await Expect(riitta.GetByTestId("segment-history").Locator("tbody tr").First).ToContainTextAsync("Yhteistyö supistunut");

            await OpenSegmentTabAsync(riitta, first);
            var panel = riitta.GetByTestId("pending-proposal-panel");
            await Expect(panel).ToContainTextAsync("Minna Lehtonen");
            await Expect(panel).ToContainTextAsync("Kolme koulutustilausta vuodessa");

            // Management decides in the key-account tracker, where the pending proposals sit beside the key accounts.
            await riitta.GotoAsync("/key-accounts");
            await PortaaliServer.WaitForInteractiveAsync(riitta);
            await Expect(riitta.GetByTestId("tracker-row")).ToHaveCountAsync(4);
            await Expect(riitta.GetByTestId("pending-proposal")).ToHaveCountAsync(2);
            await riitta.GetByTestId("pending-proposal").Filter(new() { HasText = "Kolme koulutustilausta" }).GetByTestId("pending-approve").ClickAsync();
            await riitta.Locator("#decision-note").FillAsync("Hyvä perustelu, seurataan tuloskortilla");
            await riitta.GetByTestId("decision-save").ClickAsync();
            await Expect(riitta.GetByTestId("pending-proposal")).ToHaveCountAsync(1);
            var newKeyAccount = riitta.Locator($"[data-testid=tracker-row][data-customer-id='{first}']");
            await Expect(riitta.GetByTestId("tracker-row")).ToHaveCountAsync(5);
            await Expect(newKeyAccount).ToContainTextAsync(firstName);
            await Expect(newKeyAccount).ToContainTextAsync("Minna Lehtonen");

            // A now holds five again: the second approval is refused in the dialog, naming them.
            await riitta.GetByTestId("pending-proposal").Filter(new() { HasText = "Uusi kumppanuus" }).GetByTestId("pending-approve").ClickAsync();
            await riitta.GetByTestId("decision-save").ClickAsync();
            var refusal = riitta.GetByTestId("decision-error");
            await Expect(refusal).ToContainTextAsync("enintään 5 aktiivista asiakasta");
            foreach (var name in keyAccountNames.Append(firstName)) await Expect(refusal).ToContainTextAsync(name);
            await riitta.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Peruuta" }).ClickAsync();
            await Expect(riitta.GetByTestId("pending-proposal")).ToHaveCountAsync(1);
            await Expect(riitta.GetByTestId("tracker-row")).ToHaveCountAsync(5);

            // The new key account's scorecard opens from its row.
            await riitta.Locator("tr", new() { Has = newKeyAccount }).GetByTestId("tracker-scorecard").ClickAsync();
            await Expect(riitta.GetByTestId("scorecard")).ToBeVisibleAsync();
            await Expect(riitta.Locator("h1")).ToContainTextAsync(firstName);
            await Expect(riitta.GetByTestId("scorecard-measure")).ToHaveCountAsync(5);

            // The segment history says who approved and why; the second proposal still waits on its customer's tab.
            await OpenSegmentTabAsync(riitta, first);
            await Expect(riitta.GetByTestId("pending-proposal-panel")).ToHaveCountAsync(0);
            await Expect(riitta.GetByTestId("segment-history").Locator("tbody tr").First)
                .ToContainTextAsync("A-ehdotus hyväksytty: Kolme koulutustilausta vuodessa ja puitesopimus neuvottelussa – Johto: Hyvä perustelu");
            await Expect(riitta.GetByTestId("segment-history").Locator("tbody tr").First).ToContainTextAsync("Riitta Halonen");
            await OpenSegmentTabAsync(riitta, second);
            await Expect(riitta.GetByTestId("pending-proposal-panel")).ToBeVisibleAsync();

            await minnaPage.GotoAsync("/suggestions");
            await PortaaliServer.WaitForInteractiveAsync(minnaPage);
            var approved = minnaPage.GetByTestId("my-proposal").Filter(new() { HasText = "Kolme koulutustilausta" });
            await Expect(approved.GetByTestId("proposal-outcome")).ToHaveTextAsync("Hyväksytty");
            await Expect(approved.GetByTestId("proposal-note")).ToHaveTextAsync("Hyvä perustelu, seurataan tuloskortilla");
            await Expect(approved).ToHaveAttributeAsync("data-new", "true");
            await Expect(minnaPage.GetByTestId("my-proposal").Filter(new() { HasText = "Uusi kumppanuus" }).GetByTestId("proposal-outcome"))
                .ToHaveTextAsync("Odottaa");
            await minnaPage.ReloadAsync();
            await PortaaliServer.WaitForInteractiveAsync(minnaPage);
            await Expect(approved).ToHaveAttributeAsync("data-new", "false");
            await Expect(minnaPage.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        }
        finally
        {
            // The shared demo database keeps its five A accounts for the journeys after this one.
            await using var db = server.OpenDb();
            await db.Customers.Where(c => c.Id == leaving).ExecuteUpdateAsync(s => s.SetProperty(c => c.Segment, Segment.A));
            await db.Customers.Where(c => c.Id == first || c.Id == second).ExecuteUpdateAsync(s => s.SetProperty(c => c.Segment, Segment.B));
            await db.KeyAccountProposals.Where(p => p.CustomerId == first || p.CustomerId == second).ExecuteDeleteAsync();
        }
    }
}
