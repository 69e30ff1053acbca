using System.Buffers.Binary;
using System.Numerics;

namespace PayerAtlas.Lake.Parquet;

/// <summary>
/// Parquet's DELTA_BINARY_PACKED (Encodings.md) for INT32 and INT64 values: a header (block size 128, 4 miniblocks
/// of 32, value count, first value as zigzag ULEB128), then per block the smallest delta and, per miniblock, the
/// deltas minus it bit-packed at the miniblock's own width (least significant bit first; the last miniblock padded
/// to 32 values, miniblocks after the last value only a zero width byte). Deltas wrap in the value's own width, as
/// every reader computes them: a sorted or slowly changing column (array indices, byte offsets) packs to a few bits.
/// </summary>
internal static class DeltaBinaryPacked
{
    const int BlockValues = 128;
    const int Miniblocks = 4;
    const int MiniblockValues = BlockValues / Miniblocks;

    /// <summary>The largest encoding of <paramref name="count"/> values of <paramref name="width"/> bytes (for a buffer's size).</summary>
    public static int MaxBytes(int count, int width) =>
        (4 * 10) + (((count / BlockValues) + 1) * (10 + Miniblocks + (BlockValues * width)));

    public static void Encode<T>(ReadOnlySpan<T> values, PooledBuffer output)
        where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T>
    {
        var mask = ulong.MaxValue >> (64 - (8 * System.Runtime.CompilerServices.Unsafe.SizeOf<T>()));
        var free = output.GetFree(MaxBytes(values.Length, System.Runtime.CompilerServices.Unsafe.SizeOf<T>()));
        var o = 0;
        o += Uleb128.Write(free[o..], BlockValues);
        o += Uleb128.Write(free[o..], Miniblocks);
        o += Uleb128.Write(free[o..], (ulong)values.Length);
        o += Uleb128.Write(free[o..], ZigZag(values.IsEmpty ? 0 : long.CreateTruncating(values[0])));
        Span<ulong> adjusted = stackalloc ulong[BlockValues];
        Span<T> deltas = stackalloc T[BlockValues];
        for (var start = 1; start < values.Length; start += BlockValues)
        {
            var n = Math.Min(BlockValues, values.Length - start);
            var block = values.Slice(start - 1, n + 1);
            var minDelta = T.MaxValue;
            for (var i = 0; i < n; i++)
            {
                // Wraps in T's width (an int column's deltas stay 32-bit), as readers add them back.
                var d = unchecked(block[i + 1] - block[i]);
                deltas[i] = d;
                minDelta = T.Min(minDelta, d);
            }

            o += Uleb128.Write(free[o..], ZigZag(long.CreateTruncating(minDelta)));
            var widths = o;
            o += Miniblocks;
            for (var m = 0; m < Miniblocks; m++)
            {
                var first = m * MiniblockValues;
                if (first >= n)
                {
                    free[widths + m] = 0;
                    continue;
                }

                var count = Math.Min(MiniblockValues, n - first);
                var mini = adjusted.Slice(first, MiniblockValues);
                ulong any = 0;
                for (var i = 0; i < count; i++)
                {
                    var a = ulong.CreateTruncating(unchecked(deltas[first + i] - minDelta)) & mask;
                    mini[i] = a;
                    any |= a;
                }

                mini[count..].Clear();
                var width = 64 - BitOperations.LeadingZeroCount(any);
                free[widths + m] = (byte)width;
                o += width <= 32 ? PackNarrow(mini, width, free[o..]) : PackWide(mini, width, free[o..]);
            }
        }

        output.Advance(o);
    }

    /// <summary>32 values of up to 32 bits, least significant bit first, as whole 32-bit words: 4 × width bytes.</summary>
    static int PackNarrow(ReadOnlySpan<ulong> values, int width, Span<byte> destination)
    {
        if (width == 0)
        {
            return 0;
        }

        ulong acc = 0;
        var bits = 0;
        var o = 0;
        foreach (var v in values)
        {
            acc |= v << bits;
            bits += width;
            if (bits >= 32)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(destination[o..], (uint)acc);
                o += 4;
                acc >>= 32;
                bits -= 32;
            }
        }

        return o;
    }

    /// <summary>32 values of 33 to 64 bits, least significant bit first, through a 128-bit accumulator: 4 × width bytes.</summary>
    static int PackWide(ReadOnlySpan<ulong> values, int width, Span<byte> destination)
    {
        UInt128 acc = 0;
        var bits = 0;
        var o = 0;
        foreach (var v in values)
        {
            acc |= (UInt128)v << bits;
            bits += width;
            while (bits >= 32)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(destination[o..], (uint)acc);
                o += 4;
                acc >>= 32;
                bits -= 32;
            }
        }

        return o;
    }

    static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));
}
