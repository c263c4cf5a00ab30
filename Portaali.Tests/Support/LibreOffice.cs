using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Portaali.Tests.Support;

/// <summary>Opens our .xlsx and .docx files in LibreOffice (headless), so a file our own code accepts but an office
/// program rejects or shows wrongly fails the test. ./test.sh installs libreoffice-calc-nogui and -writer-nogui.</summary>
public static class LibreOffice
{
    private static readonly TimeSpan ConversionTimeout = TimeSpan.FromSeconds(90);

    /// <summary>Profiles no soffice is using now. A profile is private to one soffice at a time (it locks it when tests
    /// run side by side), but building a new one is most of a conversion's start: a finished conversion leaves its own
    /// for the next.</summary>
    private static readonly ConcurrentBag<string> IdleProfiles = [];

    /// <summary>A Word document's body text as Writer exports it (UTF-8), with no-break spaces read as spaces.</summary>
    public static async Task<string> TextOfAsync(byte[] docx)
    {
        var folder = Directory.CreateTempSubdirectory("portaali-writer-");
        try
        {
            var input = Path.Combine(folder.FullName, "tarjous.docx");
            await File.WriteAllBytesAsync(input, docx);
            var txt = await ConvertAsync(input, folder.FullName, "txt:Text (encoded):UTF8", ".txt", "libreoffice-writer-nogui");
            return (await File.ReadAllTextAsync(txt)).TrimStart('\uFEFF').Replace('\u00a0', ' ').Replace('\u202f', ' ').Replace("\r\n", "\n");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>A workbook's first sheet as Calc prints its cells, row by row.</summary>
    public static async Task<List<string[]>> RowsOfAsync(string xlsx, string outDir)
    {
        // Comma-separated, double-quoted, UTF-8 (76), from the first line.
        var csv = await ConvertAsync(xlsx, outDir, "csv:Text - txt - csv (StarCalc):44,34,76,1", ".csv", "libreoffice-calc-nogui");
        using var reader = new CsvReader(new StreamReader(csv, System.Text.Encoding.UTF8),
            new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = false });
        var rows = new List<string[]>();
        while (await reader.ReadAsync()) rows.Add(reader.Parser.Record!);
        return rows;
    }

    /// <summary>Runs soffice with a profile no other soffice is using and returns the converted file's path.</summary>
    private static async Task<string> ConvertAsync(string input, string outDir, string filter, string extension, string package)
    {
        if (!IdleProfiles.TryTake(out var profile))
        {
            profile = Directory.CreateTempSubdirectory("portaali-lo-profile-").FullName;
            AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { Directory.Delete(profile, recursive: true); } catch (IOException) { } };
        }
        var start = new ProcessStartInfo("soffice", [
            $"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
            "--convert-to", filter, "--outdir", outDir, input])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        Process process;
        try { process = Process.Start(start)!; }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"LibreOffice (soffice) is missing: run ./test.sh, which installs {package}", e);
        }
        using (process)
        {
            using var timeout = new CancellationTokenSource(ConversionTimeout);
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var errors = process.StandardError.ReadToEndAsync(timeout.Token);
            try { await process.WaitForExitAsync(timeout.Token); }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true); // and its profile, perhaps half written, is not used again
                throw new TimeoutException($"soffice did not convert {Path.GetFileName(input)} in {ConversionTimeout.TotalSeconds} s");
            }
            IdleProfiles.Add(profile);
            var converted = Path.Combine(outDir, Path.GetFileNameWithoutExtension(input) + extension);
            Assert.True(process.ExitCode == 0 && File.Exists(converted),
                $"LibreOffice could not open {Path.GetFileName(input)} (exit {process.ExitCode}): {await output} {await errors}");
            return converted;
        }
    }
}
