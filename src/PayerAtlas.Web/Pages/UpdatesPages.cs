using System.Globalization;
using System.Text;
using System.Xml;
using PayerAtlas.Catalog;
using PayerAtlas.Web.Infrastructure;
using static PayerAtlas.Web.Pages.SiteHtml;

namespace PayerAtlas.Web.Pages;

/// <summary>/updates (HTML), /updates.rss (RSS 2.0) and /updates.atom (Atom 1.0): policies new, revised or retired in the release.</summary>
public static class UpdatesPages
{
    public static IResult Html(ResolvedRelease r, Atlas atlas, PageCache cache) =>
        cache.Body(new CacheKey(r.Release.Id, "updates", r.Pinned.ToString()), () => Page("Policy updates", r.Release.Label, "/updates", w =>
        {
            H1(w, "Policy updates", $"Release {r.Release.Label}");
            w.Write("<p>Follow these as a feed: ");
            A(w, "/updates.rss", "RSS");
            w.Write(" or ");
            A(w, "/updates.atom", "Atom");
            w.Write(".</p>\n");
            var updates = atlas.Policies(r.Release).Updates;
            if (updates.Count == 0)
            {
                Gap(w, "Payer policy updates in this release");
                return;
            }

            w.Write("<div class=\"table-wrap\"><table><caption>Newest first: what changed from one version of a policy to the next</caption><thead><tr><th scope=\"col\">Policy</th><th scope=\"col\">Payer</th><th scope=\"col\">Versions</th><th scope=\"col\">Date</th><th scope=\"col\">Changes</th></tr></thead><tbody>");
            foreach (var u in updates)
            {
                w.Write("<tr><th scope=\"row\">");
                A(w, Url($"/policies/{u.Policy.Id}", r), $"{u.Policy.Number}: {u.Policy.Title}");
                w.Write("</th><td>");
                E(w, u.Policy.Payer);
                w.Write("</td><td>");
                E(w, $"{u.FromVersion} → {u.ToVersion}");
                w.Write("</td><td>");
                PayerPages.Cell(w, u.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                w.Write("</td><td><ul>");
                foreach (var change in u.Changes)
                {
                    w.Write("<li>");
                    E(w, change);
                    w.Write("</li>");
                }

                w.Write("</ul></td></tr>");
            }

            w.Write("</tbody></table></div>\n");
        }))!.Result();

    public static IResult Feed(string format, HttpContext context, ResolvedRelease r, Atlas atlas, PageCache cache)
    {
        var origin = $"{context.Request.Scheme}://{context.Request.Host}";
        return cache.Body(new CacheKey(r.Release.Id, "feed." + format, origin), () =>
        {
            var updates = atlas.Policies(r.Release).Updates;
            var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true };
            using var buffer = new MemoryStream();
            using (var x = XmlWriter.Create(buffer, settings))
            {
                if (format == "atom")
                {
                    Atom(x, origin, r, updates);
                }
                else
                {
                    Rss(x, origin, r, updates);
                }
            }

            return new CachedBody(buffer.ToArray(), format == "atom" ? "application/atom+xml; charset=utf-8" : "application/rss+xml; charset=utf-8");
        })!.Result();
    }

    static DateTimeOffset When(PolicyUpdateListing u, ResolvedRelease r) =>
        u.Date is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : r.Release.ImportedAt;

    static string Title(PolicyUpdateListing u) => $"{u.Policy.Payer} {u.Policy.Number}: {u.Policy.Title} ({u.FromVersion} → {u.ToVersion})";

    static string Summary(PolicyUpdateListing u) => string.Join("; ", u.Changes) + $" (source {u.Source})";

    static void Rss(XmlWriter x, string origin, ResolvedRelease r, IReadOnlyList<PolicyUpdateListing> updates)
    {
        x.WriteStartElement("rss");
        x.WriteAttributeString("version", "2.0");
        x.WriteStartElement("channel");
        x.WriteElementString("title", "PayerAtlas policy updates");
        x.WriteElementString("link", origin + "/updates");
        x.WriteElementString("description", $"Payer policies new, revised or retired in release {r.Release.Label}");
        x.WriteElementString("lastBuildDate", r.Release.ImportedAt.ToString("r", CultureInfo.InvariantCulture));
        foreach (var u in updates)
        {
            x.WriteStartElement("item");
            x.WriteElementString("title", Title(u));
            x.WriteElementString("link", $"{origin}/policies/{u.Policy.Id}");
            x.WriteStartElement("guid");
            x.WriteAttributeString("isPermaLink", "false");
            x.WriteString($"{u.Policy.Id}/{u.FromVersion}/{u.ToVersion}");
            x.WriteEndElement();
            x.WriteElementString("pubDate", When(u, r).ToString("r", CultureInfo.InvariantCulture));
            x.WriteElementString("description", Summary(u));
            x.WriteEndElement();
        }

        x.WriteEndElement();
        x.WriteEndElement();
    }

    static void Atom(XmlWriter x, string origin, ResolvedRelease r, IReadOnlyList<PolicyUpdateListing> updates)
    {
        const string Ns = "http://www.w3.org/2005/Atom";
        x.WriteStartElement("feed", Ns);
        x.WriteElementString("title", Ns, "PayerAtlas policy updates");
        x.WriteElementString("id", Ns, $"{origin}/updates.atom");
        x.WriteElementString("updated", Ns, updates.Select(u => When(u, r)).DefaultIfEmpty(r.Release.ImportedAt).Max().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        x.WriteStartElement("link", Ns);
        x.WriteAttributeString("href", $"{origin}/updates");
        x.WriteEndElement();
        x.WriteStartElement("author", Ns);
        x.WriteElementString("name", Ns, "PayerAtlas");
        x.WriteEndElement();
        foreach (var u in updates)
        {
            x.WriteStartElement("entry", Ns);
            x.WriteElementString("title", Ns, Title(u));
            x.WriteElementString("id", Ns, $"{origin}/policies/{u.Policy.Id}#{Uri.EscapeDataString(u.FromVersion)}-{Uri.EscapeDataString(u.ToVersion)}");
            x.WriteElementString("updated", Ns, When(u, r).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            x.WriteStartElement("link", Ns);
            x.WriteAttributeString("href", $"{origin}/policies/{u.Policy.Id}");
            x.WriteEndElement();
            x.WriteElementString("summary", Ns, Summary(u));
            x.WriteEndElement();
        }

        x.WriteEndElement();
    }
}
