using System.Globalization;

namespace Portaali.Core.Common;

/// <summary>What a kind of upload accepts: its file types and the most bytes.</summary>
public sealed record UploadRule(IReadOnlyList<string> Extensions, long MaxBytes)
{
    /// <summary>For the file picker's accept attribute: ".csv" or ".eml".</summary>
    public string Accept => string.Join(",", Extensions);
}

/// <summary>The one way every upload is checked and kept: a wrong type or a file over the limit is refused with a message
/// (before anything is read when the size is known, and again while reading), and a failed or cancelled upload leaves no
/// file behind.</summary>
public static class Uploads
{
    /// <summary>Refuses a file by its name and declared size, before any byte is read.</summary>
    public static void Check(string fileName, long? size, UploadRule rule)
    {
        var name = Path.GetFileName(fileName);
        if (!rule.Extensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            throw new DomainException(CoreText.Get("UploadWrongType", name, string.Join(" / ", rule.Extensions)));
        if (size > rule.MaxBytes) throw TooLarge(name, size.Value, rule);
        if (size == 0) throw new DomainException(CoreText.Get("UploadEmpty", name));
    }

    /// <summary>Streams the upload into the folder under a unique name (or <paramref name="storeAs"/>, a name the caller
    /// generated) and returns its path. It is written to a hidden ".part" file first and renamed only when complete; any
    /// failure or cancellation deletes it.</summary>
    public static async Task<string> SaveAsync(Stream content, string folder, string fileName, long? size, UploadRule rule,
        DateTime now, CancellationToken ct, string? storeAs = null)
    {
        Check(fileName, size, rule);
        var name = Path.GetFileName(fileName);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, storeAs is null ? $"{now:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}-{name}" : Path.GetFileName(storeAs));
        var partial = Path.Combine(folder, $".{Guid.NewGuid():N}.part");
        try
        {
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
                await CopyAsync(content, file, name, rule, ct);
            File.Move(partial, path);
            return path;
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
    }

    /// <summary>Reads a small upload into memory, refusing it as soon as it passes the limit.</summary>
    public static async Task<MemoryStream> ReadAsync(Stream content, string fileName, long? size, UploadRule rule, CancellationToken ct)
    {
        Check(fileName, size, rule);
        var buffer = new MemoryStream();
        await CopyAsync(content, buffer, Path.GetFileName(fileName), rule, ct);
        buffer.Position = 0;
        return buffer;
    }

    private static async Task CopyAsync(Stream from, Stream to, string name, UploadRule rule, CancellationToken ct)
    {
        var chunk = new byte[81920];
        long total = 0;
        while (true)
        {
            int read;
            try { read = await from.ReadAsync(chunk, ct); }
            catch (IOException) when (!ct.IsCancellationRequested)
            {
                // The browser's stream breaks when the tab closes or the connection drops mid-upload.
                throw new DomainException(CoreText.Get("UploadInterrupted", name));
            }
            if (read == 0) break;
            total += read;
            if (total > rule.MaxBytes) throw TooLarge(name, total, rule, atLeast: true);
            await to.WriteAsync(chunk.AsMemory(0, read), ct);
        }
        if (total == 0) throw new DomainException(CoreText.Get("UploadEmpty", name));
    }

    private static DomainException TooLarge(string name, long size, UploadRule rule, bool atLeast = false) =>
        new(CoreText.Get("UploadTooLarge", name, (atLeast ? "> " : "") + Describe(size), Describe(rule.MaxBytes)));

    /// <summary>"12,5 Mt" / "200 Mt" in the user's number format.</summary>
    public static string Describe(long bytes)
    {
        var culture = CultureInfo.CurrentCulture;
        var megabytes = bytes / (1024.0 * 1024);
        if (megabytes >= 1) return megabytes.ToString(megabytes >= 100 || megabytes == Math.Floor(megabytes) ? "N0" : "N1", culture) + " " + CoreText.Get("UploadMegabytes");
        return Math.Max(1, (int)Math.Ceiling(bytes / 1024.0)).ToString("N0", culture) + " " + CoreText.Get("UploadKilobytes");
    }
}
