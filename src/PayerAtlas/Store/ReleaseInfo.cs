using PayerAtlas.Sources;

namespace PayerAtlas.Store;

/// <summary>One imported, immutable snapshot of the reference data.</summary>
public sealed record ReleaseInfo(
    long Id,
    string Label,
    DateTimeOffset ImportedAt,
    bool IsCurrent,
    IReadOnlyList<ReleaseSource> Sources);

/// <summary>A file that fed a release: as shipped, with its SHA-256 and how many rows it gave.</summary>
/// <param name="CarriedFrom">Label of the earlier release this dataset was carried over from, when it was not re-imported.</param>
public sealed record ReleaseSource(
    long Id,
    string File,
    SourceKind Kind,
    string Publisher,
    string Sha256,
    long Rows,
    string? CarriedFrom)
{
    public Dataset Dataset => Kind.Dataset();
}

/// <summary>A stored row with its provenance.</summary>
public sealed record Stored<T>(T Record, SourceRef Source);
