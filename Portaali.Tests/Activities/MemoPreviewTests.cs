using Portaali.Core.Activities;

namespace Portaali.Tests.Activities;

public class MemoPreviewTests
{
    private static readonly IReadOnlySet<string> Headings =
        MemoPreview.Headings(["Tavoite\n\n\nSovitut asiat\n", "Palautteen sisältö\n\n\nToimenpiteet\n", "Goal\n\nAgreed:\n"]);

    [Fact]
    public void Template_headings_become_labels_and_sections_are_separated()
    {
        var memo = "Tavoite\nKäydä läpi syksyn koulutustarve.\n\nSovitut asiat\n- Tarjous trukkikoulutuksesta\n- Uusi käynti lokakuussa";

        Assert.Equal("Tavoite: Käydä läpi syksyn koulutustarve. · Sovitut asiat: - Tarjous trukkikoulutuksesta - Uusi käynti lokakuussa",
            MemoPreview.Format(memo, Headings));
    }

    [Fact]
    public void Headings_match_without_case_or_colon_and_keep_how_the_memo_wrote_them()
    {
        Assert.Equal("Goal: Review the autumn plan · agreed: Offer by Friday",
            MemoPreview.Format("Goal:\r\nReview the autumn plan\r\n\r\nagreed\r\nOffer by Friday", Headings));
    }

    [Fact]
    public void Empty_headings_are_dropped_and_an_untouched_template_shows_nothing()
    {
        Assert.Equal("Tavoite: Kartoitus", MemoPreview.Format("Tavoite\nKartoitus\n\nSovitut asiat\n", Headings));
        Assert.Null(MemoPreview.Format("Tavoite\n\n\nSovitut asiat\n", Headings));
        Assert.Null(MemoPreview.Format("  \n ", Headings));
    }

    [Fact]
    public void A_memo_without_template_headings_is_flattened_unchanged()
    {
        // A short first line is not taken for a heading unless a template has it.
        Assert.Equal("Soitin asiakkaalle Lupasivat palata asiaan.", MemoPreview.Format("Soitin asiakkaalle\nLupasivat palata asiaan.", Headings));
        Assert.Equal("Tavoite: oppisopimus", MemoPreview.Format("Tavoite: oppisopimus", Headings));
        Assert.Equal("Alkuun · Tavoite: Kartoitus", MemoPreview.Format("Alkuun\nTavoite\nKartoitus", Headings));
    }

    [Fact]
    public void Long_memo_is_cut_with_an_ellipsis()
    {
        var preview = MemoPreview.Format("Tavoite\n" + new string('x', 300), Headings, length: 40)!;

        Assert.Equal(41, preview.Length);
        Assert.StartsWith("Tavoite: xxx", preview);
        Assert.EndsWith("…", preview);
    }
}
