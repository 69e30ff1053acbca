namespace PayerAtlas.Lake;

public sealed partial class RateReaders
{
    /// <summary>The readers this build ships, one per layout.</summary>
    public static RateReaders Default() => new();
}
