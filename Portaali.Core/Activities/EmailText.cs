using System.Text;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens;
using AngleSharp.Text;

namespace Portaali.Core.Activities;

/// <summary>Turns an e-mail's HTML body into readable text: paragraphs and line breaks kept, list items as "- ", links by
/// their text, scripts and styles left out. It reads the HTML with AngleSharp's tokenizer in one linear pass: no tree is
/// built, so thousands of unclosed tags cost no more than their length (a regular expression or a full HTML5 tree
/// builder spent minutes on them). The work is cancellable and stops once the memo is full.</summary>
public static class EmailText
{
    private static readonly HashSet<string> Hidden = ["script", "style", "head", "title", "template", "noscript", "object", "svg"];
    private static readonly HashSet<string> Paragraphs = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "ul", "ol", "dl", "hr"];
    private static readonly HashSet<string> Blocks =
    [
        "div", "section", "article", "header", "footer", "main", "nav", "aside", "address", "figure", "figcaption", "form", "fieldset",
        "tr", "dt", "dd", "center", "body", "html", "caption", "tbody", "thead", "tfoot",
    ];

    /// <summary>The text of the HTML, at most <paramref name="maxChars"/> characters; null when there is none.</summary>
    public static string? FromHtml(string? html, int maxChars, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(html)) return null;
        var tokenizer = new HtmlTokenizer(new TextSource(html), HtmlEntityProvider.Resolver);
        var text = new Writer(maxChars);
        var hiddenDepth = 0;
        var preDepth = 0;
        for (var count = 0; !text.IsFull; count++)
        {
            if ((count & 1023) == 0) ct.ThrowIfCancellationRequested();
            var token = tokenizer.Get();
            if (token.Type == HtmlTokenType.EndOfFile) break;
            switch (token)
            {
                case HtmlTagToken { Type: HtmlTokenType.StartTag } start:
                {
                    var name = start.Name.ToLowerInvariant();
                    tokenizer.State = name switch
                    {
                        "script" => HtmlParseMode.Script,
                        "style" or "xmp" or "iframe" or "noembed" or "noframes" => HtmlParseMode.Rawtext,
                        "title" or "textarea" => HtmlParseMode.RCData,
                        _ => tokenizer.State,
                    };
                    if (Hidden.Contains(name)) { if (!start.IsSelfClosing) hiddenDepth++; break; }
                    if (name == "pre") preDepth++;
                    if (name == "br") text.LineBreak();
                    else if (name == "li") { text.Break(1); text.Write("- "); }
                    else if (name is "td" or "th") text.Space();
                    else if (Paragraphs.Contains(name)) text.Break(2);
                    else if (Blocks.Contains(name)) text.Break(1);
                    break;
                }
                case HtmlTagToken { Type: HtmlTokenType.EndTag } end:
                {
                    var name = end.Name.ToLowerInvariant();
                    if (Hidden.Contains(name)) { hiddenDepth = Math.Max(0, hiddenDepth - 1); break; }
                    if (name == "pre") preDepth = Math.Max(0, preDepth - 1);
                    if (Paragraphs.Contains(name)) text.Break(2);
                    else if (Blocks.Contains(name) || name == "li") text.Break(1);
                    break;
                }
                case { Type: HtmlTokenType.Character } characters when hiddenDepth == 0:
                    if (preDepth > 0) text.WriteVerbatim(characters.Data);
                    else text.WriteCollapsed(characters.Data);
                    break;
            }
        }
        var result = text.ToString();
        return result.Length == 0 ? null : result;
    }

    /// <summary>Collects text with HTML's whitespace rules: runs of spaces become one, line breaks come from tags.</summary>
    private sealed class Writer(int maxChars)
    {
        private readonly StringBuilder text = new();
        private int pendingBreaks;
        private bool pendingSpace;

        public bool IsFull => text.Length >= maxChars;

        public void Break(int lines) => pendingBreaks = Math.Max(pendingBreaks, text.Length == 0 ? 0 : lines);

        public void LineBreak()
        {
            Flush();
            text.Append('\n');
            pendingSpace = false;
        }

        public void Space() => pendingSpace = text.Length > 0;

        public void Write(string s)
        {
            Flush();
            Append(s);
        }

        public void WriteVerbatim(string s)
        {
            Flush();
            Append(s.Replace("\r\n", "\n"));
        }

        public void WriteCollapsed(string s)
        {
            foreach (var c in s)
            {
                if (char.IsWhiteSpace(c) && c != '\u00A0') { pendingSpace = text.Length > 0 && text[^1] != '\n'; continue; }
                Flush();
                if (pendingSpace) { text.Append(' '); pendingSpace = false; }
                text.Append(c);
                if (IsFull) return;
            }
        }

        private void Flush()
        {
            if (pendingBreaks == 0) return;
            while (text.Length > 0 && text[^1] == ' ') text.Length--;
            var trailing = 0;
            for (var i = text.Length - 1; i >= 0 && text[i] == '\n'; i--) trailing++;
            for (; trailing < pendingBreaks; trailing++) text.Append('\n');
            pendingBreaks = 0;
            pendingSpace = false;
        }

        private void Append(string s) => text.Append(s.Length > maxChars - text.Length ? s[..Math.Max(0, maxChars - text.Length)] : s);

        public override string ToString() => (text.Length > maxChars ? text.ToString(0, maxChars) : text.ToString()).Trim();
    }
}
