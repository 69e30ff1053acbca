namespace PayerAtlas.Lake;

/// <summary>Memory bounds of a lake ingest. The defaults keep an ingest well under 256 MB whatever the file size.</summary>
public sealed record LakeWriterOptions
{
    /// <summary>Rows per Parquet row group at most (a partition's batch is flushed when it reaches this).</summary>
    public int RowGroupRows { get; init; } = 32_768;

    /// <summary>
    /// Rows held across all partitions' open batches (about 290 bytes each: ~38 MB at the default); past it the largest
    /// batch is flushed early as a smaller row group. A source that interleaves many code prefixes gets row groups of
    /// about this divided by the number of partitions it feeds at once.
    /// </summary>
    public int MaxBufferedRows { get; init; } = 65_536;

    /// <summary>
    /// Partitions with an open batch; a new partition beyond it flushes the largest batch first. Batches start at 64
    /// rows and double, so many open partitions cost little; <see cref="MaxBufferedRows"/> bounds the memory.
    /// </summary>
    public int MaxOpenBatches { get; init; } = 4_096;

    /// <summary>Parquet files open at once in the background writer; the least recently used is closed (a later batch of that partition starts the next part file).</summary>
    public int MaxOpenFiles { get; init; } = 1_024;

    /// <summary>
    /// Row groups written to files still open (their footer entries, ~5 KB each, are kept until the file is closed);
    /// past it the file with the most row groups is closed, so memory stays bounded however many partitions a source
    /// feeds.
    /// </summary>
    public int MaxOpenRowGroups { get; init; } = 4_096;

    /// <summary>
    /// Parquet encoders working at once, each owning a share of the partitions. One is enough beside the reader on two
    /// cores (encoding a row costs a fraction of parsing it); more help only with more cores.
    /// </summary>
    public int Encoders { get; init; } = Math.Clamp(Environment.ProcessorCount / 2, 1, 4);

    /// <summary>Full batches queued between the reading thread and each Parquet encoder.</summary>
    public int QueuedBatches { get; init; } = 4;
}
