namespace PayerAtlas.Lake.Parquet;

/// <summary>A flat column of a Parquet file. Every column is OPTIONAL (nullable): definition levels of max 1, no nesting.</summary>
internal sealed record ParquetField(string Name, ParquetType Type);
