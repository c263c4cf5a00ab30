using Portaali.Core.Activities;
using Portaali.Core.Users;
using Portaali.Tests.Support;
using static Portaali.Tests.Integration.Activities.ActivityTestData;

namespace Portaali.Tests.Integration.Activities;

/// <summary>
/// The browse export opened by a spreadsheet program that is not ClosedXML: LibreOffice Calc converts the .xlsx to CSV,
/// so a workbook our own reader accepts but Excel-compatible programs reject, or mangled Finnish text, fails here.
/// ./test.sh installs Debian's libreoffice-calc-nogui when soffice is missing.
/// </summary>
public class ExcelExportInLibreOfficeTests : HarnessTest
{
    [Fact]
    public async Task LibreOffice_reads_the_export_with_its_rows_and_finnish_text_intact()
    {
        var me = await H.CreateUserAsync(UserGroup.AccountManager, "Sörén Äijälä");
        H.SignInAs(me);
        var customer = await H.AddCustomerAsync("Hämeenlinnan Ympäristöpalvelut Oy");
        await H.Activities.CreateAsync(Edit(Visit, customer.Id, "Käynti: työturvallisuuskoulutus", new DateTime(2026, 3, 2, 10, 0, 0), 90,
            memo: "Tavoite\nÅlandin toimipiste mukaan; hinta 1 250 € \"alustavasti\""));
        await H.Activities.CreateAsync(Edit(Call, customer.Id, "Soitto, tarjouksen läpikäynti", new DateTime(2026, 3, 3, 9, 0, 0), 30));
        await H.Activities.CreateAsync(Edit(Planning, null, "Viikkosuunnittelu", new DateTime(2026, 3, 4, 8, 0, 0)));
        using var _ = UiCulture.Finnish();
        var bytes = await H.Activities.ExportAsync(new ActivityQuery { CustomerId = customer.Id, Sort = ActivitySort.StartsAscending });

        var folder = Directory.CreateTempSubdirectory("portaali-export-");
        try
        {
            var xlsx = Path.Combine(folder.FullName, "toimenpiteet.xlsx");
            await File.WriteAllBytesAsync(xlsx, bytes);
            var rows = await LibreOffice.RowsOfAsync(xlsx, folder.FullName);

            Assert.Equal(3, rows.Count); // header and the customer's two activities; the planning is not the customer's
            Assert.Equal(["Päivä", "Klo", "Kesto (h)", "Tyyppi", "Avainsana", "Otsikko", "Asiakas", "Tila", "Osallistujat", "Muistio", "Kuittaus"], rows[0]);
            Assert.Equal(["2.3.2026", "10:00", "1.5", "Käynti", "", "Käynti: työturvallisuuskoulutus", "Hämeenlinnan Ympäristöpalvelut Oy", "OK",
                "Sörén Äijälä", "Tavoite\nÅlandin toimipiste mukaan; hinta 1 250 € \"alustavasti\"", ""], rows[1]);
            Assert.Equal(["3.3.2026", "09:00", "0.5", "Soitto", "", "Soitto, tarjouksen läpikäynti", "Hämeenlinnan Ympäristöpalvelut Oy", "OK",
                "Sörén Äijälä", "", ""], rows[2]);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
