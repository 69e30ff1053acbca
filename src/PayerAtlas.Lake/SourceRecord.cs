using System.Text.Json.Serialization;

namespace PayerAtlas.Lake;

/// <summary>
/// One ingested source in the lake's manifest (<c>_sources/&lt;sha256&gt;.json</c>): written last, after its part files
/// are in place, so a source is either fully in the lake and listed, or neither.
/// </summary>
public sealed record SourceRecord
{
    /// <summary>Lower-case hex SHA-256 of the bytes as read (compressed bytes for .gz): the idempotency key.</summary>
    public required string Sha256 { get; init; }

    /// <summary>The path or URL as given.</summary>
    public required string Source { get; init; }

    public string? Url { get; init; }
    public required long Bytes { get; init; }

    /// <summary>Bytes of JSON/CSV after decompression (equal to <see cref="Bytes"/> for a plain file).</summary>
    public long? UncompressedBytes { get; init; }

    public required string Kind { get; init; }
    public string? ReportingEntity { get; init; }
    public required long Observations { get; init; }
    public long Rejected { get; init; }
    public required DateTimeOffset IngestedAt { get; init; }

    /// <summary>Part files of this source, relative to the lake root.</summary>
    public required IReadOnlyList<string> Parts { get; init; }

    /// <summary>The local file's length and last write time when ingested, so a re-run can check the hash without parsing.</summary>
    public long? LocalLength { get; init; }
    public DateTime? LocalLastWriteUtc { get; init; }
}

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SourceRecord))]
[JsonSerializable(typeof(CommitPlan))]
internal sealed partial class LakeJson : JsonSerializerContext;

/// <summary>Written into the staging folder before the first move: lets <see cref="RateLake.Recover"/> finish a commit a crash interrupted.</summary>
internal sealed record CommitPlan(SourceRecord Source, IReadOnlyList<CommitMove> Moves);

internal sealed record CommitMove(string From, string To);
