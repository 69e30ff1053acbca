using System.Globalization;
using PayerAtlas.Sources;
using PayerAtlas.Web.Infrastructure;
using static PayerAtlas.Web.Pages.SiteHtml;

namespace PayerAtlas.Web.Pages;

/// <summary>/payers and /payers/{id}: each payer's policies and what they say per code; a gap wherever the release has none.</summary>
public static class PayerPages
{
    public static IResult List(ResolvedRelease r, Atlas atlas, PageCache cache) =>
        cache.Body(new CacheKey(r.Release.Id, "payers", r.Pinned.ToString()), () => Page("Payers", r.Release.Label, "/payers", w =>
        {
            H1(w, "Payers", $"Release {r.Release.Label}");
            w.Write("<div class=\"table-wrap\"><table><caption>Payers in the publications and the policy files of this release</caption><thead><tr><th scope=\"col\">Payer</th><th scope=\"col\">Policies in this release</th></tr></thead><tbody>");
            foreach (var payer in Payers.All(atlas, r.Release))
            {
                w.Write("<tr><th scope=\"row\">");
                A(w, Url($"/payers/{payer.Id}", r), payer.Name);
                w.Write("</th><td>");
                if (payer.Policies.Count == 0)
                {
                    w.Write("<span class=\"gap\">");
                    w.Write(Publishing.Model.Gap.NotAvailable);
                    w.Write("</span>");
                }
                else
                {
                    E(w, Count(payer.Policies.Count));
                }

                w.Write("</td></tr>");
            }

            w.Write("</tbody></table></div>\n");
        }))!.Result();

    public static IResult Get(string id, ResolvedRelease r, Atlas atlas, PageCache cache)
    {
        if (!Payers.ValidId(id))
        {
            return Errors.Page(400, $"'{Input.Clip(id)}' is not a payer id: lower-case letters, digits and hyphens, e.g. aetna");
        }

        var payer = Payers.Find(atlas, r.Release, id);
        if (payer is null)
        {
            return Errors.Page(404, $"there is no payer '{id}' in release {r.Release.Label}; /payers lists them");
        }

        return cache.Body(new CacheKey(r.Release.Id, "payer", $"{id}|{r.Pinned}"), () => Page(payer.Name, r.Release.Label, "/payers", w =>
        {
            H1(w, payer.Name, $"Payer · release {r.Release.Label}");
            w.Write("<h2>Policies</h2>\n");
            if (payer.Policies.Count == 0)
            {
                Gap(w, $"{payer.Name} policies in this release");
            }
            else
            {
                PolicyPages.Table(w, payer.Policies, r, showPayer: false);
            }

            w.Write("<h2>Coverage by code</h2>\n");
            if (payer.Policies.Sum(p => p.Rules.Count) == 0)
            {
                Gap(w, $"What {payer.Name} policies say about each code");
            }
            else
            {
                foreach (var policy in payer.Policies.Where(p => p.Rules.Count > 0))
                {
                    PolicyPages.RuleTable(w, policy, r, showPolicy: true);
                }
            }

            if (payer.Id == "medicare")
            {
                Medicare(w, r);
            }
        }))!.Result();
    }

    /// <summary>Medicare's fee-schedule files are in every release: say which ones this release prices from.</summary>
    static void Medicare(TextWriter w, ResolvedRelease r)
    {
        w.Write("<h2>Medicare Physician Fee Schedule</h2>\n");
        var files = r.Release.Sources.Where(s => s.Dataset is Dataset.FeeSchedule or Dataset.Gpci or Dataset.LocalityCounties).ToList();
        if (files.Count == 0)
        {
            Gap(w, "Medicare fee-schedule files in this release");
            return;
        }

        w.Write("<p>Each code page prices the code from these files, nationally, by state and for every locality.</p><ul>");
        foreach (var s in files)
        {
            w.Write("<li>");
            A(w, $"/releases/{Uri.EscapeDataString(r.Release.Label)}#{SourceAnchor(s.File)}", s.File);
            E(w, string.Create(CultureInfo.InvariantCulture, $" ({s.Publisher}, {Count(s.Rows)} rows)"));
            w.Write("</li>");
        }

        w.Write("</ul>\n");
    }

    internal static void Cell(TextWriter w, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            w.Write("<span class=\"gap\">");
            w.Write(Publishing.Model.Gap.NotAvailable);
            w.Write("</span>");
        }
        else
        {
            E(w, value);
        }
    }
}
