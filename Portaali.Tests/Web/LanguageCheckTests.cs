using Portaali.Tests.Browser;

namespace Portaali.Tests.Web;

/// <summary>The every-page language check's matching, without a browser: what it finds and what it leaves alone.</summary>
public class LanguageCheckTests
{
    [Fact]
    public void A_Finnish_UI_text_on_an_English_page_is_found()
    {
        // "Tallenna" (Save) and MudBlazor's "Rivejä sivulla" (Rows per page) as the English page would show them by mistake.
        var found = Language.Find(["Customers", "Tallenna", "Rivejä sivulla:", "1–25 / 300"], Language.Finnish);

        Assert.Contains("\"Tallenna\"", found);
        Assert.Contains(found, f => f.StartsWith("\"Rivejä sivulla\""));
        Assert.DoesNotContain(found, f => f.Contains("Customers"));
    }

    [Fact]
    public void MudBlazors_English_on_a_Finnish_page_is_found()
    {
        var found = Language.Find(["Asiakkaat", "Column options", "Rows per page:"], Language.English);

        Assert.Contains(found, f => f.StartsWith("\"Column options\""));
        Assert.Contains(found, f => f.StartsWith("\"Rows per page"));
        Assert.DoesNotContain(found, f => f.Contains("Asiakkaat"));
    }

    [Fact]
    public void A_multi_word_text_is_found_inside_a_longer_node_but_a_single_word_only_as_the_whole_node()
    {
        // "Tallenna" is a Finnish button; "Tallennan" (I save) in someone's note is not it.
        Assert.Contains("Tallenna", Language.Finnish.Whole);
        Assert.Empty(Language.Find(["Tallennan huomenna"], Language.Finnish));

        var english = Language.Find(["Näytetään Rows per page 25"], Language.English);
        Assert.Contains(english, f => f.Contains("Rows per page"));
    }

    [Fact]
    public void Finnish_data_on_an_English_page_is_not_a_UI_text()
    {
        // Demo people, companies, places and a free-text title are Finnish in both UIs: data, not UI.
        var found = Language.Find(["Minna Lehtonen", "Rakennusliike Virtanen Oy", "Jyväskylä", "Käydään läpi syksyn koulutustarpeet", "0401234567"],
            Language.Finnish);

        Assert.Empty(found);
    }

    [Fact]
    public void Texts_both_languages_share_and_short_fragments_are_not_listed()
    {
        Assert.DoesNotContain("Portaali", Language.Finnish.Whole);
        Assert.DoesNotContain("Portaali", Language.English.Whole);
        Assert.DoesNotContain(Language.Finnish.Whole, w => w.Count(char.IsLetter) < 5);
        Assert.DoesNotContain(Language.English.Whole, w => w.Count(char.IsLetter) < 5);
        // Texts that read the same in both (a placeholder-only pager "{0}–{1} / {2}", "OK") leave nothing behind.
        Assert.DoesNotContain(Language.Finnish.Phrases, p => p.Contains('{'));
    }
}
