using PayerAtlas.Publishing.Model;

namespace PayerAtlas.Rendering.Html;

/// <summary>
/// How a publication page sits in its site. The defaults are the static site's (relative links beside the page);
/// the web site sets its chrome, links sources to the releases page, and adds the locality picker after the
/// Reimbursement section.
/// </summary>
public sealed record HtmlPageOptions
{
    public SiteChrome Chrome { get; init; } = SiteChrome.Static("../index.html");

    /// <summary>Links shown beside the release line: the same publication in its other formats.</summary>
    public Func<Publication, IEnumerable<NavLink>> PageLinks { get; init; } = p =>
        [new NavLink("JSON", p.Code + ".json"), new NavLink("Markdown", p.Code + ".md")];

    /// <summary>Where a source file is described (null: not linked).</summary>
    public Func<string, string?>? SourceHref { get; init; }

    /// <summary>
    /// Writes extra, already-encoded HTML after a block (the live site's locality picker, after the state chart); its
    /// figures cite their sources through the page's <see cref="Citations"/>.
    /// </summary>
    public Action<TextWriter, Section, Block, Citations>? AfterBlock { get; init; }

    /// <summary>Writes extra, already-encoded HTML at the end of a section.</summary>
    public Action<TextWriter, Section, Citations>? AfterSection { get; init; }
}
