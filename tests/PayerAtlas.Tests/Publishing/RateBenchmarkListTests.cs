using PayerAtlas.Rates;

namespace PayerAtlas.Tests.Publishing;

public class RateBenchmarkListTests
{
    static RateObservation Rate(decimal rate, string payer = "Acme", bool percentage = false, DateOnly? expires = null, string file = "a.json") => new()
    {
        SourceFile = file,
        SourceKind = RateSourceKind.TicInNetwork,
        Locator = "$",
        ReportingEntity = "Acme",
        Payer = payer,
        BillingCode = "70551",
        BillingCodeType = "CPT",
        NegotiatedType = "negotiated",
        Rate = rate,
        RateIsPercentage = percentage,
        BillingClass = BillingClass.Professional,
        ExpirationDate = expires,
    };

    static RateBenchmarkList Of(params RateObservation[] rows)
    {
        var list = new RateBenchmarkList();
        foreach (var r in rows)
        {
            list.Write(r);
        }

        return list;
    }

    [Fact]
    public void Percentiles_interpolate_linearly_like_duckdb_quantile_cont()
    {
        // DuckDB: quantile_cont(x, [0.1, 0.25, 0.5, 0.75, 0.9]) over 1, 2, 3, 4 = [1.3, 1.75, 2.5, 3.25, 3.7].
        var b = Assert.Single(Of(Rate(4), Rate(1), Rate(3), Rate(2)).For(new RateBenchmarkQuery { BillingCode = "70551" }));
        Assert.Equal((4L, 1m, 1.3m, 1.75m, 2.5m, 3.25m, 3.7m, 4m, 2.5m), (b.Count, b.Min, b.P10, b.P25, b.Median, b.P75, b.P90, b.Max, b.Mean));
    }

    [Fact]
    public void Percentages_are_counted_not_averaged_and_expired_rates_are_left_out()
    {
        var asOf = new DateOnly(2026, 1, 1);
        var list = Of(Rate(100), Rate(200, expires: new DateOnly(2025, 12, 31)), Rate(80, percentage: true), Rate(300, expires: asOf, file: "b.json"));
        var b = Assert.Single(list.For(new RateBenchmarkQuery { BillingCode = "70551", AsOf = asOf }));
        Assert.Equal((2L, 100m, 300m, 1L, 1L), (b.Count, b.Min, b.Max, b.PercentageCount, b.ExpiredCount));
        Assert.Equal(["a.json", "b.json"], b.SourceFiles);
        Assert.Equal(3L, Assert.Single(list.For(new RateBenchmarkQuery { BillingCode = "70551", AsOf = asOf, IncludeExpired = true })).Count);
    }

    [Fact]
    public void Outliers_beyond_three_interquartile_ranges_are_flagged_and_kept()
    {
        var b = Assert.Single(Of(Rate(10), Rate(11), Rate(12), Rate(13), Rate(1000)).For(new RateBenchmarkQuery { BillingCode = "70551" }));
        // P25 = 11, P75 = 13, IQR = 2: 1000 > 13 + 6.
        Assert.Equal((1L, 5L, 1000m), (b.OutlierCount, b.Count, b.Max));
    }

    [Fact]
    public void Hospital_examples_give_one_benchmark_per_payer_with_their_files()
    {
        var mri = HospitalRates.List.For(new RateBenchmarkQuery { BillingCode = "70551" });
        // 70551 is only in the v3 examples: Platform PPO 400 and Region HMO 250 in each of tall, wide and JSON.
        Assert.Equal(["Platform Health Insurance CA Institutional 3 400", "Region Health Insurance CA Institutional 3 250"],
            mri.Select(b => $"{b.Payer} {b.State} {b.BillingClass} {b.Count} {b.Median:0.##}"));
        Assert.Equal(["V3.0.0_Tall_CSV_Format_Example.csv", "V3.0.0_Wide_CSV_Format_Example.csv", "v3_json_format_example.json"], mri[0].SourceFiles);
        // Gross and cash prices (no payer) are not benchmarks; a payer with only percentages (ER level 3) has none.
        Assert.Empty(HospitalRates.List.For(new RateBenchmarkQuery { BillingCode = "99283" }));
        Assert.Empty(HospitalRates.List.For(new RateBenchmarkQuery { BillingCode = "70551", State = "NY" }));
    }
}
