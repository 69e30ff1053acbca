using System.Runtime.CompilerServices;

namespace PayerAtlas.Lake.Parquet;

internal struct DoubleCodec() : IPlainCodec<double>
{
    double min = double.PositiveInfinity;
    double max = double.NegativeInfinity;
    long nans;

    public static int Width => 8;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Append(ref byte destination, double value)
    {
        Unsafe.WriteUnaligned(ref destination, value);

        // NaN compares false both ways, so it never becomes a bound (the spec wants bounds of the non-NaN values).
        if (value < min)
        {
            min = value;
        }

        if (value > max)
        {
            max = value;
        }

        if (double.IsNaN(value))
        {
            nans++;
        }
    }

    public readonly void Finish(ColumnChunkInfo chunk)
    {
        chunk.NanCount = nans;
        if (min <= max)
        {
            // Zero bounds are written as -0.0 (min) and +0.0 (max), as parquet.thrift's ColumnOrder asks.
            chunk.MinValue = BitConverter.GetBytes(min == 0 ? -0.0 : min);
            chunk.MaxValue = BitConverter.GetBytes(max == 0 ? 0.0 : max);
        }
    }
}
