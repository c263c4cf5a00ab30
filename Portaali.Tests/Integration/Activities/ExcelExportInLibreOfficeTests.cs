using System.Diagnostics;
using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
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
    private static readonly TimeSpan ConversionTimeout = TimeSpan.FromSeconds(60);

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
            var rows = await ConvertToCsvAsync(xlsx, folder.FullName);

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

    /// <summary>Runs soffice headless with a private profile (a shared one locks when tests run side by side).</summary>
    internal static async Task<List<string[]>> ConvertToCsvAsync(string xlsx, string outDir)
    {
        var profile = Path.Combine(outDir, "lo-profile");
        // Comma-separated, double-quoted, UTF-8 (76), from the first line.
        var start = new ProcessStartInfo("soffice", [
            $"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
            "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", outDir, xlsx])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        Process process;
        try { process = Process.Start(start)!; }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("LibreOffice (soffice) is missing: run ./test.sh, which installs libreoffice-calc-nogui", e);
        }
        using (process)
        {
            using var timeout = new CancellationTokenSource(ConversionTimeout);
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var errors = process.StandardError.ReadToEndAsync(timeout.Token);
            try { await process.WaitForExitAsync(timeout.Token); }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"soffice did not convert the export in {ConversionTimeout.TotalSeconds} s");
            }
            var csv = Path.ChangeExtension(xlsx, ".csv");
            Assert.True(process.ExitCode == 0 && File.Exists(csv),
                $"soffice exit {process.ExitCode}: {await output} {await errors}");
            using var reader = new CsvReader(new StreamReader(csv, System.Text.Encoding.UTF8),
                new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = false });
            var rows = new List<string[]>();
            while (await reader.ReadAsync()) rows.Add(reader.Parser.Record!);
            return rows;
        }
    }
}
