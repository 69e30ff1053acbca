namespace PayerAtlas.Importers.Tic;

/// <summary>What a read found: the kind of file, its header, counts, and how it had to be read.</summary>
public sealed record TicReadResult
{
    public required string SourceFile { get; init; }
    public required TicFileKind Kind { get; init; }
    public required TicHeader Header { get; init; }
    public required long Observations { get; init; }

    /// <summary>Uncompressed JSON bytes of the first (whole-file) pass.</summary>
    public required long Bytes { get; init; }

    /// <summary>1, or 2 when the header or provider references came after the rates.</summary>
    public int Passes { get; init; } = 1;

    /// <summary>True when the second pass read a temp spool (the source could not be opened again).</summary>
    public bool Spooled { get; init; }

    public int ProviderReferences { get; init; }

    /// <summary>Provider-reference files fetched through <c>location</c>.</summary>
    public int ProviderReferenceFiles { get; init; }

    /// <summary>Set when the file is a table of contents.</summary>
    public TicTableOfContents? TableOfContents { get; init; }

    /// <summary>Negotiated rates the hand-written fast path read (the rest went through the general path); for tests.</summary>
    internal long FastRates { get; init; }

    /// <summary>In-network elements whose code fields the fast path read; for tests.</summary>
    internal long FastItemHeads { get; init; }
}
