using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portaali.Core.Imports;
using Portaali.Core.Users;
using Portaali.Tests.Imports;
using Portaali.Web.Components.Pages.Activities;
using Portaali.Web.Components.Pages.Admin.Imports;

namespace Portaali.Tests.Components.Imports;

/// <summary>What a user sees when an upload is refused: a message saying why, on Tuonnit and in the .eml dialog, and no file kept.</summary>
public class UploadComponentTests : ComponentHarness
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"portaali-uploads-{Guid.NewGuid():N}");

    public UploadComponentTests()
    {
        Services.AddSingleton<IImportQueue, RecordingImportQueue>();
        Services.Configure<ImportOptions>(o => { o.DataFolder = folder; o.MaxUploadMegabytes = 1; });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    private string[] FilesKept() => Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories) : [];

    private async Task<IRenderedComponent<NewImportPanel>> TopPanelAsync()
    {
        await SignInAsync(UserGroup.Administrator);
        var panel = RenderWithProviders<NewImportPanel>();
        var select = panel.FindComponent<MudSelect<ImportSource>>();
        await panel.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(ImportSource.WorkPlacementCsv));
        return panel;
    }

    [Fact]
    public async Task A_file_over_the_import_limit_is_refused_with_a_message_and_not_kept()
    {
        var panel = await TopPanelAsync();
        Assert.Contains("Enintään 1 Mt", panel.Markup);

        panel.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(new byte[3 * 512 * 1024], "top.csv"));

        Providers.WaitForAssertion(() => Assert.Contains("top.csv on liian suuri (1,5 Mt); suurin sallittu koko on 1 Mt.", Providers.Markup));
        Assert.Empty(FilesKept());
        Assert.Empty(((RecordingImportQueue)Services.GetRequiredService<IImportQueue>()).Queued);
    }

    [Fact]
    public async Task A_file_of_the_wrong_type_is_refused_with_a_message()
    {
        var panel = await TopPanelAsync();

        panel.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("Asiakasnumero;Nimi", "top.xlsx"));

        Providers.WaitForAssertion(() => Assert.Contains("top.xlsx ei ole sallittua tyyppiä: valitse .csv-tiedosto.", Providers.Markup));
        Assert.Empty(FilesKept());
    }

    [Fact]
    public async Task The_eml_dialog_refuses_another_type_and_a_file_over_10_MB_with_a_message()
    {
        await SignInAsync(UserGroup.AccountManager);
        await ShowDialogAsync(new DialogParameters<EmailImportDialog>());
        Providers.WaitForAssertion(() => Assert.NotEmpty(Providers.FindAll("[data-testid=email-import-dialog]")));

        Providers.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("%PDF-1.7", "tarjous.pdf"));
        Providers.WaitForAssertion(() => Assert.Contains("tarjous.pdf ei ole sallittua tyyppiä: valitse .eml-tiedosto.", Providers.Markup));

        Providers.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(new byte[11 * 1024 * 1024], "iso.eml"));
        Providers.WaitForAssertion(() => Assert.Contains("iso.eml on liian suuri (11 Mt); suurin sallittu koko on 10 Mt.", Providers.Markup));
        Assert.Empty(Providers.FindAll("[data-testid=email-proposal]"));
    }
}
