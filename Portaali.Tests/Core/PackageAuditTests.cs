using System.Text.Json;
using System.Xml.Linq;
using Portaali.Tests.Support;

namespace Portaali.Tests.Core;

/// <summary>What restore resolved, read from the assets files: NuGet's own audit needs the vulnerability data of the
/// package source, which the offline mirror does not serve, so the known cases are also checked here.</summary>
public class PackageAuditTests
{
    public static TheoryData<string> Projects => new() { "Portaali.Core", "Portaali.Web", "Portaali.Tests" };

    private static IEnumerable<string> Resolved(string project)
    {
        using var assets = JsonDocument.Parse(File.ReadAllText(SourceTree.PathOf(project, "obj", "project.assets.json")));
        return assets.RootElement.GetProperty("libraries").EnumerateObject().Select(p => p.Name).ToList();
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void System_Drawing_Common_is_a_patched_version(string project)
    {
        // CVE-2021-24112 (remote code execution): fixed in 4.7.2 and 5.0.3; ClosedXML 0.95.4 asks for 4.7.0.
        var drawing = Resolved(project).Single(l => l.StartsWith("System.Drawing.Common/", StringComparison.Ordinal));
        var version = Version.Parse(drawing.Split('/')[1]);
        Assert.True(version >= new Version(4, 7, 2) && version != new Version(5, 0, 0) && version != new Version(5, 0, 1) && version != new Version(5, 0, 2),
            $"{project} resolves {drawing}, which has a known vulnerability");
    }

    [Fact]
    public void NuGet_audit_is_on_for_every_package_direct_or_transitive()
    {
        var props = XDocument.Load(SourceTree.PathOf("Directory.Build.props"));
        string? Property(string name) => props.Descendants(name).SingleOrDefault()?.Value;

        Assert.Equal("true", Property("NuGetAudit"));
        Assert.Equal("all", Property("NuGetAuditMode"));
        Assert.DoesNotContain("NU190", Property("NoWarn") ?? "");
        Assert.DoesNotContain("NU190", Property("WarningsNotAsErrors") ?? "");
    }
}
