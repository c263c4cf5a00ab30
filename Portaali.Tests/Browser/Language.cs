using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Portaali.Tests.Browser;

/// <summary>
/// One language at a time: the texts of the other language that a page in <c>culture</c> shows. The lists are the app's
/// own texts (Ui, CoreText, MudTexts against MudBlazor's English), so a new resource is checked without anyone listing it.
/// </summary>
public static partial class Language
{
    /// <summary>The page's visible texts: every text node and the names a screen reader speaks, in one round trip.</summary>
    private const string VisibleTexts = """
        () => {
          const texts = [];
          const visible = el => el && el.checkVisibility({ checkOpacity: false, checkVisibilityCSS: true });
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const parent = node.parentElement;
            if (!parent || parent.closest('script, style, noscript, template, [data-language-exempt]') || !visible(parent)) continue;
            const text = node.textContent.replace(/\s+/g, ' ').trim();
            if (text) texts.push(text);
          }
          for (const el of document.body.querySelectorAll('[aria-label], [placeholder], [title]')) {
            if (el.closest('[data-language-exempt]') || !visible(el)) continue;
            for (const name of ['aria-label', 'placeholder', 'title']) {
              const text = (el.getAttribute(name) || '').replace(/\s+/g, ' ').trim();
              if (text) texts.push(text);
            }
          }
          return texts;
        }
        """;

    public static async Task<IReadOnlyList<string>> OtherLanguagesTextsAsync(IPage page, string culture)
    {
        var texts = await page.EvaluateAsync<string[]>(VisibleTexts);
        return Find(texts, culture == "fi" ? English : Finnish);
    }

    /// <summary>The fragments of one language's texts found among a page's texts, each named once with where it was seen.</summary>
    public static IReadOnlyList<string> Find(IEnumerable<string> pageTexts, Fragments other)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var text in pageTexts.Select(Normalise).Distinct())
        {
            if (other.Whole.Contains(text.Trim(Punctuation))) found.Add($"\"{text}\"");
            foreach (var phrase in other.Phrases)
                if (ContainsPhrase(text, phrase)) found.Add($"\"{phrase}\" in \"{Shorten(text)}\"");
        }
        return [.. found];
    }

    public static Fragments Finnish => LazyFinnish.Value;
    public static Fragments English => LazyEnglish.Value;

    private static readonly Lazy<Fragments> LazyFinnish = new(() => Build(otherIsFinnish: true));
    private static readonly Lazy<Fragments> LazyEnglish = new(() => Build(otherIsFinnish: false));

    /// <summary>
    /// Texts that are the same word in both languages, or read the same to a user, though their keys differ between the
    /// languages' resources. Kept short: each is a word both UIs legitimately show.
    /// </summary>
    private static readonly HashSet<string> SharedWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "Portaali", // the app's name
        "OK",
    };

    /// <summary>The other language's texts: whole texts (one word) and phrases (several words, found inside longer texts).</summary>
    public sealed record Fragments(IReadOnlySet<string> Whole, IReadOnlyList<string> Phrases);

    /// <summary>
    /// Pairs every key both cultures have with its text in each; the other language's fragments are those that differ,
    /// split around format placeholders and line breaks, long enough to mean something, and not also a text of the page's
    /// own language.
    /// </summary>
    internal static Fragments Build(bool otherIsFinnish)
    {
        var pairs = Pairs().ToList();
        var own = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var candidates = new List<string>();
        foreach (var (finnish, english) in pairs)
        {
            var (theirs, ours) = otherIsFinnish ? (finnish, english) : (english, finnish);
            foreach (var fragment in Split(ours)) own.Add(fragment);
            if (string.Equals(Normalise(theirs), Normalise(ours), StringComparison.OrdinalIgnoreCase)) continue;
            candidates.AddRange(Split(theirs));
        }
        var kept = candidates.Where(f => Meaningful(f) && !own.Contains(f) && !SharedWords.Contains(f)).Distinct(StringComparer.Ordinal).ToList();
        return new Fragments(
            new HashSet<string>(kept.Where(f => !f.Contains(' ')), StringComparer.Ordinal),
            [.. kept.Where(f => f.Contains(' ')).OrderByDescending(f => f.Length)]);
    }

    /// <summary>(Finnish, English) for every key of the app's resources and of MudBlazor's texts.</summary>
    private static IEnumerable<(string Finnish, string English)> Pairs()
    {
        foreach (var manager in new[] { global::Portaali.Core.Common.CoreText.Manager, new ResourceManager("Portaali.Web.Resources.Ui", typeof(global::Portaali.Web.Ui).Assembly) })
        {
            var finnish = Entries(manager, CultureInfo.InvariantCulture);
            var english = Entries(manager, CultureInfo.GetCultureInfo("en"));
            foreach (var (key, text) in finnish)
                if (english.TryGetValue(key, out var englishText)) yield return (text, englishText);
        }
        var mudFinnish = Entries(new ResourceManager("Portaali.Web.Resources.MudTexts", typeof(global::Portaali.Web.Ui).Assembly), CultureInfo.InvariantCulture);
        var mudEnglish = Entries(new ResourceManager("MudBlazor.Resources.LanguageResource", typeof(MudBlazor.MudButton).Assembly), CultureInfo.InvariantCulture);
        foreach (var (key, text) in mudFinnish)
            if (mudEnglish.TryGetValue(key, out var englishText)) yield return (text, englishText);
    }

    private static Dictionary<string, string> Entries(ResourceManager manager, CultureInfo culture)
    {
        var set = manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"No {culture.Name} resources for {manager.BaseName}");
        return set.Cast<DictionaryEntry>().Where(e => e.Value is string).ToDictionary(e => (string)e.Key, e => (string)e.Value!);
    }

    [GeneratedRegex(@"\{[^}]*\}|[\r\n]+|\s[–—:|·•]\s")]
    private static partial Regex Separators();

    /// <summary>The pieces of a text around its placeholders, trimmed of spaces and of the punctuation around them.</summary>
    internal static IEnumerable<string> Split(string text) =>
        Separators().Split(text).Select(piece => Normalise(piece).Trim(Punctuation))
            .Where(piece => piece.Length > 0);

    /// <summary>Long enough to be a word of one language rather than a letter, a number or an abbreviation both share.</summary>
    private static bool Meaningful(string fragment) => fragment.Count(char.IsLetter) >= (fragment.Contains(' ') ? 8 : 5);

    private static readonly char[] Punctuation = [' ', '.', ',', ':', ';', '(', ')', '"', '\'', '–', '-', '/', '…', '?', '!', '«', '»', '“', '”', '*'];

    private static string Normalise(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>The phrase as whole words: "Lisää suodatin" is in "Lisää suodatin +", not in "Lisää suodattimia".</summary>
    private static bool ContainsPhrase(string text, string phrase)
    {
        for (var at = text.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = text.IndexOf(phrase, at + 1, StringComparison.Ordinal))
        {
            var before = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
            var end = at + phrase.Length;
            var after = end == text.Length || !char.IsLetterOrDigit(text[end]);
            if (before && after) return true;
        }
        return false;
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "…";
}
