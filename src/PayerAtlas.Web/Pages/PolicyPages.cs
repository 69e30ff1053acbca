using System.Globalization;
using PayerAtlas.Catalog;
using PayerAtlas.Web.Infrastructure;
using static PayerAtlas.Web.Pages.SiteHtml;

namespace PayerAtlas.Web.Pages;

/// <summary>/policies and /policies/{id}. Policy titles, summaries and rules come from outside and are encoded like all data.</summary>
public static class PolicyPages
{
    public static IResult List(ResolvedRelease r, Atlas atlas, PageCache cache) =>
        cache.Body(new CacheKey(r.Release.Id, "policies-page", r.Pinned.ToString()), () => Page("Payer policies", r.Release.Label, "/policies", w =>
        {
            H1(w, "Payer policies", $"Release {r.Release.Label}");
            var policies = atlas.Policies(r.Release).Policies;
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
            return Errors.Page(400, $"'{Input.Clip(id)}' is not a policy id: lower-case letters, digits and hyphens, e.g. aetna-cpb-0584");
        }

        var catalog = atlas.Policies(r.Release);
        var policy = catalog.Find(id);
        if (policy is null)
        {
            return Errors.Page(404, $"there is no policy '{id}' in release {r.Release.Label}; /policies lists them");
        }

        return cache.Body(new CacheKey(r.Release.Id, "policy", $"{id}|{r.Pinned}"), () => Page(policy.Title, r.Release.Label, "/policies", w =>
        {
            H1(w, policy.Title, $"{policy.Payer} {policy.Number} · {policy.Kind} · release {r.Release.Label}");
            if (policy.Summary is { } summary)
            {
                P(w, summary);
            }

            w.Write("<div class=\"table-wrap\"><table><caption>About this policy</caption><tbody><tr><th scope=\"row\">Payer</th><td>");
            A(w, Url($"/payers/{Publishing.Sections.PayerCoverageWriter.PayerKey(policy.Payer)}", r), policy.Payer);
            w.Write("</td></tr><tr><th scope=\"row\">Version</th><td>");
            E(w, policy.Versions == 1 ? policy.Version : $"{policy.Version} (newest of {Count(policy.Versions)} in this release)");
            w.Write("</td></tr><tr><th scope=\"row\">Effective date</th><td>");
            PayerPages.Cell(w, policy.Effective?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.Write("</td></tr><tr><th scope=\"row\">Publisher's document</th><td>");
            if (policy.Url is { } url && (url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)))
            {
                A(w, url, url, "noopener noreferrer nofollow");
            }
            else
            {
                PayerPages.Cell(w, null);
            }

            w.Write("</td></tr><tr><th scope=\"row\">Source</th><td>");
            E(w, $"{policy.Source} ({(policy.Origin == "Extracted" ? "extracted from the payer's document, not yet confirmed by an editor" : "written by an editor")})");
            w.Write("</td></tr></tbody></table></div>\n<h2>Codes</h2>\n");
            if (policy.Rules.Count == 0)
            {
                Gap(w, "Codes this policy addresses");
            }
            else
            {
                RuleTable(w, policy, r, showPolicy: false);
            }

            var updates = catalog.Updates.Where(u => u.Policy.Id == policy.Id).ToList();
            w.Write("<h2>Changes between versions</h2>\n");
            if (updates.Count == 0)
            {
                P(w, policy.Versions == 1 ? "This release holds one version of the policy." : "The versions in this release do not differ.");
            }

            foreach (var u in updates)
            {
                w.Write("<h3>");
                E(w, $"{u.FromVersion} → {u.ToVersion}{(u.Date is { } d ? ", " + d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "")}");
                w.Write("</h3><ul>");
                foreach (var change in u.Changes)
                {
                    w.Write("<li>");
                    E(w, change);
                    w.Write("</li>");
                }

                w.Write("</ul>\n");
            }
        }))!.Result();
    }

    internal static void RuleTable(TextWriter w, PolicyListing policy, ResolvedRelease r, bool showPolicy)
    {
        w.Write("<div class=\"table-wrap\"><table><caption>What the policy says per code</caption><thead><tr><th scope=\"col\">Codes</th><th scope=\"col\">Stance</th><th scope=\"col\">Criteria</th><th scope=\"col\">Prior authorization</th><th scope=\"col\">Documentation</th>");
        w.Write(showPolicy ? "<th scope=\"col\">Policy</th>" : "");
        w.Write("</tr></thead><tbody>");
        foreach (var rule in policy.Rules)
        {
            w.Write("<tr><th scope=\"row\">");
            Codes(w, rule, r);
            w.Write("</th><td>");
            E(w, rule.Stance);
            w.Write("</td><td>");
            PayerPages.Cell(w, rule.Criteria);
            w.Write("</td><td>");
            PayerPages.Cell(w, rule.PriorAuthorization);
            w.Write("</td><td>");
            PayerPages.Cell(w, rule.Documentation);
            w.Write("</td>");
            if (showPolicy)
            {
                w.Write("<td>");
                A(w, Url($"/policies/{policy.Id}", r), $"{policy.Number}: {policy.Title}");
                w.Write("</td>");
            }

            w.Write("</tr>");
        }

        w.Write("</tbody></table></div>\n");
    }

    /// <summary>Single codes link to their page; ranges are shown as written.</summary>
    internal static void Codes(TextWriter w, PolicyRuleListing rule, ResolvedRelease r)
    {
        for (var i = 0; i < rule.Codes.Count; i++)
        {
            w.Write(i == 0 ? "" : ", ");
            var c = rule.Codes[i];
            if (c.IsSingle && BillingCodes.IsValid(c.Low))
            {
                A(w, Url($"/codes/{c.Low}", r), c.Low);
            }
            else
            {
                E(w, c.Display);
            }
        }
    }

    internal static void Table(TextWriter w, IEnumerable<PolicyListing> policies, ResolvedRelease r, bool showPayer)
    {
        w.Write("<div class=\"table-wrap\"><table><caption>Newest version of each policy</caption><thead><tr><th scope=\"col\">Policy</th>");
        w.Write(showPayer ? "<th scope=\"col\">Payer</th>" : "");
        w.Write("<th scope=\"col\">Kind</th><th scope=\"col\">Effective</th><th scope=\"col\">Codes</th></tr></thead><tbody>");
        foreach (var p in policies)
        {
            w.Write("<tr><th scope=\"row\">");
            A(w, Url($"/policies/{p.Id}", r), $"{p.Number}: {p.Title}");
            w.Write("</th>");
            if (showPayer)
            {
                w.Write("<td>");
                E(w, p.Payer);
                w.Write("</td>");
            }

            w.Write("<td>");
            E(w, p.Kind);
            w.Write("</td><td>");
            PayerPages.Cell(w, p.Effective?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.Write("</td><td>");
            E(w, string.Join(", ", p.Rules.Select(x => x.CodesText).Distinct(StringComparer.Ordinal)));
            w.Write("</td></tr>");
        }

        w.Write("</tbody></table></div>\n");
    }
}
