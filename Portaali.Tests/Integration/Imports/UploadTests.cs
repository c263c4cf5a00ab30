using Microsoft.EntityFrameworkCore;
using Portaali.Core.Common;
using Portaali.Core.Data;
using Portaali.Core.Imports;
using Portaali.Core.Users;
using Portaali.Tests.Imports;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Imports;

/// <summary>Uploads on Tuonnit: refused with a message when too large or of the wrong type, and nothing left behind when they fail.</summary>
public class UploadTests : IAsyncLifetime
{
    private CoreHarness h = null!;
    private string folder = "";

    protected virtual DatabaseProvider DatabaseProvider => DatabaseProvider.Sqlite;

    public async Task InitializeAsync()
    {
        (h, folder) = await ImportHarness.CreateAsync(configure: o => o.MaxUploadMegabytes = 1, provider: DatabaseProvider);
        await h.SignInAsAsync(UserGroup.Administrator);
    }

    public async Task DisposeAsync()
    {
        await h.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    private ImportService Imports => h.Service<ImportService>();

    /// <summary>Every file under the data folder, hidden partial files included.</summary>
    private string[] FilesLeft() => Directory.GetFiles(folder, "*", SearchOption.AllDirectories);

    private async Task<int> RunsAsync() { await using var db = h.Db(); return await db.ImportRuns.CountAsync(); }

    /// <summary>A browser upload that delivers some bytes and then breaks, as when the tab closes mid-upload.</summary>
    private sealed class BreakingStream(int goodBytes, Exception failure) : MemoryStream(new byte[goodBytes])
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
        {
            var read = await base.ReadAsync(buffer, ct);
            return read > 0 ? read : throw failure;
        }
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_with_its_size_before_it_is_read()
    {
        using var _ = UiCulture.Finnish();
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("fi-FI");
        try { await FileOverTheLimitAsync("top.csv on liian suuri (1,5 Mt); suurin sallittu koko on 1 Mt."); }
        finally { System.Globalization.CultureInfo.CurrentCulture = culture; }
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_in_English_with_English_numbers()
    {
        using var _ = UiCulture.English();
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("en-US");
        try { await FileOverTheLimitAsync("top.csv is too large (1.5 MB); the largest allowed size is 1 MB."); }
        finally { System.Globalization.CultureInfo.CurrentCulture = culture; }
    }

    private async Task FileOverTheLimitAsync(string message)
    {
        var e = await Assert.ThrowsAsync<DomainException>(() =>
            Imports.StartUploadAsync(ImportSource.WorkPlacementCsv, "top.csv", new MemoryStream(), ImportMode.DryRun, size: 3 * 1024 * 1024 / 2));

        Assert.Equal(message, e.Message);
        Assert.Empty(FilesLeft());
        Assert.Equal(0, await RunsAsync());
    }

    [Fact]
    public async Task A_file_that_turns_out_larger_than_the_limit_while_read_is_refused_and_its_part_deleted()
    {
        using var _ = UiCulture.English();
        var e = await Assert.ThrowsAsync<DomainException>(() =>
            Imports.StartUploadAsync(ImportSource.WorkPlacementCsv, "top.csv", new MemoryStream(new byte[2 * 1024 * 1024]), ImportMode.DryRun));

        Assert.StartsWith("top.csv is too large (> 1", e.Message);
        Assert.EndsWith("the largest allowed size is 1 MB.", e.Message);
        Assert.Empty(FilesLeft());
    }

    [Fact]
    public async Task A_file_of_the_wrong_type_is_refused_with_the_expected_type()
    {
        using var _ = UiCulture.Finnish();
        var e = await Assert.ThrowsAsync<DomainException>(() =>
            Imports.StartUploadAsync(ImportSource.PrhBulk, "all_companies.json", new MemoryStream("[]"u8.ToArray()), ImportMode.DryRun));

        Assert.Equal("all_companies.json ei ole sallittua tyyppiä: valitse .zip-tiedosto.", e.Message);
        Assert.Empty(FilesLeft());
    }

    [Fact]
    public async Task An_upload_that_breaks_midway_leaves_no_file_and_says_so()
    {
        using var _ = UiCulture.Finnish();
        var e = await Assert.ThrowsAsync<DomainException>(() =>
            Imports.StartUploadAsync(ImportSource.WorkPlacementCsv, "top.csv", new BreakingStream(200_000, new IOException("reset")), ImportMode.DryRun));

        Assert.Equal("Tiedoston top.csv lähetys keskeytyi, eikä siitä tallennettu mitään. Yritä uudelleen.", e.Message);
        Assert.Empty(FilesLeft());
        Assert.Equal(0, await RunsAsync());
    }

    [Fact]
    public async Task A_cancelled_upload_leaves_no_file()
    {
        using var cancel = new CancellationTokenSource();
        var stream = new BreakingStream(200_000, new OperationCanceledException());
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Imports.StartUploadAsync(ImportSource.WorkPlacementCsv, "top.csv", stream, ImportMode.DryRun, cancel.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Imports.StartUploadAsync(ImportSource.WorkPlacementCsv, "top.csv", new BreakingStream(200_000, new OperationCanceledException()), ImportMode.DryRun));

        Assert.Empty(FilesLeft());
        Assert.Equal(0, await RunsAsync());
    }

    [Fact]
    public async Task A_good_upload_is_kept_once_under_its_name_and_queued()
    {
        await using var file = File.OpenRead(Fixtures.PathOf("work-placement.csv"));
        var id = await Imports.StartUploadAsync(ImportSource.WorkPlacementCsv, "work-placement.csv", file, ImportMode.DryRun, size: file.Length);

        var kept = Assert.Single(FilesLeft());
        Assert.EndsWith("-work-placement.csv", kept);
        Assert.Equal("work-placement.csv", (await Imports.GetRunAsync(id)).FileName);
    }
}
