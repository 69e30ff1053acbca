using System.Globalization;
using PayerAtlas.Catalog;
using PayerAtlas.Web.Infrastructure;
using static PayerAtlas.Web.Pages.SiteHtml;

namespace PayerAtlas.Web.Pages;

/// <summary>/policies and /policies/{id}. Policy titles and texts come from outside and are encoded like all data.</summary>
public static class PolicyPages
{
    public static IResult List(ResolvedRelease r, Atlas atlas, PageCache cache) =>
        cache.Body(new CacheKey(r.Release.Id, "policies", r.Pinned.ToString()), () => Page("Payer policies", r.Release.Label, "/policies", w =>
        {
            H1(w, "Payer policies", $"Release {r.Release.Label}");
            var policies = atlas.Policies.Policies(r.Release);
            if (policies.Count == 0)
            {
                Gap(w, "Payer policies in this release");
                P(w, "No payer policy files were imported into this release. Each code page's Payer Coverage table says so per payer rather than assuming a stance.");
                return;
            }

            Table(w, policies, r, showPayer: true);
        }))!.Result();

    public static IResult Get(string id, ResolvedRelease r, Atlas atlas, PageCache cache)
    {
        if (!Payers.ValidId(id))
        {
            return Errors.Page(400, $"'{Input.Clip(id)}' is not a policy id: lower-case letters, digits and hyphens");
        }

        var policy = atlas.Policies.Policies(r.Release).FirstOrDefault(p => p.Id == id);
        if (policy is null)
        {
            return Errors.Page(404, $"there is no policy '{id}' in release {r.Release.Label}; /policies lists them");
        }

        return cache.Body(new CacheKey(r.Release.Id, "policy", $"{id}|{r.Pinned}"), () => Page(policy.Title, r.Release.Label, "/policies", w =>
        {
            H1(w, policy.Title, $"{policy.Payer} policy · release {r.Release.Label}");
            w.Write("<div class=\"table-wrap\"><table><caption>About this policy</caption><tbody><tr><th scope=\"row\">Payer</th><td>");
            A(w, Url($"/payers/{Publishing.Sections.PayerCoverageWriter.PayerKey(policy.Payer)}", r), policy.Payer);
            w.Write("</td></tr><tr><th scope=\"row\">Effective date</th><td>");
            PayerPages.Cell(w, policy.EffectiveDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.Write("</td></tr><tr><th scope=\"row\">Publisher's document</th><td>");
            if (policy.Url is { } url && url.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            {
                A(w, url, url, "noopener noreferrer nofollow");
            }
            else
            {
                PayerPages.Cell(w, null);
            }

            w.Write("</td></tr><tr><th scope=\"row\">Source</th><td>");
            E(w, policy.Source.ToString());
            w.Write("</td></tr></tbody></table></div>\n<h2>Codes</h2>\n");
            if (policy.Rules.Count == 0)
            {
                Gap(w, "Codes this policy addresses");
                return;
            }

            w.Write("<div class=\"table-wrap\"><table><caption>What the policy says per code</caption><thead><tr><th scope=\"col\">Code</th><th scope=\"col\">Stance</th><th scope=\"col\">Prior authorization</th><th scope=\"col\">Documentation</th></tr></thead><tbody>");
            foreach (var rule in policy.Rules)
            {
                w.Write("<tr><th scope=\"row\">");
                A(w, Url($"/codes/{rule.Code}", r), rule.Code);
                w.Write("</th><td>");
                E(w, rule.Stance);
                w.Write("</td><td>");
                PayerPages.Cell(w, rule.PriorAuthorization);
                w.Write("</td><td>");
                PayerPages.Cell(w, rule.Documentation);
                w.Write("</td></tr>");
            }

            w.Write("</tbody></table></div>\n");
        }))!.Result();
    }

    internal static void Table(TextWriter w, IEnumerable<PolicyListing> policies, ResolvedRelease r, bool showPayer)
    {
        w.Write("<div class=\"table-wrap\"><table><caption>Policies</caption><thead><tr><th scope=\"col\">Policy</th>");
        w.Write(showPayer ? "<th scope=\"col\">Payer</th>" : "");
        w.Write("<th scope=\"col\">Effective</th><th scope=\"col\">Codes</th></tr></thead><tbody>");
        foreach (var p in policies.OrderBy(p => p.Payer, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Title, StringComparer.OrdinalIgnoreCase))
        {
            w.Write("<tr><th scope=\"row\">");
            A(w, Url($"/policies/{p.Id}", r), p.Title);
            w.Write("</th>");
            if (showPayer)
            {
                w.Write("<td>");
                E(w, p.Payer);
                w.Write("</td>");
            }

            w.Write("<td>");
            PayerPages.Cell(w, p.EffectiveDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.Write("</td><td>");
            E(w, string.Join(", ", p.Rules.Select(x => x.Code).Distinct(StringComparer.Ordinal)));
            w.Write("</td></tr>");
        }

        w.Write("</tbody></table></div>\n");
    }
}
