namespace PayerAtlas.Lake.Parquet;

/// <summary>The page codec: SNAPPY (raw Snappy blocks, what Parquet's SNAPPY means) or none.</summary>
internal enum ParquetCompression
{
    Snappy,
    None,
}
