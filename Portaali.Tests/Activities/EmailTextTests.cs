using Portaali.Core.Activities;

namespace Portaali.Tests.Activities;

/// <summary>An HTML e-mail as the memo text people read.</summary>
public class EmailTextTests
{
    [Fact]
    public void A_normal_HTML_mail_becomes_paragraphs_lines_list_items_and_link_texts_without_scripts_or_styles()
    {
        const string html = """
            <html><head><title>Uutiskirje</title><style>p { color: red; }</style><script>alert('x')</script></head>
            <body><p>Hei   Minna,</p><p>kiitos tarjouksesta.<br>Hyväksymme sen &amp; aloitamme&nbsp;syksyllä.</p>
            <ul><li>Ensiapu</li>
                <li>Työturvallisuus</li></ul>
            <div>Lisätietoja <a href="https://virtasenkuljetus.fi/koulutus">koulutussivuillamme</a>.</div>
            <script type="text/javascript">document.write('<p>ei näy</p>')</script><!-- kommentti -->
            <table><tr><td>Pekka Virtanen</td><td>040 123 4567</td></tr></table></body></html>
            """;

        var text = EmailText.FromHtml(html, 10_000);

        Assert.Equal(
            "Hei Minna,\n\nkiitos tarjouksesta.\nHyväksymme sen & aloitamme\u00A0syksyllä.\n\n- Ensiapu\n- Työturvallisuus\n\n" +
            "Lisätietoja koulutussivuillamme.\n\nPekka Virtanen 040 123 4567", text);
    }

    [Fact]
    public void Two_megabytes_of_unclosed_tags_convert_in_one_pass_and_stop_when_the_memo_is_full()
    {
        var hostile = "<p>Hei Minna,</p>" + string.Concat(Enumerable.Repeat("<div><b>x", 200_000)) + string.Concat(Enumerable.Repeat("<b x", 50_000));
        Assert.True(hostile.Length > 1_900_000);
        using var generous = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var text = EmailText.FromHtml(hostile, 20_000, generous.Token)!;

        Assert.StartsWith("Hei Minna,\n\nx\nx\nx\n", text);
        Assert.InRange(text.Length, 19_000, 20_000);
    }

    [Fact]
    public void Cancelling_stops_the_conversion()
    {
        var hostile = string.Concat(Enumerable.Repeat("<div><b>x", 200_000));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => EmailText.FromHtml(hostile, int.MaxValue, cancelled.Token));
    }

    [Fact]
    public void An_empty_or_markup_only_body_has_no_text() =>
        Assert.Null(EmailText.FromHtml("<html><head><style>x{}</style></head><body> <br> </body></html>", 100));
}
