using PayerAtlas.Rates;

namespace PayerAtlas.Lake;

/// <summary>
/// Reads one decompressed price-transparency stream into a sink; returns the rows it rejected (counted, reported)
/// and throws for input it cannot read (the ingest is then abandoned).
/// </summary>
public delegate long RateFileReader(Stream content, string source, IRateSink sink, CancellationToken cancellationToken);

/// <summary>Lists the in-network file locations (paths or URLs, as written) a table of contents names.</summary>
public delegate IReadOnlyList<string> TableOfContentsReader(Stream content, string source, CancellationToken cancellationToken);

/// <summary>Which reader handles which layout: the ingest dispatches on the sniffed <see cref="RateFileKind"/>.</summary>
public sealed partial class RateReaders
{
    readonly Dictionary<RateFileKind, RateFileReader> readers = [];

    public TableOfContentsReader? TableOfContents { get; private set; }

    public RateReaders With(RateFileKind kind, RateFileReader reader)
    {
        readers[kind] = reader;
        return this;
    }

    public RateReaders WithTableOfContents(TableOfContentsReader reader)
    {
        TableOfContents = reader;
        return this;
    }

    public RateFileReader? For(RateFileKind kind) => readers.GetValueOrDefault(kind);
}
