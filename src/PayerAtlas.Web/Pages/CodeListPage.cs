using PayerAtlas.Web.Infrastructure;
using static PayerAtlas.Web.Pages.SiteHtml;

namespace PayerAtlas.Web.Pages;

/// <summary>/codes?page=N: every code of the release with its title, in code order.</summary>
public static class CodeListPage
{
    public const int PageSize = 200;

    public static IResult Get(string? page, ResolvedRelease r, Atlas atlas, PageCache cache)
    {
        if (!Input.TryPaging(page, null, PageSize, PageSize, out var p, out _, out var error))
        {
            return Errors.Page(400, error);
        }

        var release = r.Release;
        return cache.Body(new CacheKey(release.Id, "codes", $"{p}|{r.Pinned}"), () =>
        {
            Search.SearchPage list;
            using (var lease = atlas.Read(release))
            {
                list = lease.Reader.Search(null, (p - 1) * PageSize, PageSize);
            }

            return Page("Billing codes", release.Label, "/codes", w =>
            {
                H1(w, "Billing codes", $"Release {release.Label}: {Count(list.Total)} codes");
                if (list.Hits.Count == 0)
                {
                    P(w, "There are no codes on this page.", "notice");
                }

                w.Write("<ul class=\"codes\">");
                foreach (var hit in list.Hits)
                {
                    w.Write("<li>");
                    A(w, Url($"/codes/{hit.Code}", r), $"{BillingCodes.System(hit.Code)} {hit.Code}: {hit.Title}");
                    w.Write("</li>");
                }

                w.Write("</ul>\n");
                Pager(w, Url("/codes", r), p, PageSize, list.Total);
            });
        })!.Result();
    }
}
