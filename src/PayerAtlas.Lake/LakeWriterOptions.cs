namespace PayerAtlas.Lake;

/// <summary>Memory bounds of a lake ingest. The defaults keep an ingest well under 256 MB whatever the file size.</summary>
public sealed record LakeWriterOptions
{
    /// <summary>Rows per Parquet row group at most (a partition's batch is flushed when it reaches this).</summary>
    public int RowGroupRows { get; init; } = 32_768;

    /// <summary>
    /// Rows held across all partitions' open batches (about 280 bytes each: ~18 MB at the default); past it the largest
    /// batch is spilled early. Row groups do not depend on it: spills are compacted into full row groups at the end.
    /// </summary>
    public int MaxBufferedRows { get; init; } = 65_536;

    /// <summary>
    /// Partitions with an open batch; a new partition beyond it flushes the largest batch first. Batches start at 64
    /// rows and double, so many open partitions cost little; <see cref="MaxBufferedRows"/> bounds the memory.
    /// </summary>
    public int MaxOpenBatches { get; init; } = 4_096;

    /// <summary>Spill files open at once across the encoders; the least recently used is closed (and reopened to append).</summary>
    public int MaxOpenFiles { get; init; } = 1_024;

    /// <summary>
    /// Encoders working at once, each owning a share of the partitions: while the source is read they spill batches
    /// (a fraction of the parse's cost), at the end each turns its partitions into part files in parallel.
    /// </summary>
    public int Encoders { get; init; } = Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>Full batches queued between the reading thread and each Parquet encoder.</summary>
    public int QueuedBatches { get; init; } = 4;
}
