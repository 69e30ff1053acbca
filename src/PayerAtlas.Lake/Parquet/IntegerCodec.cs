using System.Numerics;
using System.Runtime.CompilerServices;

namespace PayerAtlas.Lake.Parquet;

/// <summary>PLAIN INT32 / INT64: little-endian, signed min and max.</summary>
internal struct IntegerCodec<T>() : IPlainCodec<T>
    where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T>
{
    T min = T.MaxValue;
    T max = T.MinValue;
    bool any;

    public static int Width => Unsafe.SizeOf<T>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Append(ref byte destination, T value)
    {
        Unsafe.WriteUnaligned(ref destination, value);
        min = T.Min(min, value);
        max = T.Max(max, value);
        any = true;
    }

    public readonly void Finish(ColumnChunkInfo chunk)
    {
        if (any)
        {
            chunk.MinValue = Bytes(min);
            chunk.MaxValue = Bytes(max);
        }
    }

    static byte[] Bytes(T value)
    {
        var bytes = new byte[Unsafe.SizeOf<T>()];
        Unsafe.WriteUnaligned(ref bytes[0], value);
        return bytes;
    }
}
