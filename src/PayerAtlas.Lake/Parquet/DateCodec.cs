using System.Runtime.CompilerServices;

namespace PayerAtlas.Lake.Parquet;

/// <summary>Parquet DATE: INT32 days since 1970-01-01.</summary>
internal struct DateCodec() : IPlainCodec<DateOnly>
{
    static readonly int Epoch = new DateOnly(1970, 1, 1).DayNumber;
    IntegerCodec<int> days = new();

    public static int Width => 4;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Append(ref byte destination, DateOnly value) => days.Append(ref destination, value.DayNumber - Epoch);

    public readonly void Finish(ColumnChunkInfo chunk) => days.Finish(chunk);
}
