using System.Globalization;
using PayerAtlas.Publishing.Model;
using PayerAtlas.Rates;
using PayerAtlas.Sources;

namespace PayerAtlas.Publishing.Sections;

/// <summary>
/// The commercial half of Reimbursement: one row per payer × state × billing class × modifiers with the count,
/// percentiles and mean of the dollar rates, the median as a percentage of the matching Medicare amount, and the
/// outlier, percentage-of-charge and expired counts — each a fact citing the rate files it was computed from —
/// then the distribution picture, then the hospitals' payer-independent charges (<see cref="HospitalCharges"/>).
/// Without benchmarks for the code the gap is stated.
/// </summary>
internal static class CommercialRates
{
    public const string FigureId = "rates-distribution-chart";

    public static IReadOnlyList<RateBenchmark> Benchmarks(IRateBenchmarks rates, string code, PublicationOptions options) =>
        rates.For(new RateBenchmarkQuery { BillingCode = code, AsOf = options.RatesAsOf });

    public static void Write(SectionContext context, SectionBuilder section)
    {
        var benchmarks = context.Rates is null ? [] : Benchmarks(context.Rates, context.Dossier.Code, context.Options);
        if (benchmarks.Count == 0)
        {
            section.Missing("rates.benchmarks", "Commercial negotiated-rate benchmarks by payer");
        }
        else
        {
            WritePayers(context, section, benchmarks);
        }

        HospitalCharges.Write(context, section, context.Rates?.HospitalCharges(context.Dossier.Code) ?? []);
    }

    static void WritePayers(SectionContext context, SectionBuilder section, IReadOnlyList<RateBenchmark> benchmarks)
    {
        var known = context.Known;
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var rows = benchmarks.Select(b => new Row(b, Key(b, keys), MedicareMatch.For(context.Dossier, b))).ToList();
        section.Paragraph(p => p.Text("Negotiated rates stated in price-transparency files, by payer, state, billing class and modifiers: percentiles of the dollar rates (linear interpolation between ranks), their mean, and the median as a percentage of the matching Medicare amount — professional rates against the non-facility amount, institutional rates against the facility amount, the professional- or technical-component row when the rates carry that modifier, the state's figure when the rates are located in a state, else the national amount. Percentage-of-charge rates are counted, not averaged; expired rates are left out and counted; outliers (more than three interquartile ranges beyond the middle half) are flagged and still included."));

        section.Table("Commercial negotiated rates by payer", ["Payer", "State", "Billing class", "Modifiers", "Rates", "P10", "P25", "Median", "P75", "P90", "Mean", "Median as % of Medicare", "Also counted"], rows,
            (p, r) => p.Fact(r.Fact(known, "payer", r.B.Payer, "Payer")),
            (p, r) => p.Text(r.B.State ?? "not located"),
            (p, r) => p.Text(r.B.BillingClass?.ToString().ToLowerInvariant() ?? "not stated"),
            (p, r) => Modifiers(p, known, r),
            (p, r) => p.Fact(r.Count(known, "count", r.B.Count, "Dollar rates in the benchmark")),
            (p, r) => p.Money(r.Money(context.Facts, known, "p10", r.B.P10, "10th percentile", "quantile_cont(rate, 0.10)")),
            (p, r) => p.Money(r.Money(context.Facts, known, "p25", r.B.P25, "25th percentile", "quantile_cont(rate, 0.25)")),
            (p, r) => p.Money(r.Money(context.Facts, known, "median", r.B.Median, "Median", "quantile_cont(rate, 0.50)")),
            (p, r) => p.Money(r.Money(context.Facts, known, "p75", r.B.P75, "75th percentile", "quantile_cont(rate, 0.75)")),
            (p, r) => p.Money(r.Money(context.Facts, known, "p90", r.B.P90, "90th percentile", "quantile_cont(rate, 0.90)")),
            (p, r) => p.Money(r.Money(context.Facts, known, "mean", r.B.Mean, "Mean", "mean(rate), to the cent")),
            (p, r) => PercentOfMedicare(p, context.Facts, known, r),
            (p, r) => p.Text("outliers ").Fact(r.Count(known, "outliers", r.B.OutlierCount, "Outliers flagged (beyond three interquartile ranges)"))
                .Text(", percentage-of-charge ").Fact(r.Count(known, "percentage", r.B.PercentageCount, "Percentage-of-charge rates (not in the dollar figures)"))
                .Text(", expired ").Fact(r.Count(known, "expired", r.B.ExpiredCount, "Expired rates left out")));

        var files = benchmarks.SelectMany(b => b.SourceFiles).Select(RateSourceName.Display).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        section.Paragraph(p => p.Text("Rates from ").Join(files, (q, f) => q.Text(f)).Text("."));
        var compared = rows.Any(r => r.Match?.Amount(known) is not null);
        section.Figure(FigureId,
            "Commercial negotiated rates by payer: each box spans the 25th to the 75th percentile with a line at the median, the whiskers reach the 10th and 90th percentiles"
            + (compared ? ", and the dashed line marks the matching Medicare amount." : "; no matching Medicare amount exists to draw."),
            $"{context.Dossier.Code}.rates.svg",
            "Box plot of the commercial negotiated-rate percentiles listed in the table above, one row per payer" + (compared ? ", with the Medicare amount for reference." : "."));
    }

    static void Modifiers(ProseBuilder p, DossierFacts known, Row r)
    {
        if (r.B.Modifiers.Length == 0)
        {
            p.Text("none");
            return;
        }

        p.Fact(r.Fact(known, "modifiers", r.B.Modifiers.Replace(':', ' '), "Modifiers"));
    }

    static void PercentOfMedicare(ProseBuilder p, FactBook book, DossierFacts known, Row r)
    {
        if (r.Match is null)
        {
            p.Gap($"{r.Key}.pct_medicare", $"Matching Medicare amount for {r.B.Payer} ({r.B.BillingClass?.ToString().ToLowerInvariant() ?? "billing class not stated"})");
            return;
        }

        var medicare = r.Match.Amount(known);
        if (medicare is null || decimal.Parse(medicare.Value, CultureInfo.InvariantCulture) == 0)
        {
            // NA: CMS sets no amount for this setting (e.g. an MRI's facility amount, paid under OPPS).
            ReimbursementWriter.NotApplicable(p, known, r.Match.Row, r.Match.Setting);
            p.Text($" (no Medicare {r.Match.Where} amount to compare)");
            return;
        }

        var median = r.Money(book, known, "median", r.B.Median, "Median", "quantile_cont(rate, 0.50)");
        var percent = MedicareMatch.Percent(r.B.Median, decimal.Parse(medicare.Value, CultureInfo.InvariantCulture));
        var fact = known.Derived($"{r.Key}.median_pct_medicare", percent, $"Median as a percentage of the Medicare {r.Match.Where} amount, {r.B.Payer}", r.Source(known),
            "median ÷ Medicare amount × 100, to one decimal", [median.Id, medicare.Id]);
        p.Fact(fact, fact.Value + "%").Text(" of ").Money(medicare).Text($" ({r.Match.Where})");
    }

    static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    /// <summary>"rates.platform-health-insurance.CA.institutional.none"; a second benchmark with the same key gets "-2".</summary>
    static string Key(RateBenchmark b, HashSet<string> used)
    {
        var key = $"rates.{FactSlug.Of(b.Payer)}.{b.State ?? "any"}.{b.BillingClass?.ToString().ToLowerInvariant() ?? "any"}.{(b.Modifiers.Length == 0 ? "none" : b.Modifiers.Replace(':', '-'))}";
        var unique = key;
        for (var n = 2; !used.Add(unique); n++)
        {
            unique = $"{key}-{n}";
        }

        return unique;
    }

    sealed record Row(RateBenchmark B, string Key, MedicareMatch? Match)
    {
        public SourceRef Source(DossierFacts known) =>
            new(string.Join(" + ", B.SourceFiles.Select(RateSourceName.Display)), known.Dossier.Release.Label,
                $"rates for {B.BillingCode}, {B.Payer}, {B.State ?? "any state"}, {B.BillingClass?.ToString().ToLowerInvariant() ?? "any billing class"}, modifiers {(B.Modifiers.Length == 0 ? "none" : B.Modifiers)}");

        public Fact Fact(DossierFacts known, string field, string value, string label) =>
            known.Sourced($"{Key}.{field}", value, $"{label}, {B.Payer}", Source(known));

        public Fact Count(DossierFacts known, string field, long value, string label) =>
            known.Derived($"{Key}.{field}", value, $"{label}, {B.Payer}", Source(known), "count of rate observations", []);

        /// <summary>A dollar figure to the cent ("400.00"), with the statistic that computed it over the rate observations.</summary>
        public Fact Money(FactBook book, DossierFacts known, string field, decimal value, string label, string formula) =>
            book.Add($"{Key}.{field}", Round(value).ToString("0.00", CultureInfo.InvariantCulture), $"{label} of the dollar rates, {B.Payer}", Source(known),
                new Derivation($"{formula} over the dollar rate observations", []));
    }
}
