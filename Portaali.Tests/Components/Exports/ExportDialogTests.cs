using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portaali.Core.Exports;
using Portaali.Core.Selections;
using Portaali.Core.Users;
using Portaali.Tests.Integration.Exports;
using Portaali.Web.Components.Pages.Exports;

namespace Portaali.Tests.Components.Exports;

/// <summary>The export dialog as the builder, list and campaign pages open it: the column choices with their defaults,
/// select all and none, then the queued job's progress and its download.</summary>
public class ExportDialogTests : ComponentHarness
{
    private readonly string folder = Directory.CreateTempSubdirectory("portaali-bunit-exports-").FullName;
    private readonly RecordingExportQueue queue = new();

    public ExportDialogTests()
    {
        Services.AddSingleton<IExportQueue>(queue);
        Services.Configure<ExportOptions>(o => o.Folder = folder);
    }

    private static readonly SelectionDefinition Everyone = new(SelectionTarget.Contacts, new CriteriaGroup());

    private async Task OpenAsync(ExportSourceKind kind = ExportSourceKind.Definition, SelectionTarget target = SelectionTarget.Contacts)
    {
        var parameters = new DialogParameters<ExportDialog>
        {
            { d => d.Request, new ExportRequest(kind, "Espoon päättäjät") { Definition = Everyone } },
            { d => d.Target, target },
            { d => d.PollEvery, TimeSpan.FromMilliseconds(50) },
        };
        await ShowDialogAsync(parameters);
        Providers.WaitForElement("[data-testid=export-start]");
    }

    /// <summary>The checkbox input of a column (MudBlazor puts the test id on the input or on its wrapper).</summary>
    private AngleSharp.Dom.IElement Box(string key) =>
        Providers.Find($"input[data-testid=export-col-{key}], [data-testid=export-col-{key}] input");

    private bool IsTicked(string key) => Box(key).HasAttribute("checked") || Box(key).GetAttribute("aria-checked") == "true";

    [Fact]
    public async Task Contact_columns_are_offered_with_their_defaults_ticked_and_select_none_disables_the_start()
    {
        await SignInAsync(UserGroup.SalesAndMarketing);
        await OpenAsync();

        Assert.Contains("Asiakkaan tiedot", Providers.Markup);
        Assert.Contains("Yhteyshenkilön tiedot", Providers.Markup);
        Assert.DoesNotContain("Kampanjan tiedot", Providers.Markup);
        Assert.True(IsTicked("name"));
        Assert.True(IsTicked("contactEmail"));
        Assert.False(IsTicked("revenue"));
        Assert.Empty(Providers.FindAll("[data-testid=export-col-step]"));
        Assert.Contains("Etunimi", Providers.Markup);

        Providers.Find("[data-testid=export-select-none]").Click();
        Providers.WaitForAssertion(() => Assert.True(Providers.Find("[data-testid=export-start]").HasAttribute("disabled")));
        Assert.Contains("Valittu 0 /", Providers.Find("[data-testid=export-selected-count]").TextContent);

        Providers.Find("[data-testid=export-select-all]").Click();
        Providers.WaitForAssertion(() => Assert.True(IsTicked("revenue")));
        Assert.False(Providers.Find("[data-testid=export-start]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task A_customer_list_offers_no_contact_columns_and_a_campaign_offers_its_steps()
    {
        await SignInAsync(UserGroup.SalesAndMarketing);
        await OpenAsync(ExportSourceKind.Definition, SelectionTarget.Customers);
        Assert.Empty(Providers.FindAll("[data-testid=export-col-firstName]"));
        Assert.NotEmpty(Providers.FindAll("[data-testid=export-col-lastContact]"));

        Providers.Find("[data-testid=export-close]").Click();
        await OpenAsync(ExportSourceKind.Campaign, SelectionTarget.Contacts);
        Assert.True(IsTicked("step"));
        Assert.True(IsTicked("lastMailing"));
    }

    [Fact]
    public async Task Starting_queues_the_chosen_columns_and_the_dialog_follows_the_job_to_its_download()
    {
        await SignInAsync(UserGroup.SalesAndMarketing);
        var customerId = await AddCustomerAsync("Espoon Kone Oy", municipalityCode: "049");
        await WithDbAsync(db =>
        {
            db.Contacts.Add(new Portaali.Core.Contacts.Contact { CustomerId = customerId, FirstName = "Äini", LastName = "Öhman", Email = "a@example.fi" });
            return db.SaveChangesAsync();
        });
        await OpenAsync();

        Providers.Find("[data-testid=export-select-none]").Click();
        Box("lastName").Change(true);
        Box("name").Change(true);
        Providers.Find("[data-testid=export-start]").Click();

        Providers.WaitForAssertion(() => Assert.Single(queue.Queued));
        var id = queue.Queued[0];
        var stored = StoredExportRequest.Read(await WithDbAsync(db => db.ExportJobs.Where(j => j.Id == id).Select(j => j.RequestJson).SingleAsync()));
        Assert.Equal(["name", "lastName"], stored.Columns); // the catalogue's order, not the order they were ticked in
        Providers.WaitForAssertion(() => Assert.Equal("Queued", Providers.Find("[data-testid=export-status]").GetAttribute("data-state")));
        Assert.Contains("Jonossa", Providers.Find("[data-testid=export-progress-text]").TextContent);
        Assert.Equal("/exports", Providers.Find("[data-testid=export-page-link]").GetAttribute("href"));

        await Services.GetRequiredService<ExportRunner>().RunAsync(id);

        Providers.WaitForAssertion(() => Assert.Equal($"/exports/{id}/download",
            Providers.Find("[data-testid=export-download]").GetAttribute("href")));
        Assert.Contains("Valmis: 1 riviä", Providers.Find("[data-testid=export-done-text]").TextContent);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
