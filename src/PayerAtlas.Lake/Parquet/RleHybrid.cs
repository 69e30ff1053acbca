using System.Numerics;

namespace PayerAtlas.Lake.Parquet;

/// <summary>
/// Parquet's RLE / bit-packing hybrid (Encodings.md): runs of 8 or more equal values become RLE runs, the rest
/// bit-packed groups of 8 (the last group padded with zeros; readers stop at the page's value count). Runs are found
/// with the vectorised <c>IndexOfAnyExcept</c>, so a constant column costs a fraction of a nanosecond per value.
/// </summary>
internal static class RleHybrid
{
    /// <summary>Bits needed for values up to <paramref name="max"/>; at least 1 (readers disagree about width 0).</summary>
    public static int BitWidth(int max) => Math.Max(1, 32 - BitOperations.LeadingZeroCount((uint)max));

    public static void Encode<T>(ReadOnlySpan<T> values, int bitWidth, PooledBuffer output)
        where T : unmanaged, IBinaryInteger<T>
    {
        var n = values.Length;
        var i = 0;
        var literalStart = 0;
        while (i < n)
        {
            var v = values[i];
            var run = 1;
            if (i + 8 <= n && values[i + 7] == v)
            {
                var differs = values[(i + 1)..].IndexOfAnyExcept(v);
                run = differs < 0 ? n - i : differs + 1;
            }

            if (run >= 8)
            {
                // Pending literals must fill whole groups of 8: borrow the first values of the run to pad them.
                var pending = i - literalStart;
                var pad = (8 - (pending & 7)) & 7;
                if (run - pad >= 8)
                {
                    if (pending + pad > 0)
                    {
                        BitPack(values.Slice(literalStart, pending + pad), bitWidth, output);
                    }

                    Run(uint.CreateTruncating(v), run - pad, bitWidth, output);
                    i += run;
                    literalStart = i;
                    continue;
                }
            }

            i += run;
        }

        if (literalStart < n)
        {
            BitPack(values[literalStart..], bitWidth, output);
        }
    }

    /// <summary>One RLE run: <paramref name="count"/> times <paramref name="value"/>.</summary>
    public static void Run(uint value, int count, int bitWidth, PooledBuffer output)
    {
        output.WriteVarint((ulong)count << 1);
        var bytes = (bitWidth + 7) >> 3;
        for (var b = 0; b < bytes; b++)
        {
            output.WriteByte((byte)(value >> (8 * b)));
        }
    }

    public static void BitPack<T>(ReadOnlySpan<T> values, int bitWidth, PooledBuffer output)
        where T : unmanaged, IBinaryInteger<T>
    {
        var groups = (values.Length + 7) >> 3;
        output.WriteVarint(((ulong)groups << 1) | 1);
        var bytes = groups * bitWidth;
        var free = output.GetFree(bytes);
        ulong acc = 0;
        var bits = 0;
        var o = 0;
        var padded = groups * 8;
        for (var j = 0; j < padded; j++)
        {
            ulong x = j < values.Length ? ulong.CreateTruncating(values[j]) : 0;
            acc |= x << bits;
            bits += bitWidth;
            while (bits >= 8)
            {
                free[o++] = (byte)acc;
                acc >>= 8;
                bits -= 8;
            }
        }

        output.Advance(bytes);
    }
}
