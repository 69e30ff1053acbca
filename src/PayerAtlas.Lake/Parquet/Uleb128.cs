using System.Runtime.CompilerServices;

namespace PayerAtlas.Lake.Parquet;

/// <summary>Unsigned LEB128 (Parquet's ULEB128, protobuf's varint): seven bits a byte, low bits first.</summary>
internal static class Uleb128
{
    /// <summary>Writes <paramref name="value"/> at the start of <paramref name="span"/> (room for 10 bytes); returns the bytes written.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Write(Span<byte> span, ulong value)
    {
        if (value < 0x80)
        {
            span[0] = (byte)value;
            return 1;
        }

        var n = 0;
        while (value >= 0x80)
        {
            span[n++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[n++] = (byte)value;
        return n;
    }
}
