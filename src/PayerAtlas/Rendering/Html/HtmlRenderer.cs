using System.Net;
using PayerAtlas.Publishing.Model;

namespace PayerAtlas.Rendering.Html;

/// <summary>
/// A complete, printable, accessible HTML page. Every string from the data is HTML-encoded; facts carry their
/// id (data-fact) and link to its source row, listed once in the page's Sources section (<see cref="Citations"/>), so a
/// reader can trace any figure. The web site uses the same page.
/// </summary>
public sealed class HtmlRenderer(HtmlPageOptions? options = null) : IPublicationRenderer
{
    readonly HtmlPageOptions options = options ?? new HtmlPageOptions();

    public string Format => "html";
    public string FileExtension => ".html";

    public void Render(Publication publication, TextWriter w)
    {
        var facts = publication.Facts.ToDictionary(f => f.Id, StringComparer.Ordinal);
        var citations = new Citations();
        HtmlLayout.Open(w, publication.Title, publication.Release, options.Chrome);
        w.Write("<nav class=\"toc\" aria-label=\"Sections\"><ol>");
        foreach (var section in publication.Sections)
        {
            w.Write("<li><a href=\"#");
            Encode(w, section.Id);
            w.Write("\">");
            Encode(w, section.Title);
            w.Write("</a></li>");
        }

        w.Write("</ol></nav>\n<main id=\"main\"><article>\n<h1>");
        Encode(w, publication.Title);
        w.Write("</h1>\n<p class=\"meta\">Release <span class=\"release\">");
        Encode(w, publication.Release);
        w.Write("</span>");
        foreach (var link in options.PageLinks(publication))
        {
            w.Write("<a href=\"");
            Encode(w, SafeHref(link.Href));
            w.Write("\">");
            Encode(w, link.Text);
            w.Write("</a>");
        }

        w.Write("</p>\n");
        foreach (var section in publication.Sections)
        {
            w.Write("<section id=\"");
            Encode(w, section.Id);
            w.Write("\" aria-labelledby=\"");
            Encode(w, section.Id);
            w.Write("-h\">\n<h2 id=\"");
            Encode(w, section.Id);
            w.Write("-h\">");
            Encode(w, section.Title);
            w.Write("</h2>\n");
            foreach (var block in section.Blocks)
            {
                WriteBlock(w, block, facts, citations);
                options.AfterBlock?.Invoke(w, section, block, citations);
            }

            options.AfterSection?.Invoke(w, section, citations);
            w.Write("</section>\n");
        }

        w.Write("</article>\n");
        WriteSources(w, publication, citations, options.SourceHref);
        w.Write("</main>\n");
        HtmlLayout.Close(w);
    }

    /// <summary>
    /// Each source file (and release) the publication draws on, once, with the rows the page cites beneath it: the
    /// targets of the figures' links. Rows are in file order.
    /// </summary>
    static void WriteSources(TextWriter w, Publication publication, Citations citations, Func<string, string?>? sourceHref)
    {
        w.Write("<aside class=\"sources\" aria-labelledby=\"sources-h\"><h2 id=\"sources-h\">Sources</h2><ul>");
        var groups = publication.Facts.Select(f => (f.Source.File, f.Source.Release))
            .Concat(citations.Cited.Select(c => (c.File, c.Release)))
            .Distinct()
            .OrderBy(g => g.File, StringComparer.Ordinal).ThenBy(g => g.Release, StringComparer.Ordinal);
        foreach (var (file, release) in groups)
        {
            w.Write("<li><span class=\"file\">");
            if (sourceHref?.Invoke(file) is { } href)
            {
                w.Write("<a href=\"");
                Encode(w, SafeHref(href));
                w.Write("\">");
                Encode(w, file);
                w.Write("</a>");
            }
            else
            {
                Encode(w, file);
            }

            w.Write("</span>, release <span class=\"release\">");
            Encode(w, release);
            w.Write("</span>");
            var rows = citations.Cited.Where(c => c.File == file && c.Release == release).OrderBy(c => c.Row, RowOrder.Instance).ToList();
            if (rows.Count > 0)
            {
                w.Write(": <ul class=\"rows\">");
                foreach (var row in rows)
                {
                    w.Write("<li id=\"");
                    w.Write(row.Id);
                    // Line numbers read "row 47"; other references (a field of a record layout, a JSON path) as they are.
                    w.Write(row.Row.Length > 0 && row.Row.All(char.IsAsciiDigit) ? "\">row " : "\">");
                    Encode(w, row.Row);
                    w.Write("</li>");
                }

                w.Write("</ul>");
            }

            w.Write("</li>");
        }

        w.Write("</ul><p>Every figure links to the source row it came from (with scripts on, hovering or focusing it also shows the row).</p></aside>\n");
    }

    static void WriteBlock(TextWriter w, Block block, Dictionary<string, Fact> facts, Citations citations)
    {
        switch (block)
        {
            case HeadingBlock h:
                w.Write("<h3 id=\"");
                Encode(w, h.Id);
                w.Write("\">");
                Encode(w, h.Text);
                w.Write("</h3>\n");
                break;
            case ParagraphBlock p:
                w.Write("<p>");
                WriteInlines(w, p.Inlines, facts, citations);
                w.Write("</p>\n");
                break;
            case ListBlock l:
                w.Write("<ul>");
                foreach (var item in l.Items)
                {
                    w.Write("<li>");
                    WriteInlines(w, item, facts, citations);
                    w.Write("</li>");
                }

                w.Write("</ul>\n");
                break;
            case FigureBlock f:
                w.Write("<figure id=\"");
                Encode(w, f.Id);
                w.Write("\"><img src=\"");
                Encode(w, SafeHref(f.Src));
                w.Write("\" alt=\"");
                Encode(w, f.Alt);
                w.Write("\" loading=\"lazy\"><figcaption>");
                Encode(w, f.Caption);
                w.Write("</figcaption></figure>\n");
                break;
            case TableBlock t:
                w.Write("<div class=\"table-wrap\"><table><caption>");
                Encode(w, t.Caption);
                w.Write("</caption><thead><tr>");
                foreach (var c in t.Columns)
                {
                    w.Write("<th scope=\"col\">");
                    Encode(w, c);
                    w.Write("</th>");
                }

                w.Write("</tr></thead><tbody>");
                foreach (var row in t.Rows)
                {
                    w.Write("<tr>");
                    for (var i = 0; i < row.Count; i++)
                    {
                        w.Write(i == 0 ? "<th scope=\"row\">" : "<td>");
                        WriteInlines(w, row[i], facts, citations);
                        w.Write(i == 0 ? "</th>" : "</td>");
                    }

                    w.Write("</tr>");
                }

                w.Write("</tbody></table></div>\n");
                break;
        }
    }

    static void WriteInlines(TextWriter w, IReadOnlyList<Inline> inlines, Dictionary<string, Fact> facts, Citations citations)
    {
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case TextInline t:
                    Encode(w, t.Text);
                    break;
                case StrongInline s:
                    w.Write("<strong>");
                    Encode(w, s.Text);
                    w.Write("</strong>");
                    break;
                case FactInline f when f.Text.Length > 0:
                    if (facts.TryGetValue(f.FactId, out var fact))
                    {
                        citations.WriteFact(w, fact, f.Text, prose: f.Text.Length > 60);
                    }
                    else
                    {
                        // Not a fact of this publication (a test asserts it never happens): marked, but with no source to link.
                        w.Write("<span data-fact=\"");
                        Encode(w, f.FactId);
                        w.Write("\">");
                        Encode(w, f.Text);
                        w.Write("</span>");
                    }

                    break;
                case GapInline g:
                    w.Write("<span class=\"gap\" data-gap=\"");
                    Encode(w, g.FactId);
                    w.Write("\">");
                    w.Write(Gap.NotAvailable);
                    w.Write("</span>");
                    break;
                case LinkInline l:
                    w.Write("<a href=\"");
                    Encode(w, SafeHref(l.Href));
                    w.Write("\">");
                    Encode(w, l.Text);
                    w.Write("</a>");
                    break;
            }
        }
    }

    /// <summary>Only relative links and http(s) URLs are written; anything else (javascript:, data:) becomes "#".</summary>
    public static string SafeHref(string href) =>
        href.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || href.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || (!href.Contains(':', StringComparison.Ordinal) && !href.StartsWith("//", StringComparison.Ordinal))
            ? href
            : "#";

    public static void Encode(TextWriter w, string text) => WebUtility.HtmlEncode(text, w);
}
