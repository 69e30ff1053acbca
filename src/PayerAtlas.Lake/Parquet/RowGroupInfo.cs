namespace PayerAtlas.Lake.Parquet;

/// <summary>One written row group.</summary>
internal sealed record RowGroupInfo(IReadOnlyList<ColumnChunkInfo> Columns, int Rows, long Start, long UncompressedBytes, long CompressedBytes);
