using Microsoft.EntityFrameworkCore;
using Portaali.Core.Common;
using Portaali.Core.Data;
using Portaali.Core.Security;

namespace Portaali.Core.Projects;

/// <summary>A project's network as an Excel workbook through the one formula-safe writer, streamed row by row.</summary>
public class ProjectNetworkExport(IDbContextFactory<PortaaliDbContext> dbFactory, AccessGuard guard)
{
    /// <summary>Writes the network into <paramref name="output"/> and returns the download's file name.</summary>
    public async Task<string> ExportAsync(int projectId, Stream output, CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var name = await db.Projects.Where(p => p.Id == projectId).Select(p => p.Name).FirstOrDefaultAsync(ct) ?? throw ProjectService.NotFound();

        await using var excel = await ExcelWriter.CreateAsync(output, ct);
        await excel.AddSheetAsync(CoreText.Get("ProjectNetworkSheet"),
        [
            new(CoreText.Get("ProjectNetworkColOrganisation"), Width: 36), new(CoreText.Get("ProjectNetworkColContact"), Width: 24),
            new(CoreText.Get("ProjectNetworkColTitle"), Width: 24), new(CoreText.Get("ProjectNetworkColEmail"), Width: 30),
            new(CoreText.Get("ProjectNetworkColRole"), Width: 18), new(CoreText.Get("ProjectNetworkColNote"), Width: 40),
            new(CoreText.Get("ProjectNetworkColState"), Width: 18),
        ], ct);
        await foreach (var m in ProjectQueries.Network(db, projectId).AsAsyncEnumerable().WithCancellation(ct))
        {
            var state = m.CustomerIsPassive ? CoreText.Get("ProjectNetworkPassive") : m.ContactHasLeft ? CoreText.Get("ProjectNetworkLeft") : null;
            await excel.AddRowAsync([m.CustomerName, m.ContactName, m.Title, m.Email, RoleName(m.Role), m.Note, state], ct);
        }
        await excel.FinishAsync(ct);
        return FileNames.Safe($"{CoreText.Get("ProjectNetworkFile")}-{name}.xlsx", "verkosto.xlsx");
    }

    /// <summary>A role's name in the UI language.</summary>
    public static string RoleName(ProjectRole role) => CoreText.Get(role switch
    {
        ProjectRole.Coordinator => "ProjectRole_Coordinator",
        ProjectRole.Partner => "ProjectRole_Partner",
        ProjectRole.Funder => "ProjectRole_Funder",
        ProjectRole.Pilot => "ProjectRole_Pilot",
        ProjectRole.Expert => "ProjectRole_Expert",
        ProjectRole.SteeringGroup => "ProjectRole_SteeringGroup",
        _ => "ProjectRole_Other",
    });
}
