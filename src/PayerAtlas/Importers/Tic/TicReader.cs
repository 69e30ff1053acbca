using PayerAtlas.Rates;

namespace PayerAtlas.Importers.Tic;

/// <summary>
/// Streaming reader for Transparency-in-Coverage files: in-network rates (schema 1.x and 2.x), allowed amounts,
/// tables of contents and provider-reference files, recognised by their top-level arrays.
/// <para>
/// Memory is one pooled buffer, a few caches of bounded size and the file's <c>provider_references</c> (distinct NPIs
/// per group), whatever the size of <c>in_network</c>. When the rates arrive before what they need (the header
/// fields, or the top-level <c>provider_references</c>), the array is read in a second pass: a local file is opened
/// again (seeked, or decompressed again up to the array), a URL or caller's stream is copied to a temp spool while
/// the first pass skips over it. Schema 1.x files may use inline provider groups, so there the first pass parses
/// optimistically and defers only from the first rate that names an unknown group.
/// </para>
/// </summary>
public sealed class TicReader(TicReaderOptions? options = null)
{
    readonly TicReaderOptions options = options ?? new TicReaderOptions();

    /// <summary>Reads the file and writes each observation into <paramref name="sink"/>.</summary>
    public TicReadResult Read(TicSource source, IRateSink sink, CancellationToken cancellation = default)
    {
        using var parser = new TicParser(source, sink, options, cancellation);
        return parser.Run();
    }

    /// <summary>The same read on a worker thread (the reader is synchronous: <c>Utf8JsonReader</c> cannot cross an await).</summary>
    public Task<TicReadResult> ReadAsync(TicSource source, IRateSink sink, CancellationToken cancellation = default) =>
        Task.Run(() => Read(source, sink, cancellation), cancellation);

    /// <summary>Reads a table of contents; throws when the file is another kind.</summary>
    public TicTableOfContents ReadTableOfContents(TicSource source, CancellationToken cancellation = default)
    {
        var result = Read(source, new CountingRateSink(), cancellation);
        return result.TableOfContents ?? throw new TicFormatException(source.Name, 0, "$", $"not a table of contents: the file is {result.Kind}");
    }
}
