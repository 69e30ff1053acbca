namespace PayerAtlas.Importers.Tic;

public sealed record TicReaderOptions
{
    /// <summary>Initial size of the pooled read buffer (it grows only for a single token larger than half of it).</summary>
    public int BufferSize { get; init; } = 1 << 20;

    /// <summary>
    /// Where <c>in_network</c> is spooled when the file must be read twice (provider references or header after it)
    /// and the source cannot be opened again (a URL, a caller's stream). Default: the system temp folder.
    /// </summary>
    public string? SpoolDirectory { get; init; }

    /// <summary>Called about every 16 MB with the uncompressed bytes read and the observations written so far.</summary>
    public Action<TicReadProgress>? Progress { get; init; }

    /// <summary>
    /// Reads every negotiated rate with the general <c>Utf8JsonReader</c> path, never the hand-written fast path (for the
    /// differential tests that hold the two to the same observations and errors).
    /// </summary>
    internal bool GeneralPathOnly { get; init; }
}

public readonly record struct TicReadProgress(string File, long Bytes, long Observations);
