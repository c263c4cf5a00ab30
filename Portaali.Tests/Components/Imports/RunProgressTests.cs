using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Portaali.Core.Auditing;
using Portaali.Core.Imports;
using Portaali.Core.Users;
using Portaali.Tests.Imports;
using Portaali.Web.Components.Pages.Admin.Imports;

namespace Portaali.Tests.Components.Imports;

/// <summary>The progress and dry-run result an administrator watches on the Tuonnit page.</summary>
public class RunProgressTests : ComponentHarness
{
    public RunProgressTests() => Services.AddSingleton<IImportQueue, RecordingImportQueue>();

    private static string Text(IElement element) => Regex.Replace(element.TextContent, @"\s+", " ").Trim();

    private async Task<ImportRunRow> AddRunAsync(ImportStatus status, int done, int? total, ImportMode mode = ImportMode.DryRun)
    {
        var run = new ImportRun
        {
            Source = ImportSource.WorkPlacementCsv, Mode = mode, Trigger = ImportTrigger.Manual, Status = status, StartedByName = "Sari Lindqvist",
            FileName = "top.csv", QueuedAt = DateTime.UtcNow, StartedAt = DateTime.UtcNow, Total = total, Done = done,
            Created = status == ImportStatus.Running ? 0 : 1, Updated = status == ImportStatus.Running ? 0 : 1,
            Failed = status == ImportStatus.Running ? 0 : 1, FinishedAt = status == ImportStatus.Running ? null : DateTime.UtcNow,
        };
        await WithDbAsync(db => { db.ImportRuns.Add(run); return db.SaveChangesAsync(); });
        if (status != ImportStatus.Running)
            await WithDbAsync(db =>
            {
                db.ImportRowErrors.Add(new ImportRowError { RunId = run.Id, Line = 5, Key = "TOP-504", Message = "1234567-2: Y-tunnuksen tarkistusmerkki ei täsmää – tarkista numerot." });
                db.ImportChanges.Add(new ImportChange
                {
                    RunId = run.Id, Line = 2, CustomerName = "Päiväkoti Satakieli", Kind = ImportChangeKind.Create,
                    Changes = JsonSerializer.Serialize(new[] { new FieldChange("Name", null, "Päiväkoti Satakieli") }),
                });
                db.ImportChanges.Add(new ImportChange
                {
                    RunId = run.Id, Line = 3, CustomerId = null, CustomerName = "Espoon Sähkötyö Oy", Kind = ImportChangeKind.Update,
                    Changes = JsonSerializer.Serialize(new[] { new FieldChange("Revenue", "1000", "2500.5"), new FieldChange("Responsible", null, "Arto Miettinen"),
                        new FieldChange("MunicipalityCode", null, "049"), new FieldChange("RegistrationDate", null, "1998-05-04") }),
                });
                return db.SaveChangesAsync();
            });
        return await Services.GetRequiredService<ImportService>().GetRunAsync(run.Id);
    }

    [Fact]
    public async Task Running_import_shows_how_far_it_is_and_offers_nothing_to_apply()
    {
        await SignInAsync(UserGroup.Administrator);
        var run = await AddRunAsync(ImportStatus.Running, done: 3, total: 5);

        var cut = Render<RunProgress>(p => p.Add(x => x.Run, run));

        Assert.Equal("60", cut.Find("[data-testid=run-progress-bar]").GetAttribute("aria-valuenow"));
        Assert.Contains("3 / 5 riviä käsitelty", Text(cut.Find("[data-testid=run-progress]")));
        Assert.Equal("Käynnissä", cut.Find("[data-testid=run-status]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=apply-dry-run]"));
        Assert.Empty(cut.FindAll("[data-testid=run-details]"));
    }

    [Fact]
    public async Task Finished_dry_run_lists_bad_rows_by_line_and_changes_old_to_new_and_offers_the_run()
    {
        await SignInAsync(UserGroup.Administrator);
        var run = await AddRunAsync(ImportStatus.CompletedWithErrors, done: 3, total: 3);
        int? applied = null;

        var cut = Render<RunProgress>(p => p.Add(x => x.Run, run).Add(x => x.OnApply, id => applied = id));

        Assert.Equal("3 riviä luettu: 1 uusi, 1 päivitetty, 1 hylätty", Text(cut.Find("[data-testid=run-summary]")));
        var error = cut.WaitForElement("[data-testid=run-errors] tbody tr");
        Assert.Equal(["5", "TOP-504", "1234567-2: Y-tunnuksen tarkistusmerkki ei täsmää – tarkista numerot."],
            error.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        var rows = cut.FindAll("[data-testid=run-changes] tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(td => Text(td)).ToArray()).ToList();
        Assert.Equal(["2", "Nimi", "", "Päiväkoti Satakieli"], rows[0].Where((_, i) => i != 1));
        var createdCell = cut.Find("[data-testid=run-changes] tbody tr td:nth-child(2)");
        Assert.Equal("uusi asiakas", createdCell.QuerySelector(".mud-chip")!.TextContent.Trim());
        Assert.StartsWith("Päiväkoti Satakieli", Text(createdCell));
        Assert.Equal(["3", "Espoon Sähkötyö Oy", "Liikevaihto", "1 000 €", "2 500,50 €"], rows[1]);
        Assert.Equal(["", "", "Vastuuhenkilö", "", "Arto Miettinen"], rows[2]);
        Assert.Equal(["", "", "Kunta", "", "Espoo (049)"], rows[3]);
        Assert.Equal(["", "", "Rekisteröity", "", "4.5.1998"], rows[4]);
        Assert.Contains("Koeajo: lisättäisiin tai muutettaisiin (2)", cut.Markup);

        await cut.Find("[data-testid=apply-dry-run]").ClickAsync(new MouseEventArgs());
        Assert.Equal(run.Id, applied);
    }

    [Fact]
    public async Task Finished_run_is_not_offered_to_be_run_again()
    {
        await SignInAsync(UserGroup.Administrator);
        var run = await AddRunAsync(ImportStatus.Succeeded, done: 3, total: 3, mode: ImportMode.Apply);

        var cut = Render<RunProgress>(p => p.Add(x => x.Run, run));

        Assert.Equal("100", cut.Find("[data-testid=run-progress-bar]").GetAttribute("aria-valuenow"));
        Assert.Equal("Onnistui", cut.Find("[data-testid=run-status]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=apply-dry-run]"));
        cut.WaitForElement("[data-testid=run-changes]");
    }
}
