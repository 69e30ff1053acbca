using System.Globalization;
using System.Net;
using System.Text;

namespace PayerAtlas.Rendering.Svg;

/// <summary>What the server-drawn charts share: the opening with title and description, a money axis on round steps, encoded text.</summary>
internal static class SvgChart
{
    /// <summary>An axis spanning the values on round steps (no zero baseline needed for dot and box plots).</summary>
    public readonly record struct Axis(decimal Bottom, decimal Top, decimal Step)
    {
        public static Axis Over(IReadOnlyCollection<decimal> values)
        {
            var (lo, hi) = (values.Min(), values.Max());
            var step = NiceStep(hi > lo ? (hi - lo) / 4 : Math.Max(hi, 1) / 5);
            var bottom = Math.Max(0, Math.Floor(lo / step) * step);
            var top = Math.Ceiling(hi / step) * step;
            return new Axis(bottom, top <= bottom ? bottom + step : top, step);
        }

        /// <summary>The x of a value on a plot from <paramref name="left"/>, <paramref name="width"/> wide.</summary>
        public double X(decimal value, int left, int width) => left + (double)((value - Bottom) / (Top - Bottom)) * width;
    }

    public static void Open(StringBuilder w, int width, int height, string id, string title, string description)
    {
        w.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" font-family=\"system-ui,sans-serif\" font-size=\"12\">\n");
        w.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">");
        Text(w, title);
        w.Append(CultureInfo.InvariantCulture, $"</title>\n<desc id=\"{id}-desc\">");
        Text(w, description);
        w.Append("</desc>\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    }

    /// <summary>Vertical grid lines from <paramref name="y1"/> to <paramref name="y2"/> with the amounts below them.</summary>
    public static void Grid(StringBuilder w, Axis axis, Func<decimal, double> x, int y1, int y2)
    {
        for (var t = axis.Bottom; t <= axis.Top; t += axis.Step)
        {
            var at = x(t);
            w.Append(CultureInfo.InvariantCulture, $"<line x1=\"{at:0.#}\" y1=\"{y1}\" x2=\"{at:0.#}\" y2=\"{y2}\" stroke=\"#d8dde3\"/>\n");
            w.Append(CultureInfo.InvariantCulture, $"<text x=\"{at:0.#}\" y=\"{y2 + 16}\" text-anchor=\"middle\" fill=\"#5b6470\">");
            Text(w, Money(t, axis.Step < 1));
            w.Append("</text>\n");
        }
    }

    public static string Money(decimal value, bool cents) => "$" + value.ToString(cents ? "#,0.00" : "#,0", CultureInfo.InvariantCulture);

    /// <summary>1, 2 or 5 times a power of ten, at least <paramref name="rough"/>.</summary>
    public static decimal NiceStep(decimal rough)
    {
        if (rough <= 0)
        {
            return 1;
        }

        var power = (decimal)Math.Pow(10, Math.Floor(Math.Log10((double)rough)));
        foreach (var m in new[] { 1m, 2m, 5m, 10m })
        {
            if (m * power >= rough)
            {
                return m * power;
            }
        }

        return 10 * power;
    }

    /// <summary>HTML-encoded, which is also valid XML text and attribute content.</summary>
    public static void Text(StringBuilder w, string text) => w.Append(WebUtility.HtmlEncode(text));
}
