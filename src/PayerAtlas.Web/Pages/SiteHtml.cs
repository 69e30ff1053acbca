using System.Globalization;
using PayerAtlas.Rendering.Html;
using PayerAtlas.Web.Infrastructure;

namespace PayerAtlas.Web.Pages;

/// <summary>The live site's chrome around the shared page shell, and small HTML helpers. Every data string goes through <see cref="E"/>.</summary>
public static class SiteHtml
{
    public static readonly IReadOnlyList<NavLink> Nav =
    [
        new("Codes", "/codes"),
        new("Payers", "/payers"),
        new("Policies", "/policies"),
        new("Policy updates", "/updates"),
        new("Releases", "/releases"),
        new("API", "/openapi/v1.json"),
    ];

    public static SiteChrome Chrome(string? current = null, string? query = null) => new()
    {
        Home = "/",
        Nav = Nav,
        SearchAction = "/search",
        SearchText = query,
        Scripts = ["/static/app.js"],
        Icon = "/static/icon.svg",
        Stylesheet = SecurityHeaders.StylesheetUrl,
        Current = current,
    };

    /// <summary>A whole page: shell, then <paramref name="body"/> inside &lt;main&gt;.</summary>
    public static CachedBody Page(string title, string release, string? current, Action<TextWriter> body, string? query = null) =>
        CachedBody.Render(CachedBody.Html, w =>
        {
            HtmlLayout.Open(w, title, release, Chrome(current, query));
            w.Write("<main id=\"main\">\n");
            body(w);
            w.Write("</main>\n");
            HtmlLayout.Close(w);
        });

    public static void E(TextWriter w, string? text) => HtmlRenderer.Encode(w, text ?? "");

    public static void A(TextWriter w, string href, string text, string? rel = null)
    {
        w.Write("<a href=\"");
        E(w, HtmlRenderer.SafeHref(href));
        if (rel is not null)
        {
            w.Write("\" rel=\"");
            E(w, rel);
        }

        w.Write("\">");
        E(w, text);
        w.Write("</a>");
    }

    public static void H1(TextWriter w, string text, string? meta = null)
    {
        w.Write("<h1>");
        E(w, text);
        w.Write("</h1>\n");
        if (meta is not null)
        {
            w.Write("<p class=\"meta\">");
            E(w, meta);
            w.Write("</p>\n");
        }
    }

    public static void P(TextWriter w, string text, string? cls = null)
    {
        w.Write(cls is null ? "<p>" : $"<p class=\"{cls}\">");
        E(w, text);
        w.Write("</p>\n");
    }

    /// <summary>The gap marker, as publications show it.</summary>
    public static void Gap(TextWriter w, string what)
    {
        w.Write("<p><strong>");
        E(w, what);
        w.Write(": </strong><span class=\"gap\">");
        w.Write(Publishing.Model.Gap.NotAvailable);
        w.Write("</span></p>\n");
    }

    /// <summary>"?release=LABEL" when the reader pinned a release, so links stay in it.</summary>
    public static string Pin(ResolvedRelease r, char join = '?') =>
        r.Pinned ? join + "release=" + Uri.EscapeDataString(r.Release.Label) : "";

    public static string Url(string path, ResolvedRelease r) => path + Pin(r, path.Contains('?', StringComparison.Ordinal) ? '&' : '?');

    public static string Money(decimal value) => "$" + value.ToString("#,0.00", CultureInfo.InvariantCulture);

    public static string Count(long n) => n.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>An id for a source file's row on the release page ("rvu25d/PPRRVU2025_Oct.csv" → "src-rvu25d-pprrvu2025-oct-csv").</summary>
    public static string SourceAnchor(string file) =>
        "src-" + new string(file.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');

    public static void Pager(TextWriter w, string basePath, int page, int pageSize, int total)
    {
        var pages = Math.Max(1, (total + pageSize - 1) / pageSize);
        if (pages == 1)
        {
            return;
        }

        var join = basePath.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        w.Write("<nav class=\"pager\" aria-label=\"Pages\">");
        if (page > 1)
        {
            A(w, $"{basePath}{join}page={page - 1}", "← Previous");
        }

        w.Write("<span>Page ");
        E(w, Count(page));
        w.Write(" of ");
        E(w, Count(pages));
        w.Write("</span>");
        if (page < pages)
        {
            A(w, $"{basePath}{join}page={page + 1}", "Next →");
        }

        w.Write("</nav>\n");
    }
}
