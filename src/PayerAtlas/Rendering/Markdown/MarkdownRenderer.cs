using System.Text;
using PayerAtlas.Publishing.Model;

namespace PayerAtlas.Rendering.Markdown;

/// <summary>CommonMark with pipe tables: what editors diff and static-site generators (Hugo) build from.</summary>
public sealed class MarkdownRenderer : IPublicationRenderer
{
    public string Format => "md";
    public string FileExtension => ".md";

    public void Render(Publication publication, TextWriter w)
    {
        w.Write("# ");
        w.Write(Escape(publication.Title));
        w.Write("\n\n*Release ");
        w.Write(Escape(publication.Release));
        w.Write("*\n");
        foreach (var section in publication.Sections)
        {
            w.Write("\n## ");
            w.Write(Escape(section.Title));
            w.Write('\n');
            foreach (var block in section.Blocks)
            {
                w.Write('\n');
                WriteBlock(w, block);
            }
        }
    }

    static void WriteBlock(TextWriter w, Block block)
    {
        switch (block)
        {
            case HeadingBlock h:
                w.Write("### ");
                w.Write(Escape(h.Text));
                w.Write('\n');
                break;
            case ParagraphBlock p:
                w.Write(Inlines(p.Inlines, inTable: false));
                w.Write('\n');
                break;
            case ListBlock l:
                foreach (var item in l.Items)
                {
                    w.Write("- ");
                    w.Write(Inlines(item, inTable: false));
                    w.Write('\n');
                }

                break;
            case FigureBlock f:
                w.Write("![");
                w.Write(Escape(f.Alt));
                w.Write("](");
                w.Write(f.Src.Replace(" ", "%20", StringComparison.Ordinal));
                w.Write(")\n\n*");
                w.Write(Escape(f.Caption));
                w.Write("*\n");
                break;
            case TableBlock t:
                w.Write('|');
                foreach (var c in t.Columns)
                {
                    w.Write(' ');
                    w.Write(Escape(c).Replace("|", "\\|", StringComparison.Ordinal));
                    w.Write(" |");
                }

                w.Write("\n|");
                foreach (var _ in t.Columns)
                {
                    w.Write("---|");
                }

                w.Write('\n');
                foreach (var row in t.Rows)
                {
                    w.Write('|');
                    foreach (var cell in row)
                    {
                        w.Write(' ');
                        w.Write(Inlines(cell, inTable: true));
                        w.Write(" |");
                    }

                    w.Write('\n');
                }

                break;
        }
    }

    static string Inlines(IEnumerable<Inline> inlines, bool inTable)
    {
        var sb = new StringBuilder();
        foreach (var inline in inlines)
        {
            sb.Append(inline switch
            {
                TextInline t => Escape(t.Text),
                StrongInline s => s.Text.Trim().Length == 0 ? s.Text : $"**{Escape(s.Text.TrimEnd())}**{(s.Text.EndsWith(' ') ? " " : "")}",
                FactInline f => Escape(f.Text),
                GapInline => Gap.NotAvailable,
                LinkInline l => $"[{Escape(l.Text)}]({l.Href.Replace(" ", "%20", StringComparison.Ordinal)})",
                _ => "",
            });
        }

        var text = sb.ToString().Replace("\r", "", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
        return inTable ? text.Replace("|", "\\|", StringComparison.Ordinal) : text;
    }

    /// <summary>Escapes the characters that would change meaning inline; leaves ordinary punctuation alone.</summary>
    static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '`' or '[' or ']' or '<' or '>' or '#')
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
