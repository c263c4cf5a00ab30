using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Portaali.Core.Customers;
using Portaali.Core.Offers;
using Portaali.Core.Users;

namespace Portaali.Tests.Web.Offers;

/// <summary>The downloads over HTTP in the whole app: only for signed-in users, with the original name, a content type
/// from the extension and nosniff; the offer document as a .docx with a sane name.</summary>
public class OfferFileEndpointTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"portaali-web-attachments-{Guid.NewGuid():N}");
    private readonly PortaaliWebFactory factory;

    public OfferFileEndpointTests() => factory = new PortaaliWebFactory
    {
        Settings = { ["Portaali:Attachments:Folder"] = folder, ["Portaali:College:Name"] = "Testiopisto" },
    };

    /// <summary>An offer with one attachment whose file sits in the configured folder, written as the data was before the test.</summary>
    private async Task<(int OfferId, int AttachmentId, AppUser User)> SeedAsync(string storedContent = "tarjouksen liite")
    {
        var user = await factory.AddUserAsync("Minna Lehtonen", UserGroup.AccountManager);
        await using var db = factory.OpenDb();
        var customer = new Customer { Name = "Ääneseudun Metalli Oy", NameSearch = "aaneseudun metalli oy", BusinessId = "1234567-8" };
        var offer = new Offer
        {
            Customer = customer, AccountManagerId = user.Id, Title = "Hitsauskoulutus", Type = OfferType.StaffTraining,
            OfferedOn = new DateOnly(2026, 3, 1), ValidUntil = new DateOnly(2026, 4, 1), TotalExVatCents = 90000,
            Lines = [new OfferLine { Description = "Hitsaus", Quantity = 1, UnitPriceCents = 90000, LineTotalExVatCents = 90000 }],
        };
        db.Offers.Add(offer);
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "0f0e0d0c.pdf"), storedContent);
        var attachment = new OfferAttachment
        {
            FileName = "Tarjous – Äänekoski.pdf", StoredName = "0f0e0d0c.pdf", ContentType = "text/html", SizeBytes = storedContent.Length,
        };
        offer.Attachments.Add(attachment);
        await db.SaveChangesAsync();
        return (offer.Id, attachment.Id, user);
    }

    [Fact]
    public async Task Anonymous_visitor_is_sent_to_sign_in_instead_of_getting_an_attachment_or_a_document()
    {
        var (offerId, attachmentId, _) = await SeedAsync();
        foreach (var path in new[] { $"/offers/attachments/{attachmentId}", $"/offers/{offerId}/document" })
        {
            var response = await factory.ClientFor(null).GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/signin", response.Headers.Location!.PathAndQuery);
        }
    }

    [Fact]
    public async Task A_signed_in_user_downloads_the_attachment_under_its_name_with_the_type_of_its_extension()
    {
        var (_, attachmentId, user) = await SeedAsync();

        var response = await factory.ClientFor(user).GetAsync($"/offers/attachments/{attachmentId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("tarjouksen liite", await response.Content.ReadAsStringAsync());
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType); // not the stored "text/html"
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("Tarjous – Äänekoski.pdf", disposition.FileNameStar);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task An_unknown_offer_or_attachment_or_one_whose_file_is_gone_is_not_found()
    {
        var (_, attachmentId, user) = await SeedAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await factory.ClientFor(user).GetAsync($"/offers/attachments/{attachmentId + 1000}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.ClientFor(user).GetAsync("/offers/999999/document")).StatusCode);
        File.Delete(Path.Combine(folder, "0f0e0d0c.pdf"));
        Assert.Equal(HttpStatusCode.NotFound, (await factory.ClientFor(user).GetAsync($"/offers/attachments/{attachmentId}")).StatusCode);
    }

    [Fact]
    public async Task A_signed_in_user_gets_the_offer_document_as_Word_with_a_sane_name()
    {
        var (offerId, _, user) = await SeedAsync();

        var response = await factory.ClientFor(user).GetAsync($"/offers/{offerId}/document");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"Tarjous-{offerId}-Ääneseudun-Metalli-Oy.docx", response.Content.Headers.ContentDisposition!.FileNameStar);
        using var doc = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var text = doc.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("Ääneseudun Metalli Oy", text);
        Assert.Contains("Hitsauskoulutus", text);
        Assert.Contains("Testiopisto", text); // Portaali:College from the app's configuration
    }

    [Fact]
    public async Task Only_administrators_download_the_offer_template()
    {
        var (_, _, user) = await SeedAsync();
        var refused = await factory.ClientFor(user).GetAsync("/admin/offer-template/default.docx");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/forbidden", refused.Headers.Location!.PathAndQuery);

        var admin = await factory.AddUserAsync("Sari Lindqvist", UserGroup.Administrator);
        var response = await factory.ClientFor(admin).GetAsync("/admin/offer-template/default.docx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        Assert.Contains("{{Customer.Name}}", doc.MainDocumentPart!.Document!.Body!.InnerText);
    }

    public void Dispose()
    {
        factory.Dispose();
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }
}
