using System.Net;
using PayerAtlas.Publishing.Model;

namespace PayerAtlas.Rendering.Html;

/// <summary>
/// A complete, printable, accessible HTML page. Every string from the data is HTML-encoded; facts carry their
/// id and provenance (data-fact, title) so a reader can trace any figure. The web site uses the same page.
/// </summary>
public sealed class HtmlRenderer(HtmlPageOptions? options = null) : IPublicationRenderer
{
    readonly HtmlPageOptions options = options ?? new HtmlPageOptions();

    public string Format => "html";
    public string FileExtension => ".html";

    public void Render(Publication publication, TextWriter w)
    {
        var facts = publication.Facts.ToDictionary(f => f.Id, StringComparer.Ordinal);
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
                WriteBlock(w, block, facts);
                options.AfterBlock?.Invoke(w, section, block);
            }

            options.AfterSection?.Invoke(w, section);
            w.Write("</section>\n");
        }

        w.Write("</article>\n");
        WriteSources(w, publication, options.SourceHref);
        w.Write("</main>\n");
        HtmlLayout.Close(w);
    }

    static void WriteSources(TextWriter w, Publication publication, Func<string, string?>? sourceHref)
    {
        w.Write("<aside class=\"sources\" aria-labelledby=\"sources-h\"><h2 id=\"sources-h\">Sources</h2><ul>");
        foreach (var file in publication.Facts.Select(f => f.Source.File).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            w.Write("<li>");
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

            w.Write("</li>");
        }

        w.Write("</ul><p>Every figure links to its source: hover or focus a value to see the file and row it came from.</p></aside>\n");
    }

    static void WriteBlock(TextWriter w, Block block, Dictionary<string, Fact> facts)
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
                WriteInlines(w, p.Inlines, facts);
                w.Write("</p>\n");
                break;
            case ListBlock l:
                w.Write("<ul>");
                foreach (var item in l.Items)
                {
                    w.Write("<li>");
                    WriteInlines(w, item, facts);
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
                        WriteInlines(w, row[i], facts);
                        w.Write(i == 0 ? "</th>" : "</td>");
                    }

                    w.Write("</tr>");
                }

                w.Write("</tbody></table></div>\n");
                break;
        }
    }

    static void WriteInlines(TextWriter w, IReadOnlyList<Inline> inlines, Dictionary<string, Fact> facts)
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
                    // Long editorial values (paragraphs) are facts too, but an underline on a whole paragraph is noise.
                    w.Write(f.Text.Length > 60 ? "<span class=\"fact prose\" data-fact=\"" : "<span class=\"fact\" data-fact=\"");
                    Encode(w, f.FactId);
                    // Derived figures (state ranges, averages) are many and share one provenance, stated beside their
                    // table; a tooltip each would triple the page. Source facts carry theirs in the title.
                    if (facts.TryGetValue(f.FactId, out var fact) && fact.Derivation is null)
                    {
                        w.Write("\" title=\"");
                        Encode(w, $"{fact.Label} — {fact.Source.File} row {fact.Source.Row}");
                    }

                    w.Write("\">");
                    Encode(w, f.Text);
                    w.Write("</span>");
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
