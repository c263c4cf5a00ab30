using System.Text.RegularExpressions;
using System.Xml.Linq;
using Portaali.Core.Auditing;
using Portaali.Core.Contacts;
using Portaali.Core.Customers;
using Portaali.Core.Segments;
using Portaali.Core.Users;

namespace Portaali.Tests.Components;

/// <summary>A key missing from a resource file shows its raw name on screen; these checks catch it before a user does.</summary>
public partial class UiResourceTests
{
    private static readonly string RepositoryRoot = FindRepositoryRoot();
    private static readonly string ResourceFolder = Path.Combine(RepositoryRoot, "Portaali.Web", "Resources");
    private static readonly IReadOnlySet<string> FinnishKeys = Keys(Path.Combine(ResourceFolder, "Ui.resx"));
    private static readonly IReadOnlySet<string> EnglishKeys = Keys(Path.Combine(ResourceFolder, "Ui.en.resx"));

    /// <summary>Literal lookups, also those with format arguments (<c>L["DesktopAdded", title]</c>).</summary>
    [GeneratedRegex("""L\["([A-Za-z0-9_]+)"\s*[\],]""")]
    private static partial Regex LiteralKey();

    [Fact]
    public void Every_Finnish_key_has_an_English_text()
    {
        Assert.NotEmpty(FinnishKeys);
        Assert.Empty(FinnishKeys.Except(EnglishKeys).Order());
    }

    [Fact]
    public void Every_English_key_has_a_Finnish_text()
    {
        Assert.NotEmpty(EnglishKeys);
        Assert.Empty(EnglishKeys.Except(FinnishKeys).Order());
    }

    [Fact]
    public void Every_literal_key_used_in_the_components_exists_in_Ui_resx()
    {
        var components = Path.Combine(RepositoryRoot, "Portaali.Web", "Components");
        var used = Directory.EnumerateFiles(components, "*.razor", SearchOption.AllDirectories)
            .SelectMany(file => LiteralKey().Matches(File.ReadAllText(file))
                .Select(m => (Key: m.Groups[1].Value, File: Path.GetRelativePath(components, file))))
            .Where(use => !use.Key.EndsWith('_')) // a prefix completed at run time, checked below where it is an enum
            .ToList();

        Assert.True(used.Count > 100, $"only {used.Count} keys found: is the pattern still matching the components?");
        Assert.Empty(used.Where(use => !FinnishKeys.Contains(use.Key)).Select(use => $"{use.Key} ({use.File})").Distinct().Order());
    }

    [Fact]
    public void Every_value_shown_through_a_prefixed_key_has_a_text()
    {
        var needed = Enum.GetNames<Segment>().SelectMany(s => new[] { "Segment_" + s, "SegmentMeaning_" + s })
            .Concat(Enum.GetNames<UserGroup>().Select(g => "Group_" + g))
            .Concat(Enum.GetNames<DuplicateReason>().Select(r => "DuplicateReason_" + r))
            .Concat(Enumerable.Range(0, 10).Select(n => "SizeClass_" + n))
            .Concat(AuditLog.Fields(new Customer { Name = "" }).Keys.Select(f => "Field_" + f))
            .Concat(AuditLog.Fields(new Contact { FirstName = "", LastName = "" }).Keys.Select(f => "Field_" + f))
            .ToList();

        Assert.Empty(needed.Where(key => !FinnishKeys.Contains(key)).Order());
    }

    private static HashSet<string> Keys(string resx) =>
        XDocument.Load(resx).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Portaali.sln"))) return dir.FullName;
        throw new InvalidOperationException($"Portaali.sln not found above {AppContext.BaseDirectory}");
    }
}
