using System.Globalization;
using System.Text;
using PayerAtlas.Dossiers;
using PayerAtlas.Publishing;
using PayerAtlas.Publishing.Sections;
using PayerAtlas.Rates;

namespace PayerAtlas.Rendering.Svg;

/// <summary>
/// Commercial negotiated rates of one code as a server-drawn SVG (no script, no external resource): one row per
/// benchmark of the Reimbursement table, a box from the 25th to the 75th percentile with a line at the median and
/// whiskers to the 10th and 90th, and the matching Medicare amounts as dashed reference lines. Every label is
/// HTML-encoded; the figures are the table's.
/// </summary>
public static class RateDistributionChart
{
    const int Width = 760;
    const int Left = 250;
    const int Right = 120;
    const int Row = 32;
    const int Bottom = 34;
    const int MaxLabel = 30;
    const string BoxColor = "#0b5cad";

    /// <summary>A dashed line at a Medicare amount, labelled ("Medicare CA facility").</summary>
    public sealed record Reference(string Label, decimal Amount);

    /// <summary>The chart of the code's benchmarks with their matching Medicare amounts, or null when there are no benchmarks.</summary>
    public static string? Build(Dossier dossier, IRateBenchmarks rates, PublicationOptions? options = null)
    {
        var benchmarks = CommercialRates.Benchmarks(rates, dossier.Code, options ?? new PublicationOptions());
        if (benchmarks.Count == 0)
        {
            return null;
        }

        var known = new DossierFacts(dossier, new FactBook());
        var references = benchmarks.Select(b => MedicareMatch.For(dossier, b)).OfType<MedicareMatch>()
            .Select(m => (m.Where, Fact: m.Amount(known))).Where(m => m.Fact is not null)
            .Select(m => new Reference("Medicare " + m.Where, decimal.Parse(m.Fact!.Value, CultureInfo.InvariantCulture)))
            .Distinct().ToList();
        return Render(dossier.Code, dossier.Release.Label, benchmarks, references);
    }

    public static string Render(string code, string release, IReadOnlyList<RateBenchmark> rows, IReadOnlyList<Reference> references)
    {
        var axis = SvgChart.Axis.Over(rows.SelectMany(r => new[] { r.P10, r.P90 }).Concat(references.Select(r => r.Amount)).ToList());
        var plot = Width - Left - Right;
        double X(decimal v) => axis.X(v, Left, plot);
        var first = 40 + references.Count * 14;
        var height = first + rows.Count * Row + Bottom;

        var w = new StringBuilder(4096);
        SvgChart.Open(w, Width, height, "rates", $"Commercial negotiated rates for {code} by payer, release {release}",
            "For each payer, a box from the 25th to the 75th percentile of the dollar rates with a line at the median, and whiskers from the 10th to the 90th percentile. Dashed lines mark the matching Medicare amounts.");
        w.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - Right + 10}\" y=\"18\" fill=\"#5b6470\">Median</text>\n");
        SvgChart.Grid(w, axis, X, first - 6, height - Bottom + 4);

        for (var i = 0; i < rows.Count; i++)
        {
            Box(w, X, rows[i], first + i * Row);
        }

        for (var i = 0; i < references.Count; i++)
        {
            var x = X(references[i].Amount);
            w.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x:0.#}\" y1=\"{first - 6}\" x2=\"{x:0.#}\" y2=\"{height - Bottom + 4}\" stroke=\"#b3541e\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"/>\n");
            w.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.#}\" y=\"{first - 10 - (references.Count - 1 - i) * 14}\" text-anchor=\"middle\" fill=\"#b3541e\">");
            Text(w, $"{references[i].Label} {SvgChart.Money(references[i].Amount, true)}");
            w.Append("</text>\n");
        }

        w.Append("</svg>\n");
        return w.ToString();
    }

    static void Box(StringBuilder w, Func<decimal, double> x, RateBenchmark b, int y)
    {
        var mid = y + 15;
        w.Append("<g><title>");
        Text(w, $"{b.Payer}, {Details(b)}: {b.Count} rates; 10th {Money(b.P10)}, 25th {Money(b.P25)}, median {Money(b.Median)}, 75th {Money(b.P75)}, 90th {Money(b.P90)}");
        w.Append(CultureInfo.InvariantCulture, $"</title><text x=\"{Left - 10}\" y=\"{y + 12}\" text-anchor=\"end\" font-weight=\"600\" fill=\"#1b1f24\">");
        Text(w, b.Payer.Length > MaxLabel ? b.Payer[..(MaxLabel - 1)] + "…" : b.Payer);
        w.Append(CultureInfo.InvariantCulture, $"</text><text x=\"{Left - 10}\" y=\"{y + 26}\" text-anchor=\"end\" font-size=\"11\" fill=\"#5b6470\">");
        Text(w, Details(b));
        w.Append("</text>");
        var (p10, p25, p50, p75, p90) = (x(b.P10), x(b.P25), x(b.Median), x(b.P75), x(b.P90));
        w.Append(CultureInfo.InvariantCulture, $"<line x1=\"{p10:0.#}\" y1=\"{mid}\" x2=\"{p90:0.#}\" y2=\"{mid}\" stroke=\"{BoxColor}\"/>");
        w.Append(CultureInfo.InvariantCulture, $"<line x1=\"{p10:0.#}\" y1=\"{mid - 5}\" x2=\"{p10:0.#}\" y2=\"{mid + 5}\" stroke=\"{BoxColor}\"/>");
        w.Append(CultureInfo.InvariantCulture, $"<line x1=\"{p90:0.#}\" y1=\"{mid - 5}\" x2=\"{p90:0.#}\" y2=\"{mid + 5}\" stroke=\"{BoxColor}\"/>");
        w.Append(CultureInfo.InvariantCulture, $"<rect x=\"{p25:0.#}\" y=\"{mid - 8}\" width=\"{Math.Max(p75 - p25, 2):0.#}\" height=\"16\" fill=\"{BoxColor}\" fill-opacity=\"0.25\" stroke=\"{BoxColor}\"/>");
        w.Append(CultureInfo.InvariantCulture, $"<line x1=\"{p50:0.#}\" y1=\"{mid - 8}\" x2=\"{p50:0.#}\" y2=\"{mid + 8}\" stroke=\"#1b1f24\" stroke-width=\"2.5\"/>");
        w.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - Right + 10}\" y=\"{mid + 4}\" fill=\"#1b1f24\">");
        Text(w, Money(b.Median));
        w.Append("</text></g>\n");
    }

    static string Details(RateBenchmark b) =>
        $"{b.State ?? "not located"} · {b.BillingClass?.ToString().ToLowerInvariant() ?? "billing class not stated"}{(b.Modifiers.Length == 0 ? "" : " · " + b.Modifiers.Replace(':', ' '))}";

    static string Money(decimal value) => SvgChart.Money(Math.Round(value, 2, MidpointRounding.AwayFromZero), true);

    static void Text(StringBuilder w, string text) => SvgChart.Text(w, text);
}
