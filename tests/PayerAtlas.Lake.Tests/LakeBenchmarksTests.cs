using PayerAtlas.Rates;

namespace PayerAtlas.Lake.Tests;

public sealed class LakeBenchmarksTests : IDisposable
{
    static readonly DateOnly AsOf = new(2026, 12, 1);
    readonly LakeFolder folder = new();

    public void Dispose() => folder.Dispose();

    /// <summary>Linear interpolation between closest ranks (DuckDB's quantile_cont, numpy's default).</summary>
    static decimal Percentile(IReadOnlyList<decimal> sorted, double p)
    {
        var h = (sorted.Count - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Count - 1);
        var value = (double)sorted[lo] + ((h - lo) * (double)(sorted[hi] - sorted[lo]));
        return Math.Round((decimal)value, 4, MidpointRounding.AwayFromZero);
    }

    [Fact]
    public async Task Percentiles_match_the_same_figures_computed_in_CSharp()
    {
        var rows = Observations.Many(20_000);
        var lake = new RateLake(folder.Lake, new LakeWriterOptions { RowGroupRows = 1024 });
        await LakeWriterTests.IngestAsync(lake, "in-network.json", rows);
        using var benchmarks = new LakeBenchmarks(folder.Lake);

        foreach (var code in new[] { "77054", "G0202" })
        {
            var result = benchmarks.For(new RateBenchmarkQuery { BillingCode = code, AsOf = AsOf });
            Assert.Equal(3, result.Count);
            foreach (var b in result)
            {
                var sorted = rows.Where(r => r.BillingCode == code && r.Payer == b.Payer).Select(r => r.Rate!.Value).Order().ToList();
                Assert.Equal(sorted.Count, b.Count);
                Assert.Equal(sorted[0], b.Min);
                Assert.Equal(sorted[^1], b.Max);
                Assert.Equal(Percentile(sorted, 0.10), b.P10);
                Assert.Equal(Percentile(sorted, 0.25), b.P25);
                Assert.Equal(Percentile(sorted, 0.50), b.Median);
                Assert.Equal(Percentile(sorted, 0.75), b.P75);
                Assert.Equal(Percentile(sorted, 0.90), b.P90);
                Assert.Equal(Math.Round(sorted.Average(), 4), b.Mean);
                Assert.Equal(BillingClass.Professional, b.BillingClass);
                Assert.Equal(["in-network.json"], b.SourceFiles);
            }
        }
    }

    [Fact]
    public async Task Groups_split_by_state_billing_class_and_modifiers_and_filter_by_payer_and_state()
    {
        var lake = new RateLake(folder.Lake);
        RateObservation R(decimal rate, string? state, BillingClass bc, string mods) =>
            Observations.Rate("Acme Health", "77054", rate) with { State = state, BillingClass = bc, Modifiers = mods };
        await LakeWriterTests.IngestAsync(lake, "a.json",
        [
            R(10, "CA", BillingClass.Professional, ""), R(20, "CA", BillingClass.Professional, ""),
            R(30, "CA", BillingClass.Professional, "26"), R(40, "TX", BillingClass.Professional, ""),
            R(50, null, BillingClass.Institutional, ""), Observations.Rate("Other Payer", "77054", 60),
        ]);
        using var benchmarks = new LakeBenchmarks(folder.Lake);

        var all = benchmarks.For(new RateBenchmarkQuery { BillingCode = "77054", AsOf = AsOf });
        Assert.Equal(
            ["Acme Health||Institutional||1|50", "Acme Health|CA|Professional||2|15", "Acme Health|CA|Professional|26|1|30",
             "Acme Health|TX|Professional||1|40", "Other Payer||Professional||1|60"],
            all.Select(b => $"{b.Payer}|{b.State}|{b.BillingClass}|{b.Modifiers}|{b.Count}|{b.Median:0.##}").ToList());

        var ca = benchmarks.For(new RateBenchmarkQuery { BillingCode = "77054", Payer = "Acme Health", State = "ca", AsOf = AsOf });
        Assert.Equal(["CA|", "CA|26"], ca.Select(b => $"{b.State}|{b.Modifiers}").ToList());
        Assert.Empty(benchmarks.For(new RateBenchmarkQuery { BillingCode = "77054", Payer = "Acme Health' OR '1'='1", AsOf = AsOf }));
        Assert.Empty(benchmarks.For(new RateBenchmarkQuery { BillingCode = "99999", AsOf = AsOf }));
    }

    [Fact]
    public async Task Expired_rates_are_left_out_unless_asked_for_and_counted()
    {
        var lake = new RateLake(folder.Lake);
        await LakeWriterTests.IngestAsync(lake, "a.json",
        [
            Observations.Rate("Acme Health", "77054", 100) with { ExpirationDate = new DateOnly(2026, 11, 30) },
            Observations.Rate("Acme Health", "77054", 200) with { ExpirationDate = new DateOnly(2026, 12, 1) },
            Observations.Rate("Acme Health", "77054", 300) with { ExpirationDate = null },
        ]);
        using var benchmarks = new LakeBenchmarks(folder.Lake);

        var current = Assert.Single(benchmarks.For(new RateBenchmarkQuery { BillingCode = "77054", AsOf = AsOf }));
        Assert.Equal((2L, 200m, 300m, 1L), (current.Count, current.Min, current.Max, current.ExpiredCount));

        var all = Assert.Single(benchmarks.For(new RateBenchmarkQuery { BillingCode = "77054", AsOf = AsOf, IncludeExpired = true }));
        Assert.Equal((3L, 100m, 0L), (all.Count, all.Min, all.ExpiredCount));
    }

    [Fact]
    public async Task Percentage_rows_stay_out_of_dollar_statistics_and_are_counted()
    {
        var lake = new RateLake(folder.Lake);
        await LakeWriterTests.IngestAsync(lake, "a.json",
        [
            Observations.Rate("Acme Health", "77054", 100),
            Observations.Rate("Acme Health", "77054", 300),
            Observations.Rate("Acme Health", "77054", 80) with { RateIsPercentage = true, NegotiatedType = "percentage" },
            Observations.Rate("Acme Health", "77054", null) with { Algorithm = "per diem table" },
        ]);
        using var benchmarks = new LakeBenchmarks(folder.Lake);

        var b = Assert.Single(benchmarks.For(new RateBenchmarkQuery { BillingCode = "77054", AsOf = AsOf }));
        Assert.Equal((2L, 100m, 200m, 300m, 1L), (b.Count, b.Min, b.Median, b.Max, b.PercentageCount));
    }

    [Fact]
    public async Task Rates_beyond_three_interquartile_ranges_are_flagged_but_kept()
    {
        // 1..20 and 1000 (21 values) give P25 = 6, P75 = 16, IQR = 10: the fences are -24 and 46, so 1000 is the one outlier.
        var rows = Enumerable.Range(1, 20).Select(i => Observations.Rate("Acme Health", "77054", i, i: i)).Append(Observations.Rate("Acme Health", "77054", 1000)).ToList();
        var lake = new RateLake(folder.Lake);
        await LakeWriterTests.IngestAsync(lake, "a.json", rows);
        using var benchmarks = new LakeBenchmarks(folder.Lake);

        var b = Assert.Single(benchmarks.For(new RateBenchmarkQuery { BillingCode = "77054", AsOf = AsOf }));
        Assert.Equal((21L, 1000m, 1L), (b.Count, b.Max, b.OutlierCount));
        Assert.Equal(6m, b.P25);
        Assert.Equal(16m, b.P75);
    }

    [Fact]
    public void An_empty_lake_has_no_benchmarks()
    {
        using var benchmarks = new LakeBenchmarks(folder.Lake);
        Assert.Empty(benchmarks.For(new RateBenchmarkQuery { BillingCode = "77054" }));
    }
}
