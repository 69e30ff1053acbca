namespace PayerAtlas.Rates;

/// <summary>What a benchmark is asked for: one code, optionally one payer and one state.</summary>
public sealed record RateBenchmarkQuery
{
    public required string BillingCode { get; init; }
    public string? Payer { get; init; }
    public string? State { get; init; }

    /// <summary>Rates whose expiration date is before this day are left out (unless <see cref="IncludeExpired"/>).</summary>
    public DateOnly? AsOf { get; init; }

    public bool IncludeExpired { get; init; }
}

/// <summary>
/// Percentiles of the dollar rate observations for one code × payer (× state × billing class × modifiers).
/// Percentage-of-charge rows never enter the dollar statistics; they are counted in <see cref="PercentageCount"/>.
/// </summary>
public sealed record RateBenchmark
{
    public required string BillingCode { get; init; }
    public required string Payer { get; init; }

    /// <summary>Null when the rows are pooled over every state (or the provider's state is unknown).</summary>
    public string? State { get; init; }

    public BillingClass? BillingClass { get; init; }

    /// <summary>Modifiers as in <see cref="RateObservation.Modifiers"/>; empty for the unmodified code.</summary>
    public string Modifiers { get; init; } = "";

    /// <summary>Dollar observations the statistics are computed over.</summary>
    public required long Count { get; init; }

    public required decimal Min { get; init; }
    public required decimal P10 { get; init; }
    public required decimal P25 { get; init; }
    public required decimal Median { get; init; }
    public required decimal P75 { get; init; }
    public required decimal P90 { get; init; }
    public required decimal Max { get; init; }
    public required decimal Mean { get; init; }

    /// <summary>Dollar observations outside [P25 − 3·IQR, P75 + 3·IQR] (still counted above; flagged, not dropped).</summary>
    public long OutlierCount { get; init; }

    /// <summary>Percentage-of-charge observations left out of the dollar statistics.</summary>
    public long PercentageCount { get; init; }

    /// <summary>Expired observations left out.</summary>
    public long ExpiredCount { get; init; }

    /// <summary>The source files (as ingested) the observations came from, sorted.</summary>
    public required IReadOnlyList<string> SourceFiles { get; init; }
}

/// <summary>Benchmarks over a body of rate observations (the Parquet lake through DuckDB; a list in tests).</summary>
public interface IRateBenchmarks
{
    IReadOnlyList<RateBenchmark> For(RateBenchmarkQuery query);

    /// <summary>Hospitals' payer-independent charges (gross, discounted cash, de-identified min/max) for the code; none by default.</summary>
    IReadOnlyList<HospitalCharge> HospitalCharges(string billingCode) => [];
}
