namespace Portaali.Core.Activities;

/// <summary>A memo on one line for lists: a template's headings become labels ("Tavoite: Käydä läpi … · Sovitut asiat: …")
/// instead of running into the text; headings left empty are dropped.</summary>
public static class MemoPreview
{
    public const int DefaultLength = 140;
    private const string SectionSeparator = " · ";

    /// <summary>The heading lines of memo templates: every non-empty line of a template body, compared without case
    /// and without a trailing colon.</summary>
    public static IReadOnlySet<string> Headings(IEnumerable<string?> templateBodies) =>
        templateBodies.SelectMany(body => Lines(body)).Select(Key).Where(k => k.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The memo flattened to one line of at most <paramref name="length"/> characters (an ellipsis marks a cut);
    /// null when nothing but empty headings is written.</summary>
    public static string? Format(string? memo, IReadOnlySet<string> headings, int length = DefaultLength)
    {
        if (string.IsNullOrWhiteSpace(memo)) return null;
        var sections = new List<(string? Heading, List<string> Text)> { (null, []) };
        foreach (var line in Lines(memo))
        {
            if (headings.Contains(Key(line))) sections.Add((Key(line), []));
            else sections[^1].Text.Add(line);
        }
        var parts = sections.Where(s => s.Text.Count > 0)
            .Select(s => (s.Heading is null ? "" : s.Heading + ": ") + string.Join(' ', s.Text)).ToList();
        if (parts.Count == 0) return null;
        var flat = string.Join(SectionSeparator, parts);
        return flat.Length <= length ? flat : flat[..length].TrimEnd() + "…";
    }

    private static IEnumerable<string> Lines(string? text) =>
        (text ?? "").Split((char[])['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.Replace('\t', ' '));

    private static string Key(string line) => line.Trim().TrimEnd(':').TrimEnd();
}
