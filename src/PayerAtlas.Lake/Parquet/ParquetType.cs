namespace PayerAtlas.Lake.Parquet;

/// <summary>
/// The column types <see cref="ParquetFileWriter"/> writes, each as the physical and logical type every engine reads
/// unchanged: BYTE_ARRAY + STRING, DOUBLE, BOOLEAN, INT32, INT64, INT32 + DATE.
/// </summary>
internal enum ParquetType
{
    Utf8,
    Double,
    Boolean,
    Int32,
    Int64,
    Date,
}
