namespace PayerAtlas.Rates;

/// <summary>
/// Benchmarks computed in memory over a list of observations: the reference the DuckDB lake is checked against,
/// and the benchmarks of tests and small runs. Percentiles interpolate linearly between the two nearest ranks,
/// as DuckDB's <c>quantile_cont</c> does (position (n − 1)·q over the sorted rates).
/// Groups are code × payer × state × billing class × modifiers; rows with no payer (a hospital's gross and cash
/// prices) and algorithm-only rows never enter them; a group with no dollar rate is not a benchmark.
/// Without <see cref="RateBenchmarkQuery.State"/> every state is its own group (State null where the file does
/// not locate the provider); without <see cref="RateBenchmarkQuery.AsOf"/> nothing counts as expired.
/// </summary>
public sealed class RateBenchmarkList : IRateBenchmarks, IRateSink
{
    readonly List<RateObservation> observations = [];

    public IReadOnlyList<RateObservation> Observations => observations;

    public void Write(in RateObservation observation) => observations.Add(observation);

    public IReadOnlyList<RateBenchmark> For(RateBenchmarkQuery query)
    {
        var rows = observations.Where(o => o.BillingCode == query.BillingCode && o.Payer.Length > 0
            && (query.Payer is null || string.Equals(o.Payer, query.Payer, StringComparison.OrdinalIgnoreCase))
            && (query.State is null || string.Equals(o.State, query.State, StringComparison.OrdinalIgnoreCase))
            && (o.Rate is not null));
        return rows
            .GroupBy(o => (o.Payer, State: query.State ?? o.State, o.BillingClass, o.Modifiers))
            .Select(g => Benchmark(query, g.Key, [.. g]))
            .Where(b => b is not null)
            .Select(b => b!)
            .OrderBy(b => b.Payer, StringComparer.Ordinal).ThenBy(b => b.State, StringComparer.Ordinal)
            .ThenBy(b => b.BillingClass).ThenBy(b => b.Modifiers, StringComparer.Ordinal)
            .ToList();
    }

    public IReadOnlyList<HospitalCharge> HospitalCharges(string billingCode) =>
        HospitalCharge.From(observations.Where(o => o.BillingCode == billingCode));

    static RateBenchmark? Benchmark(RateBenchmarkQuery query, (string Payer, string? State, BillingClass? BillingClass, string Modifiers) key, List<RateObservation> group)
    {
        bool Expired(RateObservation o) => !query.IncludeExpired && query.AsOf is { } asOf && o.ExpirationDate < asOf;
        var expired = group.Count(Expired);
        var live = group.Where(o => !Expired(o)).ToList();
        var dollars = live.Where(o => !o.RateIsPercentage).Select(o => o.Rate!.Value).Order().ToArray();
        if (dollars.Length == 0)
        {
            return null;
        }

        var (p25, p75) = (Quantile(dollars, 0.25m), Quantile(dollars, 0.75m));
        var iqr = p75 - p25;
        return new RateBenchmark
        {
            BillingCode = query.BillingCode,
            Payer = key.Payer,
            State = key.State,
            BillingClass = key.BillingClass,
            Modifiers = key.Modifiers,
            Count = dollars.Length,
            Min = dollars[0],
            P10 = Quantile(dollars, 0.10m),
            P25 = p25,
            Median = Quantile(dollars, 0.50m),
            P75 = p75,
            P90 = Quantile(dollars, 0.90m),
            Max = dollars[^1],
            Mean = dollars.Sum() / dollars.Length,
            OutlierCount = dollars.Count(d => d < p25 - 3 * iqr || d > p75 + 3 * iqr),
            PercentageCount = live.Count(o => o.RateIsPercentage),
            ExpiredCount = expired,
            SourceFiles = [.. group.Select(o => o.SourceFile).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
        };
    }

    /// <summary>DuckDB's <c>quantile_cont</c>: linear interpolation at position (n − 1)·q of the sorted values.</summary>
    public static decimal Quantile(IReadOnlyList<decimal> sorted, decimal q)
    {
        ArgumentOutOfRangeException.ThrowIfZero(sorted.Count);
        var position = (sorted.Count - 1) * q;
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Count - 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }
}
