using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Portaali.Core.Common;
using Portaali.Tests.Support;

namespace Portaali.Tests.Core;

/// <summary>Core's messages exist in both UI languages, so switching to English never shows a Finnish text or a bare key.</summary>
public partial class CoreTextResourceTests
{
    private static readonly Dictionary<string, string> Finnish = Load("CoreText.resx");
    private static readonly Dictionary<string, string> English = Load("CoreText.en.resx");

    private static Dictionary<string, string> Load(string file) =>
        XDocument.Load(SourceTree.PathOf("Portaali.Core", "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    [GeneratedRegex(@"\{(\d+)[^}]*\}")]
    private static partial Regex Placeholder();

    private static IEnumerable<string> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => m.Groups[1].Value).Distinct().Order();

    [Fact]
    public void Every_finnish_message_has_an_english_translation()
    {
        Assert.NotEmpty(Finnish);
        Assert.Empty(Finnish.Keys.Except(English.Keys));
    }

    [Fact]
    public void Every_english_message_has_a_finnish_original() => Assert.Empty(English.Keys.Except(Finnish.Keys));

    [Fact]
    public void No_message_is_blank() =>
        Assert.Empty(Finnish.Concat(English).Where(kv => string.IsNullOrWhiteSpace(kv.Value)).Select(kv => kv.Key));

    [Fact]
    public void Both_languages_fill_in_the_same_placeholders() =>
        Assert.All(Finnish.Keys.Intersect(English.Keys), key =>
            Assert.Equal(Placeholders(Finnish[key]), Placeholders(English[key])));

    [Fact]
    public void Every_message_key_core_asks_for_exists()
    {
        var code = Directory.EnumerateFiles(SourceTree.PathOf("Portaali.Core"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Select(File.ReadAllText);
        var used = code.SelectMany(text => Regex.Matches(text, @"CoreText\.Get\(""(\w+)""|OrConflictAsync\(db, ""(\w+)""")
                .Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value))
            .ToHashSet();

        Assert.Contains("CustomerPassive", used); // the scan itself works
        Assert.Empty(used.Except(Finnish.Keys));
    }

    [Fact]
    public void Built_resources_serve_each_language()
    {
        // Checks the compiled satellite assembly, not just the .resx files.
        using (UiCulture.English())
            Assert.All(English, kv => Assert.Equal(kv.Value, CoreText.Get(kv.Key)));
        using (UiCulture.Finnish())
            Assert.All(Finnish, kv => Assert.Equal(kv.Value, CoreText.Get(kv.Key)));
        Assert.Equal(English["NameRequired"], CoreText.Manager.GetString("NameRequired", CultureInfo.GetCultureInfo("en-GB")));
    }
}
