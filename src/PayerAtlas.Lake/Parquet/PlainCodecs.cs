using System.Runtime.CompilerServices;

namespace PayerAtlas.Lake.Parquet;

/// <summary>
/// PLAIN encoding of one fixed-width type plus its chunk statistics, as a mutable struct so the generic page loop in
/// <see cref="ColumnChunkWriter"/> is specialised per type (no delegate, no boxing). Little-endian hosts only.
/// </summary>
internal interface IPlainCodec<T>
    where T : struct
{
    static abstract int Width { get; }

    void Append(ref byte destination, T value);

    void Finish(ColumnChunkInfo chunk);
}

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

internal struct Int32Codec() : IPlainCodec<int>
{
    int min = int.MaxValue;
    int max = int.MinValue;
    bool any;

    public static int Width => 4;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Append(ref byte destination, int value)
    {
        Unsafe.WriteUnaligned(ref destination, value);
        min = Math.Min(min, value);
        max = Math.Max(max, value);
        any = true;
    }

    public readonly void Finish(ColumnChunkInfo chunk)
    {
        if (any)
        {
            chunk.MinValue = BitConverter.GetBytes(min);
            chunk.MaxValue = BitConverter.GetBytes(max);
        }
    }
}

/// <summary>Parquet DATE: INT32 days since 1970-01-01.</summary>
internal struct DateCodec() : IPlainCodec<DateOnly>
{
    static readonly int Epoch = new DateOnly(1970, 1, 1).DayNumber;
    Int32Codec days = new();

    public static int Width => 4;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Append(ref byte destination, DateOnly value) => days.Append(ref destination, value.DayNumber - Epoch);

    public readonly void Finish(ColumnChunkInfo chunk) => days.Finish(chunk);
}

internal struct Int64Codec() : IPlainCodec<long>
{
    long min = long.MaxValue;
    long max = long.MinValue;
    bool any;

    public static int Width => 8;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Append(ref byte destination, long value)
    {
        Unsafe.WriteUnaligned(ref destination, value);
        min = Math.Min(min, value);
        max = Math.Max(max, value);
        any = true;
    }

    public readonly void Finish(ColumnChunkInfo chunk)
    {
        if (any)
        {
            chunk.MinValue = BitConverter.GetBytes(min);
            chunk.MaxValue = BitConverter.GetBytes(max);
        }
    }
}
