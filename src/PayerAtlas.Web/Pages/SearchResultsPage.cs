using PayerAtlas.Search;
using PayerAtlas.Web.Infrastructure;
using static PayerAtlas.Web.Pages.SiteHtml;

namespace PayerAtlas.Web.Pages;

/// <summary>/search?q=…: codes from the full-text index (an exact code goes straight to its page) and payers by name.</summary>
public static class SearchResultsPage
{
    public const int PageSize = 20;

    public static IResult Get(string? q, string? page, ResolvedRelease r, Atlas atlas, PageCache cache)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return Page("Search", r.Release.Label, null, w =>
            {
                H1(w, "Search");
                P(w, "Type a code (77054), words of its description (ductogram, knee replacement) or a payer name in the box above.");
            }).Result();
        }

        if (!SearchTerms.TryParse(q, prefix: true, out var terms, out var error) || !Input.TryPaging(page, null, PageSize, PageSize, out var p, out _, out error))
        {
            return Errors.Page(400, error);
        }

        var release = r.Release;
        PayerAtlas.Search.SearchPage results;
        using (var lease = atlas.Read(release))
        {
            if (terms.ExactCode is { } code && p == 1 && lease.Reader.Search(terms, 0, 1).Hits is [{ } first] && first.Code == code)
            {
                return TypedResults.Redirect(Url($"/codes/{code}", r));
            }

            results = lease.Reader.Search(terms, (p - 1) * PageSize, PageSize);
        }

        var payers = p == 1 ? Payers.Matching(atlas, release, terms.Words, prefix: true) : [];
        var body = Page($"Search: {terms.Text}", release.Label, null, w =>
        {
            H1(w, $"Results for “{terms.Text}”", $"Release {release.Label}");
            if (payers.Count > 0)
            {
                w.Write("<h2>Payers</h2>\n<ul>");
                foreach (var payer in payers)
                {
                    w.Write("<li>");
                    A(w, Url($"/payers/{payer.Id}", r), payer.Name);
                    w.Write("</li>");
                }

                w.Write("</ul>\n");
            }

            w.Write("<h2>Codes</h2>\n");
            if (results.Total == 0)
            {
                P(w, "No code in this release matches every word. Try fewer words, the start of a word, or the code itself.", "notice");
                return;
            }

            P(w, results.Total == 1 ? "1 code matches." : $"{Count(results.Total)} codes match.", "meta");
            w.Write($"<ol class=\"results\" start=\"{(p - 1) * PageSize + 1}\">");
            foreach (var hit in results.Hits)
            {
                w.Write("<li>");
                A(w, Url($"/codes/{hit.Code}", r), $"{BillingCodes.System(hit.Code)} {hit.Code}: {hit.Title}");
                w.Write("<p class=\"snippet\">");
                Snippet(w, hit.Snippet);
                w.Write("</p></li>");
            }

            w.Write("</ol>\n");
            Pager(w, Url("/search?q=" + Uri.EscapeDataString(terms.Text), r), p, PageSize, results.Total);
        }, terms.Text);
        return body.Result();
    }

    /// <summary>Encodes the snippet, then turns the index's match markers into &lt;mark&gt;.</summary>
    public static void Snippet(TextWriter w, string snippet)
    {
        using var encoded = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        E(encoded, snippet);
        w.Write(encoded.ToString().Replace(SearchHit.MarkStart.ToString(), "<mark>", StringComparison.Ordinal).Replace(SearchHit.MarkEnd.ToString(), "</mark>", StringComparison.Ordinal));
    }
}
