using PayerAtlas.Publishing.Model;

namespace PayerAtlas.Rendering;

/// <summary>Writes a publication in one format. Renderers read only the document model.</summary>
public interface IPublicationRenderer
{
    /// <summary>"md", "html" or "json".</summary>
    string Format { get; }

    string FileExtension { get; }

    void Render(Publication publication, TextWriter writer);
}

public static class Renderers
{
    public static IReadOnlyList<IPublicationRenderer> All { get; } =
        [new Markdown.MarkdownRenderer(), new Html.HtmlRenderer(), new Json.JsonRenderer()];

    public static IPublicationRenderer For(string format) =>
        All.FirstOrDefault(r => string.Equals(r.Format, format, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"unknown format '{format}'; use md, html or json");

    public static string RenderToString(this IPublicationRenderer renderer, Publication publication)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        renderer.Render(publication, writer);
        return writer.ToString();
    }
}

/// <summary>Plain text of inlines, for JSON "text" fields and HTML titles.</summary>
public static class InlineText
{
    public static string Plain(IEnumerable<Inline> inlines) => string.Concat(inlines.Select(Plain));

    public static string Plain(Inline inline) => inline switch
    {
        TextInline t => t.Text,
        StrongInline s => s.Text,
        FactInline f => f.Text,
        GapInline => Gap.NotAvailable,
        LinkInline l => l.Text,
        _ => "",
    };
}
