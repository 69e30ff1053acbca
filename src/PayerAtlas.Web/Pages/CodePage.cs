using PayerAtlas.Pricing;
using PayerAtlas.Rendering.Html;
using PayerAtlas.Rendering.Json;
using PayerAtlas.Rendering.Svg;
using PayerAtlas.Web.Infrastructure;

namespace PayerAtlas.Web.Pages;

/// <summary>
/// /codes/{code}[.html|.json|.md|.svg|.rates.svg]: the publication (the same renderer as the static site, with the live
/// chrome and the locality picker), its JSON contract, its Markdown, its state chart and its commercial-rate chart. The file names match the
/// static site's, so the publication's relative links ("77053.html", "77054.svg") work on both.
/// Every variant is rendered once per release and served from memory as UTF-8 bytes.
/// </summary>
public static class CodePage
{
    static readonly JsonRenderer Json = new(indented: false);

    public static IResult Get(string file, string? at, string? localities, ResolvedRelease r, Atlas atlas, PageCache cache)
    {
        var dot = file.IndexOf('.', StringComparison.Ordinal);
        var (raw, ext) = dot < 0 ? (file, "") : (file[..dot], file[dot..].ToLowerInvariant());
        if (ext is not ("" or ".html" or ".json" or ".md" or ".svg" or ".rates.svg"))
        {
            return Errors.Page(404, $"there is no '{Input.Clip(ext)}' form of a code page; use .html, .json, .md, .svg or .rates.svg");
        }

        if (!Input.TryCode(raw, out var code, out var error))
        {
            return Errors.Page(400, error);
        }

        var release = r.Release;
        var withLocalities = ext == ".json" && localities is "true" or "1";
        PriceScope scope = National;
        if (ext is "" or ".html" && at is not null && !Input.TryAt(at, out scope, out error))
        {
            return Errors.Page(400, error);
        }

        // The hot path: a page already rendered for this release is written without building anything.
        var cacheKey = ext switch
        {
            "" or ".html" => HtmlKey(r, code, scope),
            ".json" => new CacheKey(release.Id, withLocalities ? "code.json+localities" : "code.json", code),
            _ => new CacheKey(release.Id, "code" + ext, code),
        };
        return cache.Find(cacheKey) is { } hit ? hit.Result() : Render(cacheKey, code, ext, withLocalities, scope, r, atlas, cache);
    }

    /// <summary>
    /// The page <see cref="Get"/> answers for /codes/{file} without a query (the national HTML page), when it is already
    /// rendered for this release; else null, and the request takes the routed path (<see cref="CachedCodePages"/>).
    /// </summary>
    public static CachedBody? Cached(string file, ResolvedRelease r, PageCache cache) =>
        file.Contains('.', StringComparison.Ordinal) || !Input.TryCode(file, out var code, out _) ? null : cache.Find(HtmlKey(r, code, National));

    static CacheKey HtmlKey(ResolvedRelease r, string code, PriceScope scope) =>
        new(r.Release.Id, r.Pinned ? "code.html+pinned" : "code.html", scope is PriceScope.National ? code : $"{code}|{Scope(scope)}");

    static readonly PriceScope National = new PriceScope.National();

    static IResult Render(CacheKey cacheKey, string code, string ext, bool withLocalities, PriceScope scope, ResolvedRelease r, Atlas atlas, PageCache cache)
    {
        var release = r.Release;
        string? notFound = null;
        var body = cache.Body(cacheKey, () =>
        {
            if (ext == ".svg")
            {
                using var lease = atlas.Read(release);
                var svg = StatePaymentChart.Build(lease.Reader, code);
                notFound = svg is null ? $"code {code} has no Medicare amount by state in release {release.Label}" : null;
                return svg is null ? null : CachedBody.Text(svg, CachedBody.Svg);
            }

            if (ext == ".rates.svg")
            {
                using var lease = atlas.Read(release);
                var dossier = atlas.Rates is null ? null : Dossiers.DossierBuilder.Build(lease.Reader, code);
                var svg = dossier is null ? null : RateDistributionChart.Build(dossier, atlas.Rates!, atlas.Pipeline.Options);
                notFound = svg is null ? $"code {code} has no commercial rate benchmarks" : null;
                return svg is null ? null : CachedBody.Text(svg, CachedBody.Svg);
            }

            var publication = atlas.Publication(release, code, withLocalities);
            if (publication is null)
            {
                notFound = $"code {code} is not in release {release.Label}";
                return null;
            }

            return ext switch
            {
                ".json" => new CachedBody(JsonBytes(publication), CachedBody.Json),
                ".md" => CachedBody.Render(CachedBody.Markdown, w => new Rendering.Markdown.MarkdownRenderer().Render(publication, w)),
                _ => RenderHtml(atlas, r, publication, scope, out notFound),
            };
        });
        return body is null ? Errors.Page(404, notFound ?? $"code {code} is not in release {release.Label}") : body.Result();
    }

    static string Scope(PriceScope scope) => scope switch
    {
        PriceScope.State s => s.Code,
        PriceScope.Locality l => $"{l.Mac}-{l.Number}",
        _ => "national",
    };

    static byte[] JsonBytes(Publishing.Model.Publication publication)
    {
        using var buffer = new MemoryStream();
        Json.Write(publication, buffer);
        return buffer.ToArray();
    }

    static CachedBody? RenderHtml(Atlas atlas, ResolvedRelease r, Publishing.Model.Publication publication, PriceScope scope, out string? notFound)
    {
        notFound = null;
        LocalityPicker? picker;
        using (var lease = atlas.Read(r.Release))
        {
            var full = atlas.Publication(r.Release, publication.Code, localities: true)!;
            picker = LocalityPicker.Create(full, [.. lease.Reader.GetGpcis().Select(g => g.Record)], [.. lease.Reader.GetFeeSchedule(publication.Code).Select(f => f.Record)]);
        }

        if (picker?.Unknown(scope) is { } unknown)
        {
            notFound = unknown;
            return null;
        }

        var label = Uri.EscapeDataString(r.Release.Label);
        var renderer = new HtmlRenderer(new HtmlPageOptions
        {
            Chrome = SiteHtml.Chrome("/codes"),
            PageLinks = p =>
            [
                new NavLink("JSON", SiteHtml.Url($"/codes/{p.Code}.json", r)),
                new NavLink("Markdown", SiteHtml.Url($"/codes/{p.Code}.md", r)),
                new NavLink("Changes across releases", $"/codes/{p.Code}/history"),
                new NavLink("Price API", SiteHtml.Url($"/api/v1/prices/{p.Code}", r)),
            ],
            SourceHref = file => $"/releases/{label}#{SiteHtml.SourceAnchor(file)}",
            // The picker follows the state chart; a section without one (no GPCI file) gets it at its end.
            AfterBlock = picker is null ? null : (w, section, block, citations) =>
            {
                if (block is Publishing.Model.FigureBlock { Id: "medicare-by-state-chart" })
                {
                    picker.Write(w, scope, r, citations);
                }
            },
            AfterSection = picker is null ? null : (w, section, citations) =>
            {
                if (section.Id == "reimbursement" && !section.Blocks.Any(b => b is Publishing.Model.FigureBlock { Id: "medicare-by-state-chart" }))
                {
                    picker.Write(w, scope, r, citations);
                }
            },
        });
        return CachedBody.Render(CachedBody.Html, w => renderer.Render(publication, w));
    }
}
