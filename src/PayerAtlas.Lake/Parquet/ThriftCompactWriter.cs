namespace PayerAtlas.Lake.Parquet;

/// <summary>
/// The Thrift compact protocol, just what Parquet's page headers and footer need: field headers with id deltas,
/// zigzag varints, binary, lists and nested structs (https://github.com/apache/thrift/blob/master/doc/specs/thrift-compact-protocol.md).
/// </summary>
internal sealed class ThriftCompactWriter(PooledBuffer output)
{
    const byte TypeTrue = 1;
    const byte TypeFalse = 2;
    const byte TypeI32 = 5;
    const byte TypeI64 = 6;
    const byte TypeBinary = 8;
    const byte TypeList = 9;
    const byte TypeStruct = 12;

    public const byte ListI32 = TypeI32;
    public const byte ListBinary = TypeBinary;
    public const byte ListStruct = TypeStruct;

    readonly Stack<short> outer = new();
    short lastId;

    public PooledBuffer Output { get; } = output;

    /// <summary>Starts a top-level struct (or a struct that is a list element).</summary>
    public void StructBegin()
    {
        outer.Push(lastId);
        lastId = 0;
    }

    public void StructEnd()
    {
        Output.WriteByte(0);
        lastId = outer.Pop();
    }

    public void FieldStructBegin(short id)
    {
        FieldHeader(id, TypeStruct);
        StructBegin();
    }

    /// <summary>A field holding an empty struct (the empty marker structs of LogicalType and ColumnOrder).</summary>
    public void FieldEmptyStruct(short id)
    {
        FieldStructBegin(id);
        StructEnd();
    }

    public void FieldI32(short id, int value)
    {
        FieldHeader(id, TypeI32);
        Output.WriteVarint(ZigZag(value));
    }

    public void FieldI64(short id, long value)
    {
        FieldHeader(id, TypeI64);
        Output.WriteVarint(ZigZag(value));
    }

    public void FieldBool(short id, bool value) => FieldHeader(id, value ? TypeTrue : TypeFalse);

    public void FieldBinary(short id, ReadOnlySpan<byte> value)
    {
        FieldHeader(id, TypeBinary);
        Binary(value);
    }

    public void FieldString(short id, string value)
    {
        FieldHeader(id, TypeBinary);
        String(value);
    }

    public void FieldListBegin(short id, byte elementType, int count)
    {
        FieldHeader(id, TypeList);
        if (count < 15)
        {
            Output.WriteByte((byte)((count << 4) | elementType));
        }
        else
        {
            Output.WriteByte((byte)(0xF0 | elementType));
            Output.WriteVarint((uint)count);
        }
    }

    public void ElementI32(int value) => Output.WriteVarint(ZigZag(value));

    public void String(string value)
    {
        var bytes = System.Text.Encoding.UTF8.GetByteCount(value);
        Output.WriteVarint((uint)bytes);
        Output.Advance(System.Text.Encoding.UTF8.GetBytes(value, Output.GetFree(bytes)));
    }

    void Binary(ReadOnlySpan<byte> value)
    {
        Output.WriteVarint((uint)value.Length);
        Output.Write(value);
    }

    void FieldHeader(short id, byte type)
    {
        var delta = id - lastId;
        if (delta is > 0 and <= 15)
        {
            Output.WriteByte((byte)((delta << 4) | type));
        }
        else
        {
            Output.WriteByte(type);
            Output.WriteVarint(ZigZag(id));
        }

        lastId = id;
    }

    static ulong ZigZag(int value) => (uint)((value << 1) ^ (value >> 31));

    static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));
}
