namespace PayerAtlas.Importers.Tic;

/// <summary>What <see cref="TicSynthesizer"/> writes. Defaults give a schema 1.x in-network file of 100 MB.</summary>
public sealed record TicSynthesizerOptions
{
    /// <summary>Target size of the uncompressed JSON in bytes; the file stops at the first element boundary past it.</summary>
    public long TargetBytes { get; init; } = 100L << 20;

    public int Seed { get; init; } = 1;

    /// <summary>Write the JSON through gzip (the target still counts uncompressed bytes).</summary>
    public bool Gzip { get; init; }

    /// <summary>Schema 2.x (issuer, setting, network names) instead of 1.x.</summary>
    public bool SchemaVersion2 { get; init; }

    /// <summary>Provider groups in <c>provider_references</c>; 0 picks one per 200 KB of target (100 to 20,000).</summary>
    public int ProviderReferences { get; init; }

    public string ReportingEntity { get; init; } = "Synthetic Health Plan";

    /// <summary>Called about every 64 MB with the JSON bytes written so far.</summary>
    public Action<long>? Progress { get; init; }
}

/// <summary>What was written: sizes and the counts a reader of the file must find.</summary>
public sealed record TicSynthesisResult(long JsonBytes, long FileBytes, int ProviderReferences, long Items, long NegotiatedRates, long Prices);
