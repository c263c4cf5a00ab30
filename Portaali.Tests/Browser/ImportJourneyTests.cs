using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portaali.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class ImportJourneyTests(PortaaliServer server)
{
    private static readonly string TopSample = Path.Combine(PortaaliServer.RepositoryRoot(), "samples", "top-tyossaoppimispaikat.csv");

    [Fact]
    public async Task Administrator_dry_runs_the_TOP_sample_runs_it_and_finds_the_new_site_in_the_search()
    {
        var page = await server.SignInAsync("Sari Lindqvist");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tuonnit", Exact = true }).ClickAsync();
        await Expect(page.Locator("#imports-heading")).ToBeVisibleAsync();
        // The demo customers say "updated from YTJ": the overview shows that run, in words.
        var prh = page.GetByTestId("import-overview-row").Filter(new() { HasText = "YTJ-rajapinta" });
        await Expect(prh.GetByTestId("run-status")).ToHaveTextAsync("Onnistui");
        await Expect(prh.GetByTestId("import-overview-counts")).ToHaveTextAsync("3 päivitettyä");
        await page.GetByTestId("import-source").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Työssäoppimisjärjestelmä (TOP)" }).ClickAsync();
        await Expect(page.GetByTestId("dry-run-upload")).ToBeVisibleAsync();

        await page.Locator("input[type=file]").SetInputFilesAsync(TopSample);

        var progress = page.GetByTestId("run-progress");
        await Expect(progress).ToContainTextAsync("Koeajo");
        await Expect(progress.GetByTestId("run-status")).ToHaveTextAsync("Valmis, virheitä");
        await Expect(progress.GetByTestId("run-summary")).ToHaveTextAsync("5 riviä luettu: 1 uusi, 2 päivitettyä, 2 hylättyä");
        var errors = page.GetByTestId("run-errors");
        await Expect(errors.Locator("tbody tr").Filter(new() { HasText = "tarkistusmerkki" }).Locator("td").First).ToHaveTextAsync("5");
        await Expect(errors.Locator("tbody tr").Filter(new() { HasText = "Rivillä on 2 kenttää" }).Locator("td").First).ToHaveTextAsync("6");
        var created = page.GetByTestId("run-changes").Locator("tr").Filter(new() { HasText = "Päiväkoti Tähtisilmä" });
        await Expect(created).ToContainTextAsync("uusi asiakas");
        await Expect(page.GetByTestId("run-changes").Locator("tr").Filter(new() { HasText = "Vastuuhenkilö" }).First).ToContainTextAsync("Arto Miettinen");

        await page.GetByTestId("apply-dry-run").ClickAsync();

        await Expect(progress).ToContainTextAsync(new Regex("· Ajo"));
        await Expect(progress.GetByTestId("run-status")).ToHaveTextAsync("Valmis, virheitä");
        await Expect(progress).ToContainTextAsync("5 / 5 riviä käsitelty");
        await Expect(progress.GetByTestId("run-progress-bar")).ToHaveAttributeAsync("aria-valuenow", "100");
        await Expect(progress.GetByTestId("run-summary")).ToHaveTextAsync("5 riviä luettu: 1 uusi, 2 päivitettyä, 2 hylättyä");

        await page.GetByRole(AriaRole.Link, new() { Name = "Asiakkaat" }).First.ClickAsync();
        await page.Locator("#customer-search").FillAsync("Tähtisilmä");
        var link = page.GetByTestId("customer-link");
        await Expect(link).ToHaveCountAsync(1);
        await Expect(link).ToHaveTextAsync("Päiväkoti Tähtisilmä");
        await link.ClickAsync();
        await Expect(page.GetByTestId("customer-suggestion")).ToContainTextAsync("suositellaan B-asiakkuutta");
        await Expect(page.GetByTestId("responsibles")).ToContainTextAsync("Arto Miettinen");
    }
}
