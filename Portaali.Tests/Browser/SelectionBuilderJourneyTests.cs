using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using System.Globalization;
using static Microsoft.Playwright.Assertions;

namespace Portaali.Tests.Browser;

/// <summary>The marketing user builds "work-placement sites in Espoo, size class at least 5, decision-makers with an
/// e-mail" over contacts on the demo data, watching the count follow each criterion, saves it, finds it in the menu,
/// downloads it as an .xlsx and starts a campaign from it.</summary>
[Collection(BrowserCollection.Name)]
public class SelectionBuilderJourneyTests(PortaaliServer server)
{
    [Fact]
    public async Task Marketing_builds_a_contact_selection_sees_the_count_follow_saves_it_finds_it_in_the_menu_exports_it_and_starts_a_campaign()
    {
        var expected = await ExpectedCountsAsync();
        var name = "Espoon työssäoppimispaikkojen päättäjät " + Guid.NewGuid().ToString("N")[..6];
        var page = await server.SignInAsync("Henna Sundström");
        await page.GotoAsync("/selections/new");
        await PortaaliServer.WaitForInteractiveAsync(page);
        var count = page.GetByTestId("selection-count");
        await Expect(count).ToHaveTextAsync(Count(expected.All));

        await AddCriterionAsync(page, "customerGroup");
        await page.GetByTestId("customer-groups").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Työssäoppimispaikat" }).ClickAsync();
        await CloseListAsync(page);
        await Expect(count).ToHaveTextAsync(Count(expected.WorkPlacement));

        await AddCriterionAsync(page, "municipality");
        await page.Locator("input[data-testid=municipality-search], [data-testid=municipality-search] input").FillAsync("Espo");
        await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(1);
        await page.Locator(".mud-popover-open .mud-list-item").ClickAsync();
        await Expect(page.GetByTestId("municipality-chip")).ToHaveTextAsync("Espoo");
        await Expect(count).ToHaveTextAsync(Count(expected.InEspoo));

        await AddCriterionAsync(page, "sizeClass");
        await page.Locator("input[data-testid=size-min], [data-testid=size-min] input").FillAsync("5");
        await Expect(count).ToHaveTextAsync(Count(expected.Large));

        await AddCriterionAsync(page, "contactRole");
        await page.GetByTestId("contact-roles").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Päättäjä" }).ClickAsync();
        await CloseListAsync(page);
        await Expect(count).ToHaveTextAsync(Count(expected.DecisionMakers));

        await AddCriterionAsync(page, "contactEmail");
        await Expect(count).ToHaveTextAsync(Count(expected.WithEmail));

        await page.GetByTestId("selection-save").ClickAsync();
        await page.Locator("#prompt-text").FillAsync(name);
        await page.GetByTestId("prompt-confirm").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/selections/\d+$"));
        await Expect(page.GetByTestId("selection-title")).ToHaveTextAsync(name);
        await Expect(count).ToHaveTextAsync(Count(expected.WithEmail));

        var favourite = page.GetByTestId("nav-favourites").GetByTestId("nav-favourite-selection").Filter(new() { HasText = name });
        await Expect(favourite).ToBeVisibleAsync();
        await page.GotoAsync("/customers");
        await PortaaliServer.WaitForInteractiveAsync(page);
        await page.GetByTestId("nav-favourites").GetByTestId("nav-favourite-selection").Filter(new() { HasText = name }).ClickAsync();
        await Expect(page.GetByTestId("selection-title")).ToHaveTextAsync(name);
        await Expect(page.GetByTestId("criterion-ContactEmailCriterion")).ToBeVisibleAsync();
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();

        // The Excel file: the export runs in the background, then downloads with one row per contact and the e-mail column.
        await page.GetByTestId("selection-export").ClickAsync();
        await page.GetByTestId("export-start").ClickAsync();
        var downloadButton = page.GetByTestId("export-download");
        await Expect(downloadButton).ToBeVisibleAsync(new() { Timeout = 60_000 });
        var download = await page.RunAndWaitForDownloadAsync(() => downloadButton.ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename);
        var path = Path.Combine(Path.GetTempPath(), $"portaali-e2e-{Guid.NewGuid():N}.xlsx");
        try
        {
            await download.SaveAsAsync(path);
            using var book = new ClosedXML.Excel.XLWorkbook(path);
            var sheet = book.Worksheet(1);
            var header = sheet.Row(1).CellsUsed().Select(c => c.GetString()).ToList();
            var email = header.FindIndex(h => h == "Yhteyshenkilön sähköposti") + 1;
            Assert.True(email > 0, $"no e-mail column in {string.Join(", ", header)}");
            var rows = sheet.RangeUsed()!.RowsUsed().Skip(1).ToList();
            Assert.Equal(expected.WithEmail, rows.Count);
            Assert.All(rows, r => Assert.Contains("@", r.Cell(email).GetString()));
        }
        finally { File.Delete(path); }
        await page.GetByTestId("export-close").ClickAsync();

        // A campaign from the saved selection takes its contacts as members.
        await page.GetByTestId("selection-campaign").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/campaigns/new\?selection=\d+$"));
        await Expect(page.GetByTestId("campaign-selection-name")).ToHaveTextAsync(name);
        var campaignName = "Työpaikkaohjaajien aamukahvit " + name[^6..];
        await page.Locator("#campaign-name").FillAsync(campaignName);
        await page.GetByTestId("campaign-create").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/campaigns/\d+$"));
        await Expect(page.GetByTestId("campaign-title")).ToHaveTextAsync(campaignName);
        await using var db = server.OpenDb();
        Assert.Equal(expected.WithEmail, await db.CampaignMembers.CountAsync(m => db.Campaigns.Any(c => c.Id == m.CampaignId && c.Name == campaignName)));
    }

    private static async Task AddCriterionAsync(IPage page, string kind)
    {
        await page.GetByTestId("add-criterion").ClickAsync();
        await page.GetByTestId($"add-{kind}").ClickAsync();
    }

    /// <summary>Closes a multi-select's open list (Escape, or a click beside it) before the next step.</summary>
    private static async Task CloseListAsync(IPage page)
    {
        await page.Keyboard.PressAsync("Escape");
        var open = page.Locator(".mud-popover-open .mud-list-item");
        if (await open.CountAsync() > 0) await page.GetByTestId("selection-title").ClickAsync(new() { Force = true });
        await Expect(open).ToHaveCountAsync(0);
    }

    private static string Count(int n) => n.ToString("N0", new CultureInfo("fi-FI")) + " yhteyshenkilöä";

    private sealed record Expected(int All, int WorkPlacement, int InEspoo, int Large, int DecisionMakers, int WithEmail);

    /// <summary>The counts each step should show, read straight from the demo database.</summary>
    private async Task<Expected> ExpectedCountsAsync()
    {
        await using var db = server.OpenDb();
        var nodes = await db.ClassificationNodes.AsNoTracking().ToListAsync();
        List<int> Subtree(int id) => [id, .. nodes.Where(n => n.ParentId == id).SelectMany(n => Subtree(n.Id))];
        var workPlacement = Subtree(nodes.Single(n => n.SystemKey == "group.work-placement").Id);
        var decisionMaker = Subtree(nodes.Single(n => n.SystemKey == "contact-role.decision-maker").Id);

        var contacts = db.Contacts.Where(p => !p.HasLeft && !p.Customer!.IsPassive);
        var all = await contacts.CountAsync();
        var inGroup = contacts.Where(p => p.Customer!.Classifications.Any(k => workPlacement.Contains(k.NodeId)));
        var inEspoo = inGroup.Where(p => p.Customer!.MunicipalityCode == "049");
        var large = inEspoo.Where(p => p.Customer!.SizeClass >= 5 && p.Customer.SizeClass <= 9);
        var deciding = large.Where(p => p.Classifications.Any(k => decisionMaker.Contains(k.NodeId)));
        var withEmail = deciding.Where(p => p.Email != null && p.Email != "");
        return new Expected(all, await inGroup.CountAsync(), await inEspoo.CountAsync(), await large.CountAsync(),
            await deciding.CountAsync(), await withEmail.CountAsync());
    }
}
