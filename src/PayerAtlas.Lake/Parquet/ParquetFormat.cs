namespace PayerAtlas.Lake.Parquet;

/// <summary>The parquet.thrift enum values (apache/parquet-format, src/main/thrift/parquet.thrift) this writer uses.</summary>
internal static class ParquetFormat
{
    public static ReadOnlySpan<byte> Magic => "PAR1"u8;

    // enum Type
    public const int Boolean = 0;
    public const int Int32 = 1;
    public const int Int64 = 2;
    public const int Double = 5;
    public const int ByteArray = 6;

    // enum ConvertedType
    public const int ConvertedUtf8 = 0;
    public const int ConvertedDate = 6;

    // union LogicalType field ids
    public const short LogicalString = 1;
    public const short LogicalDate = 6;

    // enum FieldRepetitionType
    public const int Optional = 1;

    // enum Encoding
    public const int Plain = 0;
    public const int Rle = 3;
    public const int DeltaBinaryPacked = 5;
    public const int RleDictionary = 8;

    // enum CompressionCodec
    public const int Uncompressed = 0;
    public const int Snappy = 1;

    // enum PageType
    public const int DataPage = 0;
    public const int DictionaryPage = 2;

    public static int PhysicalType(ParquetType type) => type switch
    {
        ParquetType.Utf8 => ByteArray,
        ParquetType.Double => Double,
        ParquetType.Boolean => Boolean,
        ParquetType.Int32 => Int32,
        ParquetType.Int64 => Int64,
        ParquetType.Date => Int32,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown Parquet type"),
    };
}
