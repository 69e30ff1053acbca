using System.Globalization;
using System.Text;
using PayerAtlas.Pricing;
using PayerAtlas.Store;

namespace PayerAtlas.Rendering.Svg;

/// <summary>
/// Medicare payment by state as a server-drawn SVG (no script, no external resource): one row per state, a bar
/// from its lowest to its highest locality amount and a dot at the unweighted average, non-facility above
/// facility, with the national amount as a dashed line. The figures are those of the Reimbursement section's
/// state table, computed by the same <see cref="PriceCalculator"/>.
/// </summary>
public static class StatePaymentChart
{
    const int Width = 760;
    const int Left = 64;
    const int Right = 96;
    const int Top = 58;
    const int Row = 24;
    const int Bottom = 34;
    const string NonFacilityColor = "#0b5cad";
    const string FacilityColor = "#b3541e";

    /// <summary>The chart for the code's first priced fee-schedule row (the row the state table shows), or null when there is nothing to draw.</summary>
    public static string? Build(IReleaseReader reader, string code)
    {
        var row = reader.GetFeeSchedule(code).FirstOrDefault(r => MedicarePricer.IsPriced(r.Record));
        if (row is null)
        {
            return null;
        }

        var quote = PriceCalculator.Quote(reader, code, row.Record.Modifier.Length == 0 ? null : row.Record.Modifier, new PriceScope.All());
        return quote is null ? null : Render(quote);
    }

    public static string? Render(PriceQuote quote)
    {
        var states = quote.States.Where(s => s.NonFacilityAverage is not null || s.FacilityAverage is not null)
            .OrderByDescending(s => s.NonFacilityAverage ?? s.FacilityAverage).ThenBy(s => s.State, StringComparer.Ordinal).ToList();
        if (states.Count == 0)
        {
            return null;
        }

        var national = quote.Amounts.FirstOrDefault(a => a.Mac is null);
        // A dot plot needs no zero baseline: the axis spans the amounts, on round steps.
        var values = states.SelectMany(s => new[] { s.NonFacilityMin, s.NonFacilityMax, s.FacilityMin, s.FacilityMax })
            .Append(national?.NonFacility).Append(national?.Facility).Where(v => v is not null).Select(v => v!.Value).ToList();
        var axis = SvgChart.Axis.Over(values);
        var plot = Width - Left - Right;
        double X(decimal v) => axis.X(v, Left, plot);
        var height = Top + states.Count * Row + Bottom;
        var component = quote.Modifier is null ? "global" : $"modifier {quote.Modifier}";

        var w = new StringBuilder(8192);
        SvgChart.Open(w, Width, height, "chart", $"Medicare payment for {quote.Code} ({component}) by state, release {quote.Release}",
            "For each state, a bar from the lowest to the highest locality amount with a dot at the unweighted average; non-facility in blue above facility in orange. The dashed line is the national amount.");
        Legend(w);
        SvgChart.Grid(w, axis, X, Top - 6, height - Bottom + 4);

        for (var i = 0; i < states.Count; i++)
        {
            var s = states[i];
            var y = Top + i * Row;
            w.Append(CultureInfo.InvariantCulture, $"<g><title>");
            Text(w, Tooltip(s));
            w.Append(CultureInfo.InvariantCulture, $"</title><text x=\"{Left - 10}\" y=\"{y + 13}\" text-anchor=\"end\" font-weight=\"600\" fill=\"#1b1f24\">");
            Text(w, s.State);
            w.Append("</text>");
            Series(w, X, y + 3, s.NonFacilityMin, s.NonFacilityMax, s.NonFacilityAverage, NonFacilityColor);
            Series(w, X, y + 13, s.FacilityMin, s.FacilityMax, s.FacilityAverage, FacilityColor);
            w.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - Right + 10}\" y=\"{y + 13}\" fill=\"#1b1f24\">");
            Text(w, s.NonFacilityAverage is { } a ? Money(a, true) : s.FacilityAverage is { } f ? Money(f, true) + " (facility)" : "");
            w.Append("</text></g>\n");
        }

        if ((national?.NonFacility ?? national?.Facility) is { } n)
        {
            var x = X(n);
            w.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x:0.#}\" y1=\"{Top - 6}\" x2=\"{x:0.#}\" y2=\"{height - Bottom + 4}\" stroke=\"#1b1f24\" stroke-dasharray=\"4 3\"/>\n");
            w.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.#}\" y=\"{Top - 10}\" text-anchor=\"middle\" fill=\"#1b1f24\">");
            Text(w, "National " + Money(n, true));
            w.Append("</text>\n");
        }

        w.Append("</svg>\n");
        return w.ToString();
    }

    static void Legend(StringBuilder w)
    {
        w.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left}\" y=\"10\" width=\"22\" height=\"7\" rx=\"3\" fill=\"{NonFacilityColor}\" fill-opacity=\"0.35\"/><circle cx=\"{Left + 11}\" cy=\"13.5\" r=\"4\" fill=\"{NonFacilityColor}\"/>");
        w.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left + 30}\" y=\"18\" fill=\"#1b1f24\">Non-facility</text>");
        w.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left + 130}\" y=\"10\" width=\"22\" height=\"7\" rx=\"3\" fill=\"{FacilityColor}\" fill-opacity=\"0.35\"/><circle cx=\"{Left + 141}\" cy=\"13.5\" r=\"4\" fill=\"{FacilityColor}\"/>");
        w.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left + 160}\" y=\"18\" fill=\"#1b1f24\">Facility</text>");
        w.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - Right + 10}\" y=\"18\" fill=\"#5b6470\">Average</text>\n");
    }

    static void Series(StringBuilder w, Func<decimal, double> x, int y, decimal? min, decimal? max, decimal? average, string color)
    {
        if (min is null || max is null || average is null)
        {
            return;
        }

        var x1 = x(min.Value);
        var x2 = Math.Max(x(max.Value), x1 + 2);
        w.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x1:0.#}\" y=\"{y}\" width=\"{x2 - x1:0.#}\" height=\"7\" rx=\"3\" fill=\"{color}\" fill-opacity=\"0.35\"/>");
        w.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{x(average.Value):0.#}\" cy=\"{y + 3.5:0.#}\" r=\"4\" fill=\"{color}\"/>");
    }

    static string Tooltip(StateSummary s)
    {
        string Range(decimal? lo, decimal? hi, decimal? avg) =>
            lo is null ? "NA" : lo == hi ? Money(lo.Value, true) : $"{Money(lo.Value, true)}–{Money(hi!.Value, true)}, average {Money(avg!.Value, true)}";
        return $"{s.State}: non-facility {Range(s.NonFacilityMin, s.NonFacilityMax, s.NonFacilityAverage)}; facility {Range(s.FacilityMin, s.FacilityMax, s.FacilityAverage)}";
    }

    static string Money(decimal value, bool cents) => SvgChart.Money(value, cents);

    static void Text(StringBuilder w, string text) => SvgChart.Text(w, text);
}
