using System.Globalization;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Portaali.Core.Common;

namespace Portaali.Core.Imports.Prh;

/// <summary>Reads PRH's all_companies ZIP one company record at a time with bounded memory: the entry may expand only so far
/// (in bytes and per compressed byte), and one record may be only so large, so a zip bomb fails the run instead of the server.</summary>
public static class PrhBulkFile
{
    /// <summary>The records of the ZIP's JSON entry, in order, each as its raw JSON; throws <see cref="ImportFileException"/>
    /// with the reason when the file breaks a limit or is not a JSON array.</summary>
    public static async IAsyncEnumerable<ReadOnlyMemory<byte>> ReadRecordsAsync(string? path, PrhOptions limits,
        [EnumeratorCancellation] CancellationToken ct)
    {
        if (path is null || !File.Exists(path)) throw new ImportFileException(CoreText.Get("ImportFileMissing", path ?? "–"));
        ZipArchive zip;
        try { zip = ZipFile.OpenRead(path); }
        catch (InvalidDataException) { throw new ImportFileException(CoreText.Get("PrhBulkNotZip", Path.GetFileName(path))); }
        using var _ = zip;
        var entry = zip.Entries.FirstOrDefault(e => e.FullName.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            ?? throw new ImportFileException(CoreText.Get("PrhBulkNoJson"));
        var maxBytes = limits.MaxUncompressedMegabytes * 1024 * 1024;
        if (entry.Length > maxBytes) throw TooLarge(limits);
        await using var raw = entry.Open();
        await using var bounded = new BoundedStream(raw, entry.CompressedLength, limits);
        var records = new JsonArrayReader(bounded, Math.Max(1, limits.MaxRecordKilobytes) * 1024);
        while (true)
        {
            ReadOnlyMemory<byte>? record;
            try { record = await records.NextAsync(ct); }
            catch (JsonException e) { throw new ImportFileException(CoreText.Get("PrhBulkBadJson", records.Count + 1, e.Message)); }
            catch (InvalidDataException e) { throw new ImportFileException(CoreText.Get("PrhBulkBadJson", records.Count + 1, e.Message)); }
            if (record is null) yield break;
            yield return record.Value;
        }
    }

    private static ImportFileException TooLarge(PrhOptions limits) =>
        new(CoreText.Get("PrhBulkTooLarge", limits.MaxUncompressedMegabytes.ToString("N0", CultureInfo.CurrentCulture)));

    /// <summary>Counts what the entry expands to while it is read, and stops at either limit.</summary>
    private sealed class BoundedStream(Stream inner, long compressedLength, PrhOptions limits) : Stream
    {
        // Below this the ratio is not judged: a tiny file may well compress 1000:1.
        private const long RatioFloorBytes = 1024 * 1024;
        private long total;

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));
        public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) => Count(await inner.ReadAsync(buffer, ct));
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) => ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

        private int Count(int read)
        {
            total += read;
            if (total > limits.MaxUncompressedMegabytes * 1024 * 1024) throw TooLarge(limits);
            if (total > RatioFloorBytes && total > Math.Max(1, compressedLength) * (long)limits.MaxCompressionRatio)
                throw new ImportFileException(CoreText.Get("PrhBulkRatioTooHigh", limits.MaxCompressionRatio));
            return read;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => total; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}

/// <summary>Splits a stream holding one JSON array into its elements, holding no more than one element in memory; an element
/// larger than the limit is refused. (JsonSerializer.DeserializeAsyncEnumerable buffers a whole element however large.)</summary>
internal sealed class JsonArrayReader(Stream stream, int maxElementBytes)
{
    private byte[] buffer = new byte[Math.Min(64 * 1024, maxElementBytes)];
    private int start, end;
    private bool eof, inArray, done;
    private JsonReaderState state;

    /// <summary>Elements returned so far.</summary>
    public long Count { get; private set; }

    /// <summary>The next element's bytes (valid until the next call), or null after the array's end.</summary>
    public async ValueTask<ReadOnlyMemory<byte>?> NextAsync(CancellationToken ct)
    {
        while (!done)
        {
            if (TryNext(out var elementStart, out var elementLength))
            {
                if (done) return null;
                Count++;
                return buffer.AsMemory(elementStart, elementLength);
            }
            if (eof) throw new JsonException(CoreText.Get("JsonUnexpectedEnd"));
            if (start > 0)
            {
                Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            }
            if (end == buffer.Length)
            {
                if (buffer.Length >= maxElementBytes)
                    throw new ImportFileException(CoreText.Get("PrhBulkRecordTooLarge", Count + 1, maxElementBytes / 1024));
                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, maxElementBytes));
            }
            var read = await stream.ReadAsync(buffer.AsMemory(end), ct);
            if (read == 0) eof = true;
            else end += read;
        }
        return null;
    }

    /// <summary>Reads on from the last whole element; false when the buffer ends inside the next one.</summary>
    private bool TryNext(out int elementStart, out int elementLength)
    {
        elementStart = elementLength = 0;
        var reader = new Utf8JsonReader(buffer.AsSpan(start, end - start), eof, state);
        if (!inArray)
        {
            if (!reader.Read()) return false;
            if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException(CoreText.Get("JsonNotAnArray"));
            inArray = true;
            Commit(ref reader);
            reader = new Utf8JsonReader(buffer.AsSpan(start, end - start), eof, state);
        }
        if (!reader.Read()) return false;
        if (reader.TokenType == JsonTokenType.EndArray)
        {
            done = true;
            return true;
        }
        var tokenStart = (int)reader.TokenStartIndex;
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip()) return false;
        elementStart = start + tokenStart;
        elementLength = (int)reader.BytesConsumed - tokenStart;
        Commit(ref reader);
        return true;
    }

    private void Commit(ref Utf8JsonReader reader)
    {
        start += (int)reader.BytesConsumed;
        state = reader.CurrentState;
    }
}
