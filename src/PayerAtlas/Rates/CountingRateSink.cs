namespace PayerAtlas.Rates;

/// <summary>Counts observations (and sums dollar rates, so the work cannot be optimised away); for benchmarks and checks.</summary>
public sealed class CountingRateSink : IRatePriceSink
{
    public long Count { get; private set; }

    public long PercentageCount { get; private set; }

    public decimal DollarTotal { get; private set; }

    public void Write(in RateObservation observation) => Add(observation.RateIsPercentage, observation.Rate);

    public void Write(RateItem item, ReadOnlySpan<RatePrice> prices)
    {
        foreach (ref readonly var p in prices)
        {
            Add(p.RateIsPercentage, p.Rate);
        }
    }

    void Add(bool isPercentage, decimal? rate)
    {
        Count++;
        if (isPercentage)
        {
            PercentageCount++;
        }
        else if (rate is { } dollars)
        {
            DollarTotal += dollars;
        }
    }
}
