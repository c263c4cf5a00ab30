using System.IO.Compression;
using System.Text;
using Portaali.Core.Data;
using Portaali.Core.Imports;
using Portaali.Core.Users;
using Portaali.Tests.Imports;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Imports;

/// <summary>Measures allocations, which are counted for the whole process: these tests run alone.</summary>
[CollectionDefinition(nameof(MemoryMeasuringCollection), DisableParallelization = true)]
public class MemoryMeasuringCollection;

/// <summary>A small ZIP that expands enormously must fail the run with a reason while the import's memory stays bounded.</summary>
[Collection(nameof(MemoryMeasuringCollection))]
public class PrhBulkZipBombTests : IAsyncLifetime
{
    private const long Megabyte = 1024 * 1024;
    private CoreHarness h = null!;
    private string folder = "";

    protected virtual DatabaseProvider DatabaseProvider => DatabaseProvider.Sqlite;

    public async Task InitializeAsync() => (h, folder) = await ImportHarness.CreateAsync(provider: DatabaseProvider);

    public async Task DisposeAsync()
    {
        await h.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>Writes the entry's text in pieces: prefix, a piece repeated up to the given size, suffix.</summary>
    private string WriteZip(string prefix, string repeated, long size, string suffix)
    {
        var path = Path.Combine(folder, "all_companies.zip");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using var entry = zip.CreateEntry("all_companies.json", CompressionLevel.Optimal).Open();
        entry.Write(Encoding.UTF8.GetBytes(prefix));
        var chunk = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(repeated, (int)Math.Max(1, Megabyte / repeated.Length))));
        for (long written = 0; written < size; written += chunk.Length) entry.Write(chunk);
        entry.Write(Encoding.UTF8.GetBytes(suffix));
        return path;
    }

    private async Task<(ImportRunRow Run, long Allocated)> RunAsync(string path)
    {
        await h.SignInAsAsync(UserGroup.Administrator);
        int id;
        await using (var file = File.OpenRead(path))
            id = await h.Service<ImportService>().StartUploadAsync(ImportSource.PrhBulk, "all_companies.zip", file, ImportMode.Apply);
        var before = GC.GetTotalAllocatedBytes(precise: true);
        await h.RunQueuedAsync();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        return (await h.Service<ImportService>().GetRunAsync(id), allocated);
    }

    [Fact]
    public async Task One_record_expanding_to_300_MB_fails_the_run_without_reading_it_into_memory()
    {
        using var _ = UiCulture.Finnish();
        await h.AddCustomerAsync("Vanha Nimi Oy", "1234567-1");
        var path = WriteZip("""[{"businessId":{"value":"1234567-1"},"names":[{"name":" """, "a", 300 * Megabyte, "\"}]}]");
        Assert.InRange(new FileInfo(path).Length, 1, 2 * Megabyte);

        var (run, allocated) = await RunAsync(path);

        Assert.Equal(ImportStatus.Failed, run.Status);
        Assert.Equal("YTJ-aineiston tietue 1 on yli 1024 kt, joten tuonti keskeytettiin (raja Imports:Prh:MaxRecordKilobytes).", run.Message);
        Assert.True(allocated < 64 * Megabyte, $"the import allocated {allocated / Megabyte} MB");
    }

    [Fact]
    public async Task Records_expanding_far_beyond_the_compression_ratio_fail_the_run_and_memory_stays_bounded()
    {
        using var _ = UiCulture.English();
        // Each record carries 4,000 spaces of padding, which compresses about 1000:1.
        var record = """{"businessId":{"value":"0000002-7"},""" + new string(' ', 4000) + "\"names\":[{\"name\":\"Pieni Toiminimi\",\"type\":\"1\"}]},";
        var path = WriteZip("[", record, 300 * Megabyte, """{"businessId":{"value":"0000002-7"}}]""");

        var (run, allocated) = await RunAsync(path);

        Assert.Equal(ImportStatus.Failed, run.Status);
        Assert.StartsWith("The YTJ file expands to more than 100 times its compressed size.", run.Message);
        Assert.True(run.Done * (long)record.Length < 50 * Megabyte, $"{run.Done} records were read before stopping");
        Assert.True(allocated < 200 * Megabyte, $"the import allocated {allocated / Megabyte} MB");
    }
}
