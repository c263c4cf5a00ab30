using Microsoft.JSInterop;

namespace Portaali.Web.Components.Shared;

/// <summary>Sends an export to the browser as a file: the Core service streams the workbook into a temporary file (deleted
/// on close), which then streams to the browser, so a large export is never one array in the server's memory.</summary>
public static class ExcelDownload
{
    public static async Task SaveAsync(IJSRuntime js, string fileName, Func<Stream, CancellationToken, Task> write, CancellationToken ct = default)
    {
        await using var file = new FileStream(Path.Combine(Path.GetTempPath(), $"portaali-export-{Guid.NewGuid():N}.xlsx"), FileMode.CreateNew,
            FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await write(file, ct);
        file.Position = 0;
        await using var module = await js.InvokeAsync<IJSObjectReference>("import", ct, "./download.js");
        using var stream = new DotNetStreamReference(file, leaveOpen: true);
        await module.InvokeVoidAsync("saveFile", ct, fileName, stream);
    }
}
