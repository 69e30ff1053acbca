using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PayerAtlas.Tests.Rendering;

/// <summary>
/// Reads the citation-style provenance of an HTML page: the figures (<c>&lt;a data-fact="…" href="#sN"&gt;</c>) and the
/// Sources list (each file and release with its cited rows, <c>&lt;li id="sN"&gt;row 47&lt;/li&gt;</c>), and checks them
/// against the facts of the publication JSON. Shared by the static renderer's tests and the live site's.
/// </summary>
public static partial class ProvenanceMarkup
{
    public sealed record Figure(string Fact, string Source);

    public sealed record SourceRow(string Id, string File, string Release, string Row);

    public static List<Figure> Figures(string html) =>
        [.. FigureLink().Matches(html).Select(m => new Figure(WebUtility.HtmlDecode(m.Groups["fact"].Value), m.Groups["src"].Value))];

    public static List<SourceRow> SourceRows(string html)
    {
        var aside = SourcesAside().Match(html);
        Assert.True(aside.Success, "the page has no Sources list");
        var rows = new List<SourceRow>();
        foreach (Match g in SourceGroup().Matches(aside.Value))
        {
            var file = WebUtility.HtmlDecode(g.Groups["file"].Value);
            var release = WebUtility.HtmlDecode(g.Groups["release"].Value);
            rows.AddRange(RowEntry().Matches(g.Groups["rows"].Value).Select(r => new SourceRow(r.Groups["id"].Value, file, release, WebUtility.HtmlDecode(r.Groups["row"].Value))));
        }

        return rows;
    }

    /// <summary>
    /// Every figure names a fact of <paramref name="facts"/> and links to a Sources entry that states exactly that fact's
    /// file, release and row; every entry is listed once and cited by at least one figure. Returns the figures.
    /// </summary>
    public static List<Figure> AssertEveryFigureReachesItsSource(string html, IEnumerable<JsonElement> facts)
    {
        var byId = facts.ToDictionary(f => f.GetProperty("id").GetString()!, StringComparer.Ordinal);
        var figures = Figures(html);
        var rows = SourceRows(html);
        Assert.NotEmpty(figures);
        Assert.Equal(rows.Count, rows.Select(r => r.Id).Distinct().Count());
        Assert.Equal(rows.Count, rows.Select(r => (r.File, r.Release, r.Row)).Distinct().Count());
        var entries = rows.ToDictionary(r => r.Id);
        foreach (var figure in figures)
        {
            Assert.True(byId.TryGetValue(figure.Fact, out var fact), $"figure {figure.Fact} is not a fact of the publication");
            Assert.True(entries.TryGetValue(figure.Source, out var entry), $"figure {figure.Fact} links to #{figure.Source}, which the Sources list lacks");
            var source = fact.GetProperty("source");
            Assert.Equal((source.GetProperty("file").GetString(), source.GetProperty("release").GetString(), source.GetProperty("row").GetString()), (entry.File, entry.Release, entry.Row));
        }

        Assert.All(rows, r => Assert.Contains(figures, f => f.Source == r.Id));
        return figures;
    }

    [GeneratedRegex("<a (?:class=\"prose\" )?data-fact=\"(?<fact>[^\"]+)\" href=\"#(?<src>s\\d+)\">")]
    private static partial Regex FigureLink();

    [GeneratedRegex("<aside class=\"sources\".*?</aside>", RegexOptions.Singleline)]
    private static partial Regex SourcesAside();

    [GeneratedRegex("<li><span class=\"file\">(?:<a [^>]*>)?(?<file>[^<]*)(?:</a>)?</span>, release <span class=\"release\">(?<release>[^<]*)</span>(?:: <ul class=\"rows\">(?<rows>.*?)</ul>)?</li>")]
    private static partial Regex SourceGroup();

    [GeneratedRegex("<li id=\"(?<id>s\\d+)\">(?:row )?(?<row>[^<]*)</li>")]
    private static partial Regex RowEntry();
}
