using System.Numerics;

namespace PayerAtlas.Lake.Parquet;

/// <summary>The FileMetaData struct of parquet.thrift, written with the Thrift compact protocol.</summary>
internal static class ParquetFooter
{
    public static void Write(
        ThriftCompactWriter t, IReadOnlyList<ParquetField> fields, IReadOnlyList<RowGroupInfo> rowGroups, long rows, int codec, string createdBy)
    {
        t.StructBegin();
        t.FieldI32(1, 1); // version
        t.FieldListBegin(2, ThriftCompactWriter.ListStruct, fields.Count + 1);
        t.StructBegin();
        t.FieldString(4, "schema");
        t.FieldI32(5, fields.Count);
        t.StructEnd();
        foreach (var field in fields)
        {
            SchemaElement(t, field);
        }

        t.FieldI64(3, rows);
        t.FieldListBegin(4, ThriftCompactWriter.ListStruct, rowGroups.Count);
        foreach (var group in rowGroups)
        {
            RowGroup(t, group, codec);
        }

        t.FieldString(6, createdBy);

        // column_orders: TYPE_ORDER for every leaf, so readers trust min_value/max_value.
        t.FieldListBegin(7, ThriftCompactWriter.ListStruct, fields.Count);
        for (var i = 0; i < fields.Count; i++)
        {
            t.StructBegin();
            t.FieldEmptyStruct(1);
            t.StructEnd();
        }

        t.StructEnd();
    }

    static void SchemaElement(ThriftCompactWriter t, ParquetField field)
    {
        t.StructBegin();
        t.FieldI32(1, ParquetFormat.PhysicalType(field.Type));
        t.FieldI32(3, ParquetFormat.Optional);
        t.FieldString(4, field.Name);
        if (field.Type is ParquetType.Utf8 or ParquetType.Date)
        {
            var utf8 = field.Type == ParquetType.Utf8;
            t.FieldI32(6, utf8 ? ParquetFormat.ConvertedUtf8 : ParquetFormat.ConvertedDate);
            t.FieldStructBegin(10);
            t.FieldEmptyStruct(utf8 ? ParquetFormat.LogicalString : ParquetFormat.LogicalDate);
            t.StructEnd();
        }

        t.StructEnd();
    }

    static void RowGroup(ThriftCompactWriter t, RowGroupInfo group, int codec)
    {
        t.StructBegin();
        t.FieldListBegin(1, ThriftCompactWriter.ListStruct, group.Columns.Count);
        foreach (var chunk in group.Columns)
        {
            t.StructBegin();
            t.FieldI64(2, chunk.Start);
            t.FieldStructBegin(3);
            ColumnMetaData(t, chunk, chunk.Uncompressed ? ParquetFormat.Uncompressed : codec);
            t.StructEnd();
            t.StructEnd();
        }

        t.FieldI64(2, group.UncompressedBytes);
        t.FieldI64(3, group.Rows);
        t.FieldI64(5, group.Start);
        t.FieldI64(6, group.CompressedBytes);
        t.StructEnd();
    }

    static void ColumnMetaData(ThriftCompactWriter t, ColumnChunkInfo chunk, int codec)
    {
        t.FieldI32(1, ParquetFormat.PhysicalType(chunk.Field.Type));
        // Every encoding a page of the chunk uses (RLE for the definition levels), in the enum's order.
        var encodings = chunk.ValueEncodings | (1 << ParquetFormat.Rle);
        t.FieldListBegin(2, ThriftCompactWriter.ListI32, BitOperations.PopCount((uint)encodings));
        for (var e = 0; e < 32; e++)
        {
            if ((encodings & (1 << e)) != 0)
            {
                t.ElementI32(e);
            }
        }

        t.FieldListBegin(3, ThriftCompactWriter.ListBinary, 1);
        t.String(chunk.Field.Name);
        t.FieldI32(4, codec);
        t.FieldI64(5, chunk.Rows);
        t.FieldI64(6, chunk.UncompressedBytes);
        t.FieldI64(7, chunk.CompressedBytes);
        t.FieldI64(9, chunk.DataPageOffset);
        if (chunk.DictionaryPageOffset >= 0)
        {
            t.FieldI64(11, chunk.DictionaryPageOffset);
        }

        t.FieldStructBegin(12);
        Statistics(t, chunk);
        t.StructEnd();
    }

    static void Statistics(ThriftCompactWriter t, ColumnChunkInfo chunk)
    {
        // The deprecated max/min (1, 2) use signed order, which equals the type order for numbers but not for strings.
        var legacy = chunk.Field.Type != ParquetType.Utf8;
        if (legacy && chunk.MaxValue is { } oldMax && chunk.MinValue is { } oldMin)
        {
            t.FieldBinary(1, oldMax);
            t.FieldBinary(2, oldMin);
        }

        t.FieldI64(3, chunk.NullCount);
        if (chunk.MaxValue is { } max)
        {
            t.FieldBinary(5, max);
        }

        if (chunk.MinValue is { } min)
        {
            t.FieldBinary(6, min);
        }

        if (chunk.NanCount is { } nans)
        {
            t.FieldI64(9, nans);
        }
    }
}
