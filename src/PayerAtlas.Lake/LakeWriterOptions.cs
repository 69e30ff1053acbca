namespace PayerAtlas.Lake;

/// <summary>Memory bounds of a lake ingest. The defaults keep an ingest well under 256 MB whatever the file size.</summary>
public sealed record LakeWriterOptions
{
    /// <summary>Rows per Parquet row group at most: a partition holding this many is written at once.</summary>
    public int RowGroupRows { get; init; } = 32_768;

    /// <summary>
    /// Rows a partition needs before it is written early, while the source is still being read, when its encoder is
    /// idle (checked at each multiple of 1,024 rows): the encoders then work beside the reader instead of after it.
    /// </summary>
    public int EarlyRowGroupRows { get; init; } = 2_048;

    /// <summary>
    /// Memory the partitions' rows may hold while the source is read (<see cref="PartitionRows.Bytes"/>: ~20–40 bytes a
    /// row). Past it the largest partitions are written as row groups until a quarter is free, so a file that fits
    /// is written as one row group per partition at the end, and a larger one in row groups of its busiest partitions.
    /// </summary>
    public long MaxBufferedBytes { get; init; } = 64L << 20;

    /// <summary>Part files open at once across the encoders; the least recently used is finished and its partition's next rows start a new part.</summary>
    public int MaxOpenFiles { get; init; } = 1_024;

    /// <summary>
    /// Row groups of the open part files, across the encoders: each keeps its footer entry (offsets, sizes, statistics
    /// of every column, a few KB) until its file is finished, so past this the open file with the most row groups is
    /// finished and its partition continues in a new part (a 100 GB source would otherwise hold its whole footer).
    /// </summary>
    public int MaxOpenRowGroups { get; init; } = 4_096;

    /// <summary>
    /// Encoders working at once, each owning a share of the partitions (assigned in turn as they appear): each writes the
    /// row groups handed to it into its partitions' part files, while the source is read and, at the end, in parallel.
    /// </summary>
    public int Encoders { get; init; } = Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>
    /// Nice levels the ingest's helper threads (partitioner, encoders, the hash of a mapped file, the read-ahead of a
    /// stream) run below the thread that starts them, on Linux; 0 runs them at its priority (see <see cref="HelperThreads"/>).
    /// </summary>
    public int HelperNiceness { get; init; } = HelperThreads.DefaultNiceness;

    /// <summary>Partitions queued for each encoder; past it the reader waits (a slow disk slows the read, not memory).</summary>
    public int QueuedPartitions { get; init; } = 4;
}
