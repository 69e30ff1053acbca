using PayerAtlas.Web.Infrastructure;
using static PayerAtlas.Web.Pages.SiteHtml;

namespace PayerAtlas.Web.Pages;

/// <summary>/: what the site is, a way in (search, examples), and what the current release holds.</summary>
public static class HomePage
{
    public static IResult Get(ResolvedRelease r, PageCache cache) =>
        cache.Body(new CacheKey(r.Release.Id, "home", r.Pinned.ToString()), () => Page("Billing codes with their sources", r.Release.Label, null, w =>
        {
            var release = r.Release;
            H1(w, "Billing codes, payers and Medicare payment, with their sources", $"Release {release.Label}, imported {Date(release.ImportedAt)}");
            w.Write("<p>One page per CPT/HCPCS code: what it denotes, how it is coded, what each payer says about it and what Medicare pays, ");
            w.Write("every figure traceable to the row it came from. Search by code, by words of its description or by payer name. Try ");
            var examples = new[] { "ductogram", "77054", "knee replacement", "mammography", "Aetna" };
            for (var i = 0; i < examples.Length; i++)
            {
                w.Write(i == 0 ? "" : i == examples.Length - 1 ? " or " : ", ");
                A(w, Url("/search?q=" + Uri.EscapeDataString(examples[i]), r), examples[i]);
            }

            w.Write(".</p>\n<h2>Browse</h2>\n<ul>");
            foreach (var (href, text) in new[] { ("/codes", "Every code in this release"), ("/payers", "Payers"), ("/policies", "Payer policies"), ("/updates", "Policy updates (also as RSS and Atom)"), ("/releases", "Releases and their source files") })
            {
                w.Write("<li>");
                A(w, Url(href, r), text);
                w.Write("</li>");
            }

            w.Write("</ul>\n<h2>In this release</h2>\n<div class=\"table-wrap\"><table><caption>Source files of release ");
            E(w, release.Label);
            w.Write("</caption><thead><tr><th scope=\"col\">File</th><th scope=\"col\">Dataset</th><th scope=\"col\">Publisher</th><th scope=\"col\">Rows</th></tr></thead><tbody>");
            foreach (var s in release.Sources)
            {
                w.Write("<tr><th scope=\"row\">");
                A(w, $"/releases/{Uri.EscapeDataString(release.Label)}#{SourceAnchor(s.File)}", s.File);
                w.Write("</th><td>");
                E(w, s.Dataset.ToString());
                w.Write("</td><td>");
                E(w, s.Publisher);
                w.Write("</td><td class=\"num\">");
                E(w, Count(s.Rows));
                w.Write("</td></tr>");
            }

            w.Write("</tbody></table></div>\n");
        }))!.Result();
}
