using System.Text;
using System.Text.RegularExpressions;

namespace PayerAtlas.Importers.Policies;

/// <summary>
/// A small, tolerant reader for payer web pages: it turns HTML into text blocks, one per block element (paragraph,
/// list item, table row, heading …), each with the source line it starts on. Script, style and template contents
/// are skipped; comments and unknown tags are ignored; entities are decoded; unclosed tags are forgiven. It is not
/// a full HTML5 parser: it needs only what people read on the page.
/// </summary>
public static partial class HtmlText
{
    static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "div", "dl", "dt", "figcaption",
        "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p",
        "pre", "section", "table", "tbody", "tfoot", "thead", "tr", "ul", "html", "head",
    };

    static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "template", "noscript", "svg" };

    public static DocumentText Read(string html)
    {
        var reader = new Reader(html);
        reader.Run();
        return new DocumentText(reader.Title, reader.Output) { Url = reader.Canonical };
    }

    sealed class Reader(string html)
    {
        readonly List<int> lineStarts = LineStarts(html);
        readonly StringBuilder text = new();
        int textStart = -1;
        string? firstBlock;

        public List<DocumentBlock> Output { get; } = [];
        public string? Title { get; private set; }
        public string? Canonical { get; private set; }

        public void Run()
        {
            var i = 0;
            while (i < html.Length)
            {
                var lt = html.IndexOf('<', i);
                var end = lt < 0 ? html.Length : lt;
                AddText(i, end);
                if (lt < 0)
                {
                    break;
                }

                i = Tag(lt);
            }

            Flush();
            Title ??= firstBlock;
        }

        /// <summary>Reads the markup at <paramref name="lt"/> and returns the index after it.</summary>
        int Tag(int lt)
        {
            if (At(lt, "<!--"))
            {
                var close = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                return close < 0 ? html.Length : close + 3;
            }

            if (lt + 1 < html.Length && html[lt + 1] is '!' or '?')
            {
                var close = html.IndexOf('>', lt);
                return close < 0 ? html.Length : close + 1;
            }

            var closing = lt + 1 < html.Length && html[lt + 1] == '/';
            var nameStart = lt + (closing ? 2 : 1);
            var nameEnd = nameStart;
            while (nameEnd < html.Length && char.IsAsciiLetterOrDigit(html[nameEnd]))
            {
                nameEnd++;
            }

            if (nameEnd == nameStart)
            {
                AddText(lt, lt + 1); // a lone '<' is text
                return lt + 1;
            }

            var name = html[nameStart..nameEnd].ToLowerInvariant();
            var tagEnd = TagEnd(nameEnd);
            var attributes = html[nameEnd..Math.Max(nameEnd, tagEnd - 1)];
            var after = Math.Min(html.Length, tagEnd);
            if (closing)
            {
                if (Blocks.Contains(name) || name is "td" or "th")
                {
                    Separate(name);
                }

                return after;
            }

            if (Skipped.Contains(name) || name == "title")
            {
                var close = html.IndexOf("</" + name, after, StringComparison.OrdinalIgnoreCase);
                var contentEnd = close < 0 ? html.Length : close;
                if (name == "title")
                {
                    Title ??= Collapse(Entities.Decode(html[after..contentEnd]));
                }

                return close < 0 ? html.Length : TagEnd(close + 2 + name.Length);
            }

            if (name == "link" && Attribute(attributes, "rel")?.Equals("canonical", StringComparison.OrdinalIgnoreCase) == true)
            {
                Canonical ??= Attribute(attributes, "href");
            }

            if (Blocks.Contains(name) || name is "td" or "th")
            {
                Separate(name);
            }

            return after;
        }

        /// <summary>Block elements end a block; table cells only separate words within their row.</summary>
        void Separate(string name)
        {
            if (name is "td" or "th")
            {
                text.Append(' ');
                return;
            }

            Flush();
        }

        int TagEnd(int from)
        {
            char quote = '\0';
            for (var j = from; j < html.Length; j++)
            {
                var c = html[j];
                if (quote != '\0')
                {
                    quote = c == quote ? '\0' : quote;
                }
                else if (c is '"' or '\'')
                {
                    quote = c;
                }
                else if (c == '>')
                {
                    return j + 1;
                }
            }

            return html.Length;
        }

        void AddText(int from, int to)
        {
            if (to <= from)
            {
                return;
            }

            var chunk = html[from..to];
            if (textStart < 0 && chunk.Any(c => !char.IsWhiteSpace(c)))
            {
                textStart = from + chunk.TakeWhile(char.IsWhiteSpace).Count();
            }

            text.Append(chunk);
        }

        void Flush()
        {
            var value = Collapse(Entities.Decode(text.ToString()));
            if (value.Length > 0 && textStart >= 0)
            {
                Output.Add(new DocumentBlock(null, $"line {LineOf(textStart)}", value));
                firstBlock ??= value;
            }

            text.Clear();
            textStart = -1;
        }

        int LineOf(int index)
        {
            var i = lineStarts.BinarySearch(index);
            return (i >= 0 ? i : ~i - 1) + 1;
        }

        bool At(int i, string s) => string.CompareOrdinal(html, i, s, 0, s.Length) == 0;

        static List<int> LineStarts(string s)
        {
            var starts = new List<int> { 0 };
            for (var i = 0; i < s.Length; i++)
            {
                if (s[i] == '\n')
                {
                    starts.Add(i + 1);
                }
            }

            return starts;
        }
    }

    static string Collapse(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    static string? Attribute(string attributes, string name)
    {
        foreach (Match m in AttributePattern().Matches(attributes))
        {
            if (m.Groups["name"].Value.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return Entities.Decode(m.Groups["dq"].Success ? m.Groups["dq"].Value : m.Groups["sq"].Success ? m.Groups["sq"].Value : m.Groups["bare"].Value);
            }
        }

        return null;
    }

    [GeneratedRegex(@"(?<name>[A-Za-z_:][\w:.\-]*)\s*=\s*(?:""(?<dq>[^""]*)""|'(?<sq>[^']*)'|(?<bare>[^\s>]+))")]
    private static partial Regex AttributePattern();
}
