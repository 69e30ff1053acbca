using PayerAtlas.Publishing;
using PayerAtlas.Web.Infrastructure;
using static PayerAtlas.Web.Pages.SiteHtml;

namespace PayerAtlas.Web.Pages;

/// <summary>/codes/{code}/history: the releases that hold the code and, between each release and the next, what changed in its publication.</summary>
public static class CodeHistoryPage
{
    public static IResult Get(string code, ResolvedRelease r, Atlas atlas, PageCache cache)
    {
        if (!Input.TryCode(code, out code, out var error))
        {
            return Errors.Page(400, error);
        }

        var releases = atlas.Releases;
        var changes = Changes(atlas, code, releases);
        if (changes is null)
        {
            return Errors.Page(404, $"code {code} is in no release of this database");
        }

        // Keyed on the newest release: history only grows when a release is added.
        return cache.Body(new CacheKey(releases[^1].Id, "history", code), () => Page($"{code}: changes across releases", r.Release.Label, null, w =>
        {
            H1(w, $"{BillingCodes.System(code)} {code}: changes across releases");
            w.Write("<p class=\"meta\">");
            A(w, $"/codes/{code}", "Back to the publication");
            w.Write("</p>\n<h2>Releases</h2>\n<div class=\"table-wrap\"><table><caption>Releases in this database</caption><thead><tr><th scope=\"col\">Release</th><th scope=\"col\">Imported</th><th scope=\"col\">Holds this code</th></tr></thead><tbody>");
            foreach (var release in releases)
            {
                w.Write("<tr><th scope=\"row\">");
                A(w, $"/releases/{Uri.EscapeDataString(release.Label)}", release.Label + (release.IsCurrent ? " (current)" : ""));
                w.Write("</th><td>");
                E(w, Date(release.ImportedAt));
                w.Write("</td><td>");
                if (atlas.Publication(release, code) is not null)
                {
                    A(w, $"/codes/{code}?release={Uri.EscapeDataString(release.Label)}", "yes: its publication");
                }
                else
                {
                    w.Write("no");
                }

                w.Write("</td></tr>");
            }

            w.Write("</tbody></table></div>\n");
            if (changes.Count == 0)
            {
                P(w, "There is only one release, so there is nothing to compare yet.", "notice");
            }

            foreach (var c in changes.AsEnumerable().Reverse())
            {
                Write(w, c);
            }
        }))!.Result();
    }

    /// <summary>The change from each release to the next, oldest first; null when no release holds the code.</summary>
    public static IReadOnlyList<PublicationChanges>? Changes(Atlas atlas, string code, IReadOnlyList<Store.ReleaseInfo> releases)
    {
        var publications = releases.Select(rel => atlas.Publication(rel, code)).ToList();
        if (publications.All(p => p is null))
        {
            return null;
        }

        return Enumerable.Range(1, Math.Max(0, releases.Count - 1))
            .Select(i => PublicationDiff.Compare(code, releases[i - 1].Label, releases[i].Label, publications[i - 1], publications[i]))
            .ToList();
    }

    static void Write(TextWriter w, PublicationChanges c)
    {
        w.Write("<h2>");
        E(w, $"{c.From} → {c.To}");
        w.Write("</h2>\n");
        if (!c.InTo)
        {
            P(w, $"The code is not in release {c.To}.", "notice");
            return;
        }

        if (!c.InFrom)
        {
            P(w, $"The code first appears in release {c.To}.", "notice");
        }

        if (c.IsEmpty)
        {
            P(w, "No fact of the publication changed.");
            return;
        }

        if (c.Facts.Count > 0)
        {
            w.Write("<div class=\"table-wrap\"><table><caption>Facts that changed</caption><thead><tr><th scope=\"col\">Fact</th><th scope=\"col\">Change</th><th scope=\"col\">Before</th><th scope=\"col\">After</th><th scope=\"col\">Source now</th></tr></thead><tbody>");
            foreach (var f in c.Facts)
            {
                w.Write("<tr><th scope=\"row\">");
                E(w, f.Label);
                w.Write("</th><td>");
                E(w, f.Kind);
                w.Write("</td><td>");
                E(w, f.Before ?? "");
                w.Write("</td><td>");
                E(w, f.After ?? "");
                w.Write("</td><td>");
                E(w, (f.AfterFact ?? f.BeforeFact)!.Source.ToString());
                w.Write("</td></tr>");
            }

            w.Write("</tbody></table></div>\n");
        }

        GapList(w, "Gaps filled: the input now has", c.GapsFilled);
        GapList(w, "Gaps opened: the input no longer has", c.GapsOpened);
    }

    static void GapList(TextWriter w, string title, IReadOnlyList<Publishing.Model.Gap> gaps)
    {
        if (gaps.Count == 0)
        {
            return;
        }

        w.Write("<h3>");
        E(w, title);
        w.Write("</h3><ul>");
        foreach (var g in gaps)
        {
            w.Write("<li>");
            E(w, g.Label);
            w.Write("</li>");
        }

        w.Write("</ul>\n");
    }
}
