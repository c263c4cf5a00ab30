using Bunit;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using Portaali.Core.Offers;
using Portaali.Core.Users;
using Portaali.Web.Components.Pages.Admin;

namespace Portaali.Tests.Components.Admin;

/// <summary>Ylläpito › Tarjouspohja as an administrator uses it: a template with a typo is refused with the typo named,
/// a good one is taken into use, and the built-in one comes back after confirming.</summary>
public class OfferTemplateAdminTests : ComponentHarness
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"portaali-bunit-templates-{Guid.NewGuid():N}");

    public OfferTemplateAdminTests() => Services.Configure<OfferDocumentOptions>(o => o.TemplateFolder = folder);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    private static byte[] Template(string customerPlaceholder)
    {
        using var buffer = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(buffer, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            doc.AddMainDocumentPart().Document = new Document(new Body(
                new Paragraph(new Run(new Text($"Asiakas {customerPlaceholder}"))),
                new Table(new TableRow(new TableCell(new Paragraph(new Run(new Text("{{Line.Description}} {{Line.Total}}"))))))));
        }
        return buffer.ToArray();
    }

    [Fact]
    public async Task A_typo_is_named_a_good_template_is_used_and_the_default_comes_back()
    {
        await SignInAsync(UserGroup.Administrator, "Sari Lindqvist");
        var page = RenderWithProviders<OfferTemplateAdmin>();
        page.WaitForAssertion(() => Assert.Equal("Käytössä on sisäänrakennettu pohja.", page.Find("[data-testid=offer-template-state]").TextContent.Trim()));
        Assert.Contains("{{Customer.BusinessId}}", page.Find("[data-testid=offer-template-placeholders]").TextContent);

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(Template("{{Customer.Nmae}}"), "pohja.docx"));
        page.WaitForAssertion(() => Assert.Contains("Pohjassa on tuntemattomia kenttiä: {{Customer.Nmae}}.",
            page.Find("[data-testid=offer-template-problems]").TextContent));
        Assert.Contains("sisäänrakennettu", page.Find("[data-testid=offer-template-state]").TextContent);

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(Template("{{Customer.Name}}"), "Oma pohja.docx"));
        page.WaitForAssertion(() => Assert.StartsWith("Käytössä on ylläpitäjän pohja Oma pohja.docx",
            page.Find("[data-testid=offer-template-state]").TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-testid=offer-template-problems]"));
        Assert.Contains("Sari Lindqvist", page.Find("[data-testid=offer-template-state]").TextContent);

        await page.InvokeAsync(() => page.Find("[data-testid=offer-template-restore]").Click());
        Providers.WaitForAssertion(() => Assert.Contains("ylläpitäjän pohja poistetaan", Providers.Markup));
        var yes = Providers.FindAll("button").Last(b => b.TextContent.Trim() == "Palauta oletuspohja");
        await Providers.InvokeAsync(() => yes.Click());
        page.WaitForAssertion(() => Assert.Equal("Käytössä on sisäänrakennettu pohja.", page.Find("[data-testid=offer-template-state]").TextContent.Trim()));
        Assert.False(File.Exists(Path.Combine(folder, "offer-template.docx")));
    }
}
