using System.Text;
using ClosedXML.Excel;
using Portaali.Core.Campaigns;
using Portaali.Core.Common;
using Portaali.Core.Selections;
using Portaali.Core.Users;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Campaigns;

/// <summary>The registration list: read from real CSV and XLSX files, matched on e-mail, tried first, then applied.</summary>
public class RegistrationImportTests : HarnessTest
{
    private RegistrationImportService Import => H.Service<RegistrationImportService>();
    private int campaign;

    /// <summary>Aino, Bertta and Cecilia are members (added); Daniel is a contact outside the campaign; two contacts share
    /// "yhteinen@firma.fi".</summary>
    private async Task ArrangeAsync()
    {
        var user = await H.SignInAsAsync(UserGroup.SalesAndMarketing);
        var customer = await H.AddCustomerAsync("Espoon Kone Oy");
        var other = await H.AddCustomerAsync("Firma Oy");
        var aino = await H.AddContactAsync(customer.Id, "Aino", "Aalto", p => p.Email = "Aino.Aalto@EspoonKone.fi");
        var bertta = await H.AddContactAsync(customer.Id, "Bertta", "Berg", p => p.Email = "bertta@espoonkone.fi");
        var cecilia = await H.AddContactAsync(customer.Id, "Cecilia", "Carlsson", p => p.Email = "cecilia@espoonkone.fi");
        await H.AddContactAsync(customer.Id, "Daniel", "Dahl", p => p.Email = "daniel@espoonkone.fi");
        await H.AddContactAsync(other.Id, "Eeva", "Eskola", p => p.Email = "yhteinen@firma.fi");
        await H.AddContactAsync(other.Id, "Frans", "Forsman", p => p.Email = " Yhteinen@Firma.fi ");
        var list = await H.SaveStaticListAsync("Kutsutut", SelectionTarget.Contacts, [aino.Id, bertta.Id, cecilia.Id], user.Id);
        campaign = await H.NewCampaignAsync("Kevätseminaari");
        await H.Service<CampaignService>().AddFromSelectionAsync(campaign, list);
    }

    private static MemoryStream Csv(string text, Encoding encoding, bool bom)
    {
        var bytes = new List<byte>();
        if (bom) bytes.AddRange(encoding.GetPreamble());
        bytes.AddRange(encoding.GetBytes(text));
        return new MemoryStream(bytes.ToArray());
    }

    private Task<RegistrationFile> ReadAsync(MemoryStream stream, string name) => Import.ReadFileAsync(stream, name, stream.Length);

    private const string RegistrationCsv =
        "Nimi;Organisaatio;Sähköposti;Erityisruokavalio\r\n" +
        "Aino Aalto;Espoon Kone;  AINO.AALTO@espoonkone.FI ;\r\n" +
        "Bertta Berg;Espoon Kone;bertta@espoonkone.fi;laktoositon\r\n" +
        "Daniel Dahl;Espoon Kone;Daniel@EspoonKone.fi;\r\n" +
        "Tuntematon;Muu Oy;tuntematon@muu.fi;\r\n" +
        "Eeva tai Frans;Firma;yhteinen@firma.fi;\r\n" +
        "Aino uudelleen;Espoon Kone;aino.aalto@espoonkone.fi;\r\n";

    [Fact]
    public async Task A_semicolon_csv_with_a_bom_is_tried_first_without_changes_then_marks_the_matched_members_registered()
    {
        await ArrangeAsync();
        var file = await ReadAsync(Csv(RegistrationCsv, new UTF8Encoding(true), bom: true), "ilmoittautuneet.csv");
        Assert.Equal(["Nimi", "Organisaatio", "Sähköposti", "Erityisruokavalio"], file.Columns);

        var options = new RegistrationImportOptions { Step = CampaignStep.Registered };
        var plan = await Import.DryRunAsync(campaign, file, options);

        Assert.Equal(2, plan.EmailColumn);
        Assert.Equal((6, 2, 0, 1), (plan.Rows, plan.ToMark, plan.AlreadyAtStep, plan.DuplicateRows));
        Assert.Equal([(4L, "Daniel@EspoonKone.fi", "Daniel Dahl")], plan.NotMembers.Select(r => (r.Line, r.Email, r.ContactName!)));
        Assert.Equal([(5L, "tuntematon@muu.fi")], plan.Unmatched.Select(r => (r.Line, r.Email)));
        var ambiguous = Assert.Single(plan.Ambiguous);
        Assert.Equal(6L, ambiguous.Line);
        Assert.Equal(["Eeva Eskola (Firma Oy)", "Frans Forsman (Firma Oy)"], ambiguous.Contacts);
        Assert.All(await H.MembersAsync(campaign), m => Assert.Equal(CampaignStep.Added, m.Step)); // the dry run changed nothing

        var result = await Import.ApplyAsync(campaign, file, options);

        Assert.Equal(new RegistrationImportResult(2, 0), result);
        Assert.Equal([("Aino", CampaignStep.Registered), ("Bertta", CampaignStep.Registered), ("Cecilia", CampaignStep.Added)], await H.MembersAsync(campaign));
        var again = await Import.DryRunAsync(campaign, file, options);
        Assert.Equal((0, 2), (again.ToMark, again.AlreadyAtStep));
    }

    [Fact]
    public async Task An_attendance_workbook_made_in_excel_marks_attended_and_adds_the_contacts_not_yet_in_the_campaign_when_asked()
    {
        await ArrangeAsync();
        var stream = new MemoryStream();
        using (var workbook = new XLWorkbook())
        {
            var sheet = workbook.AddWorksheet("Osallistujat");
            sheet.Cell(1, 1).Value = "Name";
            sheet.Cell(1, 2).Value = "E-mail";
            sheet.Cell(2, 1).Value = "Cecilia";
            sheet.Cell(2, 2).Value = "CECILIA@espoonkone.fi";
            sheet.Cell(3, 1).Value = "Daniel";
            sheet.Cell(3, 2).Value = "daniel@espoonkone.fi ";
            sheet.Cell(4, 1).Value = "Nobody";
            sheet.Cell(4, 2).Value = "nobody@example.com";
            workbook.SaveAs(stream);
        }
        stream.Position = 0;
        var file = await ReadAsync(stream, "osallistujat.xlsx");
        var options = new RegistrationImportOptions { Step = CampaignStep.Attended, AddNonMembers = true };

        var plan = await Import.DryRunAsync(campaign, file, options);

        Assert.Equal((1, 1, 4L), (plan.EmailColumn, plan.ToMark, plan.Unmatched.Single().Line));
        Assert.Equal("Daniel Dahl", plan.NotMembers.Single().ContactName);

        Assert.Equal(new RegistrationImportResult(1, 1), await Import.ApplyAsync(campaign, file, options));
        Assert.Equal([("Aino", CampaignStep.Added), ("Bertta", CampaignStep.Added), ("Cecilia", CampaignStep.Attended), ("Daniel", CampaignStep.Attended)],
            await H.MembersAsync(campaign));
    }

    [Fact]
    public async Task Excels_finnish_csv_in_windows_1252_without_an_email_header_is_matched_on_the_column_of_addresses()
    {
        await ArrangeAsync();
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var text = "Etunimi;Yhteystieto\r\nBertta;bertta@espoonkone.fi\r\nÅsa;asa@muu.fi\r\n";
        var file = await ReadAsync(Csv(text, Encoding.GetEncoding(1252), bom: false), "Ilmoittautuneet (Excel).csv");
        Assert.Equal("Åsa", file.Rows[1][0]);

        var plan = await Import.DryRunAsync(campaign, file, new RegistrationImportOptions());

        Assert.Equal((1, 1, 1), (plan.EmailColumn, plan.ToMark, plan.Unmatched.Count));
        var chosenWrong = await Import.DryRunAsync(campaign, file, new RegistrationImportOptions { EmailColumn = 0 });
        Assert.Equal((0, 2), (chosenWrong.ToMark, chosenWrong.Unmatched.Count));
    }

    [Fact]
    public async Task A_comma_csv_without_a_bom_and_an_attended_member_stays_attended_when_the_file_means_registered()
    {
        await ArrangeAsync();
        await H.Service<CampaignService>().SetStepAsync(campaign, [await H.MemberIdAsync(campaign, "Aino")], CampaignStep.Attended);
        var file = await ReadAsync(Csv("Email,Name\naino.aalto@espoonkone.fi,Aino\n", new UTF8Encoding(false), bom: false), "regs.csv");

        var plan = await Import.DryRunAsync(campaign, file, new RegistrationImportOptions { Step = CampaignStep.Registered });

        Assert.Equal((0, 0, 1), (plan.EmailColumn, plan.ToMark, plan.AlreadyAtStep));
        Assert.Equal(new RegistrationImportResult(0, 0), await Import.ApplyAsync(campaign, file, new RegistrationImportOptions()));
        Assert.Contains(("Aino", CampaignStep.Attended), await H.MembersAsync(campaign));
    }

    [Fact]
    public async Task Bad_files_get_clear_messages()
    {
        using var _ = UiCulture.Use("en-US");
        await ArrangeAsync();

        var wrongType = await Assert.ThrowsAsync<DomainException>(() => ReadAsync(new MemoryStream([1, 2, 3]), "list.pdf"));
        Assert.Contains("list.pdf", wrongType.Message);
        var notExcel = await Assert.ThrowsAsync<DomainException>(() => ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes("not a workbook")), "list.xlsx"));
        Assert.Equal("The file list.xlsx cannot be read as an Excel workbook (.xlsx). Save it again in Excel or export it as CSV.", notExcel.Message);
        var headerOnly = await Assert.ThrowsAsync<DomainException>(() => ReadAsync(Csv("Email\r\n", new UTF8Encoding(false), false), "empty.csv"));
        Assert.Equal("The file empty.csv has no header row and registration rows.", headerOnly.Message);

        var noEmails = await ReadAsync(Csv("Name;Company\r\nAino;Espoon Kone\r\n", new UTF8Encoding(false), false), "names.csv");
        var plan = await Import.DryRunAsync(campaign, noEmails, new RegistrationImportOptions());
        Assert.False(plan.HasEmailColumn);
        var refused = await Assert.ThrowsAsync<DomainException>(() => Import.ApplyAsync(campaign, noEmails, new RegistrationImportOptions()));
        Assert.Equal("No e-mail column was found in the file. Choose the column that holds the addresses.", refused.Message);
    }
}
