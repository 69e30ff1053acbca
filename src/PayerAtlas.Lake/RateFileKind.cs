namespace PayerAtlas.Lake;

/// <summary>Price-transparency layouts an ingest recognises by content.</summary>
public enum RateFileKind
{
    Unknown,
    TicInNetwork,
    TicAllowedAmounts,
    TicTableOfContents,
    TicProviderReference,
    HospitalCsv,
    HospitalJson,
}
