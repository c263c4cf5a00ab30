using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portaali.Core.Offers;
using Portaali.Core.Users;
using Portaali.Web.Components.Pages.Offers;

namespace Portaali.Tests.Components.Offers;

/// <summary>The attachments panel of the offer page: what a seller sees when uploading, refused uploads, deleting after
/// confirming, and an invoiced order that keeps its files.</summary>
public class OfferAttachmentsTests : ComponentHarness
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"portaali-bunit-attachments-{Guid.NewGuid():N}");

    public OfferAttachmentsTests() =>
        Services.Configure<AttachmentOptions>(o => { o.Folder = folder; o.MaxMegabytes = 1; });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    private async Task<int> SeedOfferAsync(AppUser seller)
    {
        var customerId = await AddCustomerAsync("Porvoon Puu Oy");
        return await Services.GetRequiredService<OfferService>().CreateAsync(customerId, new OfferEdit
        {
            Title = "Puuseppäkoulutus", AccountManagerId = seller.Id, ValidUntil = DateOnly.FromDateTime(DateTime.Today).AddDays(20),
            Lines = [new OfferLineEdit { Description = "Puusepän perusteet", Quantity = 1, UnitPrice = 500 }],
        });
    }

    [Fact]
    public async Task A_seller_uploads_a_file_sees_it_with_its_size_and_deletes_it_after_confirming()
    {
        var seller = await SignInAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var offerId = await SeedOfferAsync(seller);
        var panel = RenderWithProviders<OfferAttachments>(p => p.Add(c => c.OfferId, offerId));
        panel.WaitForAssertion(() => Assert.NotEmpty(panel.FindAll("[data-testid=no-attachments]")));
        Assert.Contains("Enintään 1 Mt", panel.Markup);

        panel.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(new byte[1536], "../../Sopimus ÄÖ.pdf"));

        panel.WaitForAssertion(() => Assert.Single(panel.FindAll("[data-testid=attachment-row]")));
        var link = panel.Find("[data-testid=attachment-link]");
        Assert.Equal("Sopimus ÄÖ.pdf", link.TextContent);
        Assert.StartsWith("offers/attachments/", link.GetAttribute("href"));
        Assert.Equal("Sopimus ÄÖ.pdf", link.GetAttribute("download"));
        Assert.Contains("2 kt", panel.Find("[data-testid=attachment-row]").TextContent);
        Assert.Contains("Minna Lehtonen", panel.Find("[data-testid=attachment-row]").TextContent);

        await panel.InvokeAsync(() => panel.Find("[data-testid=attachment-delete]").Click());
        Providers.WaitForAssertion(() => Assert.Contains("Liite Sopimus ÄÖ.pdf poistetaan tarjoukselta pysyvästi.", Providers.Markup));
        var yes = Providers.FindAll("button").First(b => b.TextContent.Trim() == "Poista");
        await Providers.InvokeAsync(() => yes.Click());

        panel.WaitForAssertion(() => Assert.NotEmpty(panel.FindAll("[data-testid=no-attachments]")));
        Assert.Empty(Directory.GetFiles(folder));
    }

    [Fact]
    public async Task A_refused_upload_says_why_and_keeps_nothing()
    {
        var seller = await SignInAsync(UserGroup.AccountManager);
        var offerId = await SeedOfferAsync(seller);
        var panel = RenderWithProviders<OfferAttachments>(p => p.Add(c => c.OfferId, offerId));
        panel.WaitForAssertion(() => Assert.NotEmpty(panel.FindAll("[data-testid=attachment-upload]")));

        panel.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("MZ", "ohjelma.exe"));
        Providers.WaitForAssertion(() => Assert.Contains("ohjelma.exe ei ole sallittua tyyppiä", Providers.Markup));

        panel.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(new byte[3 * 512 * 1024], "iso.pdf"));
        Providers.WaitForAssertion(() => Assert.Contains("iso.pdf on liian suuri (1,5 Mt); suurin sallittu koko on 1 Mt.", Providers.Markup));

        Assert.Empty(panel.FindAll("[data-testid=attachment-row]"));
        Assert.False(Directory.Exists(folder) && Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Length > 0);
    }

    [Fact]
    public async Task An_invoiced_order_shows_its_files_without_upload_or_delete_and_says_why()
    {
        var seller = await SignInAsync(UserGroup.AccountManager);
        var offerId = await SeedOfferAsync(seller);
        await using (var pdf = new MemoryStream("%PDF"u8.ToArray()))
            await Services.GetRequiredService<OfferAttachmentService>().UploadAsync(offerId, "vahvistus.pdf", pdf.Length, pdf);
        var offers = Services.GetRequiredService<OfferService>();
        var orderId = await offers.AcceptAsync(offerId, (await offers.GetAsync(offerId)).Version, new OrderDates(null, null));
        var version = await offers.MoveOrderAsync(orderId, (await offers.GetAsync(offerId)).Order!.Version, OrderState.InDelivery);
        await SignInAsync(UserGroup.ServiceOperations, "Laskuttaja");
        await offers.MoveOrderAsync(orderId, version, OrderState.Invoiced);

        var panel = RenderWithProviders<OfferAttachments>(p => p.Add(c => c.OfferId, offerId));

        panel.WaitForAssertion(() => Assert.Single(panel.FindAll("[data-testid=attachment-row]")));
        Assert.Equal("Tilaus on laskutettu: sen liitteitä ei voi enää lisätä eikä poistaa.", panel.Find("[data-testid=attachments-locked]").TextContent.Trim());
        Assert.Empty(panel.FindAll("[data-testid=attachment-upload]"));
        Assert.Empty(panel.FindAll("[data-testid=attachment-delete]"));
    }
}
