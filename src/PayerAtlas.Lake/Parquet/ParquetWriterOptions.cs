namespace PayerAtlas.Lake.Parquet;

/// <summary>Knobs of a <see cref="ParquetFileWriter"/>; the defaults suit the rate lake.</summary>
internal sealed record ParquetWriterOptions
{
    public static readonly ParquetWriterOptions Default = new();

    public ParquetCompression Compression { get; init; } = ParquetCompression.Snappy;

    /// <summary>INT32 and INT64 values as DELTA_BINARY_PACKED (PLAIN when false): the lake's indices, offsets and counts pack to a few bits.</summary>
    public bool DeltaIntegers { get; init; } = true;

    /// <summary>A data page is cut once its values reach this many (uncompressed) bytes.</summary>
    public int PageBytes { get; init; } = 1 << 20;

    /// <summary>A string chunk whose dictionary grows past this many bytes is written PLAIN instead.</summary>
    public int MaxDictionaryBytes { get; init; } = 1 << 20;

    /// <summary>A min/max statistic longer than this (strings) is left out rather than stored in the footer.</summary>
    public int MaxStatisticsBytes { get; init; } = 256;

    /// <summary>The footer's <c>created_by</c>.</summary>
    public string CreatedBy { get; init; } = "PayerAtlas";
}
