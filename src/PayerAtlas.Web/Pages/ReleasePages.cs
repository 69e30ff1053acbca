using PayerAtlas.Web.Infrastructure;
using static PayerAtlas.Web.Pages.SiteHtml;

namespace PayerAtlas.Web.Pages;

/// <summary>/releases and /releases/{label}: every imported release and the files (as shipped, with SHA-256) it was built from.</summary>
public static class ReleasePages
{
    public static IResult List(ResolvedRelease r, Atlas atlas)
    {
        var releases = atlas.Releases;
        return Page("Releases", r.Release.Label, "/releases", w =>
        {
            H1(w, "Releases", $"{Count(releases.Count)} in this database; each is an immutable snapshot of its source files");
            w.Write("<div class=\"table-wrap\"><table><caption>Newest first</caption><thead><tr><th scope=\"col\">Release</th><th scope=\"col\">Imported</th><th scope=\"col\">Source files</th><th scope=\"col\">Rows</th></tr></thead><tbody>");
            foreach (var release in releases.Reverse())
            {
                w.Write("<tr><th scope=\"row\">");
                A(w, $"/releases/{Uri.EscapeDataString(release.Label)}", release.Label + (release.IsCurrent ? " (current)" : ""));
                w.Write("</th><td>");
                E(w, Date(release.ImportedAt));
                w.Write("</td><td class=\"num\">");
                E(w, Count(release.Sources.Count));
                w.Write("</td><td class=\"num\">");
                E(w, Count(release.Sources.Sum(s => s.Rows)));
                w.Write("</td></tr>");
            }

            w.Write("</tbody></table></div>\n<p>What changed for one code between releases is on the code's page, under “Changes across releases”.</p>\n");
        }).Result();
    }

    public static IResult Get(string label, ResolvedRelease r, Atlas atlas)
    {
        var release = atlas.Find(label);
        if (release is null)
        {
            return Errors.Page(404, $"there is no release '{Input.Clip(label)}'; /releases lists them");
        }

        return Page($"Release {release.Label}", r.Release.Label, "/releases", w =>
        {
            H1(w, $"Release {release.Label}", $"Imported {Date(release.ImportedAt)}{(release.IsCurrent ? "; the current release" : "")}");
            w.Write("<p>");
            A(w, $"/?release={Uri.EscapeDataString(release.Label)}", "Browse the site as of this release");
            w.Write("</p>\n<h2 id=\"sources\">Source files</h2>\n<div class=\"table-wrap\"><table><caption>Files as their publishers ship them</caption><thead><tr><th scope=\"col\">File</th><th scope=\"col\">Layout</th><th scope=\"col\">Publisher</th><th scope=\"col\">Rows</th><th scope=\"col\">SHA-256</th><th scope=\"col\">Carried from</th></tr></thead><tbody>");
            foreach (var s in release.Sources)
            {
                w.Write("<tr id=\"");
                E(w, SourceAnchor(s.File));
                w.Write("\"><th scope=\"row\">");
                E(w, s.File);
                w.Write("</th><td>");
                E(w, s.Kind.ToString());
                w.Write("</td><td>");
                E(w, s.Publisher);
                w.Write("</td><td class=\"num\">");
                E(w, Count(s.Rows));
                w.Write("</td><td><code>");
                E(w, s.Sha256);
                w.Write("</code></td><td>");
                E(w, s.CarriedFrom is null ? "imported in this release" : $"release {s.CarriedFrom}");
                w.Write("</td></tr>");
            }

            w.Write("</tbody></table></div>\n");
        }).Result();
    }
}
