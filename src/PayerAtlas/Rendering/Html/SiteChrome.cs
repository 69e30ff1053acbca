namespace PayerAtlas.Rendering.Html;

/// <summary>A link in the site header.</summary>
public sealed record NavLink(string Text, string Href);

/// <summary>
/// What surrounds a page: where "home" is, the site navigation, and (on the live site only, which has a server to
/// answer it) the search box and its same-origin script. The static site and the web site share the shell and
/// differ only by this record.
/// </summary>
public sealed record SiteChrome
{
    /// <summary>The static site: relative links, no search box (no server to ask), no script.</summary>
    public static SiteChrome Static(string home = "index.html") => new() { Home = home };

    public string Home { get; init; } = "index.html";

    public IReadOnlyList<NavLink> Nav { get; init; } = [];

    /// <summary>The GET action of the search form, or null for no search box.</summary>
    public string? SearchAction { get; init; }

    /// <summary>The query to show in the search box (the results page).</summary>
    public string? SearchText { get; init; }

    /// <summary>Same-origin scripts loaded with defer; never inline, so a strict Content-Security-Policy holds.</summary>
    public IReadOnlyList<string> Scripts { get; init; } = [];

    /// <summary>
    /// Same-origin URL of <see cref="HtmlLayout.Css"/> as a file; null writes the stylesheet inline (the static site,
    /// opened from disk). The live site links it: pages are smaller and browsers cache it once.
    /// </summary>
    public string? Stylesheet { get; init; }

    /// <summary>Same-origin icon (SVG); null for none.</summary>
    public string? Icon { get; init; }

    /// <summary>Href of the navigation entry to mark as the current page.</summary>
    public string? Current { get; init; }
}
