using PayerAtlas.Rates;

namespace PayerAtlas.Tests.Tic;

public sealed class ListSink : IRateSink
{
    public List<RateObservation> Items { get; } = [];

    public void Write(in RateObservation observation) => Items.Add(observation);
}
