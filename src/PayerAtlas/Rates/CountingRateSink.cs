namespace PayerAtlas.Rates;

/// <summary>Counts observations (and sums dollar rates, so the work cannot be optimised away); for benchmarks and checks.</summary>
public sealed class CountingRateSink : IRateSink
{
    public long Count { get; private set; }

    public long PercentageCount { get; private set; }

    public decimal DollarTotal { get; private set; }

    public void Write(in RateObservation observation)
    {
        Count++;
        if (observation.RateIsPercentage)
        {
            PercentageCount++;
        }
        else if (observation.Rate is { } rate)
        {
            DollarTotal += rate;
        }
    }
}
