using System.Net;
using ClosedXML.Excel;
using Portaali.Core.Common;
using Portaali.Core.Exports;
using Portaali.Core.Users;

namespace Portaali.Tests.Web.Exports;

/// <summary>A finished export's download over HTTP: its owner gets the file with a safe name, anyone else gets nothing.
/// The tests share one app; each adds its own users and export.</summary>
public class ExportDownloadEndpointTests(ExportDownloadEndpointTests.App factory) : IClassFixture<ExportDownloadEndpointTests.App>
{
    /// <summary>The app with its exports in a folder of its own, deleted with it.</summary>
    public sealed class App : PortaaliWebFactory
    {
        public string Folder { get; } = Directory.CreateTempSubdirectory("portaali-web-exports-").FullName;

        public App()
        {
            Settings["Portaali:Exports:Folder"] = Folder;
            Settings["Hangfire:Server"] = "false";
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
        }
    }

    /// <summary>A done export of <paramref name="owner"/> with a real workbook in the exports folder.</summary>
    private async Task<int> AddDoneExportAsync(AppUser owner)
    {
        var path = Path.Combine(factory.Folder, $"{Guid.NewGuid():N}.xlsx");
        await using (var file = File.Create(path))
        await using (var excel = await ExcelWriter.CreateAsync(file))
        {
            await excel.AddSheetAsync("Poiminta", [new("Nimi")]);
            await excel.AddRowAsync("Örnäsin Hoiva Oy");
            await excel.FinishAsync();
        }
        await using var db = factory.OpenDb();
        var job = new ExportJob
        {
            OwnerUserId = owner.Id, Title = "Espoo", FileName = "Espoo päättäjät 2026-03-10.xlsx", RequestJson = "{}",
            State = ExportState.Done, FilePath = path, FileBytes = new FileInfo(path).Length, CreatedAtUtc = DateTime.UtcNow,
        };
        db.ExportJobs.Add(job);
        await db.SaveChangesAsync();
        return job.Id;
    }

    [Fact]
    public async Task The_owner_downloads_the_file_with_its_safe_name()
    {
        var owner = await factory.AddUserAsync("Sari Markkinoija", UserGroup.SalesAndMarketing);
        var id = await AddDoneExportAsync(owner);

        var response = await factory.ClientFor(owner).GetAsync($"/exports/{id}/download");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("Espoo päättäjät 2026-03-10.xlsx", response.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        using var book = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        Assert.Equal("Örnäsin Hoiva Oy", book.Worksheet(1).Cell(2, 1).GetString());
    }

    [Fact]
    public async Task Another_user_and_an_anonymous_visitor_get_no_file()
    {
        var owner = await factory.AddUserAsync("Sari Markkinoija", UserGroup.SalesAndMarketing);
        var other = await factory.AddUserAsync("Olli Muu", UserGroup.Administrator);
        var id = await AddDoneExportAsync(owner);

        var refused = await factory.ClientFor(other).GetAsync($"/exports/{id}/download");
        var anonymous = await factory.ClientFor(null).GetAsync($"/exports/{id}/download");

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Null(refused.Content.Headers.ContentDisposition);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/signin", anonymous.Headers.Location!.OriginalString);
    }
}
