using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.DependencyInjection;
using Portaali.Core.Common;
using Portaali.Core.Data;
using Portaali.Core.Offers;
using Portaali.Core.Users;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Offers;

/// <summary>The offer document as a customer receives it: filled from the template, then opened by LibreOffice Writer
/// (not by our own OpenXml code), so a file Word programs reject or a mangled ä/ö or amount fails here.</summary>
public class OfferDocumentTests : IAsyncLifetime
{
    private readonly string templates = Path.Combine(Path.GetTempPath(), $"portaali-templates-{Guid.NewGuid():N}");
    private CoreHarness H = null!;
    private OfferDocumentService Documents => H.Service<OfferDocumentService>();

    protected virtual DatabaseProvider DatabaseProvider => DatabaseProvider.Sqlite;

    public async Task InitializeAsync() => H = await CoreHarness.CreateAsync(provider: DatabaseProvider, configure: s =>
    {
        s.Configure<OfferDocumentOptions>(o => o.TemplateFolder = templates);
        s.Configure<CollegeOptions>(o =>
        {
            o.Name = "Länsirannikon Aikuisopisto";
            o.BusinessId = "0123456-7";
            o.Address = "Opistotie 1\n00100 Helsinki";
            o.Email = "myynti@aikuisopisto.example";
        });
    });

    public async Task DisposeAsync()
    {
        await H.DisposeAsync();
        if (Directory.Exists(templates)) Directory.Delete(templates, recursive: true);
    }

    private const string HostileTitle = "Ensiapu <w:t>& </w:body> \"EA1\"";

    /// <summary>A customer with a Business ID and address, a contact, and an offer with a VAT-free and a 25,5 % line.</summary>
    private async Task<int> SeedOfferAsync(bool withVat = true, string title = HostileTitle)
    {
        var me = await H.CreateUserAsync(UserGroup.AccountManager, "Sörén Äijälä");
        H.SignInAs(me);
        var customer = await H.AddCustomerAsync("Hämeenlinnan Ympäristöpalvelut Oy", businessId: "2345678-9", configure: c =>
        {
            c.PostalAddress.Street = "Könnölänkatu 4 B";
            c.PostalAddress.PostalCode = "13100";
            c.PostalAddress.City = "Hämeenlinna";
        });
        var contact = await H.AddContactAsync(customer.Id, "Päivi", "Öhman", c => { c.Email = "paivi.ohman@example.fi"; c.Title = "Henkilöstöpäällikkö"; });
        return await H.Offers.CreateAsync(customer.Id, new OfferEdit
        {
            Title = title, AccountManagerId = me.Id, ContactId = contact.Id, Type = OfferType.StaffTraining,
            ValidUntil = new DateOnly(2026, 4, 30), Notes = "Koulutus pidetään asiakkaan tiloissa.\nLounas sisältyy hintaan.",
            Lines =
            [
                new OfferLineEdit { Description = "Työturvallisuuskorttikoulutus", Quantity = 12, UnitPrice = 185.50m, Participants = 12 },
                new OfferLineEdit { Description = "Ensiapu 1 – räätälöity", Quantity = 1.5m, UnitPrice = 1234.56m, VatRate = withVat ? 25.5m : 0 },
            ],
        });
    }

    [Fact]
    public async Task Writer_opens_the_offer_with_customer_lines_and_totals_in_Finnish_and_the_title_as_typed()
    {
        var id = await SeedOfferAsync();

        var file = await Documents.CreateAsync(id);
        var text = await LibreOffice.TextOfAsync(file.Content);

        Assert.Equal($"Tarjous-{id}-Hämeenlinnan-Ympäristöpalvelut-Oy.docx", file.FileName);
        Assert.Contains("Hämeenlinnan Ympäristöpalvelut Oy", text);
        Assert.Contains("Y-tunnus 2345678-9", text);
        Assert.Contains("Könnölänkatu 4 B\n13100 Hämeenlinna", text);
        Assert.Contains("Päivi Öhman", text);
        Assert.Contains("Henkilöstökoulutus", text);
        Assert.Contains("Sörén Äijälä", text);
        Assert.Contains(HostileTitle, text); // printed literally, not read as Word markup
        Assert.Contains("1\nTyöturvallisuuskorttikoulutus\nOsallistujia 12\n12\n185,50 €\n0 %\n2 226,00 €", text);
        // 1,5 × 1 234,56 = 1 851,84; its 25,5 % VAT 472,2192 rounds to 472,22.
        Assert.Contains("2\nEnsiapu 1 – räätälöity\n1,5\n1 234,56 €\n25,5 %\n1 851,84 €", text); // no participants: no "Osallistujia"
        Assert.Contains("Veroton hinta yhteensä\n4 077,84 €\nArvonlisävero\n472,22 €\nYhteensä\n4 550,06 €", text);
        Assert.Contains("Voimassa", await HeaderTextAsync(file.Content));
        Assert.Contains("Koulutus pidetään asiakkaan tiloissa.\nLounas sisältyy hintaan.", text);
        Assert.Contains("Tarjous on voimassa 30.4.2026 asti.", text);
        Assert.Contains("Länsirannikon Aikuisopisto", text);
        Assert.DoesNotContain("arvonlisäverotonta", text); // one line carries VAT
        Assert.DoesNotContain("{{", text);
        Assert.DoesNotContain("Asiakkaan viite".ToUpperInvariant(), text); // no reference: its row is left out
    }

    [Fact]
    public async Task A_VAT_free_offer_says_so_and_prints_in_Finnish_even_for_an_English_user()
    {
        var id = await SeedOfferAsync(withVat: false, title: "Esimiestyön valmennus");
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-US");
        OfferDocumentFile file;
        try
        {
            using var _ = UiCulture.English();
            file = await Documents.CreateAsync(id);
        }
        finally { CultureInfo.CurrentCulture = culture; }

        var text = await LibreOffice.TextOfAsync(file.Content);
        Assert.Contains("Koulutus on arvonlisäverotonta (AVL 39 §).", text);
        Assert.Contains("Veroton hinta yhteensä\n4 077,84 €\nArvonlisävero\n0,00 €\nYhteensä\n4 077,84 €", text);
        Assert.Contains("Henkilöstökoulutus", text);
        Assert.Contains("Y-tunnus 0123456-7", await FooterTextAsync(file.Content));
    }

    [Fact]
    public async Task An_uploaded_template_is_used_and_fills_placeholders_Word_split_across_runs()
    {
        var id = await SeedOfferAsync(title: "Tiimivalmennus");
        var admin = await H.CreateUserAsync(UserGroup.Administrator, "Sari Lindqvist");
        H.SignInAs(admin);
        await using (var upload = new MemoryStream(SplitTemplate()))
            await Documents.ReplaceTemplateAsync("Oma pohja.docx", upload.Length, upload);

        var info = await Documents.GetTemplateInfoAsync();
        Assert.True(info.IsCustom);
        Assert.Equal("Oma pohja.docx", info.FileName);
        Assert.Equal("Sari Lindqvist", info.UploadedByName);

        var text = await LibreOffice.TextOfAsync((await Documents.CreateAsync(id)).Content);
        Assert.Contains("OMA POHJA", text);
        Assert.Contains("Asiakas: Hämeenlinnan Ympäristöpalvelut Oy.", text);
        Assert.Contains("Rivi: Työturvallisuuskorttikoulutus / 2 226,00 €", text);
        Assert.Contains("Rivi: Ensiapu 1 – räätälöity / 1 851,84 €", text);
        Assert.DoesNotContain("{{", text);

        await Documents.RestoreDefaultTemplateAsync();
        Assert.False((await Documents.GetTemplateInfoAsync()).IsCustom);
        var restored = await LibreOffice.TextOfAsync((await Documents.CreateAsync(id)).Content);
        Assert.DoesNotContain("OMA POHJA", restored);
        Assert.Contains("Ystävällisin terveisin", restored);
    }

    [Fact]
    public async Task A_template_with_unknown_placeholders_or_not_Word_is_refused_and_the_old_one_stays()
    {
        var id = await SeedOfferAsync(title: "Tiimivalmennus");
        H.SignInAs(await H.CreateUserAsync(UserGroup.Administrator));
        await using (var good = new MemoryStream(SplitTemplate()))
            await Documents.ReplaceTemplateAsync("pohja.docx", good.Length, good);

        await using var typo = new MemoryStream(SplitTemplate(customerPlaceholder: ["{{Customer.Nmae}}"]));
        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => Documents.ReplaceTemplateAsync("typo.docx", typo.Length, typo));
        Assert.Contains("Pohjassa on tuntemattomia kenttiä: {{Customer.Nmae}}.", refused.Message);

        await using var notWord = new MemoryStream("PK\u0003\u0004 ei oikeasti zip"u8.ToArray());
        var broken = await Assert.ThrowsAsync<DomainException>(() => Documents.ReplaceTemplateAsync("rikki.docx", notWord.Length, notWord));
        Assert.Equal("Tiedosto ei ole Word-asiakirja (.docx), jota voisi käyttää tarjouspohjana.", broken.Message);

        await using var pdf = new MemoryStream("%PDF-1.7"u8.ToArray());
        await Assert.ThrowsAsync<DomainException>(() => Documents.ReplaceTemplateAsync("pohja.pdf", pdf.Length, pdf));

        Assert.Equal("pohja.docx", (await Documents.GetTemplateInfoAsync()).FileName);
        Assert.Contains("OMA POHJA", await LibreOffice.TextOfAsync((await Documents.CreateAsync(id)).Content));
    }

    [Fact]
    public async Task Only_administrators_replace_the_template()
    {
        await SeedOfferAsync();
        await using var upload = new MemoryStream(SplitTemplate());
        await Assert.ThrowsAsync<ForbiddenException>(() => Documents.ReplaceTemplateAsync("pohja.docx", upload.Length, upload));
        await Assert.ThrowsAsync<ForbiddenException>(() => Documents.RestoreDefaultTemplateAsync());
    }

    [Theory]
    [InlineData("Hämeen Kone Oy", 12, "Tarjous-12-Hämeen-Kone-Oy.docx")]
    [InlineData("../../etc/passwd", 3, "Tarjous-3-etc-passwd.docx")]
    [InlineData("A/S Nord, Ltd.", 4, "Tarjous-4-A-S-Nord-Ltd.docx")]
    [InlineData("???", 5, "Tarjous-5.docx")]
    public void The_document_file_name_is_safe(string customer, int number, string expected) =>
        Assert.Equal(expected, OfferDocumentService.FileNameOf(number, customer));

    /// <summary>A template as Word writes it after editing: "{{Customer.Name}}" in three runs with a spell-check mark and
    /// a bold part between, and the line row's placeholders split too.</summary>
    private static byte[] SplitTemplate(string[]? customerPlaceholder = null)
    {
        using var buffer = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            static Run R(string text, bool bold = false) =>
                new(bold ? new RunProperties(new Bold()) : new RunProperties(), new Text(text) { Space = SpaceProcessingModeValues.Preserve });
            var customer = customerPlaceholder is null
                ? new Paragraph(R("Asiakas: "), R("{{Cust"), new ProofError { Type = ProofingErrorValues.SpellStart }, R("omer.Na", bold: true),
                    new ProofError { Type = ProofingErrorValues.SpellEnd }, R("me}}"), R("."))
                : new Paragraph(customerPlaceholder.Select(p => R(p)));
            var lineRow = new TableRow(new TableCell(new Paragraph(R("Rivi: {{Line."), R("Description}} / "), R("{{Line.Ex"), R("Vat}}"))));
            main.Document = new Document(new Body(
                new Paragraph(R("OMA POHJA")),
                customer,
                new Table(new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }), new TableGrid(new GridColumn { Width = "9000" }), lineRow),
                new Paragraph(R("Yhteensä {{Totals.Total}}"))));
        }
        return buffer.ToArray();
    }

    private static Task<string> HeaderTextAsync(byte[] docx) => PartTextAsync(docx, m => m.HeaderParts.Select(h => h.Header!));

    private static Task<string> FooterTextAsync(byte[] docx) => PartTextAsync(docx, m => m.FooterParts.Select(f => f.Footer!));

    /// <summary>Writer's text export leaves out headers and footers: the letterhead is read from the file itself.</summary>
    private static Task<string> PartTextAsync(byte[] docx, Func<MainDocumentPart, IEnumerable<OpenXmlElement>> roots)
    {
        using var stream = new MemoryStream(docx);
        using var doc = WordprocessingDocument.Open(stream, false);
        return Task.FromResult(string.Join("\n", roots(doc.MainDocumentPart!).SelectMany(r => r.Descendants<Paragraph>()).Select(p => p.InnerText))
            .Replace('\u00a0', ' '));
    }
}
