namespace PayerAtlas.Lake;

/// <summary>Memory bounds of a lake ingest. The defaults keep an ingest well under 256 MB whatever the file size.</summary>
public sealed record LakeWriterOptions
{
    /// <summary>Rows per Parquet row group (a partition's batch is flushed when it reaches this).</summary>
    public int RowGroupRows { get; init; } = 16_384;

    /// <summary>Rows held across all partitions' open batches; past it the largest batch is flushed early.</summary>
    public int MaxBufferedRows { get; init; } = 65_536;

    /// <summary>
    /// Partitions with an open batch; a new partition beyond it flushes the largest batch first. Batches start at 64
    /// rows and double, so many open partitions cost little; <see cref="MaxBufferedRows"/> bounds the memory.
    /// </summary>
    public int MaxOpenBatches { get; init; } = 4_096;

    /// <summary>Parquet files open at once in the background writer; the least recently used is closed (a later batch of that partition starts the next part file).</summary>
    public int MaxOpenFiles { get; init; } = 1_024;

    /// <summary>
    /// Row groups held in files still open (Parquet.Net keeps each row group's metadata until the footer is written);
    /// past it the file with the most row groups is closed, so memory stays bounded however many partitions a file has.
    /// </summary>
    public int MaxOpenRowGroups { get; init; } = 512;

    /// <summary>
    /// Parquet encoders working at once, each owning a share of the partitions. Encoding costs more per row than
    /// parsing, so with two cores one encoder beside the reader leaves the reader waiting; two let the encoders take
    /// the time the reader would spend blocked.
    /// </summary>
    public int Encoders { get; init; } = Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>Full batches queued between the reading thread and each Parquet encoder.</summary>
    public int QueuedBatches { get; init; } = 2;
}
