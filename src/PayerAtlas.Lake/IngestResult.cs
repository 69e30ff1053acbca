namespace PayerAtlas.Lake;

public enum IngestOutcome
{
    /// <summary>The source's observations landed in the lake.</summary>
    Ingested,

    /// <summary>The lake already held a source with the same SHA-256: nothing was written.</summary>
    Duplicate,

    /// <summary>A table of contents: its in-network files were ingested (see <see cref="IngestResult.Files"/>).</summary>
    TableOfContents,
}

/// <summary>What one ingested source (or table of contents) gave.</summary>
public sealed record IngestResult
{
    public required string Source { get; init; }
    public required IngestOutcome Outcome { get; init; }
    public required RateFileKind Kind { get; init; }
    public string? Sha256 { get; init; }

    /// <summary>Bytes read from the file or URL (compressed bytes for .gz).</summary>
    public long Bytes { get; init; }

    /// <summary>Bytes of JSON/CSV the reader parsed (after decompression).</summary>
    public long UncompressedBytes { get; init; }

    public long Observations { get; init; }
    public long Rejected { get; init; }
    public TimeSpan Elapsed { get; init; }

    /// <summary>For a table of contents, one result per in-network file it lists.</summary>
    public IReadOnlyList<IngestResult> Files { get; init; } = [];
}

/// <summary>Progress of the source being read, reported from the reading thread a few times a second.</summary>
public sealed record IngestProgress(string Source, long BytesRead, long? TotalBytes, long UncompressedBytes, long Observations, TimeSpan Elapsed);

/// <summary>A source that could not be read; nothing of it landed in the lake.</summary>
public sealed class RateIngestException(string source, string message, Exception? inner = null) : Exception($"{source}: {message}", inner)
{
    public string SourceName { get; } = source;
}
