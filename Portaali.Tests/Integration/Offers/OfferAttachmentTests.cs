using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portaali.Core.Common;
using Portaali.Core.Data;
using Portaali.Core.Offers;
using Portaali.Core.Users;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Offers;

/// <summary>Attachments on a real folder and a real SQLite file: names that try to leave the folder stay inside, the size
/// limit and the allowed types hold, and an invoiced order or a lost offer keeps its files.</summary>
public class OfferAttachmentTests : IAsyncLifetime
{
    private readonly string root = Path.Combine(Path.GetTempPath(), $"portaali-attachments-{Guid.NewGuid():N}");
    private string Folder => Path.Combine(root, "store", "attachments");
    private CoreHarness H = null!;
    private OfferAttachmentService Attachments => H.Service<OfferAttachmentService>();

    protected virtual DatabaseProvider DatabaseProvider => DatabaseProvider.Sqlite;

    public async Task InitializeAsync() => H = await CoreHarness.CreateAsync(provider: DatabaseProvider, configure: s =>
        s.Configure<AttachmentOptions>(o => { o.Folder = Folder; o.MaxMegabytes = 1; }));

    public async Task DisposeAsync()
    {
        await H.DisposeAsync();
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
    }

    private async Task<(int OfferId, int CustomerId)> SeedOfferAsync()
    {
        var me = await H.CreateUserAsync(UserGroup.AccountManager, "Minna Lehtonen");
        H.SignInAs(me);
        var customer = await H.AddCustomerAsync("Lahden Konepaja Oy");
        var id = await H.Offers.CreateAsync(customer.Id, new OfferEdit
        {
            Title = "Hitsauskoulutus", AccountManagerId = me.Id, ValidUntil = new DateOnly(2026, 4, 30),
            Lines = [new OfferLineEdit { Description = "Hitsaus", Quantity = 1, UnitPrice = 900 }],
        });
        return (id, customer.Id);
    }

    private async Task<int> UploadAsync(int offerId, string name, byte[]? content = null, bool sizeKnown = true)
    {
        content ??= "%PDF-1.7 tarjous"u8.ToArray();
        await using var stream = new MemoryStream(content);
        return await Attachments.UploadAsync(offerId, name, sizeKnown ? content.Length : null, stream);
    }

    private string[] FilesAnywhere() => Directory.Exists(root) ? Directory.GetFiles(root, "*", SearchOption.AllDirectories) : [];

    [Theory]
    [InlineData("../../x.pdf", "x.pdf")]
    [InlineData("..\\..\\x.pdf", "x.pdf")]
    [InlineData("/etc/passwd.txt", "passwd.txt")]
    [InlineData("C:\\Windows\\win.ini.txt", "win.ini.txt")]
    [InlineData("lasku\u202Efdp.exe.pdf", "laskufdp.exe.pdf")]
    [InlineData("rivi\r\nvaihto\u0000.pdf", "rivivaihto.pdf")]
    [InlineData("CON.pdf", "_CON.pdf")]
    [InlineData("nul.txt", "_nul.txt")]
    [InlineData("  ..  .pdf", "liite.pdf")]
    [InlineData("Tarjous: \"Ä/Ö\" <v2>?.docx", "Ö v2.docx")]
    public async Task A_hostile_name_stays_inside_the_folder_and_displays_sanely(string uploaded, string shown)
    {
        var (offerId, _) = await SeedOfferAsync();

        var id = await UploadAsync(offerId, uploaded);

        var list = await Attachments.ListAsync(offerId);
        Assert.Equal(shown, Assert.Single(list.Items).FileName);
        var stored = Assert.Single(FilesAnywhere());
        Assert.Equal(Path.GetFullPath(Folder), Path.GetDirectoryName(stored));
        Assert.DoesNotContain(Path.GetFileNameWithoutExtension(shown), Path.GetFileName(stored)); // a generated name
        await using var download = await Attachments.OpenAsync(id);
        Assert.Equal(shown, download.FileName);
    }

    [Fact]
    public async Task A_very_long_name_is_shortened_keeping_its_extension()
    {
        var (offerId, _) = await SeedOfferAsync();
        await UploadAsync(offerId, new string('ä', 300) + ".pdf");
        var name = Assert.Single((await Attachments.ListAsync(offerId)).Items).FileName;
        Assert.Equal(FileNames.MaxLength, name.Length);
        Assert.EndsWith("ää.pdf", name);
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_and_leaves_nothing_even_when_its_size_was_not_declared()
    {
        var (offerId, _) = await SeedOfferAsync();
        var big = new byte[3 * 512 * 1024];
        using var _ = FinnishFormats();

        var declared = await Assert.ThrowsAsync<DomainException>(() => UploadAsync(offerId, "iso.pdf", big));
        Assert.Equal("iso.pdf on liian suuri (1,5 Mt); suurin sallittu koko on 1 Mt.", declared.Message);
        var streamed = await Assert.ThrowsAsync<DomainException>(() => UploadAsync(offerId, "iso.pdf", big, sizeKnown: false));
        Assert.Contains("on liian suuri", streamed.Message);

        Assert.Empty(FilesAnywhere());
        Assert.Empty((await Attachments.ListAsync(offerId)).Items);
    }

    [Fact]
    public async Task An_English_user_reads_the_refusal_in_English_with_English_number_formats()
    {
        var (offerId, _) = await SeedOfferAsync();
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("en-US");
        try
        {
            using var _ = UiCulture.English();
            var refused = await Assert.ThrowsAsync<DomainException>(() => UploadAsync(offerId, "big.pdf", new byte[3 * 512 * 1024]));
            Assert.Equal("big.pdf is too large (1.5 MB); the largest allowed size is 1 MB.", refused.Message);
            var locked = await Assert.ThrowsAsync<DomainException>(() => UploadAsync(offerId, "app.exe"));
            Assert.StartsWith("app.exe is not an accepted type", locked.Message);
        }
        finally { System.Globalization.CultureInfo.CurrentCulture = previous; }
    }

    [Theory]
    [InlineData("ohjelma.exe")]
    [InlineData("sivu.html")]
    [InlineData("kuva.svg")]
    [InlineData("pdf")]
    public async Task A_type_outside_the_allowed_list_is_refused(string name)
    {
        var (offerId, _) = await SeedOfferAsync();
        var refused = await Assert.ThrowsAsync<DomainException>(() => UploadAsync(offerId, name));
        Assert.Contains("ei ole sallittua tyyppiä", refused.Message);
        Assert.Empty(FilesAnywhere());
    }

    [Fact]
    public async Task The_content_type_comes_from_the_extension_and_the_bytes_come_back_as_uploaded()
    {
        var (offerId, _) = await SeedOfferAsync();
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 1, 2, 3 };
        var id = await UploadAsync(offerId, "Kuva.PNG", png);

        await using var download = await Attachments.OpenAsync(id);
        Assert.Equal("image/png", download.ContentType);
        Assert.Equal("Kuva.png", download.FileName);
        using var copy = new MemoryStream();
        await download.Content.CopyToAsync(copy);
        Assert.Equal(png, copy.ToArray());
        var row = Assert.Single((await Attachments.ListAsync(offerId)).Items);
        Assert.Equal(png.Length, row.SizeBytes);
        Assert.Equal("Minna Lehtonen", row.UploadedByName);
    }

    [Fact]
    public async Task Upload_and_delete_go_to_the_customers_change_history_and_delete_removes_the_file()
    {
        var (offerId, customerId) = await SeedOfferAsync();
        var id = await UploadAsync(offerId, "sopimus.pdf");
        Assert.Single(FilesAnywhere());

        await Attachments.DeleteAsync(id);

        Assert.Empty(FilesAnywhere());
        Assert.Empty((await Attachments.ListAsync(offerId)).Items);
        await using var db = H.Db();
        var entries = await db.AuditEntries.Where(a => a.CustomerId == customerId && a.Action.StartsWith("Attachment"))
            .OrderBy(a => a.Id).Select(a => new { a.Action, a.Changes, a.UserName }).ToListAsync();
        Assert.Equal(["AttachmentAdded", "AttachmentDeleted"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Contains("sopimus.pdf", e.Changes));
        Assert.All(entries, e => Assert.Equal("Minna Lehtonen", e.UserName));
    }

    [Fact]
    public async Task An_accepted_order_takes_attachments_until_it_is_invoiced_then_keeps_them()
    {
        var (offerId, _) = await SeedOfferAsync();
        var version = (await H.Offers.GetAsync(offerId)).Version;
        var orderId = await H.Offers.AcceptAsync(offerId, version, new OrderDates(null, null));
        var first = await UploadAsync(offerId, "tilausvahvistus.pdf"); // the order page is the offer page
        var v = await H.Offers.MoveOrderAsync(orderId, (await H.Offers.GetAsync(offerId)).Order!.Version, Portaali.Core.Offers.OrderState.InDelivery);
        H.SignInAs(await H.CreateUserAsync(UserGroup.ServiceOperations, "Laskuttaja"));
        await H.Offers.MoveOrderAsync(orderId, v, Portaali.Core.Offers.OrderState.Invoiced, "L-1001");

        var list = await Attachments.ListAsync(offerId);
        Assert.False(list.CanChange);
        Assert.Equal("Tilaus on laskutettu: sen liitteitä ei voi enää lisätä eikä poistaa.", list.WhyNot);
        var upload = await Assert.ThrowsAsync<IllegalTransitionException>(() => UploadAsync(offerId, "myöhässä.pdf"));
        Assert.Equal(list.WhyNot, upload.Message);
        await Assert.ThrowsAsync<IllegalTransitionException>(() => Attachments.DeleteAsync(first));
        Assert.Single((await Attachments.ListAsync(offerId)).Items);
        Assert.Single(FilesAnywhere());
    }

    [Fact]
    public async Task A_lost_offer_keeps_its_attachments_as_they_were()
    {
        var (offerId, _) = await SeedOfferAsync();
        var id = await UploadAsync(offerId, "tarjous.pdf");
        await H.Offers.LoseAsync(offerId, (await H.Offers.GetAsync(offerId)).Version, "Hinta");

        await Assert.ThrowsAsync<IllegalTransitionException>(() => Attachments.DeleteAsync(id));
        await Assert.ThrowsAsync<IllegalTransitionException>(() => UploadAsync(offerId, "uusi.pdf"));
        await using var download = await Attachments.OpenAsync(id); // still downloadable
        Assert.Equal("tarjous.pdf", download.FileName);
    }

    [Fact]
    public async Task Someone_without_the_sell_right_reads_but_does_not_change_attachments()
    {
        var (offerId, _) = await SeedOfferAsync();
        var id = await UploadAsync(offerId, "tarjous.pdf");
        H.SignInAs(await H.CreateUserAsync(UserGroup.Communications));

        Assert.False((await Attachments.ListAsync(offerId)).CanChange);
        await using (var download = await Attachments.OpenAsync(id)) Assert.Equal("tarjous.pdf", download.FileName);
        await Assert.ThrowsAsync<ForbiddenException>(() => UploadAsync(offerId, "toinen.pdf"));
        await Assert.ThrowsAsync<ForbiddenException>(() => Attachments.DeleteAsync(id));

        H.SignOut();
        await Assert.ThrowsAsync<ForbiddenException>(() => Attachments.OpenAsync(id));
    }

    /// <summary>Messages print sizes in the user's number format; these read the Finnish one.</summary>
    private static IDisposable FinnishFormats()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("fi-FI");
        return new Restore(() => System.Globalization.CultureInfo.CurrentCulture = previous);
    }

    private sealed class Restore(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }
}

/// <summary>Where attachments go by default, next to the SQLite file: about SQLite's file, so it has no PostgreSQL twin.</summary>
public class OfferAttachmentFolderTests
{
    [Fact]
    public void The_folder_defaults_to_one_next_to_the_database_file()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        Portaali.Core.Data.DatabaseSetup.AddPortaaliCore(services, "Data Source=/var/lib/portaali/App_Data/portaali.db");
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<AttachmentOptions>>().Value;
        Assert.Equal("/var/lib/portaali/App_Data/attachments", options.Folder);
        Assert.Contains(".msg", options.Rule.Extensions);
        Assert.Equal(25L * 1024 * 1024, options.Rule.MaxBytes);
    }
}
