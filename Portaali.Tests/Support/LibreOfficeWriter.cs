using System.Diagnostics;

namespace Portaali.Tests.Support;

/// <summary>Opens a Word document in LibreOffice Writer (headless) and returns its text, so a .docx that our own code
/// accepts but a word processor rejects or shows wrongly fails the test. ./test.sh installs libreoffice-writer-nogui.</summary>
public static class LibreOfficeWriter
{
    private static readonly TimeSpan ConversionTimeout = TimeSpan.FromSeconds(90);

    /// <summary>The document's body text as Writer exports it (UTF-8), with no-break spaces read as spaces.</summary>
    public static async Task<string> TextOfAsync(byte[] docx)
    {
        var folder = Directory.CreateTempSubdirectory("portaali-writer-");
        try
        {
            var input = Path.Combine(folder.FullName, "tarjous.docx");
            await File.WriteAllBytesAsync(input, docx);
            // A private profile: a shared one locks when tests run side by side.
            var start = new ProcessStartInfo("soffice", [
                $"-env:UserInstallation=file://{Path.Combine(folder.FullName, "lo-profile")}", "--headless", "--norestore",
                "--convert-to", "txt:Text (encoded):UTF8", "--outdir", folder.FullName, input])
            {
                RedirectStandardOutput = true, RedirectStandardError = true,
            };
            Process process;
            try { process = Process.Start(start)!; }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw new InvalidOperationException("LibreOffice (soffice) is missing: run ./test.sh, which installs libreoffice-writer-nogui", e);
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
                    throw new TimeoutException($"soffice did not convert the document in {ConversionTimeout.TotalSeconds} s");
                }
                var txt = Path.ChangeExtension(input, ".txt");
                Assert.True(process.ExitCode == 0 && File.Exists(txt),
                    $"Writer could not open the document (exit {process.ExitCode}): {await output} {await errors}");
                return (await File.ReadAllTextAsync(txt)).TrimStart('\uFEFF').Replace('\u00a0', ' ').Replace('\u202f', ' ').Replace("\r\n", "\n");
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
