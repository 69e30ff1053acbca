using PayerAtlas.Rates;

namespace PayerAtlas.Tests.Tic;

public sealed class ListSink : IRateSink
{
    public List<RateObservation> Items { get; } = [];

    public void Write(in RateObservation observation) => Items.Add(observation);
}

/// <summary>
/// A sink that takes prices with their shared columns (<see cref="IRatePriceSink"/>), as the rate lake's writer does,
/// and keeps them as the observations they stand for; counts the items it was handed.
/// </summary>
public sealed class PriceListSink : IRatePriceSink
{
    readonly HashSet<RateItem> items = new(ReferenceEqualityComparer.Instance);

    public List<RateObservation> Items { get; } = [];

    /// <summary>Distinct <see cref="RateItem"/> instances handed over.</summary>
    public int ItemCount => items.Count;

    /// <summary>Observations written one by one (the reader falls back to them for anything but in-network prices).</summary>
    public int ObservationWrites { get; private set; }

    public void Write(in RateObservation observation)
    {
        ObservationWrites++;
        Items.Add(observation);
    }

    public void Write(RateItem item, ReadOnlySpan<RatePrice> prices)
    {
        items.Add(item);
        foreach (ref readonly var p in prices)
        {
            Items.Add(item.Observation(in p));
        }
    }
}
